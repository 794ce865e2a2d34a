// Strategy, goals, indicators and follow-up through the HTTP API, on the demo region.
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

type Goal = {
  id: number; title: string; subStrategyNames: string[];
  indicators: Array<{ id: number; name: string; genderSplit: boolean; progress: string; latestOutcome: { total: number; women: number | null; men: number | null } | null }>;
  assessments: Array<{ period: string; label: string }>;
};

describe('strategy', () => {
  it('has RUS 2014–2020 with its six sub-strategies as the current strategy', async () => {
    const s = (await get('/api/orgs/RUN/strategies?year=2020', ledamot)).json<{ current: string; strategies: Array<{ code: string; subStrategies: unknown[] }> }>();
    expect(s.current).toBe('RUS-2014-2020');
    expect(s.strategies[0]?.subStrategies).toHaveLength(6);
  });

  it('adds RUS 2020–2030 and moves to it from 2021, keeping the old one for earlier years', async () => {
    const add = await send('POST', '/api/orgs/RUN/strategies', ekonom, {
      code: 'RUS-2020-2030', name: 'Regional utvecklingsstrategi för Västerbottens län 2020–2030', firstYear: 2020, lastYear: 2030,
      subStrategies: ['Hållbar befolkningsutveckling', 'Livslångt lärande', 'Innovativt näringsliv', 'Tillgänglighet', 'Klimat och miljö', 'Samverkan'],
    });
    expect(add.statusCode).toBe(204);
    expect((await send('POST', '/api/orgs/RUN/strategies/adopt', ekonom, { strategyCode: 'RUS-2020-2030', fromYear: 2035 })).json()).toMatchObject({ field: 'fromYear' });
    expect((await send('POST', '/api/orgs/RUN/strategies/adopt', ekonom, { strategyCode: 'RUS-2020-2030', fromYear: 2021 })).statusCode).toBe(204);
    expect((await get('/api/orgs/RUN/strategies?year=2021', ledamot)).json<{ current: string }>().current).toBe('RUS-2020-2030');
    expect((await get('/api/orgs/RUN/strategies?year=2020', ledamot)).json<{ current: string }>().current).toBe('RUS-2014-2020');
  });
});

