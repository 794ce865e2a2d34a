// The archive of a decided underlag for the registry, through the API and `ramplan archive`: refused
// while the underlag is undecided (409 and a Swedish reason; the CLI writes no file); once decided,
// the ZIP unpacked holds exactly the files its manifest lists, each matching its SHA-256 and size,
// a tagged PDF, an XLSX, the decision with its diarienummer and frozen snapshot, and the plan
// version's lines and history. The PDF needs Chromium: without it those parts skip with a visible
// notice (and fail under RAMPLAN_REQUIRE_ALL=1).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRamplan, type CliRun } from '../../test/ramplan-cli.ts';
import { signIn, startDemoApp, type Fixture } from '../../test/app-fixture.ts';
import { CHROMIUM_PATH, describeWith, expectTaggedPdf } from '../reports/render/tool-support.ts';
import type { ArchiveManifest } from '../services/underlag-archive.ts';

const BASE = '/api/orgs/RUN/underlag';
let fx: Fixture;
let ekonom: string;
let ledamot: string;
let regionekonom: string;
let id = 0;
let dir: string;

beforeAll(async () => {
  fx = await startDemoApp();
  [ekonom, ledamot, regionekonom] = await Promise.all([signIn(fx.app, 'ekonom'), signIn(fx.app, 'ledamot'), signIn(fx.app, 'regionekonom')]);
  const res = await fx.app.inject({ method: 'POST', url: BASE, headers: { cookie: ekonom }, payload: { budgetYear: 2020 } });
  if (res.statusCode !== 201) throw new Error(res.body);
  id = res.json<{ underlag: { id: number } }>().underlag.id;
  dir = mkdtempSync(path.join(os.tmpdir(), 'ramplan-archive-'));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await fx?.close();
});

function ramplan(args: readonly string[]): Promise<CliRun> {
  return runRamplan([...args, '--quiet', '--database-url', fx.database.url]);
}

const archive = (cookie: string) => fx.app.inject({ method: 'GET', url: `${BASE}/${id}/archive`, headers: { cookie } });
const step = (cookie: string, body: object) => fx.app.inject({ method: 'POST', url: `${BASE}/${id}/status`, headers: { cookie }, payload: body });
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Unpacks an archive and checks it against its manifest: the same files, each with its size and SHA-256. */
function verified(zip: Uint8Array): { manifest: ArchiveManifest; files: Record<string, Uint8Array> } {
  const files = unzipSync(zip);
  const raw = files['manifest.json'];
  if (!raw) throw new Error('no manifest.json');
  const manifest = JSON.parse(new TextDecoder().decode(raw)) as ArchiveManifest;
  expect(Object.keys(files).sort()).toEqual(['manifest.json', ...manifest.files.map((f) => f.name)].sort());
  for (const f of manifest.files) {
    const bytes = files[f.name];
    if (!bytes) throw new Error(`${f.name} missing`);
    expect(bytes.byteLength, f.name).toBe(f.bytes);
    expect(sha256(bytes), f.name).toBe(f.sha256);
  }
  return { manifest, files };
}

const fileOf = (a: { manifest: ArchiveManifest; files: Record<string, Uint8Array> }, ending: string): Uint8Array => {
  const name = a.manifest.files.find((f) => f.name.endsWith(ending))?.name;
  const bytes = name === undefined ? undefined : a.files[name];
  if (!bytes) throw new Error(`no file ending ${ending}`);
  return bytes;
};
const jsonOf = (a: { manifest: ArchiveManifest; files: Record<string, Uint8Array> }, name: string): unknown =>
  JSON.parse(new TextDecoder().decode(fileOf(a, name)));

