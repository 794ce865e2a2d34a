// Externally financed projects through the HTTP API, on the demo region in a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { signIn, startDemoApp, type Fixture } from '../../test/app-fixture.ts';

let fx: Fixture;
let ekonom: string;
let ledamot: string;

beforeAll(async () => {
  fx = await startDemoApp();
  ekonom = await signIn(fx.app, 'ekonom');
  ledamot = await signIn(fx.app, 'ledamot');
});
afterAll(async () => fx?.close());

const get = (url: string, cookie: string) => fx.app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PUT', url: string, cookie: string, payload: object) => fx.app.inject({ method, url, headers: { cookie }, payload });
const auditCount = async () => Number((await fx.app.runtime.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

type Detail = {
  revision: number; status: string; issues: Array<{ field: string; message: string }>;
  years: Array<{ year: number; totalOre: number; financingOre: number }>;
  cashFlow: { maxPreFinancedOre: number; claims: Array<{ paymentDay: string; claimDay: string }>; months: Array<{ preFinancedOre: number }> };
};

const newProject = (over: object = {}) => ({
  code: 'TEST-1', name: 'Testprojekt', programme: 'ERUF Övre Norrland', status: 'planerat', startPeriod: '2021-01', endPeriod: '2021-12',
  flatRate: 'none', claimIntervalMonths: 3, paymentLagDays: 80, staff: [], costs: [{ year: 2021, category: 'externa-tjanster', amountOre: 100_000_000 }],
  financing: [{ funder: 'eruf', year: 2021, amountOre: 60_000_000 }, { funder: 'egen', year: 2021, amountOre: 40_000_000 }],
  ...over,
});

describe('the demo registry', () => {
  it('lists the projects with cost, financing and how many rules each breaks', async () => {
    const res = await get('/api/orgs/RUN/projects', ledamot);
    expect(res.statusCode).toBe(200);
    const list = res.json<Array<{ code: string; issueCount: number; totalCostOre: number; financingOre: number; isExample: boolean }>>();
    expect(list.map((p) => p.code).sort()).toEqual(['DIGI-ESF', 'EXPORT', 'GRON-INLAND', 'SMART-VBN']);
    const smart = list.find((p) => p.code === 'SMART-VBN');
    expect(smart).toMatchObject({ issueCount: 0, isExample: true });
    expect(smart?.financingOre).toBe(smart?.totalCostOre);
    expect(list.find((p) => p.code === 'GRON-INLAND')?.issueCount).toBe(1);
  });

  it('details a project with checks and a cash flow paid 80 days after each claim', async () => {
    const res = await get('/api/orgs/RUN/projects/GRON-INLAND', ledamot);
    const d = res.json<Detail>();
    expect(d.issues[0]?.message).toMatch(/^Finansiering: Regionala projektmedel \(1:1\) står för 60,0 % av kostnaderna; högst 50 % är tillåtet\.$/);
    const smart = (await get('/api/orgs/RUN/projects/SMART-VBN', ledamot)).json<Detail>();
    expect(smart.cashFlow.claims[0]).toMatchObject({ claimDay: '2019-06-30', paymentDay: '2019-09-18' });
    expect(smart.cashFlow.maxPreFinancedOre).toBeGreaterThan(0);
    expect(smart.cashFlow.months.at(-1)?.preFinancedOre).toBe(0);
  });

  it('validates against the published OpenAPI schema', async () => {
    const doc = (await fx.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> }>();
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const [path, url] of [
      ['/api/orgs/{orgCode}/projects', '/api/orgs/RUN/projects'],
      ['/api/orgs/{orgCode}/projects/{code}', '/api/orgs/RUN/projects/SMART-VBN'],
      ['/api/orgs/{orgCode}/project-plan', '/api/orgs/RUN/project-plan?firstYear=2020&lastYear=2022'],
      ['/api/funders', '/api/funders'],
    ] as const) {
      const schema = doc.paths[path]?.['get']?.responses['200']?.content?.['application/json']?.schema;
      expect(schema, path).toBeDefined();
      expect(ajv.validate(schema as object, (await get(url, ekonom)).json()), `${url}: ${ajv.errorsText()}`).toBe(true);
    }
  });

  it('flags revenue that ends with a project in the plan years', async () => {
    const feed = (await get('/api/orgs/RUN/project-plan?firstYear=2020&lastYear=2022', ledamot)).json<{ years: Array<{ year: number; revenueOre: number; flags: Array<{ project: string; message: string }> }> }>();
    expect(feed.years.find((y) => y.year === 2021)?.flags.map((f) => f.project)).toEqual(expect.arrayContaining(['EXPORT', 'SMART-VBN']));
    expect(feed.years.find((y) => y.year === 2022)?.flags.map((f) => f.project)).toContain('SMART-VBN');
    expect(feed.years.find((y) => y.year === 2020)?.revenueOre).toBeGreaterThan(0);
  });
});

describe('writes', () => {
  it('saves a rule-breaking project as a draft, but never as applied for; nothing is written on refusal', async () => {
    const before = await auditCount();
    const refused = await send('POST', '/api/orgs/RUN/projects', ekonom, newProject({ status: 'ansokt' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'status' });
    expect(refused.json<{ message: string }>().message).toMatch(/^Status: projektet kan inte få status ansökt förrän reglerna håller\. Finansiering: ERUF Övre Norrland \(EU\) står för 60,0 %/);
    expect(await auditCount()).toBe(before);
    const draft = await send('POST', '/api/orgs/RUN/projects', ekonom, newProject());
    expect(draft.statusCode).toBe(201);
    expect(draft.json<Detail>().issues).toHaveLength(1);
    expect(await auditCount()).toBe(before + 1);
  });

  it('names the field of bad input', async () => {
    const r1 = await send('POST', '/api/orgs/RUN/projects', ekonom, newProject({ code: 'TEST-2', endPeriod: '2020-12' }));
    expect(r1.json()).toMatchObject({ field: 'endPeriod' });
    const r2 = await send('POST', '/api/orgs/RUN/projects', ekonom, newProject({ code: 'TEST-2', financing: [{ funder: 'okand', year: 2021, amountOre: 1 }] }));
    expect(r2.json()).toMatchObject({ field: 'financing' });
    const r3 = await send('POST', '/api/orgs/RUN/projects', ekonom, newProject({ code: 'TEST-2', staff: [{ role: 'PL', year: 2021, monthlySalaryOre: 1, hours: 2000 }] }));
    expect(r3.statusCode).toBe(400);
    expect(r3.json<{ field: string }>().field).toMatch(/staff/);
    const r4 = await send('POST', '/api/orgs/RUN/projects', ledamot, newProject({ code: 'TEST-2' }));
    expect(r4.statusCode).toBe(403);
  });

  it('moves a project to applied once the financing holds, and refuses a stale revision', async () => {
    const d = (await get('/api/orgs/RUN/projects/TEST-1', ekonom)).json<Detail>();
    const fixed = newProject({ status: 'ansokt', revision: d.revision, financing: [{ funder: 'eruf', year: 2021, amountOre: 50_000_000 }, { funder: 'egen', year: 2021, amountOre: 50_000_000 }] });
    delete (fixed as { code?: string }).code;
    const ok = await send('PUT', '/api/orgs/RUN/projects/TEST-1', ekonom, fixed);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Detail>()).toMatchObject({ status: 'ansokt', issues: [] });
    const stale = await send('PUT', '/api/orgs/RUN/projects/TEST-1', ekonom, fixed);
    expect(stale.statusCode).toBe(409);
  });

  it('uplifts the staff unit cost 2,4 % a year for a new project, and keeps the uplift and shares when a save leaves them out', async () => {
    const staff = [{ role: 'Projektledare', year: 2021, monthlySalaryOre: 4_300_000, hours: 100 }, { role: 'Projektledare', year: 2022, monthlySalaryOre: 4_300_000, hours: 100 }];
    const created = await send('POST', '/api/orgs/RUN/projects', ekonom, newProject({ code: 'UPLIFT', endPeriod: '2022-12', costs: [], financing: [], staff }));
    expect(created.statusCode).toBe(201);
    type Rates = Detail & { staffUpliftPercent: number; staff: Array<{ year: number; hourlyRateOre: number; costOre: number }>; funderShares: Array<{ funder: string; maxSharePercent: number; own: boolean }> };
    const d = created.json<Rates>();
    expect(d.staffUpliftPercent).toBe(2.4);
    expect(d.staff.map((s) => s.hourlyRateOre)).toEqual([30_000, 30_720]);
    expect(d.years.map((y) => y.totalOre)).toEqual([3_000_000, 3_072_000]);
    expect(d.funderShares.find((f) => f.funder === 'eruf')).toMatchObject({ maxSharePercent: 50, own: false });
    const body = { ...newProject({ endPeriod: '2022-12', costs: [], financing: [], staff }), revision: d.revision, staffUpliftPercent: 0, maxShares: [{ funder: 'eruf', maxSharePercent: 60 }] };
    delete (body as { code?: string }).code;
    const saved = (await send('PUT', '/api/orgs/RUN/projects/UPLIFT', ekonom, body)).json<Rates>();
    expect(saved.staff.map((s) => s.hourlyRateOre)).toEqual([30_000, 30_000]);
    expect(saved.funderShares.find((f) => f.funder === 'eruf')).toMatchObject({ maxSharePercent: 60, own: true });
    const { staffUpliftPercent: _u, maxShares: _m, ...plain } = { ...body, revision: saved.revision };
    const kept = (await send('PUT', '/api/orgs/RUN/projects/UPLIFT', ekonom, plain)).json<Rates>();
    expect(kept.staffUpliftPercent).toBe(0);
    expect(kept.funderShares.find((f) => f.funder === 'eruf')?.maxSharePercent).toBe(60);
  });

  it('checks financing against the project\'s own maximum share; regional 1:1 funds never above 50 %, nothing written on refusal', async () => {
    const financing = [{ funder: 'eruf', year: 2021, amountOre: 60_000_000 }, { funder: 'egen', year: 2021, amountOre: 40_000_000 }];
    const applied = await send('POST', '/api/orgs/RUN/projects', ekonom, newProject({ code: 'SHARES', status: 'ansokt', financing, maxShares: [{ funder: 'eruf', maxSharePercent: 60 }] }));
    expect(applied.statusCode).toBe(201);
    expect(applied.json<Detail>().issues).toEqual([]);
    const before = await auditCount();
    const refused = await send('POST', '/api/orgs/RUN/projects', ekonom, newProject({ code: 'SHARES-2', maxShares: [{ funder: 'regional-1-1', maxSharePercent: 60 }] }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'maxShares', message: 'Högsta andel: Regionala projektmedel (1:1) får stå för högst 50 % av ett projekts kostnader; ange 0–50 %.' });
    expect((await send('POST', '/api/orgs/RUN/projects', ekonom, newProject({ code: 'SHARES-2', staffUpliftPercent: 11 }))).json()).toMatchObject({ field: 'staffUpliftPercent' });
    expect(await auditCount()).toBe(before);
    expect((await get('/api/orgs/RUN/projects/SHARES-2', ekonom)).statusCode).toBe(404);
  });

  it('puts a project into a draft budget as plan lines with its code, replacing earlier ones; never into an adopted version', async () => {
    const first = await send('POST', '/api/orgs/RUN/projects/SMART-VBN/plan-lines', ekonom, { version: 'budget-2020' });
    expect(first.statusCode).toBe(200);
    const again = await send('POST', '/api/orgs/RUN/projects/SMART-VBN/plan-lines', ekonom, { version: 'budget-2020' });
    expect(again.json()).toEqual(first.json());
    const lines = (await get('/api/orgs/RUN/versions/budget-2020/lines?year=2021', ekonom)).json<{ lines: Array<{ projectCode: string | null; accountCode: string; funderCode: string | null; amountOre: number }> }>();
    const mine = lines.lines.filter((l) => l.projectCode === 'SMART-VBN');
    expect(mine.map((l) => l.accountCode).sort()).toEqual(['3710', '3730', '4010', '5810', '6410']);
    expect(mine.find((l) => l.funderCode === 'eruf')?.amountOre).toBeGreaterThan(0);
    const adopted = await send('POST', '/api/orgs/RUN/projects/SMART-VBN/plan-lines', ekonom, { version: 'budget-2019' });
    expect(adopted.statusCode).toBe(409);
    const draft = await send('POST', '/api/orgs/RUN/projects/GRON-INLAND/plan-lines', ekonom, { version: 'budget-2020' });
    expect(draft.statusCode).toBe(400);
    expect(draft.json()).toMatchObject({ field: 'project' });
  });
});
