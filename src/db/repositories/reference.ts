// Reference data of a tenant: categories, account ranges and accounts, PO rates, municipalities and
// their population, strategies.
import type { DbOrTx } from '../database.ts';
import { toSafeNumber } from '../convert.ts';
import type { AccountRange, Category, CategoryKind } from '../../domain/category.ts';
import { rateFromPpm, type Rate } from '../../domain/rate.ts';

export async function insertCategories(db: DbOrTx, tenantId: number, categories: readonly Category[]): Promise<void> {
  if (categories.length === 0) return;
  await db.insertInto('category').values(categories.map((c) => ({
    tenant_id: tenantId, code: c.code, kind: c.kind, name: c.name, sort_order: c.order,
  }))).execute();
}

export async function listCategories(db: DbOrTx, tenantId: number): Promise<Category[]> {
  const rows = await db.selectFrom('category').selectAll().where('tenant_id', '=', String(tenantId)).orderBy('sort_order').execute();
  return rows.map((r) => ({ code: r.code, kind: r.kind as CategoryKind, name: r.name, order: r.sort_order }));
}

export async function insertAccountRanges(db: DbOrTx, tenantId: number, ranges: readonly AccountRange[]): Promise<void> {
  if (ranges.length === 0) return;
  await db.insertInto('account_range').values(ranges.map((r) => ({
    tenant_id: tenantId, from_account: r.from, to_account: r.to, category_code: r.category,
  }))).execute();
}

export async function listAccountRanges(db: DbOrTx, tenantId: number): Promise<AccountRange[]> {
  const rows = await db.selectFrom('account_range').selectAll().where('tenant_id', '=', String(tenantId)).orderBy('from_account').execute();
  return rows.map((r) => ({ from: r.from_account, to: r.to_account, category: r.category_code }));
}

export type AccountRow = { readonly code: string; readonly name: string; readonly category: string | null };

export async function insertAccounts(db: DbOrTx, tenantId: number, accounts: readonly AccountRow[]): Promise<void> {
  if (accounts.length === 0) return;
  await db.insertInto('account').values(accounts.map((a) => ({
    tenant_id: tenantId, code: a.code, name: a.name, category_code: a.category,
  }))).execute();
}

export async function findAccount(db: DbOrTx, tenantId: number, code: string): Promise<AccountRow | undefined> {
  const r = await db.selectFrom('account').selectAll().where('tenant_id', '=', String(tenantId)).where('code', '=', code).executeTakeFirst();
  return r ? { code: r.code, name: r.name, category: r.category_code } : undefined;
}

export async function listAccounts(db: DbOrTx, tenantId: number): Promise<AccountRow[]> {
  const rows = await db.selectFrom('account').selectAll().where('tenant_id', '=', String(tenantId)).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, category: r.category_code }));
}

export async function upsertPoRates(db: DbOrTx, tenantId: number, rates: ReadonlyArray<{ year: number; rate: Rate }>): Promise<void> {
  if (rates.length === 0) return;
  await db.insertInto('po_rate').values(rates.map((r) => ({ tenant_id: tenantId, year: r.year, rate_ppm: r.rate })))
    .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet((eb) => ({ rate_ppm: eb.ref('excluded.rate_ppm') })))
    .execute();
}

export async function listPoRates(db: DbOrTx, tenantId: number): Promise<Map<number, Rate>> {
  const rows = await db.selectFrom('po_rate').select(['year', 'rate_ppm']).where('tenant_id', '=', String(tenantId)).execute();
  return new Map(rows.map((r) => [r.year, rateFromPpm(r.rate_ppm)]));
}

export type MunicipalityRow = { readonly code: string; readonly name: string };

export async function insertMunicipalities(db: DbOrTx, tenantId: number, rows: readonly MunicipalityRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('municipality').values(rows.map((m) => ({ tenant_id: tenantId, code: m.code, name: m.name }))).execute();
}

export async function insertPopulation(
  db: DbOrTx, tenantId: number, rows: ReadonlyArray<{ municipalityCode: string; year: number; population: number }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('population').values(rows.map((p) => ({
    tenant_id: tenantId, municipality_code: p.municipalityCode, year: p.year, population: p.population,
  }))).execute();
}

export type MunicipalityPopulation = { readonly code: string; readonly name: string; readonly population: number };

export async function listMunicipalityPopulation(db: DbOrTx, tenantId: number, year: number): Promise<MunicipalityPopulation[]> {
  const rows = await db.selectFrom('municipality as m')
    .leftJoin('population as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.municipality_code', '=', 'm.code').on('p.year', '=', year))
    .select(['m.code', 'm.name', 'p.population'])
    .where('m.tenant_id', '=', String(tenantId)).orderBy('m.code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, population: r.population ?? 0 }));
}

export async function insertStrategy(
  db: DbOrTx, tenantId: number,
  strategy: { code: string; name: string; firstYear: number; lastYear: number; subStrategies: readonly string[] },
): Promise<number> {
  const row = await db.insertInto('strategy').values({
    tenant_id: tenantId, code: strategy.code, name: strategy.name, first_year: strategy.firstYear, last_year: strategy.lastYear,
  }).returning('id').executeTakeFirstOrThrow();
  const id = toSafeNumber(row.id, 'strategy.id');
  if (strategy.subStrategies.length > 0) {
    await db.insertInto('sub_strategy').values(strategy.subStrategies.map((name, i) => ({
      tenant_id: tenantId, strategy_id: id, number: i + 1, name,
    }))).execute();
  }
  return id;
}

export type StrategyRow = {
  readonly code: string; readonly name: string; readonly firstYear: number; readonly lastYear: number;
  readonly subStrategies: ReadonlyArray<{ number: number; name: string }>;
};

export async function listStrategies(db: DbOrTx, tenantId: number): Promise<StrategyRow[]> {
  const strategies = await db.selectFrom('strategy').selectAll().where('tenant_id', '=', String(tenantId)).orderBy('first_year').execute();
  const subs = await db.selectFrom('sub_strategy').selectAll().where('tenant_id', '=', String(tenantId)).orderBy('number').execute();
  return strategies.map((s) => ({
    code: s.code, name: s.name, firstYear: s.first_year, lastYear: s.last_year,
    subStrategies: subs.filter((x) => x.strategy_id === s.id).map((x) => ({ number: x.number, name: x.name })),
  }));
}
