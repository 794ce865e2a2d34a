// The append-only audit log (the database refuses UPDATE and DELETE on it).
import { sql } from 'kysely';
import type { DbOrTx } from '../database.ts';
import { toSafeNumber } from '../convert.ts';

export type AuditEntry = {
  readonly tenantId: number; readonly actor: string; readonly action: string;
  readonly entity: string; readonly entityId: string; readonly before: unknown; readonly after: unknown;
};

export async function appendAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    tenant_id: entry.tenantId, actor: entry.actor, action: entry.action, entity: entry.entity, entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  }).execute();
}

export async function listAudit(db: DbOrTx, tenantId: number, limit = 100): Promise<Array<AuditEntry & { at: Date }>> {
  const rows = await db.selectFrom('audit_log').selectAll().where('tenant_id', '=', String(tenantId)).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    tenantId, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, at: r.at,
  }));
}

export type AuditChainRow = { readonly seq: number; readonly prevHash: string; readonly hash: string; readonly canonical: string };

/** The chain in order from `afterSeq`, with the exact text each hash was computed over. */
export async function readAuditChain(db: DbOrTx, afterSeq: number, limit: number): Promise<AuditChainRow[]> {
  const result = await sql<{ chain_seq: string; prev_hash: string; hash: string; canonical: string }>`
    SELECT chain_seq, prev_hash, hash,
           audit_canonical(prev_hash, tenant_id, at, actor, action, entity, entity_id, before, after) AS canonical
      FROM audit_log WHERE chain_seq > ${afterSeq} ORDER BY chain_seq LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => ({ seq: toSafeNumber(r.chain_seq, 'audit_log.chain_seq'), prevHash: r.prev_hash, hash: r.hash, canonical: r.canonical }));
}

export type AuditFilter = {
  /** Half-open span of time: from inclusive, to exclusive. */
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly actor?: string | undefined;
  readonly limit: number;
};

export type AuditRow = AuditEntry & { readonly seq: number; readonly at: Date };

/** A tenant's entries, newest first. */
export async function queryAudit(db: DbOrTx, tenantId: number, filter: AuditFilter): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log')
    .select(['chain_seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'])
    .where('tenant_id', '=', String(tenantId));
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
  const rows = await query.orderBy('chain_seq', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({
    tenantId, seq: toSafeNumber(r.chain_seq, 'audit_log.chain_seq'), at: r.at, actor: r.actor, action: r.action,
    entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after,
  }));
}
