// Plan lines (budgetrader) and the summary table that statement triggers keep current.
import { sql } from 'kysely';
import type { DbOrTx } from '../database.ts';
import { toOre, toSafeNumber } from '../convert.ts';
import type { Ore } from '../../domain/money.ts';
import type { CategoryKind } from '../../domain/category.ts';

/**
 * "Every line, typed or imported": always true, and what lets a query on a version's lines use both of
 * their indexes (migration 0016): the B-tree over typed lines (sie_import_id IS NULL) and the BRIN over
 * imported ones (IS NOT NULL), combined by a BitmapOr. Add it wherever plan_line itself is searched by
 * version; readers read the view plan_line_all (migration 0018), which carries it.
 */
export function anyLineSource() {
  return sql<boolean>`(sie_import_id IS NULL OR sie_import_id IS NOT NULL)`;
}

export type PlanLineRow = {
  readonly id: number;
  readonly versionId: number;
  readonly year: number;
  readonly period: string | null;
  readonly unitCode: string;
  readonly unitName: string;
  readonly accountCode: string;
  readonly accountName: string;
  readonly category: string;
  readonly categoryName: string;
  readonly kind: CategoryKind;
  readonly amountOre: Ore;
  readonly revision: number;
  readonly projectCode: string | null;
  readonly funderCode: string | null;
  readonly updatedBy: string | null;
};

