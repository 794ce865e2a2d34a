// The HTTP API against a real PostgreSQL with the demo region loaded, through app.inject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswersMatchOpenApi, signIn, startDemoApp, type Fixture } from '../../test/app-fixture.ts';

let fx: Fixture;
let ekonom: string;
let ledamot: string;

beforeAll(async () => {
  fx = await startDemoApp();
  ekonom = await signIn(fx.app, 'ekonom');
  ledamot = await signIn(fx.app, 'ledamot');
});
afterAll(async () => fx?.close());

const get = (url: string, cookie?: string) => fx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

type Line = { id: number; accountCode: string; unitCode: string; amountOre: number; revision: number; category: string };
type Shares = { category: string; amountOre: number; sharePercent: number };

async function budgetLines(year = 2020, version = 'budget-2020'): Promise<{ version: { editable: boolean; status: string }; lines: Line[] }> {
  const res = await get(`/api/orgs/RUN/versions/${version}/lines?year=${year}`, ekonom);
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('health and OpenAPI', () => {
  it('reports the database kind without a session', async () => {
    const res = await get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'external', demo: true });
  });

  it('publishes an OpenAPI 3 document that names every API route', async () => {
    const res = await get('/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/health', '/api/session', '/api/orgs', '/api/orgs/{orgCode}/summary', '/api/orgs/{orgCode}/plan',
      '/api/orgs/{orgCode}/results', '/api/orgs/{orgCode}/versions/{versionCode}/lines/{id}',
    ]));
    const docs = await get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('real responses validate against the published schema', async () => {
    await expectAnswersMatchOpenApi(fx.app, ekonom, [
      ['/api/orgs/{orgCode}/summary', '/api/orgs/RUN/summary?year=2018&version=actual'],
      ['/api/orgs/{orgCode}/plan', '/api/orgs/RUN/plan?version=budget-2020&scenario=1.5'],
      ['/api/orgs/{orgCode}/results', '/api/orgs/RUN/results'],
      ['/api/orgs/{orgCode}/versions/{versionCode}/lines', '/api/orgs/RUN/versions/budget-2020/lines?year=2020'],
      ['/api/orgs', '/api/orgs'],
    ]);
  });
});

