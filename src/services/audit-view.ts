// The audit trail as the administratör reads it ('audit.read'): the tenant's entries, newest first,
// filtered by day and actor; a CSV export that Excel opens in a Swedish locale; and the status of the
// hash chain. The audit log carries the tenant, not the organisation, so an administrator of any
// organisation of the tenant reads the tenant's whole trail (docs/decisions/0005-oidc.md).
import type { ServiceContext } from './context.ts';
import { invalid } from './errors.ts';
import { describeChainBreak, verifyAuditChain } from './audit.ts';
import type { OrgAccess } from './organisations.ts';
import { queryAudit, type AuditRow } from '../db/repositories/audit.ts';
import { parseDay } from '../domain/period.ts';

export const DEFAULT_AUDIT_LIMIT = 200;
export const MAX_AUDIT_LIMIT = 5_000;
/** The export reads at most this many entries; a longer span is exported in parts. */
export const MAX_AUDIT_EXPORT = 100_000;

export type AuditQuery = { readonly from?: string | undefined; readonly to?: string | undefined; readonly actor?: string | undefined; readonly limit?: number | undefined };

export type AuditEntryView = {
  readonly seq: number; readonly at: string; readonly actor: string; readonly action: string;
  readonly entity: string; readonly entityId: string; readonly before: unknown; readonly after: unknown;
};

function dayStart(text: string | undefined, field: 'from' | 'to'): Date | undefined {
  if (text === undefined || text === '') return undefined;
  const day = parseDay(text);
  if (!day.ok) throw invalid(field, `${field === 'from' ? 'Från' : 'Till'}: ${day.error}`);
  return new Date(`${day.value}T00:00:00Z`);
}

/** Days are whole UTC days and `to` is included: the span is [from 00:00, the day after `to` 00:00). */
function filterOf(query: AuditQuery, limit: number) {
  const from = dayStart(query.from, 'from');
  const toDay = dayStart(query.to, 'to');
  const to = toDay ? new Date(toDay.getTime() + 86_400_000) : undefined;
  if (from && to && to <= from) throw invalid('to', 'Till-datumet får inte vara före från-datumet.');
  const actor = query.actor?.trim();
  return { from, to, actor: actor === '' ? undefined : actor, limit };
}

function toView(r: AuditRow): AuditEntryView {
  return { seq: r.seq, at: r.at.toISOString(), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entityId, before: r.before, after: r.after };
}

export async function listAuditEntries(ctx: ServiceContext, access: OrgAccess, query: AuditQuery): Promise<{ entries: AuditEntryView[]; limit: number; more: boolean }> {
  const limit = query.limit ?? DEFAULT_AUDIT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_LIMIT) throw invalid('limit', `Antal poster (limit) ska vara ett heltal 1–${MAX_AUDIT_LIMIT}.`);
  const rows = await queryAudit(ctx.db, access.org.tenantId, filterOf(query, limit + 1));
  return { entries: rows.slice(0, limit).map(toView), limit, more: rows.length > limit };
}

// ---- CSV ----

const CSV_HEADER = ['Nr i kedjan', 'Tidpunkt (UTC)', 'Användare', 'Händelse', 'Objekt', 'Objektets id', 'Före', 'Efter'];

/**
 * A cell for Excel in a Swedish locale: semicolon-separated, quoted when needed; a text that starts
 * like a formula gets a leading apostrophe so that opening the file never runs it.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const json = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value));

export function auditCsv(entries: readonly AuditEntryView[]): string {
  const lines = [CSV_HEADER, ...entries.map((e) => [String(e.seq), e.at, e.actor, e.action, e.entity, e.entityId, json(e.before), json(e.after)])];
  // The byte order mark makes Excel read UTF-8 (å, ä, ö); CRLF as RFC 4180 says.
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

export async function exportAuditCsv(ctx: ServiceContext, access: OrgAccess, query: AuditQuery): Promise<{ csv: string; count: number }> {
  const rows = await queryAudit(ctx.db, access.org.tenantId, filterOf(query, MAX_AUDIT_EXPORT));
  const entries = rows.map(toView);
  return { csv: auditCsv(entries), count: entries.length };
}

// ---- the chain ----

export type ChainStatus = {
  readonly intact: boolean; readonly entries: number; readonly headHash: string | null;
  readonly problems: string[]; readonly checkedAt: string;
};

/** The whole chain (every tenant's entries form one chain), recomputed now. */
export async function auditChainStatus(ctx: ServiceContext): Promise<ChainStatus> {
  const report = await verifyAuditChain(ctx);
  return {
    intact: report.breaks.length === 0, entries: report.entries, headHash: report.headHash,
    problems: report.breaks.slice(0, 20).map(describeChainBreak), checkedAt: ctx.now().toISOString(),
  };
}
