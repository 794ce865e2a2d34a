// The underlag through the API: created from the template, every save kept as a revision, a stale save
// a conflict with the current text, bad text refused naming the field with nothing written, sections
// added/renamed/reordered/removed, the workflow by the roles allowed, the decision frozen with its
// numbers (in the database itself), a new edition after it, revisions compared, drafts offered, and
// the four exports with their content types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startDemoApp, type Fixture } from '../../test/app-fixture.ts';
import { findOrganisationByCode } from '../db/repositories/organisations.ts';
import { grantRole, insertUser } from '../db/repositories/users.ts';
import { hashPassword } from '../services/passwords.ts';
import { hasProgram } from '../reports/render/tool-support.ts';

let fx: Fixture;
let ekonom: string;
let ledamot: string;
let regionekonom: string;

type Doc = {
  underlag: { id: number; status: string; edition: number; headRevision: number };
  revision: { revision: number; status: string; decidedAt: string | null; diarienummer: string | null };
  sections: Array<{ key: string; title: string; blocks: unknown[] }>;
  report: { sections: Array<{ key: string; title: string; blocks: Array<{ type: string; runs?: Array<{ type: string; text: string }> }> }> };
  editable: boolean;
  steps: Array<{ to: string }>;
  canBeginNewEdition: boolean;
};

beforeAll(async () => {
  fx = await startDemoApp();
  const db = fx.app.runtime.db;
  const region = await findOrganisationByCode(db, 'RVB');
  if (!region) throw new Error('no region');
  const id = await insertUser(db, { tenantId: region.tenantId, username: 'beslutare', displayName: 'Beslutare (regionekonom)', passwordHash: await hashPassword('hemligt-ord') });
  await grantRole(db, region.tenantId, id, region.id, 'region-controller');
  ekonom = await signIn(fx.app, 'ekonom');
  ledamot = await signIn(fx.app, 'ledamot');
  regionekonom = await signIn(fx.app, 'beslutare', 'hemligt-ord');
});
afterAll(async () => fx?.close());

const BASE = '/api/orgs/RUN/underlag';
const req = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
  fx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const paragraph = (t: string) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] });
const count = async (table: 'underlag' | 'underlag_revision'): Promise<number> =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(fx.app.runtime.db)).rows[0]?.n);
/** Text as a person reads it: no-break spaces as plain spaces. */
const plain = (t: string | undefined): string => (t ?? '').replace(/[\u00a0\u202f]/g, ' ');
const figureTexts = (doc: Doc, key: string): string[] =>
  (doc.report.sections.find((s) => s.key === key)?.blocks ?? []).flatMap((b) => (b.runs ?? []).filter((r) => r.type === 'figure').map((r) => plain(r.text)));

let id = 0;
let doc: Doc;

