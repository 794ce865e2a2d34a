// Editing plan lines: every write is one transaction, checked against the version's status and
// the line's revision (optimistic concurrency: a stale revision is a conflict, never an overwrite),
// and written to the audit log with its before and after.
import type { ServiceContext } from './context.ts';
import { ServiceError, invalid, notFound } from './errors.ts';
import type { AuthUser } from './auth.ts';
import { requireVersion } from './overview.ts';
import { unitsOf } from './organisations.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import type { VersionRow } from '../db/repositories/versions.ts';
import {
  deletePlanLine, findPlanLine, insertPlanLines, listPlanLines, updatePlanLineAmount, type PlanLineRow,
} from '../db/repositories/plan-lines.ts';
import { findAccount, listAccountRanges } from '../db/repositories/reference.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { canEditVersion } from '../domain/plan.ts';
import { categoryForAccount } from '../domain/category.ts';
import { ore, type Ore } from '../domain/money.ts';
import { parsePeriod, periodYear } from '../domain/period.ts';

export type LinesView = { readonly version: VersionRow; readonly editable: boolean; readonly lines: readonly PlanLineRow[] };

export async function listLines(ctx: ServiceContext, org: OrganisationRow, canEdit: boolean, versionCode: string, year: number): Promise<LinesView> {
  const version = await requireVersion(ctx.db, org, versionCode);
  const lines = await listPlanLines(ctx.db, version.id, year);
  return { version, editable: canEdit && canEditVersion(version).ok && version.kind !== 'actual', lines };
}

function assertEditable(version: VersionRow): void {
  const editable = canEditVersion(version);
  if (!editable.ok) throw new ServiceError('version_adopted', editable.error);
  if (version.kind === 'actual') {
    throw new ServiceError('version_adopted', 'Utfallet kommer från bokföringen och ändras genom en ny SIE-import, inte här.');
  }
}

function checkAmount(amountOre: number): Ore {
  if (!Number.isSafeInteger(amountOre)) throw invalid('amountOre', 'Beloppet måste vara ett heltal i öre.');
  if (Math.abs(amountOre) > 1e15) throw invalid('amountOre', 'Beloppet är orimligt stort.');
  return ore(amountOre);
}

/** A database refusal of an adopted version (trigger RP002) becomes the same message as the service check. */
function translateFrozen(error: unknown): never {
  if (typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'RP002') {
    throw new ServiceError('version_adopted', (error as unknown as Error).message);
  }
  throw error;
}

export async function updateLineAmount(
  ctx: ServiceContext, user: AuthUser, org: OrganisationRow, versionCode: string, lineId: number, amountOre: number, revision: number,
): Promise<PlanLineRow> {
  const amount = checkAmount(amountOre);
  if (!Number.isSafeInteger(revision) || revision < 1) throw invalid('revision', 'Radens revision saknas eller är ogiltig.');
  return ctx.db.transaction().execute(async (tx) => {
    const version = await requireVersion(tx, org, versionCode);
    assertEditable(version);
    const before = await findPlanLine(tx, version.id, lineId);
    if (!before) throw notFound(`Raden ${lineId} finns inte i versionen ${version.name}.`);
    const updated = await updatePlanLineAmount(tx, version.id, lineId, revision, amount, user.username).catch(translateFrozen);
    if (updated === undefined) {
      throw new ServiceError('conflict', 'Raden har ändrats av någon annan sedan du läste den. Välj vilket värde som ska gälla.', { current: before });
    }
    const after = await findPlanLine(tx, version.id, lineId);
    if (!after) throw new Error('updated line vanished inside its transaction');
    await appendAudit(tx, {
      tenantId: org.tenantId, actor: user.username, action: 'plan_line.update', entity: 'plan_line', entityId: String(lineId),
      before: { amountOre: before.amountOre, revision: before.revision }, after: { amountOre: after.amountOre, revision: after.revision },
    });
    return after;
  });
}

export type NewLineInput = {
  readonly year: number; readonly period?: string | null; readonly unitCode: string; readonly accountCode: string;
  readonly amountOre: number; readonly projectCode?: string | null; readonly funderCode?: string | null;
};

export async function createLine(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, versionCode: string, input: NewLineInput): Promise<PlanLineRow> {
  const amount = checkAmount(input.amountOre);
  return ctx.db.transaction().execute(async (tx) => {
    const version = await requireVersion(tx, org, versionCode);
    assertEditable(version);
    if (input.year < version.firstYear || input.year > version.lastYear) {
      throw invalid('year', `År ${input.year} ingår inte i versionen (${version.firstYear}–${version.lastYear}).`);
    }
    let period: string | null = null;
    if (input.period !== undefined && input.period !== null) {
      const p = parsePeriod(input.period);
      if (!p.ok) throw invalid('period', p.error);
      if (periodYear(p.value) !== input.year) throw invalid('period', `Perioden ${input.period} hör inte till år ${input.year}.`);
      period = p.value;
    }
    const unit = (await unitsOf(ctx, org)).find((u) => u.code === input.unitCode);
    if (!unit) throw invalid('unitCode', `Enheten ${input.unitCode} finns inte under ${org.name}.`);
    const account = await findAccount(tx, org.tenantId, input.accountCode);
    if (!account) throw invalid('accountCode', `Kontot ${input.accountCode} finns inte i kontoplanen.`);
    const category = account.category ?? categoryForAccount(account.code, await listAccountRanges(tx, org.tenantId));
    if (category === undefined) throw invalid('accountCode', `Kontot ${account.code} hör inte till någon kategori. Mappa det under Inställningar.`);
    const ids = await insertPlanLines(tx, [{
      tenantId: org.tenantId, orgId: org.id, versionId: version.id, year: input.year, period, unitId: unit.id,
      accountCode: account.code, category, projectCode: input.projectCode ?? null, funderCode: input.funderCode ?? null, amountOre: amount,
    }], user.username).catch((e: unknown) => {
      if (typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === '23505') {
        throw new ServiceError('conflict', 'Det finns redan en rad för samma konto, enhet och period.', { field: 'accountCode' });
      }
      return translateFrozen(e);
    });
    const id = ids[0];
    const line = id === undefined ? undefined : await findPlanLine(tx, version.id, id);
    if (!line) throw new Error('inserted line not found');
    await appendAudit(tx, {
      tenantId: org.tenantId, actor: user.username, action: 'plan_line.create', entity: 'plan_line', entityId: String(line.id),
      before: null, after: line,
    });
    return line;
  });
}

export async function deleteLine(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, versionCode: string, lineId: number, revision: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const version = await requireVersion(tx, org, versionCode);
    assertEditable(version);
    const before = await findPlanLine(tx, version.id, lineId);
    if (!before) throw notFound(`Raden ${lineId} finns inte i versionen ${version.name}.`);
    const deleted = await deletePlanLine(tx, version.id, lineId, revision).catch(translateFrozen);
    if (!deleted) throw new ServiceError('conflict', 'Raden har ändrats av någon annan sedan du läste den.', { current: before });
    await appendAudit(tx, {
      tenantId: org.tenantId, actor: user.username, action: 'plan_line.delete', entity: 'plan_line', entityId: String(lineId),
      before, after: null,
    });
  });
}
