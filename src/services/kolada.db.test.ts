// The Kolada client against recorded answers (test/fixtures/kolada): paging, batches of at most 20
// areas, storing, and a failed fetch that says why and keeps what was stored.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp, type Fixture } from '../../test/app-fixture.ts';
import { fetchKolada, koladaAreasOf, storedKolada, type KoladaFetcher } from './kolada.ts';
import { findOrganisationByCode } from '../db/repositories/organisations.ts';
import type { AuthUser } from './auth.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';

const recorded = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../test/fixtures/kolada/${name}`, import.meta.url), 'utf8'));

let fx: Fixture;
let org: OrganisationRow;
const user = { id: 0, tenantId: 0, username: 'test', displayName: 'Test', roles: [] } as unknown as AuthUser;

beforeAll(async () => {
  fx = await startDemoApp();
  const found = await findOrganisationByCode(fx.app.runtime.ctx.db, 'RUN');
  if (!found) throw new Error('RUN missing');
  org = found;
});
afterAll(async () => fx?.close());

const ctx = () => fx.app.runtime.ctx;

describe('Kolada client', () => {
  it('asks for the municipalities, the region and Sweden, at most 20 a call, following next_page', async () => {
    const asked: string[] = [];
    const fetcher: KoladaFetcher = async (url) => {
      asked.push(url);
      return { status: 200, json: async () => recorded(url.includes('page=2') ? 'N01951-2024-page2.json' : 'N01951-2024-page1.json') };
    };
    expect(await koladaAreasOf(ctx(), org)).toHaveLength(17);
    const r = await fetchKolada(ctx(), user, org, 'N01951', [2024], fetcher);
    expect(r).toMatchObject({ ok: true, stored: 17 });
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(/^https:\/\/api\.kolada\.se\/v3\/data\/kpi\/N01951\/municipality\/(\d{4},){16}\d{4}\/year\/2024$/);
    const stored = await storedKolada(ctx(), org, 'N01951', 2024);
    expect(stored.values.find((v) => v.area === '2480')?.value).toBe(134_249);
    expect(stored.values.find((v) => v.area === '0000')?.value).toBe(10_587_710);
  });

  it('stores women and men beside the total', async () => {
    const r = await fetchKolada(ctx(), user, org, 'N00914', [2023], async () => ({ status: 200, json: async () => recorded('N00914-2023.json') }));
    expect(r.ok).toBe(true);
    const stored = await storedKolada(ctx(), org, 'N00914', 2023);
    expect(stored.values.filter((v) => v.area === '0024').map((v) => v.gender)).toEqual(['K', 'M', 'T']);
  });

  it('a failed fetch says why and keeps the stored values', async () => {
    const before = await storedKolada(ctx(), org, 'N01951', 2024);
    const down = await fetchKolada(ctx(), user, org, 'N01951', [2024], async () => { throw new TypeError('fetch failed: getaddrinfo ENOTFOUND api.kolada.se'); });
    expect(down).toEqual({ ok: false, stored: 0, message: 'Kolada gick inte att nå (fetch failed: getaddrinfo ENOTFOUND api.kolada.se). De värden som redan finns sparade behålls.' });
    const http = await fetchKolada(ctx(), user, org, 'N01951', [2024], async () => ({ status: 503, json: async () => ({}) }));
    expect(http.message).toMatch(/^Kolada svarade med HTTP 503/);
    // The second page breaks: nothing of the first page may be stored either.
    const broken = await fetchKolada(ctx(), user, org, 'N01951', [2024], async (url) => ({
      status: 200, json: async () => (url.includes('page=2') ? { values: 'nope' } : recorded('N01951-2024-page1.json')),
    }));
    expect(broken.message).toMatch(/^Svaret från Kolada saknar listan "values"/);
    const after = await storedKolada(ctx(), org, 'N01951', 2024);
    expect(after.values).toEqual(before.values);
    expect(after.fetches.slice(0, 3).map((f) => f.ok)).toEqual([false, false, false]);
  });

  it('refuses a KPI id that is not Kolada\'s, naming the field', async () => {
    await expect(fetchKolada(ctx(), user, org, 'X1', [2024])).rejects.toMatchObject({ code: 'validation', field: 'kpi' });
  });
});