describe('goals', () => {
  it('lists the demo goals with sub-strategies, indicators (women and men beside the total) and assessments', async () => {
    const res = await get('/api/orgs/RUN/goals?year=2019', ledamot);
    expect(res.statusCode).toBe(200);
    const goals = res.json<Goal[]>();
    expect(goals).toHaveLength(3);
    expect(goals[0]?.subStrategyNames[0]).toBe('1. Utveckla samhällen som inkluderar och utvecklar människor');
    const ind = goals[0]?.indicators[0];
    expect(ind).toMatchObject({ genderSplit: true, progress: 'reached', latestOutcome: { total: 80.9, women: 79.7, men: 82 } });
    expect(goals[1]?.assessments[0]?.label).toBe('Delvis uppfyllt');
  });

  it('validates against the published OpenAPI schema', async () => {
    const doc = (await fx.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> }>();
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const [path, url] of [
      ['/api/orgs/{orgCode}/goals', '/api/orgs/RUN/goals?year=2019'],
      ['/api/orgs/{orgCode}/strategies', '/api/orgs/RUN/strategies?year=2019'],
      ['/api/orgs/{orgCode}/kolada/{kpi}', '/api/orgs/RUN/kolada/N01951'],
      ['/api/orgs/{orgCode}/feature-tables', '/api/orgs/RUN/feature-tables?year=2020'],
    ] as const) {
      const schema = doc.paths[path]?.['get']?.responses['200']?.content?.['application/json']?.schema;
      expect(schema, path).toBeDefined();
      expect(ajv.validate(schema as object, (await get(url, ekonom)).json()), `${url}: ${ajv.errorsText()}`).toBe(true);
    }
  });

  it('gives the underlag its goals table, contributions table and project financing table', async () => {
    const t = (await get('/api/orgs/RUN/feature-tables?year=2020', ledamot)).json<{
      goals: unknown[]; contributions: { totalOre: number; rows: unknown[] }; projects: Array<{ code: string }>;
    }>();
    expect(t.goals).toHaveLength(3);
    expect(t.contributions.totalOre).toBe(1_925_000_000);
    expect(t.contributions.rows).toHaveLength(15);
    expect(t.projects.map((p) => p.code)).toContain('SMART-VBN');
  });

  it('creates a goal with an indicator, an activity, an assessment and an outcome; bad input names the field', async () => {
    expect((await send('POST', '/api/orgs/RUN/goals', ekonom, { title: 'X', strategyCode: 'RUS-2014-2020', subStrategies: [9] })).json()).toMatchObject({ field: 'subStrategies' });
    expect((await send('POST', '/api/orgs/RUN/goals', ledamot, { title: 'X', strategyCode: 'RUS-2014-2020', subStrategies: [1] })).statusCode).toBe(403);
    const goal = await send('POST', '/api/orgs/RUN/goals', ekonom, { title: 'Fler invånare', strategyCode: 'RUS-2014-2020', subStrategies: [1, 6] });
    expect(goal.statusCode).toBe(201);
    const goalId = goal.json<{ id: number }>().id;
    const bad = await send('POST', `/api/orgs/RUN/goals/${goalId}/indicators`, ekonom, {
      name: 'Invånare', unit: 'antal', direction: 'higher', koladaKpi: 'N1951', genderSplit: false, baselineYear: 2018, baselineValue: 270154, targets: [],
    });
    expect(bad.json()).toMatchObject({ field: 'koladaKpi' });
    const ind = await send('POST', `/api/orgs/RUN/goals/${goalId}/indicators`, ekonom, {
      name: 'Invånare', unit: 'antal', direction: 'higher', koladaKpi: 'N01951', genderSplit: false, baselineYear: 2018, baselineValue: 270154, targets: [{ year: 2020, target: 272000 }],
    });
    expect(ind.statusCode).toBe(201);
    const indId = ind.json<{ id: number }>().id;
    expect((await send('POST', `/api/orgs/RUN/goals/${goalId}/activities`, ekonom, { title: 'Inflyttarservice', owner: 'Enheten', dueDay: '2020-13-01' })).json()).toMatchObject({ field: 'dueDay' });
    expect((await send('POST', `/api/orgs/RUN/goals/${goalId}/activities`, ekonom, { title: 'Inflyttarservice', owner: 'Enheten', dueDay: '2020-12-01' })).statusCode).toBe(201);
    expect((await send('PUT', `/api/orgs/RUN/goals/${goalId}/assessment`, ekonom, { period: '2020-T1', assessment: 'not', comment: '' })).json()).toMatchObject({ field: 'comment' });
    expect((await send('PUT', `/api/orgs/RUN/goals/${goalId}/assessment`, ekonom, { period: '2020-T1', assessment: 'partly', comment: 'Ökar långsamt.' })).statusCode).toBe(204);
    expect((await send('PUT', `/api/orgs/RUN/indicators/${indId}/outcome`, ekonom, { period: '2020-Å', total: 1, women: 1 })).json()).toMatchObject({ field: 'women' });
    expect((await send('PUT', `/api/orgs/RUN/indicators/${indId}/outcome`, ekonom, { period: '2020-Å', total: 272500 })).statusCode).toBe(204);
    const g = (await get('/api/orgs/RUN/goals?year=2020', ekonom)).json<Goal[]>().find((x) => x.id === goalId);
    expect(g?.indicators[0]).toMatchObject({ progress: 'reached', latestOutcome: { total: 272500 } });
    expect(g?.assessments[0]?.label).toBe('Delvis uppfyllt');
  });

  it('takes a manual indicator (no Kolada id, no baseline) as null, not as an empty id', async () => {
    const goal = (await get('/api/orgs/RUN/goals?year=2020', ekonom)).json<Goal[]>()[0];
    const res = await send('POST', `/api/orgs/RUN/goals/${goal?.id ?? 0}/indicators`, ekonom, {
      name: 'Manuell indikator', unit: 'antal', direction: 'lower', koladaKpi: null, genderSplit: false, baselineYear: null, baselineValue: null, targets: [{ year: 2020, target: 3 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const stored = (await get('/api/orgs/RUN/goals?year=2020', ekonom)).json<Array<{ indicators: Array<{ name: string; koladaKpi: string | null; baselineYear: number | null }> }>>()
      .flatMap((g) => g.indicators).find((i) => i.name === 'Manuell indikator');
    expect(stored).toMatchObject({ koladaKpi: null, baselineYear: null });
  });

  it('marks an activity done with who and when, and back; a reader may not, another organisation\'s id is not found', async () => {
    const goals = (await get('/api/orgs/RUN/goals?year=2020', ekonom)).json<Array<Goal & { activities: Array<{ id: number; done: boolean; doneBy: string | null; doneAt: string | null }> }>>();
    const activity = goals.flatMap((g) => g.activities).find((a) => !a.done);
    if (!activity) throw new Error('no open activity in the demo');
    const auditBefore = Number((await fx.app.runtime.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    expect((await send('PUT', `/api/orgs/RUN/activities/${activity.id}/done`, ledamot, { done: true })).statusCode).toBe(403);
    expect((await send('PUT', '/api/orgs/RUN/activities/999999/done', ekonom, { done: true })).statusCode).toBe(404);
    expect((await send('PUT', `/api/orgs/RUN/activities/${activity.id}/done`, ekonom, { done: 'ja' })).json()).toMatchObject({ field: 'done' });
    expect((await send('PUT', `/api/orgs/RUN/activities/${activity.id}/done`, ekonom, { done: true })).statusCode).toBe(204);
    const read = async () => (await get('/api/orgs/RUN/goals?year=2020', ledamot)).json<typeof goals>().flatMap((g) => g.activities).find((a) => a.id === activity.id);
    const done = await read();
    expect(done).toMatchObject({ done: true, doneBy: expect.stringContaining('(ekonom)') });
    expect(Number.isNaN(Date.parse(done?.doneAt ?? ''))).toBe(false);
    expect((await send('PUT', `/api/orgs/RUN/activities/${activity.id}/done`, ekonom, { done: false })).statusCode).toBe(204);
    expect(await read()).toMatchObject({ done: false, doneBy: null, doneAt: null });
    const auditAfter = Number((await fx.app.runtime.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    expect(auditAfter).toBe(auditBefore + 2);
  });

  it('the agreement key can come from the stored Kolada population', async () => {
    const list = (await get('/api/orgs/RUN/agreements', ekonom)).json<Array<{ id: number }>>();
    const id = list[0]?.id ?? 0;
    expect((await send('POST', `/api/orgs/RUN/agreements/${id}/key/2019/kolada`, ekonom, {})).statusCode).toBe(204);
    const d = (await get(`/api/orgs/RUN/agreements/${id}`, ekonom)).json<{ years: Array<{ year: number; keySource: string }> }>();
    expect(d.years.find((y) => y.year === 2019)?.keySource).toBe('kolada');
  });

  it('refuses a Kolada fetch of an id that is no KPI, naming the field', async () => {
    const res = await send('POST', '/api/orgs/RUN/kolada/fetch', ekonom, { kpi: 'X', years: [2024] });
    expect(res.json()).toMatchObject({ field: 'kpi' });
  });
});
