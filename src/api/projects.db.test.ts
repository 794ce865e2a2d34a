// Externally financed projects through the HTTP API, on the demo region in a real PostgreSQL.
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
    await expectAnswersMatchOpenApi(fx.app, ekonom, [
      ['/api/orgs/{orgCode}/projects', '/api/orgs/RUN/projects'],
      ['/api/orgs/{orgCode}/projects/{code}', '/api/orgs/RUN/projects/SMART-VBN'],
      ['/api/orgs/{orgCode}/project-plan', '/api/orgs/RUN/project-plan?firstYear=2020&lastYear=2022'],
      ['/api/funders', '/api/funders'],
      ['/api/financing-types', '/api/financing-types'],
    ]);
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
    expect(refused.json<{ message: string }>().message).toMatch(/^Status: projektet kan inte få status ansökt förrän reglerna håller\. EU-stöd: ERUF Övre Norrland \(EU\) står för 60,0 %/);
    expect(refused.json<{ problems: string[] }>().problems).toEqual(['EU-stöd: ERUF Övre Norrland (EU) står för 60,0 % av kostnaderna; programmet ERUF Övre Norrland medger högst 50 %.']);
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

describe('basics and financing types', () => {
  type Full = Detail & {
    name: string; programme: string; startPeriod: string; endPeriod: string; flatRate: string; claimIntervalMonths: number; paymentLagDays: number;
    financing: Array<{ funder: string; type: string; typeName: string; year: number; amountOre: number }>;
    years: Array<{ year: number; totalOre: number; financingOre: number; inKindCostOre: number; cashCostOre: number; externalOre: number; byType: Record<string, number> }>;
  };
  const projectRow = () => fx.app.runtime.ctx.db.selectFrom('project').selectAll().where('code', '=', 'BASICS').executeTakeFirstOrThrow();
  const financingRows = async () => (await fx.app.runtime.ctx.db.selectFrom('project_financing').innerJoin('project', 'project.id', 'project_financing.project_id')
    .select(['funder', 'financing_type', 'year', 'amount_ore']).where('project.code', '=', 'BASICS').orderBy('funder').orderBy('financing_type').execute())
    .map((r) => `${r.funder}/${r.financing_type}/${r.year}/${r.amount_ore}`);
  /** The project as a PUT body: what GET gives, with changes. */
  const bodyOf = (d: Full, over: object = {}) => ({
    revision: d.revision, name: d.name, programme: d.programme, status: d.status, startPeriod: d.startPeriod, endPeriod: d.endPeriod, flatRate: d.flatRate,
    claimIntervalMonths: d.claimIntervalMonths, paymentLagDays: d.paymentLagDays, staff: [], costs: [{ year: 2021, category: 'externa-tjanster', amountOre: 100_000_000 }],
    financing: d.financing.map((f) => ({ funder: f.funder, type: f.type, year: f.year, amountOre: f.amountOre })), ...over,
  });

  beforeAll(async () => {
    const created = await send('POST', '/api/orgs/RUN/projects', ekonom, newProject({
      code: 'BASICS', financing: [{ funder: 'eruf', year: 2021, amountOre: 50_000_000 }, { funder: 'egen', year: 2021, amountOre: 50_000_000 }],
    }));
    expect(created.statusCode).toBe(201);
  });

  it('gives a row without a type its funder\'s default, and names each type', async () => {
    const d = (await get('/api/orgs/RUN/projects/BASICS', ledamot)).json<Full>();
    expect(d.financing.map((f) => [f.funder, f.type, f.typeName])).toEqual([['egen', 'public-cash', 'Offentlig kontant medfinansiering'], ['eruf', 'eu', 'EU-stöd']]);
    expect(d.years[0]?.byType).toEqual({ eu: 50_000_000, 'public-cash': 50_000_000, 'public-in-kind': 0, private: 0, income: 0 });
  });

  it('edits the basics: name, programme, period, status, flat rate, claim interval and payment lag', async () => {
    const d = (await get('/api/orgs/RUN/projects/BASICS', ekonom)).json<Full>();
    const before = await auditCount();
    const res = await send('PUT', '/api/orgs/RUN/projects/BASICS', ekonom, bodyOf(d, {
      name: 'Grundprojekt', programme: 'ERUF Övre Norrland', startPeriod: '2021-03', endPeriod: '2021-11', status: 'ansokt', flatRate: '15', claimIntervalMonths: 4, paymentLagDays: 60,
    }));
    expect(res.statusCode).toBe(200);
    expect(res.json<Full>()).toMatchObject({ name: 'Grundprojekt', startPeriod: '2021-03', endPeriod: '2021-11', status: 'ansokt', flatRate: '15', claimIntervalMonths: 4, paymentLagDays: 60, issues: [] });
    expect(res.json<Full>().cashFlow.claims.map((c) => c.claimDay)).toEqual(['2021-06-30', '2021-10-31', '2021-11-30']);
    expect(await projectRow()).toMatchObject({ name: 'Grundprojekt', start_period: '2021-03', end_period: '2021-11', status: 'ansokt', flat_rate: '15', claim_interval_months: 4, payment_lag_days: 60 });
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses bad basics naming the field, and writes nothing', async () => {
    const d = (await get('/api/orgs/RUN/projects/BASICS', ekonom)).json<Full>();
    const row = await projectRow();
    const financing = await financingRows();
    const before = await auditCount();
    const cases: Array<[object, string]> = [
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ programme: '' }, 'programme'],
      [{ startPeriod: '2021-13' }, 'startPeriod'],
      [{ endPeriod: '2020-12' }, 'endPeriod'],
      [{ status: 'godkänt' }, 'status'],
      [{ flatRate: '20' }, 'flatRate'],
      [{ claimIntervalMonths: 7 }, 'claimIntervalMonths'],
      [{ paymentLagDays: -1 }, 'paymentLagDays'],
      [{ financing: [{ funder: 'kommuner', type: 'eu', year: 2021, amountOre: 1 }] }, 'financing'],
      [{ financing: [{ funder: 'kommuner', type: 'kontant', year: 2021, amountOre: 1 }] }, 'financing.0.type'],
      [{ financing: [{ funder: 'kommuner', type: 'public-cash', year: 2021, amountOre: 1 }, { funder: 'kommuner', type: 'public-cash', year: 2021, amountOre: 2 }] }, 'financing'],
      [{ costs: [{ year: 2021, category: 'gavor', amountOre: 1 }] }, 'costs.0.category'],
    ];
    for (const [over, field] of cases) {
      const res = await send('PUT', '/api/orgs/RUN/projects/BASICS', ekonom, bodyOf(d, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      const body = res.json<{ field: string; message: string }>();
      expect(body.field, JSON.stringify(over)).toBe(field);
      expect(body.message, JSON.stringify(over)).toMatch(/[a-zåäö]/);
    }
    const typeMessage = (await send('PUT', '/api/orgs/RUN/projects/BASICS', ekonom, bodyOf(d, { financing: [{ funder: 'kommuner', type: 'eu', year: 2021, amountOre: 1 }] }))).json<{ message: string }>().message;
    expect(typeMessage).toMatch(/^Finansiering: Kommuner kan inte ge EU-stöd; välj /);
    expect(await projectRow()).toEqual(row);
    expect(await financingRows()).toEqual(financing);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a reader, and writes nothing', async () => {
    const d = (await get('/api/orgs/RUN/projects/BASICS', ekonom)).json<Full>();
    const row = await projectRow();
    const before = await auditCount();
    const res = await send('PUT', '/api/orgs/RUN/projects/BASICS', ledamot, bodyOf(d, { name: 'Läsarens namn' }));
    expect(res.statusCode).toBe(403);
    expect(await projectRow()).toEqual(row);
    expect(await auditCount()).toBe(before);
  });

  it('takes in-kind financing with its cost, checks it, and keeps it out of the plan and the cash flow', async () => {
    const d = (await get('/api/orgs/RUN/projects/BASICS', ekonom)).json<Full>();
    const cashFlowBefore = d.cashFlow;
    const feedBefore = (await get('/api/orgs/RUN/project-plan?firstYear=2021&lastYear=2021', ekonom)).json<{ years: Array<{ revenueOre: number; costOre: number }> }>().years[0];
    const inKindRow = { funder: 'kommuner', type: 'public-in-kind', year: 2021, amountOre: 10_000_000 };
    // Without the matching cost: an applied-for project is refused, the in-kind mismatch named among the checks.
    const refused = await send('PUT', '/api/orgs/RUN/projects/BASICS', ekonom, bodyOf(d, { financing: [...bodyOf(d).financing, inKindRow] }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'status' });
    expect(refused.json<{ problems: string[] }>().problems).toEqual([
      expect.stringMatching(/^Finansiering: 2021 är finansieringen 1 100 000 kr men kostnaden 1 000 000 kr \(100 000 kr för mycket\)\.$/),
      expect.stringMatching(/^Finansiering: 2021 är medfinansieringen i annat än pengar 100 000 kr men kostnaden för bidrag i annat än pengar 0 kr;/),
    ]);
    // With the value in kind among the costs too, it holds; EU support stays within 50 % of the larger cost.
    const ok = await send('PUT', '/api/orgs/RUN/projects/BASICS', ekonom, bodyOf(d, {
      costs: [{ year: 2021, category: 'externa-tjanster', amountOre: 100_000_000 }, { year: 2021, category: 'in-natura', amountOre: 10_000_000 }],
      financing: [...bodyOf(d).financing, inKindRow],
    }));
    expect(ok.statusCode).toBe(200);
    const saved = ok.json<Full>();
    expect(saved.issues).toEqual([]);
    expect(saved.years[0]).toMatchObject({ totalOre: 110_000_000, inKindCostOre: 10_000_000, cashCostOre: 100_000_000, externalOre: 50_000_000, byType: { 'public-in-kind': 10_000_000 } });
    expect(saved.financing.find((f) => f.type === 'public-in-kind')).toMatchObject({ funder: 'kommuner', typeName: 'Offentlig medfinansiering i annat än pengar (bidrag in natura)' });
    expect(saved.cashFlow).toEqual(cashFlowBefore);
    const feed = (await get('/api/orgs/RUN/project-plan?firstYear=2021&lastYear=2021', ekonom)).json<{ years: Array<{ revenueOre: number; costOre: number }> }>().years[0];
    expect(feed).toEqual(feedBefore);
    // Into the plan: no line for the value in kind, neither cost nor revenue.
    expect((await send('POST', '/api/orgs/RUN/projects/BASICS/plan-lines', ekonom, { version: 'budget-2020' })).statusCode).toBe(200);
    const lines = (await get('/api/orgs/RUN/versions/budget-2020/lines?year=2021', ekonom)).json<{ lines: Array<{ projectCode: string | null; accountCode: string; funderCode: string | null; amountOre: number }> }>();
    expect(lines.lines.filter((l) => l.projectCode === 'BASICS').map((l) => [l.accountCode, l.funderCode, l.amountOre]).sort()).toEqual([['3710', 'eruf', 50_000_000], ['6410', null, 100_000_000]]);
    // The underlag's table names the type of each row.
    const tables = (await get('/api/orgs/RUN/feature-tables?year=2021', ekonom)).json<{ projects: Array<{ code: string; funders: Array<{ funder: string; typeName: string; amountOre: number }> }> }>();
    expect(tables.projects.find((p) => p.code === 'BASICS')?.funders.map((f) => `${f.funder}: ${f.typeName}`)).toEqual([
      'egen: Offentlig kontant medfinansiering', 'eruf: EU-stöd', 'kommuner: Offentlig medfinansiering i annat än pengar (bidrag in natura)',
    ]);
  });

  it('lists the funders with the types each can give, and the types themselves', async () => {
    const funders = (await get('/api/funders', ledamot)).json<Array<{ code: string; financingTypes: string[] }>>();
    expect(funders.find((f) => f.code === 'eruf')?.financingTypes).toEqual(['eu']);
    expect(funders.find((f) => f.code === 'kommuner')?.financingTypes).toEqual(['public-cash', 'public-in-kind', 'income']);
    const types = (await get('/api/financing-types', ledamot)).json<Array<{ code: string; cash: boolean }>>();
    expect(types.filter((t) => !t.cash).map((t) => t.code)).toEqual(['public-in-kind']);
  });
});