/** Lines as readers see them: typed and imported, plan_line and actual_line (the view of migration 0018). */
function selectLines(db: DbOrTx) {
  return db.selectFrom('plan_line_all as l')
    .innerJoin('organisation as u', 'u.id', 'l.unit_id')
    .innerJoin('account as a', (j) => j.onRef('a.tenant_id', '=', 'l.tenant_id').onRef('a.code', '=', 'l.account_code'))
    .innerJoin('category as c', (j) => j.onRef('c.tenant_id', '=', 'l.tenant_id').onRef('c.code', '=', 'l.category_code'))
    .select([
      'l.id', 'l.version_id', 'l.year', 'l.period', 'u.code as unit_code', 'u.name as unit_name', 'l.account_code',
      'a.name as account_name', 'l.category_code', 'c.name as category_name', 'c.kind', 'l.amount_ore', 'l.revision',
      'l.project_code', 'l.funder_code', 'l.updated_by',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof selectLines>['execute']>>[number];

function toRow(r: Raw): PlanLineRow {
  return {
    id: toSafeNumber(r.id, 'plan_line.id'),
    versionId: toSafeNumber(r.version_id, 'plan_line.version_id'),
    year: r.year, period: r.period, unitCode: r.unit_code, unitName: r.unit_name,
    accountCode: r.account_code, accountName: r.account_name,
    category: r.category_code, categoryName: r.category_name, kind: r.kind,
    amountOre: toOre(r.amount_ore, 'plan_line.amount_ore'), revision: r.revision,
    projectCode: r.project_code, funderCode: r.funder_code, updatedBy: r.updated_by,
  };
}

export async function listPlanLines(db: DbOrTx, versionId: number, year: number): Promise<PlanLineRow[]> {
  const rows = await selectLines(db).where('l.version_id', '=', String(versionId)).where('l.year', '=', year)
    .orderBy('c.sort_order').orderBy('l.account_code').orderBy('u.code').orderBy('l.period').orderBy('l.id').execute();
  return rows.map(toRow);
}

export async function findPlanLine(db: DbOrTx, versionId: number, id: number): Promise<PlanLineRow | undefined> {
  const r = await selectLines(db).where('l.version_id', '=', String(versionId)).where('l.id', '=', String(id)).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

export type NewPlanLine = {
  readonly tenantId: number; readonly orgId: number; readonly versionId: number; readonly year: number;
  readonly period: string | null; readonly unitId: number; readonly accountCode: string; readonly category: string;
  readonly projectCode: string | null; readonly funderCode: string | null; readonly amountOre: Ore;
};

const CHUNK = 2_000;

export async function insertPlanLines(db: DbOrTx, lines: readonly NewPlanLine[], by: string | null): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < lines.length; i += CHUNK) {
    const chunk = lines.slice(i, i + CHUNK);
    const rows = await db.insertInto('plan_line').values(chunk.map((l) => ({
      tenant_id: l.tenantId, org_id: l.orgId, version_id: l.versionId, year: l.year, period: l.period, unit_id: l.unitId,
      account_code: l.accountCode, category_code: l.category, project_code: l.projectCode, funder_code: l.funderCode,
      amount_ore: l.amountOre, updated_by: by,
    }))).returning('id').execute();
    for (const r of rows) ids.push(toSafeNumber(r.id, 'plan_line.id'));
  }
  return ids;
}

/** Sets a line's amount only when its revision is still `expectedRevision`; undefined on a stale revision. */
export async function updatePlanLineAmount(
  db: DbOrTx, versionId: number, id: number, expectedRevision: number, amountOre: Ore, by: string,
): Promise<number | undefined> {
  const r = await db.updateTable('plan_line')
    .set((eb) => ({ amount_ore: amountOre, revision: eb('revision', '+', 1), updated_at: sql<Date>`now()`, updated_by: by }))
    .where('version_id', '=', String(versionId)).where('id', '=', String(id)).where('revision', '=', expectedRevision).where(anyLineSource())
    .returning('revision').executeTakeFirst();
  return r?.revision;
}

export async function deletePlanLine(db: DbOrTx, versionId: number, id: number, expectedRevision: number): Promise<boolean> {
  const r = await db.deleteFrom('plan_line').where('version_id', '=', String(versionId)).where('id', '=', String(id))
    .where('revision', '=', expectedRevision).where(anyLineSource()).executeTakeFirst();
  return r.numDeletedRows === 1n;
}

export type CategoryTotal = { readonly year: number; readonly category: string; readonly amountOre: Ore };

/** Totals per year and category of a version, read from the maintained summary table. */
export async function categoryTotals(db: DbOrTx, versionId: number, years?: { from: number; to: number }): Promise<CategoryTotal[]> {
  let q = db.selectFrom('plan_summary').select(['year', 'category_code', 'amount_ore']).where('version_id', '=', String(versionId));
  if (years) q = q.where('year', '>=', years.from).where('year', '<=', years.to);
  const rows = await q.orderBy('year').orderBy('category_code').execute();
  return rows.map((r) => ({ year: r.year, category: r.category_code, amountOre: toOre(r.amount_ore, 'plan_summary.amount_ore') }));
}

/** The same totals by a GROUP BY over the raw lines: the reference the summary table is checked against. */
export async function categoryTotalsFromLines(db: DbOrTx, versionId: number, years?: { from: number; to: number }): Promise<CategoryTotal[]> {
  let q = db.selectFrom('plan_line_all')
    .select((eb) => ['year', 'category_code', eb.fn.sum<string>('amount_ore').as('amount_ore')])
    .where('version_id', '=', String(versionId));
  if (years) q = q.where('year', '>=', years.from).where('year', '<=', years.to);
  const rows = await q.groupBy(['year', 'category_code']).orderBy('year').orderBy('category_code').execute();
  return rows.map((r) => ({ year: r.year, category: r.category_code, amountOre: toOre(r.amount_ore, 'sum(amount_ore)') }));
}

/** Base lines of a version year, one per account × unit × project × funder (periods summed). */
export async function yearLinesByKey(db: DbOrTx, versionId: number, year: number): Promise<Array<{ key: string; category: string; accountCode: string; amountOre: Ore }>> {
  const rows = await db.selectFrom('plan_line_all')
    .select((eb) => ['unit_id', 'account_code', 'category_code', 'project_code', 'funder_code', eb.fn.sum<string>('amount_ore').as('amount_ore')])
    .where('version_id', '=', String(versionId)).where('year', '=', year)
    .groupBy(['unit_id', 'account_code', 'category_code', 'project_code', 'funder_code'])
    .orderBy('unit_id').orderBy('account_code').execute();
  return rows.map((r) => ({
    key: `${r.unit_id}|${r.account_code}|${r.project_code ?? ''}|${r.funder_code ?? ''}`,
    category: r.category_code,
    accountCode: r.account_code,
    amountOre: toOre(r.amount_ore, 'sum(amount_ore)'),
  }));
}
