// The adoption workflow through the API: each step by a role allowed to take it, recorded with
// who and when; a decided version is frozen in the database itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startDemoApp, type Fixture } from '../../test/app-fixture.ts';

let fx: Fixture;
let ekonom: string;
let regionekonom: string;

beforeAll(async () => {
  fx = await startDemoApp();
  ekonom = await signIn(fx.app, 'ekonom');
  // The demo's regionekonom: region-controller on the region, so on every committee in it.
  regionekonom = await signIn(fx.app, 'regionekonom');
});
afterAll(async () => fx?.close());

const step = (cookie: string, body: object, version = 'budget-2020') =>
  fx.app.inject({ method: 'POST', url: `/api/orgs/RUN/versions/${version}/status`, headers: { cookie }, payload: body });

async function firstLine(): Promise<{ id: number; revision: number; amountOre: number }> {
  const res = await fx.app.inject({ method: 'GET', url: '/api/orgs/RUN/versions/budget-2020/lines?year=2020', headers: { cookie: ekonom } });
  const line = res.json<{ lines: Array<{ id: number; revision: number; amountOre: number }> }>().lines[0];
  if (!line) throw new Error('no line');
  return line;
}

describe('utkast → för granskning → inlämnat → beslutat', () => {
  it('refuses a step that skips a status, naming the field', async () => {
    const res = await step(ekonom, { to: 'submitted' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'validation', field: 'to' });
  });

  it('the nämndekonom sends for review and hands in; then the lines are locked', async () => {
    expect((await step(ekonom, { to: 'review', comment: 'Klar för granskning' })).json()).toMatchObject({ status: 'review' });
    expect((await step(ekonom, { to: 'submitted' })).json()).toMatchObject({ status: 'submitted' });
    const line = await firstLine();
    const patch = await fx.app.inject({ method: 'PATCH', url: `/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, headers: { cookie: ekonom }, payload: { amountOre: 1, revision: line.revision } });
    expect(patch.statusCode).toBe(409);
    expect(patch.json<{ message: string }>().message).toMatch(/inlämnad/);
  });

  it('the nämndekonom may not decide', async () => {
    const res = await step(ekonom, { to: 'adopted', diarienummer: 'RS 2019/1', decisionDate: '2019-06-18' });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ message: string }>().message).toMatch(/registrera beslut/);
  });

  it('a decision needs its diarienummer; the regionekonom records it', async () => {
    const missing = await step(regionekonom, { to: 'adopted', decisionDate: '2019-06-18' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: 'diarienummer' });
    const res = await step(regionekonom, { to: 'adopted', diarienummer: 'RS 2019/123', decisionDate: '2019-06-18' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'adopted', diarienummer: 'RS 2019/123', decisionDate: '2019-06-18', adoptedBy: 'regionekonom' });
  });

  it('records every step with who and when', async () => {
    const res = await fx.app.inject({ method: 'GET', url: '/api/orgs/RUN/versions/budget-2020/history', headers: { cookie: ekonom } });
    const steps = res.json<Array<{ from: string; to: string; actor: string; at: string; comment: string | null }>>();
    expect(steps.map((s) => `${s.from}→${s.to} ${s.actor}`)).toEqual(['draft→review ekonom', 'review→submitted ekonom', 'submitted→adopted regionekonom']);
    expect(steps[0]?.comment).toBe('Klar för granskning');
    for (const s of steps) expect(Date.parse(s.at)).not.toBeNaN();
  });

  it('a decided version is frozen: no step leaves it, and the database refuses plain SQL', async () => {
    const back = await step(regionekonom, { to: 'draft' });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ error: 'version_adopted' });
    const line = await firstLine();
    await expect(sql`UPDATE plan_line SET amount_ore = 0 WHERE id = ${line.id}`.execute(fx.app.runtime.db)).rejects.toThrow(/beslutad/);
    await expect(sql`UPDATE plan_version SET diarienummer = 'ändrat' WHERE code = 'budget-2020'`.execute(fx.app.runtime.db)).rejects.toThrow(/beslutad/);
    expect((await firstLine()).amountOre).toBe(line.amountOre);
  });
});
