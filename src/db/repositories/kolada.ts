// Values fetched from Kolada and the log of fetches (what was asked, whether it worked, why not).
import type { DbOrTx } from '../database.ts';
import { toSafeNumber } from '../convert.ts';

export type KoladaValueRow = {
  readonly kpi: string; readonly area: string; readonly year: number; readonly gender: 'T' | 'K' | 'M';
  readonly value: number | null; readonly fetchedAt: Date;
};

export async function upsertKoladaValues(db: DbOrTx, tenantId: number, rows: readonly KoladaValueRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('kolada_value').values(rows.map((r) => ({
    tenant_id: tenantId, kpi: r.kpi, area: r.area, year: r.year, gender: r.gender, value: r.value, fetched_at: r.fetchedAt,
  }))).onConflict((oc) => oc.columns(['tenant_id', 'kpi', 'area', 'year', 'gender']).doUpdateSet((eb) => ({
    value: eb.ref('excluded.value'), fetched_at: eb.ref('excluded.fetched_at'),
  }))).execute();
}

export async function listKoladaValues(db: DbOrTx, tenantId: number, kpi: string, year?: number): Promise<KoladaValueRow[]> {
  let q = db.selectFrom('kolada_value').select(['kpi', 'area', 'year', 'gender', 'value', 'fetched_at'])
    .where('tenant_id', '=', String(tenantId)).where('kpi', '=', kpi);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.orderBy('year').orderBy('area').orderBy('gender').execute();
  return rows.map((r) => ({ kpi: r.kpi, area: r.area, year: r.year, gender: r.gender, value: r.value, fetchedAt: r.fetched_at }));
}

export async function insertKoladaFetch(db: DbOrTx, tenantId: number, f: { kpi: string; at: Date; ok: boolean; message: string }): Promise<number> {
  const row = await db.insertInto('kolada_fetch').values({ tenant_id: tenantId, kpi: f.kpi, at: f.at, ok: f.ok, message: f.message })
    .returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(row.id, 'kolada_fetch.id');
}

export async function listKoladaFetches(db: DbOrTx, tenantId: number, kpi: string, limit = 10): Promise<Array<{ at: Date; ok: boolean; message: string }>> {
  return db.selectFrom('kolada_fetch').select(['at', 'ok', 'message']).where('tenant_id', '=', String(tenantId)).where('kpi', '=', kpi)
    .orderBy('id', 'desc').limit(limit).execute();
}
