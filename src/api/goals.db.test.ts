// Strategy, goals, indicators and follow-up through the HTTP API, on the demo region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswersMatchOpenApi, openApiDoc, signIn, startDemoApp, type Fixture } from '../../test/app-fixture.ts';

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
    await expectAnswersMatchOpenApi(fx.app, ekonom, [
      ['/api/orgs/{orgCode}/goals', '/api/orgs/RUN/goals?year=2019'],
      ['/api/orgs/{orgCode}/strategies', '/api/orgs/RUN/strategies?year=2019'],
      ['/api/orgs/{orgCode}/kolada/{kpi}', '/api/orgs/RUN/kolada/N01951'],
      ['/api/orgs/{orgCode}/feature-tables', '/api/orgs/RUN/feature-tables?year=2020'],
    ]);
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

describe('changing and deleting goals, indicators, activities and follow-up', () => {
  type Full = Goal & {
    description: string; subStrategies: number[];
    indicators: Array<Goal['indicators'][number] & { unit: string; targets: Array<{ year: number; target: number }>; outcomes: Array<{ period: string; total: number | null; women: number | null; men: number | null }> }>;
    activities: Array<{ id: number; title: string; owner: string; dueDay: string; done: boolean; doneBy: string | null }>;
    assessments: Array<{ period: string; assessment: string; label: string; comment: string }>;
  };
  const del = (url: string, cookie: string) => fx.app.inject({ method: 'DELETE', url, headers: { cookie } });
  const goalsOf = async (year = 2020) => (await get(`/api/orgs/RUN/goals?year=${year}`, ekonom)).json<Full[]>();
  const goalById = async (id: number, year = 2020) => (await goalsOf(year)).find((g) => g.id === id);
  const auditRows = async () => fx.app.runtime.ctx.db.selectFrom('audit_log').select(['action', 'before', 'after']).orderBy('id').execute();
  const indicatorBody = {
    name: 'Andel med eftergymnasial utbildning', unit: '%', direction: 'higher', koladaKpi: null, genderSplit: true, baselineYear: 2019, baselineValue: 40,
    targets: [{ year: 2020, target: 41 }],
  };

  /** A goal of its own with an indicator (an outcome split by sex), an activity and an assessment. */
  async function seedGoal(title: string): Promise<{ goalId: number; indicatorId: number; activityId: number }> {
    const goal = await send('POST', '/api/orgs/RUN/goals', ekonom, { title, strategyCode: 'RUS-2014-2020', subStrategies: [2] });
    const goalId = goal.json<{ id: number }>().id;
    const indicatorId = (await send('POST', `/api/orgs/RUN/goals/${goalId}/indicators`, ekonom, indicatorBody)).json<{ id: number }>().id;
    const activityId = (await send('POST', `/api/orgs/RUN/goals/${goalId}/activities`, ekonom, { title: 'Kartlägga behoven', owner: 'Utbildningsenheten', dueDay: '2020-09-30' })).json<{ id: number }>().id;
    expect((await send('PUT', `/api/orgs/RUN/indicators/${indicatorId}/outcome`, ekonom, { period: '2020-T1', total: 40.5, women: 44, men: 37 })).statusCode).toBe(204);
    expect((await send('PUT', `/api/orgs/RUN/goals/${goalId}/assessment`, ekonom, { period: '2020-T1', assessment: 'partly', comment: 'Långsamt.' })).statusCode).toBe(204);
    return { goalId, indicatorId, activityId };
  }

  it('changes a goal\'s title, description and sub-strategies, audited with before and after; the underlag\'s goals table shows the new title', async () => {
    const { goalId } = await seedGoal('Fler med högre utbildning');
    const body = { title: 'Fler med eftergymnasial utbildning i hela länet', description: 'Särskilt i inlandet.', strategyCode: 'RUS-2014-2020', subStrategies: [2, 5] };
    expect((await send('PUT', `/api/orgs/RUN/goals/${goalId}`, ledamot, body)).statusCode).toBe(403);
    const res = await send('PUT', `/api/orgs/RUN/goals/${goalId}`, ekonom, body);
    expect(res.statusCode, res.body).toBe(204);
    expect(await goalById(goalId)).toMatchObject({ title: body.title, description: 'Särskilt i inlandet.', subStrategies: [2, 5] });
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({ action: 'goal.update', before: { title: 'Fler med högre utbildning', subStrategies: [2] }, after: { title: body.title, subStrategies: [2, 5] } });
    const tables = (await get('/api/orgs/RUN/feature-tables?year=2020', ledamot)).json<{ goals: Array<{ goal: string; subStrategies: string[] }> }>();
    const row = tables.goals.find((g) => g.goal === body.title);
    expect(row?.subStrategies).toHaveLength(2);
    expect(tables.goals.some((g) => g.goal === 'Fler med högre utbildning')).toBe(false);
  });

  it('the underlag document\'s goals table shows a changed goal and its changed target', async () => {
    const { goalId, indicatorId } = await seedGoal('Gammal måltext i underlaget');
    expect((await send('PUT', `/api/orgs/RUN/goals/${goalId}`, ekonom, { title: 'Ny måltext i underlaget', strategyCode: 'RUS-2014-2020', subStrategies: [3] })).statusCode).toBe(204);
    expect((await send('PUT', `/api/orgs/RUN/indicators/${indicatorId}`, ekonom, { ...indicatorBody, name: 'Indikator i underlaget', targets: [{ year: 2020, target: 47.25 }] })).statusCode).toBe(204);
    const created = await send('POST', '/api/orgs/RUN/underlag', ekonom, { budgetYear: 2020 });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ underlag: { id: number } }>().underlag.id;
    const html = (await get(`/api/orgs/RUN/underlag/${id}/export?format=html`, ledamot)).body;
    expect(html).toContain('Ny måltext i underlaget');
    expect(html).not.toContain('Gammal måltext i underlaget');
    expect(html).toContain('Indikator i underlaget');
    expect(html).toContain('47,25\u00a0% (2020)');
  });

  it('refuses a bad goal, indicator, activity or follow-up change with a Swedish message naming the field, and writes nothing', async () => {
    const { goalId, indicatorId, activityId } = await seedGoal('Mål som inte ska ändras');
    const before = await goalById(goalId);
    const auditBefore = (await auditRows()).length;
    const refusals: Array<[string, 'PUT', string, object]> = [
      ['title', 'PUT', `/api/orgs/RUN/goals/${goalId}`, { title: '   ', strategyCode: 'RUS-2014-2020', subStrategies: [1] }],
      ['subStrategies', 'PUT', `/api/orgs/RUN/goals/${goalId}`, { title: 'Nytt namn', strategyCode: 'RUS-2014-2020', subStrategies: [1, 9] }],
      ['koladaKpi', 'PUT', `/api/orgs/RUN/indicators/${indicatorId}`, { ...indicatorBody, name: 'Nytt namn', koladaKpi: 'N1' }],
      ['targets', 'PUT', `/api/orgs/RUN/indicators/${indicatorId}`, { ...indicatorBody, targets: [{ year: 2027, target: 1 }, { year: 2027, target: 2 }] }],
      ['genderSplit', 'PUT', `/api/orgs/RUN/indicators/${indicatorId}`, { ...indicatorBody, genderSplit: false }],
      ['dueDay', 'PUT', `/api/orgs/RUN/activities/${activityId}`, { title: 'Nytt', owner: 'Någon', dueDay: '2020-02-30', done: true }],
      ['owner', 'PUT', `/api/orgs/RUN/activities/${activityId}`, { title: 'Nytt', owner: ' ', dueDay: '2020-10-01', done: false }],
      ['comment', 'PUT', `/api/orgs/RUN/goals/${goalId}/assessments/2020-T1`, { period: '2020-T1', assessment: 'not', comment: '' }],
      ['period', 'PUT', `/api/orgs/RUN/goals/${goalId}/assessments/2020-T1`, { period: '2020-T4', assessment: 'met', comment: '' }],
      ['women', 'PUT', `/api/orgs/RUN/indicators/${indicatorId}/outcomes/2020-T1`, { period: '2020-T1', total: 41, women: 'många' }],
    ];
    for (const [field, method, url, payload] of refusals) {
      const res = await send(method, url, ekonom, payload);
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      const body = res.json<{ field: string; message: string }>();
      expect(body.field, url).toBe(field);
      expect(body.message).toMatch(/[A-ZÅÄÖ]/);
    }
    expect((await send('PUT', `/api/orgs/RUN/goals/${goalId}`, ekonom, { title: 'X', strategyCode: 'RUS-2014-2020', subStrategies: [9] })).json<{ message: string }>().message)
      .toMatch(/^Delstrategier: .* har ingen delstrategi 9\.$/);
    expect(await goalById(goalId)).toEqual(before);
    expect((await auditRows()).length).toBe(auditBefore);
  });

  it('changes an indicator, with a target for each year of any range (2020–2030, beyond four years)', async () => {
    const { goalId, indicatorId } = await seedGoal('Mål med långa målvärden');
    const targets = Array.from({ length: 11 }, (_, n) => ({ year: 2020 + n, target: 41 + n }));
    const body = { ...indicatorBody, name: 'Eftergymnasial utbildning, 25–64 år', unit: 'procent', direction: 'lower', koladaKpi: 'N00914', baselineValue: 39.5, targets };
    expect((await send('PUT', `/api/orgs/RUN/indicators/${indicatorId}`, ledamot, body)).statusCode).toBe(403);
    expect((await send('PUT', `/api/orgs/RUN/indicators/${indicatorId}`, ekonom, body)).statusCode).toBe(204);
    const ind = (await goalById(goalId, 2030))?.indicators[0];
    expect(ind).toMatchObject({ name: 'Eftergymnasial utbildning, 25–64 år', unit: 'procent', direction: 'lower', koladaKpi: 'N00914', baselineValue: 39.5, targetThisYear: 51 });
    expect(ind?.targets).toEqual(targets);
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'indicator.update', before: { targets: [{ year: 2020, target: 41 }] } });
    expect((await send('PUT', '/api/orgs/RUN/indicators/999999', ekonom, body)).statusCode).toBe(404);
  });

  it('changes and deletes an activity; a change to done records who', async () => {
    const { goalId, activityId } = await seedGoal('Mål med aktivitet');
    const body = { title: 'Kartlägga behoven i inlandet', owner: 'Regional utveckling', dueDay: '2020-11-15', done: true };
    expect((await send('PUT', `/api/orgs/RUN/activities/${activityId}`, ledamot, body)).statusCode).toBe(403);
    expect((await send('PUT', `/api/orgs/RUN/activities/${activityId}`, ekonom, body)).statusCode).toBe(204);
    expect((await goalById(goalId))?.activities[0]).toMatchObject({ ...body, doneBy: expect.stringContaining('(ekonom)') });
    expect((await del(`/api/orgs/RUN/activities/${activityId}`, ledamot)).statusCode).toBe(403);
    expect((await goalById(goalId))?.activities).toHaveLength(1);
    expect((await del(`/api/orgs/RUN/activities/${activityId}`, ekonom)).statusCode).toBe(204);
    expect((await goalById(goalId))?.activities).toEqual([]);
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'activity.delete', before: { title: body.title } });
    expect((await del(`/api/orgs/RUN/activities/${activityId}`, ekonom)).statusCode).toBe(404);
  });

  it('changes, moves and deletes an assessment and an outcome (women and men beside the total)', async () => {
    const { goalId, indicatorId } = await seedGoal('Mål med uppföljning');
    const assessment = `/api/orgs/RUN/goals/${goalId}/assessments/${encodeURIComponent('2020-T1')}`;
    expect((await send('PUT', assessment, ledamot, { period: '2020-T1', assessment: 'met', comment: '' })).statusCode).toBe(403);
    expect((await send('PUT', assessment, ekonom, { period: '2020-T2', assessment: 'met', comment: 'Nått.' })).statusCode).toBe(204);
    expect((await goalById(goalId))?.assessments).toEqual([{ period: '2020-T2', assessment: 'met', label: 'Uppfyllt', comment: 'Nått.' }]);
    expect((await send('PUT', assessment, ekonom, { period: '2020-T2', assessment: 'met', comment: '' })).statusCode).toBe(404);
    expect((await del(`/api/orgs/RUN/goals/${goalId}/assessments/2020-T2`, ledamot)).statusCode).toBe(403);
    expect((await del(`/api/orgs/RUN/goals/${goalId}/assessments/2020-T2`, ekonom)).statusCode).toBe(204);
    expect((await goalById(goalId))?.assessments).toEqual([]);

    const outcome = `/api/orgs/RUN/indicators/${indicatorId}/outcomes/${encodeURIComponent('2020-Å')}`;
    expect((await send('PUT', `/api/orgs/RUN/indicators/${indicatorId}/outcome`, ekonom, { period: '2020-Å', total: 42, women: 45, men: 39 })).statusCode).toBe(204);
    expect((await send('PUT', outcome, ekonom, { period: '2020-T1', total: 1 })).json()).toMatchObject({ error: 'conflict', field: 'period' });
    expect((await send('PUT', outcome, ledamot, { period: '2020-Å', total: 43, women: 46, men: 40 })).statusCode).toBe(403);
    expect((await send('PUT', outcome, ekonom, { period: '2020-Å', total: 43, women: 46, men: 40 })).statusCode).toBe(204);
    expect((await goalById(goalId))?.indicators[0]?.outcomes).toEqual([
      { period: '2020-T1', total: 40.5, women: 44, men: 37 }, { period: '2020-Å', total: 43, women: 46, men: 40 },
    ]);
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'indicator.outcome.update', before: { period: '2020-Å' } });
    expect((await del(outcome, ledamot)).statusCode).toBe(403);
    expect((await del(outcome, ekonom)).statusCode).toBe(204);
    expect((await goalById(goalId))?.indicators[0]?.outcomes.map((o) => o.period)).toEqual(['2020-T1']);
  });

  it('publishes the changing and deleting routes in OpenAPI with their bodies', async () => {
    const doc = await openApiDoc(fx.app);
    for (const [path, methods] of [
      ['/api/orgs/{orgCode}/goals/{id}', ['put', 'delete']], ['/api/orgs/{orgCode}/indicators/{id}', ['put', 'delete']], ['/api/orgs/{orgCode}/activities/{id}', ['put', 'delete']],
      ['/api/orgs/{orgCode}/goals/{id}/assessments/{period}', ['put', 'delete']], ['/api/orgs/{orgCode}/indicators/{id}/outcomes/{period}', ['put', 'delete']],
    ] as const) {
      for (const m of methods) expect(doc.paths[path]?.[m], `${m} ${path}`).toBeDefined();
      expect(doc.paths[path]?.['put']?.requestBody, path).toBeDefined();
    }
    expect(doc.paths['/api/orgs/{orgCode}/goals/{id}']?.['delete']?.parameters?.map((p) => p.name)).toContain('withContents');
  });

  it('refuses to delete a goal or an indicator with contents unless confirmed, then deletes it all, audited', async () => {
    const { goalId, indicatorId } = await seedGoal('Mål att ta bort');
    expect((await del(`/api/orgs/RUN/goals/${goalId}?withContents=true`, ledamot)).statusCode).toBe(403);
    const refused = await del(`/api/orgs/RUN/goals/${goalId}`, ekonom);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message)
      .toBe('Målet "Mål att ta bort" har 1 indikator (med 1 utfall), 1 aktivitet och 1 bedömning. Bekräfta att de tas bort tillsammans med målet.');
    const refusedIndicator = await del(`/api/orgs/RUN/indicators/${indicatorId}`, ekonom);
    expect(refusedIndicator.json<{ message: string }>().message).toBe('Indikatorn "Andel med eftergymnasial utbildning" har utfall för 1 period. Bekräfta att de tas bort tillsammans med indikatorn.');
    expect((await goalById(goalId))?.indicators).toHaveLength(1);

    expect((await del(`/api/orgs/RUN/indicators/${indicatorId}?withContents=true`, ekonom)).statusCode).toBe(204);
    expect((await goalById(goalId))?.indicators).toEqual([]);
    expect((await del(`/api/orgs/RUN/goals/${goalId}`, ekonom)).statusCode).toBe(409); // the activity and the assessment remain
    expect((await del(`/api/orgs/RUN/goals/${goalId}?withContents=true`, ekonom)).statusCode).toBe(204);
    expect(await goalById(goalId)).toBeUndefined();
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({ action: 'goal.delete', before: { title: 'Mål att ta bort', activities: [{ title: 'Kartlägga behoven' }], assessments: [{ period: '2020-T1' }] } });
    const db = fx.app.runtime.ctx.db;
    expect(await db.selectFrom('activity').select('id').where('goal_id', '=', String(goalId)).execute()).toEqual([]);
    expect(await db.selectFrom('indicator_outcome').select('period').where('indicator_id', '=', String(indicatorId)).execute()).toEqual([]);
    // An empty goal goes without confirmation.
    const empty = (await send('POST', '/api/orgs/RUN/goals', ekonom, { title: 'Tomt mål', strategyCode: 'RUS-2014-2020', subStrategies: [1] })).json<{ id: number }>().id;
    expect((await del(`/api/orgs/RUN/goals/${empty}`, ekonom)).statusCode).toBe(204);
  });
});
