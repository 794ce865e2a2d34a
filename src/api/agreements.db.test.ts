// The collaboration agreement through the HTTP API, on the demo region in a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { expectAnswersMatchOpenApi, openApiDoc, signIn, startDemoApp, type Fixture } from '../../test/app-fixture.ts';

let fx: Fixture;
let ekonom: string;
let ledamot: string;
let demoId: number;

type Contribution = { municipalityCode: string; name: string; population: number; amountOre: number };

beforeAll(async () => {
  fx = await startDemoApp();
  ekonom = await signIn(fx.app, 'ekonom');
  ledamot = await signIn(fx.app, 'ledamot');
  const list = (await get('/api/orgs/RUN/agreements', ekonom)).json<Array<{ id: number }>>();
  demoId = list[0]?.id ?? 0;
});
afterAll(async () => fx?.close());

const get = (url: string, cookie: string) => fx.app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PUT', url: string, cookie: string, payload: object) => fx.app.inject({ method, url, headers: { cookie }, payload });
const auditCount = async () => (await fx.app.runtime.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;

describe('the demo agreement', () => {
  it('is listed with its period and yearly totals, marked as example data', async () => {
    const res = await get('/api/orgs/RUN/agreements', ledamot);
    expect(res.statusCode).toBe(200);
    const [a] = res.json<Array<{ firstYear: number; lastYear: number; isExample: boolean; totals: Array<{ year: number; totalOre: number }> }>>();
    expect(a).toMatchObject({ firstYear: 2019, lastYear: 2022, isExample: true });
    expect(a?.totals.find((t) => t.year === 2020)?.totalOre).toBe(1_925_000_000);
  });

  it('splits 2020 over the 15 municipalities by population, adding up exactly to the total', async () => {
    const res = await get(`/api/orgs/RUN/agreements/${demoId}/contributions?year=2020`, ledamot);
    expect(res.statusCode).toBe(200);
    const rows = res.json<Contribution[]>();
    expect(rows).toHaveLength(15);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['amountOre', 'municipalityCode', 'name', 'population']);
    expect(rows.reduce((s, r) => s + r.amountOre, 0)).toBe(1_925_000_000);
    const umea = rows.find((r) => r.municipalityCode === '2480');
    expect(umea).toMatchObject({ name: 'Umeå', population: 127_119 });
    // 19 250 000 kr × 127 119 / 270 154 = 9 057 947,504… kr: the floor, or one öre more by largest remainder
    expect([905_794_750, 905_794_751]).toContain(umea?.amountOre);
  });

  it('validates against the published OpenAPI schema', async () => {
    await expectAnswersMatchOpenApi(fx.app, ekonom, [
      ['/api/orgs/{orgCode}/agreements', '/api/orgs/RUN/agreements'],
      ['/api/orgs/{orgCode}/agreements/{id}', `/api/orgs/RUN/agreements/${demoId}`],
      ['/api/orgs/{orgCode}/agreements/{id}/contributions', `/api/orgs/RUN/agreements/${demoId}/contributions?year=2019`],
      ['/api/orgs/{orgCode}/municipalities', '/api/orgs/RUN/municipalities'],
    ]);
    const doc = await openApiDoc(fx.app);
    // The writes that change and delete are documented, each with its body.
    for (const [path, method] of [
      ['/api/orgs/{orgCode}/agreements/{id}', 'put'], ['/api/orgs/{orgCode}/agreements/{id}/forums/{itemId}', 'put'],
      ['/api/orgs/{orgCode}/agreements/{id}/meetings/{itemId}', 'put'], ['/api/orgs/{orgCode}/agreements/{id}/followups/{itemId}', 'put'],
    ] as const) {
      expect((doc.paths[path]?.[method] as { requestBody?: unknown } | undefined)?.requestBody, `${method} ${path}`).toBeDefined();
    }
    for (const path of ['forums', 'meetings', 'followups']) expect(doc.paths[`/api/orgs/{orgCode}/agreements/{id}/${path}/{itemId}`]?.['delete'], path).toBeDefined();
  });

  it('refuses a year outside the period with a Swedish message naming the field', async () => {
    const res = await get(`/api/orgs/RUN/agreements/${demoId}/contributions?year=2023`, ekonom);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'validation', field: 'year' });
    expect(res.json<{ message: string }>().message).toMatch(/^År: 2023 ingår inte/);
  });

  it('exports CSV (Swedish Excel) and XLSX with every year', async () => {
    const csv = await get(`/api/orgs/RUN/agreements/${demoId}/export?format=csv`, ledamot);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + 4 * 15);
    expect(csv.body).toContain('2020;2480;Umeå;127119;');
    const xlsx = await get(`/api/orgs/RUN/agreements/${demoId}/export?format=xlsx`, ledamot);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Kommunbidrag')?.rowCount).toBeGreaterThan(15);
  });

  it('reports to one municipality what it pays and what it got, in HTML and XLSX', async () => {
    const html = await get(`/api/orgs/RUN/agreements/${demoId}/municipalities/2418/report`, ledamot);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<html lang="sv">');
    expect(html.body).toContain('Malå');
    expect(html.body).toContain('bredbandsutbyggnad');
    expect(html.body).toContain('Exempeldata');
    const xlsx = await get(`/api/orgs/RUN/agreements/${demoId}/municipalities/2418/report?format=xlsx`, ledamot);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kommunbidrag', 'Levererat']);
    const unknown = await get(`/api/orgs/RUN/agreements/${demoId}/municipalities/9999/report`, ledamot);
    expect(unknown.statusCode).toBe(400);
  });
});