describe('an undecided underlag', () => {
  it('is refused with 409 and the reason in Swedish', async () => {
    const res = await archive(ledamot);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'conflict' });
    expect(res.json<{ message: string }>().message).toMatch(/^Underlaget för 2020 är inte beslutat \(utkast\)\. Bara ett beslutat underlag kan arkiveras/);
  });

  it('is refused by ramplan archive, which writes no file', async () => {
    const out = path.join(dir, 'utkast.zip');
    const run = await ramplan(['archive', '--org', 'RUN', '--year', '2020', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Fel: Underlaget för Regionala utvecklingsnämnden 2020 är inte beslutat. Bara ett beslutat underlag kan arkiveras.');
    expect(existsSync(out)).toBe(false);
    const byId = await ramplan(['archive', '--org', 'RUN', '--underlag', String(id), '--out', out]);
    expect(byId.code).toBe(1);
    expect(byId.stderr).toMatch(/^Fel: Underlaget för 2020 är inte beslutat/);
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown underlag is a 404; ramplan archive needs --underlag or --year', async () => {
    expect((await fx.app.inject({ method: 'GET', url: `${BASE}/9999/archive`, headers: { cookie: ledamot } })).statusCode).toBe(404);
    const run = await ramplan(['archive', '--org', 'RUN', '--out', path.join(dir, 'x.zip')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Fel: Ange antingen --underlag ID eller --year ÅÅÅÅ.');
  });
});

describeWith([CHROMIUM_PATH])('a decided underlag', () => {
  beforeAll(async () => {
    for (const [cookie, body] of [
      [ekonom, { to: 'review' }], [ekonom, { to: 'submitted' }],
      [regionekonom, { to: 'adopted', diarienummer: 'RS 2019/123', decisionDate: '2019-06-18' }],
    ] as const) {
      const res = await step(cookie, body);
      if (res.statusCode !== 200) throw new Error(res.body);
    }
  });

  it('through the API: a ZIP whose every file matches the manifest, a tagged PDF, the decision with its diarienummer', async () => {
    const res = await archive(ledamot);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="underlag-RUN-2020-beslutat-r1-arkiv.zip"');
    const a = verified(res.rawPayload);
    expect(a.manifest).toMatchObject({
      format: 'ramplan-arkiv', formatVersion: 1, ramplanVersion: (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version,
      organisation: { code: 'RUN' }, underlag: { id, budgetYear: 2020, version: 'budget-2020', revision: 1, diarienummer: 'RS 2019/123', decisionDate: '2019-06-18' },
    });
    expect(Date.parse(a.manifest.createdAt)).not.toBeNaN();
    expect(a.manifest.files.map((f) => f.name)).toEqual([
      'underlag-RUN-2020-beslutat-r1.pdf', 'underlag-RUN-2020-beslutat-r1.xlsx', 'beslut.json', 'planversion.json',
    ]);
    expectTaggedPdf(fileOf(a, '.pdf'));
    expect(Buffer.from(fileOf(a, '.xlsx')).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');

    const decision = jsonOf(a, 'beslut.json') as {
      decision: { diarienummer: string; decisionDate: string; decidedBy: string; decidedAt: string };
      history: Array<{ from: string; to: string; actor: string }>;
      snapshot: { version: { status: string; diarienummer: string }; sections: Array<{ title: string }>; data: { summaries: Array<{ year: number; summary: { totalRevenueOre: number } }> } };
    };
    expect(decision.decision).toMatchObject({ diarienummer: 'RS 2019/123', decisionDate: '2019-06-18', decidedBy: 'regionekonom' });
    expect(Date.parse(decision.decision.decidedAt)).not.toBeNaN();
    expect(decision.history.map((s) => `${s.from}→${s.to} ${s.actor}`)).toEqual(['draft→review ekonom', 'review→submitted ekonom', 'submitted→adopted regionekonom']);
    expect(decision.snapshot.version).toMatchObject({ status: 'adopted', diarienummer: 'RS 2019/123' });
    expect(decision.snapshot.sections).toHaveLength(7);
    expect(decision.snapshot.data.summaries.find((s) => s.year === 2018)?.summary.totalRevenueOre).toBe(9_840_000_000);

    const plan = jsonOf(a, 'planversion.json') as { version: { code: string }; lines: Array<{ year: number; amountOre: number }>; history: unknown[] };
    expect(plan.version.code).toBe('budget-2020');
    expect(plan.lines.length).toBeGreaterThan(0);
    expect(plan.lines.every((l) => Number.isSafeInteger(l.amountOre) && l.year >= 2020 && l.year <= 2022)).toBe(true);
    expect(Array.isArray(plan.history)).toBe(true);
  }, 90_000);

  it('through ramplan archive --year: the same kind of archive, every checksum verified', async () => {
    const out = path.join(dir, 'arkiv.zip');
    const run = await ramplan(['archive', '--org', 'RUN', '--year', '2020', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Skrev .*arkiv\.zip .*beslutad revision 1, diarienummer RS 2019\/123, beslutat 2019-06-18; 5 filer\./);
    const a = verified(readFileSync(out));
    expect(a.manifest.underlag.diarienummer).toBe('RS 2019/123');
    expectTaggedPdf(fileOf(a, '.pdf'));
    expect(JSON.stringify(jsonOf(a, 'beslut.json'))).toContain('RS 2019/123');
  }, 90_000);

  it('after a new edition is begun, the archive is still the decided revision', async () => {
    const next = await fx.app.inject({ method: 'POST', url: `${BASE}/${id}/new-version`, headers: { cookie: ekonom } });
    expect(next.statusCode, next.body).toBe(201);
    const res = await archive(ledamot);
    expect(res.statusCode).toBe(200);
    const a = verified(res.rawPayload);
    expect(a.manifest.underlag).toMatchObject({ revision: 1, edition: 1, diarienummer: 'RS 2019/123' });
    expect(jsonOf(a, 'beslut.json')).toMatchObject({ underlag: { currentStatus: 'draft', currentEdition: 2 }, decision: { revision: 1 } });
  }, 90_000);
});
