// The Kolada client: fetches a KPI for the region, its municipalities and Sweden (at most 20 areas a
// call, following next_page), and stores the values all at once. A fetch that fails (no network, an
// HTTP error, an answer of the wrong shape) stores nothing, keeps the values already stored, and says
// why, in the answer and in the fetch log.
import type { ServiceContext } from './context.ts';
import { invalid } from './errors.ts';
import type { AuthUser } from './auth.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import { listMunicipalityPopulation } from '../db/repositories/reference.ts';
import { insertKoladaFetch, listKoladaFetches, listKoladaValues, upsertKoladaValues, type KoladaValueRow } from '../db/repositories/kolada.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { KOLADA_BASE_URL, KOLADA_SWEDEN, batches, koladaDataUrl, parseKoladaData, regionAreaOf, type KoladaValue } from '../domain/kolada.ts';
import { KOLADA_KPI_PATTERN } from '../domain/goals.ts';

/** How Ramplan asks the web; tests pass recorded answers instead. */
export type KoladaFetcher = (url: string) => Promise<{ status: number; json: () => Promise<unknown> }>;

export const defaultKoladaFetcher: KoladaFetcher = async (url) => {
  const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, json: () => res.json() as Promise<unknown> };
};

export type FetchOutcome = { readonly ok: boolean; readonly message: string; readonly stored: number };

/** The areas of a tenant: its municipalities, its region (from their county code) and Sweden. */
export async function koladaAreasOf(ctx: ServiceContext, org: OrganisationRow): Promise<string[]> {
  const municipalities = (await listMunicipalityPopulation(ctx.db, org.tenantId, 0)).map((m) => m.code);
  const counties = [...new Set(municipalities.map((c) => c.slice(0, 2)))];
  return [...municipalities, ...counties.map(regionAreaOf), KOLADA_SWEDEN];
}

async function fetchAll(fetcher: KoladaFetcher, kpi: string, areas: readonly string[], years: readonly number[], base: string): Promise<KoladaValue[]> {
  const values: KoladaValue[] = [];
  for (const batch of batches(areas)) {
    let url: string | null = koladaDataUrl(kpi, batch, years, base);
    for (let page = 0; url !== null; page++) {
      if (page > 100) throw new Error('Kolada svarade med fler än 100 sidor; hämtningen avbröts.');
      let res: Awaited<ReturnType<KoladaFetcher>>;
      try {
        res = await fetcher(url);
      } catch (e) {
        throw new Error(`Kolada gick inte att nå (${e instanceof Error ? e.message : String(e)}).`);
      }
      if (res.status !== 200) throw new Error(`Kolada svarade med HTTP ${res.status} för ${url}.`);
      let json: unknown;
      try {
        json = await res.json();
      } catch {
        throw new Error('Kolada svarade med något som inte är JSON.');
      }
      const parsed = parseKoladaData(json);
      if (!parsed.ok) throw new Error(parsed.error);
      values.push(...parsed.value.values.filter((v) => v.kpi === kpi));
      url = parsed.value.nextPage;
    }
  }
  return values;
}

export async function fetchKolada(
  ctx: ServiceContext, user: AuthUser, org: OrganisationRow, kpi: string, years: readonly number[],
  fetcher: KoladaFetcher = defaultKoladaFetcher, base = KOLADA_BASE_URL,
): Promise<FetchOutcome> {
  if (!KOLADA_KPI_PATTERN.test(kpi)) throw invalid('kpi', `Nyckeltal: "${kpi}" är inget Kolada-id (skrivs t.ex. N01951).`);
  if (years.length === 0 || years.length > 20 || years.some((y) => !Number.isSafeInteger(y) || y < 1990 || y > 2100)) {
    throw invalid('years', 'År: ange 1–20 år mellan 1990 och 2100.');
  }
  const areas = await koladaAreasOf(ctx, org);
  const at = ctx.now();
  let values: KoladaValue[];
  try {
    values = await fetchAll(fetcher, kpi, areas, years, base);
  } catch (e) {
    const message = `${e instanceof Error ? e.message : String(e)} De värden som redan finns sparade behålls.`;
    await insertKoladaFetch(ctx.db, org.tenantId, { kpi, at, ok: false, message });
    return { ok: false, message, stored: 0 };
  }
  const rows: KoladaValueRow[] = values.map((v) => ({ ...v, fetchedAt: at }));
  const message = `Hämtade ${rows.length} värden för ${kpi} (${years.join(', ')}) för ${areas.length} områden.`;
  await ctx.db.transaction().execute(async (tx) => {
    await upsertKoladaValues(tx, org.tenantId, rows);
    await insertKoladaFetch(tx, org.tenantId, { kpi, at, ok: true, message });
    await appendAudit(tx, { tenantId: org.tenantId, actor: user.username, action: 'kolada.fetch', entity: 'kolada_value', entityId: kpi, before: null, after: { years, values: rows.length } });
  });
  return { ok: true, message, stored: rows.length };
}

export async function storedKolada(ctx: ServiceContext, org: OrganisationRow, kpi: string, year?: number): Promise<{
  values: KoladaValueRow[]; fetches: Array<{ at: Date; ok: boolean; message: string }>;
}> {
  if (!KOLADA_KPI_PATTERN.test(kpi)) throw invalid('kpi', `Nyckeltal: "${kpi}" är inget Kolada-id (skrivs t.ex. N01951).`);
  const [values, fetches] = await Promise.all([listKoladaValues(ctx.db, org.tenantId, kpi, year), listKoladaFetches(ctx.db, org.tenantId, kpi)]);
  return { values, fetches };
}