describe('creating and saving', () => {
  it('a reader may not create one, and nothing is written', async () => {
    const res = await req('POST', BASE, ledamot, { budgetYear: 2020 });
    expect(res.statusCode).toBe(403);
    expect(await count('underlag')).toBe(0);
  });

  it('a bad year is refused naming the field', async () => {
    const res = await req('POST', BASE, ekonom, { budgetYear: 2031 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'validation', field: 'year' });
    expect(await count('underlag')).toBe(0);
  });

  it('the nämndekonom creates the 2020 underlag from the template with live figures', async () => {
    const res = await req('POST', BASE, ekonom, { budgetYear: 2020 });
    expect(res.statusCode, res.body).toBe(201);
    doc = res.json<Doc>();
    id = doc.underlag.id;
    expect(doc.underlag).toMatchObject({ status: 'draft', edition: 1, headRevision: 1 });
    expect(doc.sections.map((s) => s.title)).toEqual([
      'Inledning', 'Det regionala utvecklingsuppdraget', 'Samverkan med kommunerna', 'Mål för regional utveckling',
      'Fortsatt kapacitet för regional utveckling, uppdraget på sikt', 'Ekonomiska förutsättningar, aktuellt ekonomiskt läge',
      'Risker och bevakningspunkter',
    ]);
    expect(doc.editable).toBe(true);
    expect(figureTexts(doc, 'ekonomi').join(' | ')).toMatch(/drygt 50 %/);
    expect(doc.steps.map((s) => s.to)).toEqual(['review']);
    const list = await req('GET', BASE, ledamot);
    expect(list.json()).toEqual([expect.objectContaining({ id, budgetYear: 2020, actualYear: 2018, version: 'budget-2020', statusLabel: 'Utkast' })]);
  });

  it('a second one for the same year and version is a conflict', async () => {
    const res = await req('POST', BASE, ekonom, { budgetYear: 2020, version: 'budget-2020' });
    expect(res.statusCode).toBe(409);
    expect(await count('underlag')).toBe(1);
  });

  it('a reader sees the document but may not edit it', async () => {
    const res = await req('GET', `${BASE}/${id}`, ledamot);
    expect(res.statusCode).toBe(200);
    expect(res.json<Doc>()).toMatchObject({ editable: false, steps: [] });
    const save = await req('PUT', `${BASE}/${id}/sections/inledning`, ledamot, { revision: 1, blocks: [paragraph('x')] });
    expect(save.statusCode).toBe(403);
  });

  it('bad text is refused in Swedish naming the field, and nothing is written', async () => {
    const res = await req('PUT', `${BASE}/${id}/sections/inledning`, ekonom, {
      revision: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Läs mer', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'validation', field: 'blocks' });
    expect(res.json<{ message: string }>().message).toMatch(/Inledning.*länken måste börja med https/);
    expect(await count('underlag_revision')).toBe(1);
  });

  it('a section save is a new revision; the old one is kept', async () => {
    const res = await req('PUT', `${BASE}/${id}/sections/inledning`, ekonom, { revision: 1, blocks: [paragraph('Ny inledning skriven i Ramplan.')] });
    expect(res.statusCode, res.body).toBe(200);
    doc = res.json<Doc>();
    expect(doc.underlag.headRevision).toBe(2);
    expect(doc.sections[0]?.blocks).toEqual([paragraph('Ny inledning skriven i Ramplan.')]);
    const old = await req('GET', `${BASE}/${id}?revision=1`, ekonom);
    expect(old.json<Doc>().sections[0]?.blocks).not.toEqual(doc.sections[0]?.blocks);
    expect(old.json<Doc>().editable).toBe(false);
  });

  it('a stale save is a 409 with the current revision, never an overwrite', async () => {
    const res = await req('PUT', `${BASE}/${id}/sections/inledning`, ekonom, { revision: 1, blocks: [paragraph('Gammal grund')] });
    expect(res.statusCode).toBe(409);
    const body = res.json<{ error: string; field: string; current: { revision: number; author: string; sections: Array<{ key: string; blocks: unknown[] }> } }>();
    expect(body).toMatchObject({ error: 'conflict', field: 'revision', current: { revision: 2, author: 'ekonom' } });
    expect(body.current.sections[0]?.blocks).toEqual([paragraph('Ny inledning skriven i Ramplan.')]);
    expect(await count('underlag_revision')).toBe(2);
  });

  it('sections are added, renamed, reordered and removed, each a revision', async () => {
    const added = await req('POST', `${BASE}/${id}/sections`, ekonom, { revision: 2, title: 'Digital omställning', after: 'kapacitet' });
    expect(added.statusCode, added.body).toBe(201);
    const a = added.json<Doc & { key: string }>();
    expect(a.key).toBe('digital-omstallning');
    expect(a.sections.map((s) => s.key).indexOf('digital-omstallning')).toBe(5);
    const renamed = await req('PATCH', `${BASE}/${id}/sections/digital-omstallning`, ekonom, { revision: 3, title: 'Digitalisering' });
    expect(renamed.json<Doc>().sections[5]?.title).toBe('Digitalisering');
    const keys = renamed.json<Doc>().sections.map((s) => s.key);
    const reversed = [...keys].reverse();
    const reordered = await req('PUT', `${BASE}/${id}/section-order`, ekonom, { revision: 4, keys: reversed });
    expect(reordered.json<Doc>().sections.map((s) => s.key)).toEqual(reversed);
    const badOrder = await req('PUT', `${BASE}/${id}/section-order`, ekonom, { revision: 5, keys: reversed.slice(1) });
    expect(badOrder.statusCode).toBe(400);
    expect(badOrder.json()).toMatchObject({ field: 'keys' });
    const back = await req('PUT', `${BASE}/${id}/section-order`, ekonom, { revision: 5, keys });
    expect(back.statusCode).toBe(200);
    const removed = await req('DELETE', `${BASE}/${id}/sections/digital-omstallning?revision=6`, ekonom);
    expect(removed.json<Doc>().sections.map((s) => s.key)).not.toContain('digital-omstallning');
    expect(removed.json<Doc>().underlag.headRevision).toBe(7);
  });

  it('a whole-document save checks every section', async () => {
    const current = (await req('GET', `${BASE}/${id}`, ekonom)).json<Doc>();
    const bad = await req('PUT', `${BASE}/${id}`, ekonom, { revision: 7, sections: [...current.sections, { key: 'inledning', title: 'Dubblett', blocks: [] }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'sections.7.key' });
    const sections = current.sections.map((s) => (s.key === 'risker' ? { ...s, blocks: [...s.blocks, paragraph('En ny risk att bevaka.')] } : s));
    const ok = await req('PUT', `${BASE}/${id}`, ekonom, { revision: 7, sections });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Doc>().underlag.headRevision).toBe(8);
  });
});

describe('drafts, comparison and export', () => {
  it('offers drafted sentences from the numbers with live figures', async () => {
    const res = await req('GET', `${BASE}/${id}/drafts`, ledamot);
    const drafts = res.json<Array<{ key: string; text: string; live: boolean; content: unknown[] }>>();
    const shares = drafts.find((d) => d.key === 'revenue-shares');
    expect(plain(shares?.text)).toMatch(/^Under 2018 stod regionen och kommunerna för drygt 50 % av intäkterna/);
    expect(shares?.live).toBe(true);
    expect(plain(drafts.find((d) => d.key === 'result')?.text)).toMatch(/Årsbokslutet per 2018-12-31 uppvisar ett positivt resultatutfall på 3 tkr/);
  });

  it('compares two revisions section by section', async () => {
    const res = await req('GET', `${BASE}/${id}/compare?from=1&to=8`, ledamot);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<{ sections: Array<{ key: string; status: string; changes: Array<{ kind: string; old: string | null; new: string | null }> }>; figures: unknown[] }>();
    const intro = c.sections.find((s) => s.key === 'inledning');
    expect(intro?.status).toBe('changed');
    expect(intro?.changes).toEqual([expect.objectContaining({ kind: 'changed', new: 'Ny inledning skriven i Ramplan.' })]);
    expect(c.sections.find((s) => s.key === 'risker')?.changes).toEqual([{ kind: 'added', old: null, new: 'En ny risk att bevaka.' }]);
    expect(c.sections.find((s) => s.key === 'mal')?.status).toBe('unchanged');
    expect(c.figures).toEqual([]);
  });

  it('exports DOCX, XLSX and HTML with their content types and file names', async () => {
    for (const [format, type, magic] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK'],
      ['html', 'text/html; charset=utf-8', '<!doctype html'],
    ] as const) {
      const res = await req('GET', `${BASE}/${id}/export?format=${format}`, ledamot);
      expect(res.statusCode, `${format}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="underlag-RUN-2020-r8.${format}"`);
      expect(res.rawPayload.subarray(0, magic.length).toString('latin1').toLowerCase()).toBe(magic.toLowerCase());
    }
    const html = (await req('GET', `${BASE}/${id}/export?format=html&revision=2`, ledamot)).body;
    expect(html).toContain('Ny inledning skriven i Ramplan.');
    expect(html).not.toContain('En ny risk att bevaka.');
  });

  it('an unknown format is refused naming the field', async () => {
    const res = await req('GET', `${BASE}/${id}/export?format=odt`, ledamot);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'format' });
  });

  it('PDF without Chromium is a 503 that says how to get it', async () => {
    process.env['RAMPLAN_CHROMIUM'] = '/finns/inte/chromium';
    try {
      const res = await req('GET', `${BASE}/${id}/export?format=pdf`, ledamot);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: 'pdf_unavailable' });
      expect(res.json<{ message: string }>().message).toMatch(/Installera chromium/);
    } finally {
      delete process.env['RAMPLAN_CHROMIUM'];
    }
  });

  it.runIf(hasProgram('/usr/bin/chromium'))('exports PDF through Chromium', async () => {
    const res = await req('GET', `${BASE}/${id}/export?format=pdf`, ledamot);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
  }, 60_000);
});

