// The collaboration agreement through the HTTP API, on the demo region in a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import ExcelJS from 'exceljs';
import { signIn, startDemoApp, type Fixture } from '../../test/app-fixture.ts';

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
    const doc = (await fx.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>> }>();
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const [path, url] of [
      ['/api/orgs/{orgCode}/agreements', '/api/orgs/RUN/agreements'],
      ['/api/orgs/{orgCode}/agreements/{id}', `/api/orgs/RUN/agreements/${demoId}`],
      ['/api/orgs/{orgCode}/agreements/{id}/contributions', `/api/orgs/RUN/agreements/${demoId}/contributions?year=2019`],
    ] as const) {
      const schema = doc.paths[path]?.['get']?.responses['200']?.content?.['application/json']?.schema;
      expect(schema, path).toBeDefined();
      expect(ajv.validate(schema as object, (await get(url, ekonom)).json()), `${url}: ${ajv.errorsText()}`).toBe(true);
    }
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