describe('sessions', () => {
  it('every non-public API route answers 401 without a session', async () => {
    const doc = (await get('/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const publicRoutes = new Set(['GET /api/health', 'POST /api/session', 'DELETE /api/session', 'GET /api/auth/options', 'GET /api/auth/oidc/start']);
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        if (publicRoutes.has(`${method.toUpperCase()} ${path}`)) continue;
        const url = path.replace('{orgCode}', 'RUN').replace('{versionCode}', 'budget-2020').replace('{id}', '1');
        const res = await fx.app.inject({ method: method.toUpperCase() as 'GET', url, ...(method === 'get' ? {} : { payload: {} }) });
        expect(res.statusCode, `${method} ${path}`).toBe(401);
        expect(res.json<{ message: string }>().message).toMatch(/inloggad/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(9);
  });

  it('refuses a wrong password with a Swedish message and sets no cookie', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ekonom', password: 'fel' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'invalid_credentials', message: 'Fel användarnamn eller lösenord.' });
    expect(res.cookies).toHaveLength(0);
  });

  it('sets an HttpOnly, SameSite=Strict cookie and ends the session on DELETE', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ledamot', password: 'ramplan-demo' } });
    const cookie = res.cookies.find((c) => c.name === 'ramplan_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const header = `ramplan_session=${cookie?.value ?? ''}`;
    expect((await get('/api/session', header)).json()).toMatchObject({ username: 'ledamot', demo: true, roles: [{ orgCode: 'RUN', role: 'reader' }] });
    expect((await fx.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: header } })).statusCode).toBe(204);
    expect((await get('/api/session', header)).statusCode).toBe(401);
  });

  it('refuses a write whose Origin is another site', async () => {
    const res = await fx.app.inject({
      method: 'PATCH', url: '/api/orgs/RUN/versions/budget-2020/lines/1', headers: { cookie: ekonom, origin: 'https://evil.example', host: 'localhost' },
      payload: { amountOre: 1, revision: 1 },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('the demo region as the seed describes it', () => {
  it('2018 revenue shares: region and municipalities just over 50 %, kultursamverkan 22, projects 21, fees 5, Länsstyrelsen 1', async () => {
    const res = await get('/api/orgs/RUN/summary?year=2018&version=actual', ekonom);
    expect(res.statusCode).toBe(200);
    const s = res.json<{ revenue: Shares[]; costs: Shares[]; resultOre: number; inBalance: boolean; isExample: boolean; frameOre: number; netCostOre: number }>();
    const share = (c: string) => s.revenue.find((r) => r.category === c)?.sharePercent ?? NaN;
    expect(share('regionbidrag') + share('kommunbidrag')).toBeGreaterThan(50);
    expect(share('regionbidrag') + share('kommunbidrag')).toBeLessThan(51);
    expect(Math.round(share('kultursamverkan'))).toBe(22);
    expect(Math.round(share('projektmedel'))).toBe(21);
    expect(Math.round(share('avgifter'))).toBe(5);
    expect(Math.round(share('lansstyrelsen'))).toBe(1);
    expect(s.revenue.reduce((a, r) => a + r.sharePercent, 0)).toBeCloseTo(100, 6);
    expect(s.resultOre).toBe(3_000_00);
    expect(s.inBalance).toBe(true);
    expect(s.netCostOre).toBeLessThanOrEqual(s.frameOre);
    expect(s.isExample).toBe(true);
    const largest = [...s.costs].sort((a, b) => b.amountOre - a.amountOre).slice(0, 3).map((c) => c.category);
    expect(largest).toEqual(['personal', 'bidrag', 'agaranslag']);
  });

  it('result history 2009–2018: two deficit years, both covered from earlier surplus, one with an action package', async () => {
    const rows = (await get('/api/orgs/RUN/results', ekonom)).json<{ rows: Array<{ year: number; resultOre: number; coveredFromSurplusOre: number; uncoveredDeficitOre: number; actionPackage: boolean; accumulatedSurplusOre: number }> }>().rows;
    expect(rows.map((r) => r.year)).toEqual([2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]);
    const deficits = rows.filter((r) => r.resultOre < 0);
    expect(deficits).toHaveLength(2);
    for (const d of deficits) expect(d.coveredFromSurplusOre).toBe(-d.resultOre);
    expect(rows.every((r) => r.uncoveredDeficitOre === 0)).toBe(true);
    expect(deficits.filter((d) => d.actionPackage)).toHaveLength(1);
    expect(rows.at(-1)?.resultOre).toBe(300_000);
  });

  it('political-organisation costs rise in the 2019 forecast against 2018', async () => {
    const cost = async (year: number, version: string) => (await get(`/api/orgs/RUN/summary?year=${year}&version=${version}`, ekonom))
      .json<{ costs: Shares[] }>().costs.find((c) => c.category === 'politisk-organisation')?.amountOre ?? 0;
    expect(await cost(2019, 'prognos-2019-t1')).toBeGreaterThan(await cost(2018, 'actual') * 1.1);
  });

  it('budget 2020 lies within its frame; plan years 2021–2022 under uplift 0, 1,5 and 3 %', async () => {
    const s = (await get('/api/orgs/RUN/summary?year=2020&version=budget-2020', ekonom)).json<{ inBalance: boolean; netCostOre: number; frameOre: number }>();
    expect(s.inBalance).toBe(true);
    expect(s.netCostOre).toBeLessThanOrEqual(s.frameOre);
    const plan = (await get('/api/orgs/RUN/plan?version=budget-2020&scenario=0', ekonom)).json<{
      years: number[]; scenarios: Array<{ code: string; upliftPercent: number }>; rows: Array<{ kind: string; amounts: Array<{ amountOre: number }> }>;
      comparison: Array<{ scenario: string; results: Array<{ year: number; resultOre: number }> }>;
    }>();
    expect(plan.years).toEqual([2020, 2021, 2022]);
    expect(plan.scenarios.map((x) => x.upliftPercent)).toEqual([0, 1.5, 3]);
    // 0 % uplift: revenue stays as in the budget year.
    for (const row of plan.rows.filter((r) => r.kind === 'revenue')) {
      expect(new Set(row.amounts.map((a) => a.amountOre)).size).toBe(1);
    }
    const result2022 = (code: string) => plan.comparison.find((c) => c.scenario === code)?.results.find((r) => r.year === 2022)?.resultOre ?? NaN;
    expect(result2022('0')).toBeLessThan(result2022('1.5'));
    expect(result2022('1.5')).toBeLessThan(result2022('3'));
  });

  it('asks for a known scenario and version, in Swedish', async () => {
    const res = await get('/api/orgs/RUN/plan?version=budget-2020&scenario=7', ekonom);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'validation', field: 'scenario' });
    const missing = await get('/api/orgs/RUN/summary?year=2018&version=finns-inte', ekonom);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ message: string }>().message).toMatch(/finns inte/);
  });
});

describe('editing plan lines', () => {
  it('saves an amount with the revision, and the summary follows at once', async () => {
    const before = await budgetLines();
    expect(before.version.editable).toBe(true);
    const line = before.lines.find((l) => l.accountCode === '5010');
    if (!line) throw new Error('no 5010 line');
    const summaryBefore = (await get('/api/orgs/RUN/summary?year=2020&version=budget-2020', ekonom)).json<{ costs: Shares[] }>();
    const res = await fx.app.inject({
      method: 'PATCH', url: `/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, headers: { cookie: ekonom },
      payload: { amountOre: line.amountOre + 123_45, revision: line.revision },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: line.id, amountOre: line.amountOre + 123_45, revision: line.revision + 1 });
    const after = (await get('/api/orgs/RUN/summary?year=2020&version=budget-2020', ekonom)).json<{ costs: Shares[] }>();
    const lokaler = (s: { costs: Shares[] }) => s.costs.find((c) => c.category === 'lokaler')?.amountOre ?? NaN;
    expect(lokaler(after) - lokaler(summaryBefore)).toBe(123_45);
  });

  it('answers a stale revision with 409 and the current line, and writes nothing', async () => {
    const line = (await budgetLines()).lines[0];
    if (!line) throw new Error('no line');
    const first = await fx.app.inject({
      method: 'PATCH', url: `/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, headers: { cookie: ekonom },
      payload: { amountOre: 1_000_00, revision: line.revision },
    });
    expect(first.statusCode).toBe(200);
    const stale = await fx.app.inject({
      method: 'PATCH', url: `/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, headers: { cookie: ekonom },
      payload: { amountOre: 2_000_00, revision: line.revision },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'conflict', current: { id: line.id, amountOre: 1_000_00, revision: line.revision + 1 } });
    const now = (await budgetLines()).lines.find((l) => l.id === line.id);
    expect(now?.amountOre).toBe(1_000_00);
  });

  it('refuses bad input with 400, a Swedish message naming the field, and writes nothing', async () => {
    const line = (await budgetLines()).lines[1];
    if (!line) throw new Error('no line');
    const cases: Array<[unknown, string]> = [
      [{ amountOre: 12.5, revision: line.revision }, 'amountOre'],
      [{ amountOre: 'mycket', revision: line.revision }, 'amountOre'],
      [{ revision: line.revision }, 'amountOre'],
      [{ amountOre: 100, revision: 0 }, 'revision'],
      [{ amountOre: 100, revision: line.revision, extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of cases) {
      const res = await fx.app.inject({ method: 'PATCH', url: `/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, headers: { cookie: ekonom }, payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const body = res.json<{ error: string; field: string; message: string }>();
      expect(body.field).toBe(field);
      expect(body.message).toMatch(/^Fältet "/);
    }
    const bad = await fx.app.inject({ method: 'POST', url: '/api/orgs/RUN/versions/budget-2020/lines', headers: { cookie: ekonom }, payload: { year: 2020, unitCode: 'RUF-LED', accountCode: '9999', amountOre: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'accountCode' });
    expect((await budgetLines()).lines.find((l) => l.id === line.id)).toEqual(line);
  });

  it('the read-only user gets 403 and the line stays', async () => {
    const line = (await budgetLines()).lines[2];
    if (!line) throw new Error('no line');
    const lines = (await get('/api/orgs/RUN/versions/budget-2020/lines?year=2020', ledamot)).json<{ version: { editable: boolean } }>();
    expect(lines.version.editable).toBe(false);
    const res = await fx.app.inject({
      method: 'PATCH', url: `/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, headers: { cookie: ledamot },
      payload: { amountOre: 1, revision: line.revision },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ message: string }>().message).toMatch(/läsa men inte ändra/);
    expect((await budgetLines()).lines.find((l) => l.id === line.id)).toEqual(line);
  });

  it('an adopted version cannot change: 409 saying why', async () => {
    const adopted = await budgetLines(2019, 'budget-2019');
    expect(adopted.version.status).toBe('adopted');
    expect(adopted.version.editable).toBe(false);
    const line = adopted.lines[0];
    if (!line) throw new Error('no line');
    const res = await fx.app.inject({
      method: 'PATCH', url: `/api/orgs/RUN/versions/budget-2019/lines/${line.id}`, headers: { cookie: ekonom },
      payload: { amountOre: 1, revision: line.revision },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'version_adopted' });
    expect(res.json<{ message: string }>().message).toMatch(/beslutad/);
    const del = await fx.app.inject({ method: 'DELETE', url: `/api/orgs/RUN/versions/budget-2019/lines/${line.id}?revision=${line.revision}`, headers: { cookie: ekonom } });
    expect(del.statusCode).toBe(409);
  });

  it('creates and deletes a line, and a duplicate is a conflict', async () => {
    const payload = { year: 2020, unitCode: 'RUF-KUL', accountCode: '5010', amountOre: 50_000_00 };
    const created = await fx.app.inject({ method: 'POST', url: '/api/orgs/RUN/versions/budget-2020/lines', headers: { cookie: ekonom }, payload });
    expect(created.statusCode).toBe(201);
    const line = created.json<Line>();
    expect(line).toMatchObject({ unitCode: 'RUF-KUL', accountCode: '5010', category: 'lokaler', amountOre: 50_000_00, revision: 1 });
    const dup = await fx.app.inject({ method: 'POST', url: '/api/orgs/RUN/versions/budget-2020/lines', headers: { cookie: ekonom }, payload });
    expect(dup.statusCode).toBe(409);
    const del = await fx.app.inject({ method: 'DELETE', url: `/api/orgs/RUN/versions/budget-2020/lines/${line.id}?revision=1`, headers: { cookie: ekonom } });
    expect(del.statusCode).toBe(204);
    expect((await budgetLines()).lines.some((l) => l.id === line.id)).toBe(false);
  });
});