describe('writes', () => {
  it('a reader may not change the agreement', async () => {
    const res = await send('PUT', `/api/orgs/RUN/agreements/${demoId}/years/2021`, ledamot, { totalOre: 1 });
    expect(res.statusCode).toBe(403);
  });

  it('creates an agreement with a default key from the latest known population, and audits it', async () => {
    const before = await auditCount();
    const res = await send('POST', '/api/orgs/RUN/agreements', ekonom, {
      name: 'Samverkan 2025–2028', firstYear: 2025, lastYear: 2028, firstYearTotalOre: 2_100_000_000, upliftPercent: '1,5',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: number }>().id;
    expect(Number(await auditCount())).toBe(Number(before) + 1);
    const rows = (await get(`/api/orgs/RUN/agreements/${id}/contributions?year=2026`, ekonom)).json<Contribution[]>();
    expect(rows.find((r) => r.municipalityCode === '2480')?.population).toBe(134_249);
    expect(rows.reduce((s, r) => s + r.amountOre, 0)).toBe(2_131_500_000);
  });

  it('refuses bad terms with the field named, writing nothing', async () => {
    const before = await auditCount();
    const res = await send('POST', '/api/orgs/RUN/agreements', ekonom, {
      name: 'Fel', firstYear: 2025, lastYear: 2020, firstYearTotalOre: 1, upliftPercent: '1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'lastYear' });
    const bad = await send('POST', '/api/orgs/RUN/agreements', ekonom, { name: 'Fel', firstYear: 2025, lastYear: 2026, firstYearTotalOre: 1, upliftPercent: 'x' });
    expect(bad.json()).toMatchObject({ field: 'upliftPercent' });
    expect(await auditCount()).toBe(before);
  });

  it('imports a key from CSV all or nothing, with line numbers', async () => {
    const lines = ['kommunkod;år;folkmängd'];
    const parties = (await get(`/api/orgs/RUN/agreements/${demoId}/contributions?year=2021`, ekonom)).json<Contribution[]>();
    for (const p of parties) lines.push(`${p.municipalityCode};2021;${p.population + 10}`);
    const badRes = await send('POST', `/api/orgs/RUN/agreements/${demoId}/key/csv`, ekonom, { csv: `${lines.join('\n')}\n2480;2030;5` });
    expect(badRes.statusCode).toBe(400);
    expect(badRes.json()).toMatchObject({ field: 'csv' });
    expect(badRes.json<{ message: string }>().message).toContain('Rad 17: år 2030 ingår inte');
    // Each problem also on its own, so the form can list the file's lines beside the field.
    const problems = badRes.json<{ problems: string[] }>().problems;
    expect(problems[0]).toBe('Rad 17: år 2030 ingår inte i överenskommelsen (2019–2022).');
    expect(problems[1]).toMatch(/^Fördelningsnyckeln för 2030 saknar invånarantal för Nordmaling/);
    const unchanged = (await get(`/api/orgs/RUN/agreements/${demoId}/contributions?year=2021`, ekonom)).json<Contribution[]>();
    expect(unchanged[0]?.population).toBe(parties[0]?.population);
    const ok = await send('POST', `/api/orgs/RUN/agreements/${demoId}/key/csv`, ekonom, { csv: lines.join('\n') });
    expect(ok.statusCode).toBe(200);
    const detail = (await get(`/api/orgs/RUN/agreements/${demoId}`, ekonom)).json<{ years: Array<{ year: number; keySource: string }> }>();
    expect(detail.years.find((y) => y.year === 2021)?.keySource).toBe('csv');
  });

  it('refuses a hand-entered key that misses a municipality', async () => {
    const res = await send('PUT', `/api/orgs/RUN/agreements/${demoId}/key/2022`, ekonom, { entries: [{ municipalityCode: '2480', population: 1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/^Fördelningsnyckel: .*saknar invånarantal för Nordmaling/);
  });

  it('says the Kolada values are missing instead of inventing a key', async () => {
    const res = await send('POST', `/api/orgs/RUN/agreements/${demoId}/key/2022/kolada`, ekonom, {});
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/Kolada-värden för N01951 2021 saknas/);
  });

  it('logs forums, meetings, follow-ups and the final evaluation', async () => {
    const forum = await send('POST', `/api/orgs/RUN/agreements/${demoId}/forums`, ekonom, { name: 'Kulturforum', kind: 'officials' });
    expect(forum.statusCode).toBe(201);
    const forumId = forum.json<{ id: number }>().id;
    expect((await send('POST', `/api/orgs/RUN/agreements/${demoId}/meetings`, ekonom, { forumId, day: '2021-02-30', subject: 'x' })).json()).toMatchObject({ field: 'day' });
    expect((await send('POST', `/api/orgs/RUN/agreements/${demoId}/meetings`, ekonom, { forumId, day: '2021-02-12', subject: 'Kulturplan' })).statusCode).toBe(201);
    expect((await send('POST', `/api/orgs/RUN/agreements/${demoId}/followups`, ekonom, { period: '2021-T4', text: 'x' })).json()).toMatchObject({ field: 'period' });
    expect((await send('POST', `/api/orgs/RUN/agreements/${demoId}/followups`, ekonom, { period: '2021-D', municipalityCode: '2401', text: 'Levererat' })).statusCode).toBe(201);
    expect((await send('PUT', `/api/orgs/RUN/agreements/${demoId}/evaluation`, ekonom, { day: '2020-01-01', text: 'För tidigt' })).json()).toMatchObject({ field: 'day' });
    expect((await send('PUT', `/api/orgs/RUN/agreements/${demoId}/evaluation`, ekonom, { day: '2022-12-15', text: 'Målen nåddes.' })).statusCode).toBe(204);
    const d = (await get(`/api/orgs/RUN/agreements/${demoId}`, ekonom)).json<{ forums: Array<{ name: string; meetings: unknown[] }>; evaluation: unknown }>();
    expect(d.forums.find((f) => f.name === 'Kulturforum')?.meetings).toHaveLength(1);
    expect(d.evaluation).toEqual({ day: '2022-12-15', text: 'Målen nåddes.' });
  });
});

describe('creating and changing an agreement', () => {
  type Detail = {
    name: string; firstYear: number; lastYear: number; upliftPercent: number; parties: Array<{ code: string }>;
    years: Array<{ year: number; totalOre: number; contributions: Contribution[] | null; problems: string[] }>;
    forums: Array<{ id: number; name: string; kind: string; meetings: Array<{ id: number; day: string; subject: string; notes: string }> }>;
    followups: Array<{ id: number; period: string; municipalityCode: string | null; text: string }>;
  };
  const agreementCount = async () => (await fx.app.runtime.ctx.db.selectFrom('agreement').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
  const detail = async (id: number) => (await get(`/api/orgs/RUN/agreements/${id}`, ekonom)).json<Detail>();
  const del = (url: string, cookie: string) => fx.app.inject({ method: 'DELETE', url, headers: { cookie } });
  const create = async (body: object) => {
    const res = await send('POST', '/api/orgs/RUN/agreements', ekonom, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: number }>().id;
  };
  const basics = (d: Detail) => ({ name: d.name, firstYear: d.firstYear, lastYear: d.lastYear, upliftPercent: String(d.upliftPercent).replace('.', ','), municipalityCodes: d.parties.map((p) => p.code) });

  it('lists the region\'s municipalities, the possible parties, to a reader too', async () => {
    const res = await get('/api/orgs/RUN/municipalities', ledamot);
    expect(res.statusCode).toBe(200);
    const list = res.json<Array<{ code: string; name: string }>>();
    expect(list).toHaveLength(15);
    expect(list).toContainEqual({ code: '2480', name: 'Umeå' });
  });

  it('refuses bad input to create with the field named and writes nothing', async () => {
    const [audits, agreements] = [await auditCount(), await agreementCount()];
    const good = { name: 'Ny', firstYear: 2025, lastYear: 2026, firstYearTotalOre: 100, upliftPercent: '2' };
    for (const [body, field, message] of [
      [{ ...good, name: '' }, 'name', /"name" får inte vara tomt/],
      [{ ...good, name: '   ' }, 'name', /^Namn: /],
      [{ ...good, lastYear: 2040 }, 'lastYear', /^Sista år: avtalsperioden får vara högst 10 år/],
      [{ ...good, firstYearTotalOre: 12.5 }, 'firstYearTotalOre', /heltal/],
      [{ ...good, upliftPercent: '12' }, 'upliftPercent', /^Uppräkning: 12 % ligger utanför/],
      [{ ...good, municipalityCodes: ['2480', '9999'] }, 'municipalityCodes', /^Parter: kommunkoden 9999 finns inte/],
      [{ ...good, municipalityCodes: ['2480', '2480'] }, 'municipalityCodes', /^Parter: /],
      [{ ...good, municipalityCodes: [] }, 'municipalityCodes', /municipalityCodes/],
    ] as const) {
      const res = await send('POST', '/api/orgs/RUN/agreements', ekonom, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ error: 'validation', field });
      expect(res.json<{ message: string }>().message).toMatch(message);
    }
    expect(await auditCount()).toBe(audits);
    expect(await agreementCount()).toBe(agreements);
  });

  it('creates with chosen parties and changes name, period, uplift and parties; contributions follow, exactly', async () => {
    const id = await create({ name: 'Tre kommuner', firstYear: 2024, lastYear: 2025, firstYearTotalOre: 100_000_001, upliftPercent: '2', municipalityCodes: ['2480', '2418', '2401'] });
    const d0 = await detail(id);
    expect(d0.parties.map((p) => p.code)).toEqual(['2401', '2418', '2480']);
    expect(d0.years.map((y) => y.totalOre)).toEqual([100_000_001, 102_000_001]);
    const audits = await auditCount();
    // Longer by a year, a party less and one more, uplift 3 %: every year computed anew from the first.
    const res = await send('PUT', `/api/orgs/RUN/agreements/${id}`, ekonom, { ...basics(d0), name: 'Tre kommuner, förlängd', lastYear: 2026, upliftPercent: '3', municipalityCodes: ['2480', '2418', '2460'] });
    expect(res.statusCode, res.body).toBe(204);
    expect(Number(await auditCount())).toBe(Number(audits) + 1);
    const d1 = await detail(id);
    expect(d1).toMatchObject({ name: 'Tre kommuner, förlängd', lastYear: 2026, upliftPercent: 3 });
    expect(d1.parties.map((p) => p.code)).toEqual(['2418', '2460', '2480']);
    expect(d1.years.map((y) => y.totalOre)).toEqual([100_000_001, 103_000_001, 106_090_001]);
    for (const y of d1.years) {
      expect(y.problems, String(y.year)).toEqual([]);
      expect(y.contributions?.map((c) => c.municipalityCode)).toEqual(['2418', '2460', '2480']);
      expect(y.contributions?.reduce((s, c) => s + c.amountOre, 0)).toBe(y.totalOre);
    }
    // Same uplift, one year shorter at the start: the years kept keep their totals, also one set by hand.
    expect((await send('PUT', `/api/orgs/RUN/agreements/${id}/years/2026`, ekonom, { totalOre: 5 })).statusCode).toBe(204);
    expect((await send('PUT', `/api/orgs/RUN/agreements/${id}`, ekonom, { ...basics(d1), firstYear: 2025 })).statusCode).toBe(204);
    expect((await detail(id)).years.map((y) => [y.year, y.totalOre])).toEqual([[2025, 103_000_001], [2026, 5]]);
    // Starting earlier needs the new first year's total.
    const earlier = await send('PUT', `/api/orgs/RUN/agreements/${id}`, ekonom, { ...basics(d1), firstYear: 2023 });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json()).toMatchObject({ field: 'firstYearTotalOre' });
    expect(earlier.json<{ message: string }>().message).toMatch(/^Årsbelopp första året: ange totalbeloppet för 2023/);
  });

  it('refuses a change that would leave a follow-up or the evaluation outside, naming the field, writing nothing', async () => {
    const id = await create({ name: 'Med uppföljning', firstYear: 2024, lastYear: 2026, firstYearTotalOre: 1_000_000, upliftPercent: '0', municipalityCodes: ['2480', '2418'] });
    expect((await send('POST', `/api/orgs/RUN/agreements/${id}/followups`, ekonom, { period: '2026-D', municipalityCode: '2418', text: 'Malå fick bredband' })).statusCode).toBe(201);
    expect((await send('PUT', `/api/orgs/RUN/agreements/${id}/evaluation`, ekonom, { day: '2026-12-01', text: 'Bra' })).statusCode).toBe(204);
    const d0 = await detail(id);
    const audits = await auditCount();
    const shorter = await send('PUT', `/api/orgs/RUN/agreements/${id}`, ekonom, { ...basics(d0), lastYear: 2025 });
    expect(shorter.statusCode).toBe(400);
    expect(shorter.json()).toMatchObject({ field: 'lastYear' });
    expect(shorter.json<{ message: string }>().message).toBe('Sista år: uppföljningen för delår 2026 ligger efter 2025. Ändra eller ta bort den först.');
    const withoutMala = await send('PUT', `/api/orgs/RUN/agreements/${id}`, ekonom, { ...basics(d0), municipalityCodes: ['2480'] });
    expect(withoutMala.json()).toMatchObject({ field: 'municipalityCodes' });
    expect(withoutMala.json<{ message: string }>().message).toMatch(/^Parter: Malå har en uppföljning \(delår 2026\) och kan inte tas bort/);
    const longer = await send('PUT', `/api/orgs/RUN/agreements/${id}`, ekonom, { ...basics(d0), lastYear: 2027 });
    expect(longer.json()).toMatchObject({ field: 'lastYear' });
    expect(longer.json<{ message: string }>().message).toMatch(/^Sista år: slututvärderingen är daterad 2026-12-01, före 2027/);
    expect(await auditCount()).toBe(audits);
    expect(await detail(id)).toEqual(d0);
  });

  it('changes and deletes forums, meetings and follow-ups, audited; bad input names the field and changes nothing', async () => {
    const id = await create({ name: 'Logg', firstYear: 2024, lastYear: 2025, firstYearTotalOre: 1_000, upliftPercent: '0', municipalityCodes: ['2480', '2418'] });
    const forumId = (await send('POST', `/api/orgs/RUN/agreements/${id}/forums`, ekonom, { name: 'Tjänstepersonsforum', kind: 'officials' })).json<{ id: number }>().id;
    const otherForum = (await send('POST', `/api/orgs/RUN/agreements/${id}/forums`, ekonom, { name: 'Politiskt forum', kind: 'politicians' })).json<{ id: number }>().id;
    const meetingId = (await send('POST', `/api/orgs/RUN/agreements/${id}/meetings`, ekonom, { forumId, day: '2024-03-01', subject: 'Start' })).json<{ id: number }>().id;
    const followupId = (await send('POST', `/api/orgs/RUN/agreements/${id}/followups`, ekonom, { period: '2024-T1', text: 'Igång' })).json<{ id: number }>().id;
    const audits = Number(await auditCount());

    const badDay = await send('PUT', `/api/orgs/RUN/agreements/${id}/meetings/${meetingId}`, ekonom, { forumId, day: '2024-13-01', subject: 'Start' });
    expect(badDay.json()).toMatchObject({ error: 'validation', field: 'day' });
    const badPeriod = await send('PUT', `/api/orgs/RUN/agreements/${id}/followups/${followupId}`, ekonom, { period: '2027-T1', text: 'x' });
    expect(badPeriod.json()).toMatchObject({ error: 'validation', field: 'period' });
    expect(badPeriod.json<{ message: string }>().message).toMatch(/^Period: 2027 ingår inte/);
    const badParty = await send('PUT', `/api/orgs/RUN/agreements/${id}/followups/${followupId}`, ekonom, { period: '2024-T2', municipalityCode: '2401', text: 'x' });
    expect(badParty.json()).toMatchObject({ field: 'municipalityCode' });
    const badName = await send('PUT', `/api/orgs/RUN/agreements/${id}/forums/${forumId}`, ekonom, { name: ' ', kind: 'officials' });
    expect(badName.json()).toMatchObject({ field: 'name' });
    expect(Number(await auditCount())).toBe(audits);
    const d0 = await detail(id);
    expect(d0.forums[0]?.meetings[0]).toMatchObject({ day: '2024-03-01', subject: 'Start' });

    expect((await send('PUT', `/api/orgs/RUN/agreements/${id}/forums/${forumId}`, ekonom, { name: 'Beredningsgruppen', kind: 'officials' })).statusCode).toBe(204);
    expect((await send('PUT', `/api/orgs/RUN/agreements/${id}/meetings/${meetingId}`, ekonom, { forumId: otherForum, day: '2024-03-02', subject: 'Uppstart', notes: 'Alla kom' })).statusCode).toBe(204);
    expect((await send('PUT', `/api/orgs/RUN/agreements/${id}/followups/${followupId}`, ekonom, { period: '2024-D', municipalityCode: '2418', text: 'Halvvägs' })).statusCode).toBe(204);
    const d1 = await detail(id);
    expect(d1.forums.map((f) => f.name)).toEqual(['Beredningsgruppen', 'Politiskt forum']);
    expect(d1.forums[0]?.meetings).toEqual([]);
    expect(d1.forums[1]?.meetings).toEqual([{ id: meetingId, day: '2024-03-02', subject: 'Uppstart', notes: 'Alla kom' }]);
    expect(d1.followups).toMatchObject([{ id: followupId, period: '2024-D', municipalityCode: '2418', text: 'Halvvägs' }]);

    // Something of another agreement is not found through this one.
    expect((await del(`/api/orgs/RUN/agreements/${demoId}/meetings/${meetingId}`, ekonom)).statusCode).toBe(404);
    expect((await del(`/api/orgs/RUN/agreements/${demoId}/followups/${followupId}`, ekonom)).statusCode).toBe(404);

    expect((await del(`/api/orgs/RUN/agreements/${id}/meetings/${meetingId}`, ekonom)).statusCode).toBe(204);
    expect((await del(`/api/orgs/RUN/agreements/${id}/followups/${followupId}`, ekonom)).statusCode).toBe(204);
    expect((await del(`/api/orgs/RUN/agreements/${id}/forums/${forumId}`, ekonom)).statusCode).toBe(204);
    const d2 = await detail(id);
    expect(d2.forums.map((f) => ({ name: f.name, meetings: f.meetings.length }))).toEqual([{ name: 'Politiskt forum', meetings: 0 }]);
    expect(d2.followups).toEqual([]);
    expect(Number(await auditCount())).toBe(audits + 6);
    const actions = await fx.app.runtime.ctx.db.selectFrom('audit_log').select('action').orderBy('id', 'desc').limit(6).execute();
    expect(actions.map((a) => a.action).reverse()).toEqual([
      'agreement.forum_update', 'agreement.meeting_update', 'agreement.followup_update', 'agreement.meeting_delete', 'agreement.followup_delete', 'agreement.forum_delete',
    ]);
    expect((await del(`/api/orgs/RUN/agreements/${id}/followups/${followupId}`, ekonom)).statusCode).toBe(404);
  });

  it('a reader may not change, delete or create anything, and nothing is written', async () => {
    const d = await detail(demoId);
    const forum = d.forums[0];
    const meeting = forum?.meetings[0];
    const followup = d.followups[0];
    expect(forum && meeting && followup).toBeTruthy();
    const audits = await auditCount();
    for (const res of [
      await send('POST', '/api/orgs/RUN/agreements', ledamot, { name: 'x', firstYear: 2025, lastYear: 2026, firstYearTotalOre: 1, upliftPercent: '1' }),
      await send('PUT', `/api/orgs/RUN/agreements/${demoId}`, ledamot, { ...basics(d), name: 'Inte jag' }),
      await send('PUT', `/api/orgs/RUN/agreements/${demoId}/forums/${forum?.id ?? 0}`, ledamot, { name: 'x', kind: 'officials' }),
      await send('PUT', `/api/orgs/RUN/agreements/${demoId}/meetings/${meeting?.id ?? 0}`, ledamot, { forumId: forum?.id ?? 0, day: '2020-01-01', subject: 'x' }),
      await send('PUT', `/api/orgs/RUN/agreements/${demoId}/followups/${followup?.id ?? 0}`, ledamot, { period: '2020-D', text: 'x' }),
      await del(`/api/orgs/RUN/agreements/${demoId}/forums/${forum?.id ?? 0}`, ledamot),
      await del(`/api/orgs/RUN/agreements/${demoId}/meetings/${meeting?.id ?? 0}`, ledamot),
      await del(`/api/orgs/RUN/agreements/${demoId}/followups/${followup?.id ?? 0}`, ledamot),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
    }
    expect(await auditCount()).toBe(audits);
    expect(await detail(demoId)).toEqual(d);
  });
});