describe('workflow, decision and freeze', () => {
  const step = (cookie: string, body: object) => req('POST', `${BASE}/${id}/status`, cookie, body);

  it('the nämndekonom sends for review and hands in; then the text is locked', async () => {
    expect((await step(ekonom, { to: 'submitted' })).statusCode).toBe(400);
    expect((await step(ekonom, { to: 'review' })).json<Doc>().underlag.status).toBe('review');
    const submitted = await step(ekonom, { to: 'submitted', comment: 'Till regionstyrelsen' });
    expect(submitted.json<Doc>()).toMatchObject({ underlag: { status: 'submitted' }, editable: false });
    const save = await req('PUT', `${BASE}/${id}/sections/inledning`, ekonom, { revision: 8, blocks: [paragraph('Sent')] });
    expect(save.statusCode).toBe(409);
    expect(save.json()).toMatchObject({ error: 'version_adopted' });
    expect(save.json<{ message: string }>().message).toMatch(/inlämnat/);
  });

  it('the nämndekonom may not decide; a decision needs its diarienummer', async () => {
    expect((await step(ekonom, { to: 'adopted', diarienummer: 'RS 2019/1', decisionDate: '2019-06-18' })).statusCode).toBe(403);
    const missing = await step(regionekonom, { to: 'adopted', decisionDate: '2019-06-18' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: 'diarienummer' });
  });

  it('the regionekonom decides: the revision is frozen with its numbers, diarienummer and date', async () => {
    const res = await step(regionekonom, { to: 'adopted', diarienummer: 'RS 2019/123', decisionDate: '2019-06-18' });
    expect(res.statusCode, res.body).toBe(200);
    doc = res.json<Doc>();
    expect(doc).toMatchObject({ underlag: { status: 'adopted' }, revision: { revision: 8, status: 'adopted', diarienummer: 'RS 2019/123' }, editable: false, canBeginNewEdition: true });
    const html = (await req('GET', `${BASE}/${id}/export?format=html`, ledamot)).body;
    expect(html).toContain('RS 2019/123');
    const file = await req('GET', `${BASE}/${id}/export?format=docx`, ledamot);
    expect(file.headers['content-disposition']).toBe('attachment; filename="underlag-RUN-2020-beslutat-r8.docx"');
  });

  it('the database itself refuses changes to a decided revision and to a decided underlag', async () => {
    const db = fx.app.runtime.db;
    await expect(sql`UPDATE underlag_revision SET note = 'x' WHERE underlag_id = ${id} AND revision = 8`.execute(db)).rejects.toThrow(/beslutad/);
    await expect(sql`DELETE FROM underlag_revision WHERE underlag_id = ${id} AND revision = 1`.execute(db)).rejects.toThrow(/kan inte tas bort/);
    await expect(sql`UPDATE underlag_revision SET content = '{"sections":[]}' WHERE underlag_id = ${id} AND revision = 1`.execute(db)).rejects.toThrow(/ändras inte/);
    await expect(sql`UPDATE underlag SET status = 'draft' WHERE id = ${id}`.execute(db)).rejects.toThrow(/beslutat/);
    await expect(sql`INSERT INTO underlag_revision (tenant_id, underlag_id, revision, edition, content, author)
      SELECT tenant_id, id, 99, edition, '{"sections":[]}', 'x' FROM underlag WHERE id = ${id}`.execute(db)).rejects.toThrow(/beslutat/);
    expect((await step(regionekonom, { to: 'draft' })).json()).toMatchObject({ error: 'version_adopted' });
  });

  it('the decided numbers never change: a new plan figure shows in a new edition, not in the decision', async () => {
    const decidedBefore = figureTexts(doc, 'ekonomi');
    // The budget 2020 changes after the decision: 1 000 tkr more revenue on one line.
    const lines = await req('GET', '/api/orgs/RUN/versions/budget-2020/lines?year=2020', ekonom);
    const line = lines.json<{ lines: Array<{ id: number; revision: number; amountOre: number; kind: string }> }>().lines.find((l) => l.kind === 'revenue');
    if (!line) throw new Error('no revenue line');
    const patched = await req('PATCH', `/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, ekonom, { amountOre: line.amountOre + 100_000_000, revision: line.revision });
    expect(patched.statusCode, patched.body).toBe(200);
    const decided = (await req('GET', `${BASE}/${id}?revision=8`, ledamot)).json<Doc>();
    expect(figureTexts(decided, 'ekonomi')).toEqual(decidedBefore);

    const next = await req('POST', `${BASE}/${id}/new-version`, ekonom);
    expect(next.statusCode, next.body).toBe(201);
    const fresh = next.json<Doc>();
    expect(fresh).toMatchObject({ underlag: { status: 'draft', edition: 2, headRevision: 9 }, editable: true });
    expect(figureTexts(fresh, 'ekonomi')).not.toEqual(decidedBefore);

    const c = (await req('GET', `${BASE}/${id}/compare?from=8&to=9`, ledamot)).json<{ sections: Array<{ status: string }>; figures: Array<{ label: string; old: string; new: string }> }>();
    expect(c.sections.every((s) => s.status === 'unchanged')).toBe(true);
    expect(c.figures.length).toBeGreaterThan(0);
    for (const f of c.figures) expect(f.old).not.toBe(f.new);

    const save = await req('PUT', `${BASE}/${id}/sections/inledning`, ekonom, { revision: 9, blocks: [paragraph('Version 2')] });
    expect(save.statusCode).toBe(200);
    const decidedAfter = (await req('GET', `${BASE}/${id}?revision=8`, ledamot)).json<Doc>();
    expect(decidedAfter.sections[0]?.blocks).toEqual([paragraph('Ny inledning skriven i Ramplan.')]);
  });

  it('lists every revision and every step with who and when, and audits each write', async () => {
    const res = await req('GET', `${BASE}/${id}/revisions`, ledamot);
    const body = res.json<{ revisions: Array<{ revision: number; author: string; decidedAt: string | null }>; steps: Array<{ from: string; to: string; actor: string }> }>();
    expect(body.revisions.map((r) => r.revision)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(body.revisions.filter((r) => r.decidedAt !== null).map((r) => r.revision)).toEqual([8]);
    expect(body.steps.map((s) => `${s.from}→${s.to} ${s.actor}`)).toEqual([
      'draft→review ekonom', 'review→submitted ekonom', 'submitted→adopted beslutare', 'adopted→draft ekonom',
    ]);
    const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity = 'underlag' ORDER BY id`.execute(fx.app.runtime.db);
    const actions = audit.rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'underlag.save')).toHaveLength(8);
    expect(actions).toContain('underlag.create');
    expect(actions).toContain('underlag.new_edition');
    expect(actions.filter((a) => a === 'underlag.status')).toHaveLength(3);
  });
});
