// Annotations of the result history (action packages, notes) and the opening accumulated surplus.
// The yearly results themselves are derived from the actuals' summary.
import type { DbOrTx } from '../database.ts';
import { toOre, toSafeNumber } from '../convert.ts';
import type { Ore } from '../../domain/money.ts';

export type ResultNoteRow = { readonly year: number; readonly actionPackage: boolean; readonly note: string | null };

export async function insertResultNotes(db: DbOrTx, tenantId: number, orgId: number, notes: readonly ResultNoteRow[]): Promise<void> {
  if (notes.length === 0) return;
  await db.insertInto('result_note').values(notes.map((n) => ({
    tenant_id: tenantId, org_id: orgId, year: n.year, action_package: n.actionPackage, note: n.note,
  }))).execute();
}

export async function listResultNotes(db: DbOrTx, orgId: number): Promise<ResultNoteRow[]> {
  const rows = await db.selectFrom('result_note').select(['year', 'action_package', 'note']).where('org_id', '=', String(orgId)).orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, actionPackage: r.action_package, note: r.note }));
}

export async function setResultOpening(db: DbOrTx, tenantId: number, orgId: number, year: number, surplusOre: Ore): Promise<void> {
  await db.insertInto('result_opening').values({ tenant_id: tenantId, org_id: orgId, year, surplus_ore: surplusOre })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ year, surplus_ore: surplusOre })).execute();
}

export async function findResultOpening(db: DbOrTx, orgId: number): Promise<{ year: number; surplusOre: Ore } | undefined> {
  const r = await db.selectFrom('result_opening').select(['year', 'surplus_ore']).where('org_id', '=', String(orgId)).executeTakeFirst();
  return r ? { year: toSafeNumber(r.year, 'result_opening.year'), surplusOre: toOre(r.surplus_ore, 'result_opening.surplus_ore') } : undefined;
}
