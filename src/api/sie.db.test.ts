// SIE import through the HTTP API with the demo loaded: upload (streamed), inspection, confirmation,
// a job to poll, the history; bad files refused with nothing written; 'plan.edit' required.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswersMatchOpenApi, signIn, startDemoApp, type Fixture } from '../../test/app-fixture.ts';

const FIXTURES = path.resolve('..', 'shared', 'fixtures', 'sie');
let fx: Fixture;
let ekonom: string;
let ledamot: string;

beforeAll(async () => {
  fx = await startDemoApp();
  ekonom = await signIn(fx.app, 'ekonom');
  ledamot = await signIn(fx.app, 'ledamot');
});
afterAll(async () => fx?.close());

const upload = (bytes: Buffer, cookie: string, name = 'fil.se') => fx.app.inject({
  method: 'POST', url: `/api/orgs/RUN/sie/uploads?name=${encodeURIComponent(name)}`, headers: { cookie, 'content-type': 'application/octet-stream' }, payload: bytes,
});

async function counts(): Promise<string> {
  const r = await sql<{ c: string }>`SELECT concat_ws(' ', (SELECT count(*) FROM organisation), (SELECT count(*) FROM plan_line_all), (SELECT count(*) FROM actual_account),
    (SELECT count(*) FROM sie_import), (SELECT count(*) FROM account), (SELECT count(*) FROM audit_log)) AS c`.execute(fx.app.runtime.db);
  return r.rows[0]?.c ?? '';
}

async function follow(jobId: string): Promise<{ state: string; result: { actualLines: number; createdUnits: unknown[]; checks: Array<{ mismatches: number }> } | null; error: string | null }> {
  for (let i = 0; i < 200; i++) {
    const res = await fx.app.inject({ method: 'GET', url: `/api/orgs/RUN/sie/jobs/${jobId}`, headers: { cookie: ekonom } });
    expect(res.statusCode).toBe(200);
    const job = res.json<{ state: string; result: null; error: string | null }>();
    if (job.state !== 'reading' && job.state !== 'writing') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('job did not finish');
}

describe('SIE import through the API', () => {
  it('uploads, shows the inspection, imports on confirmation, and records the history', async () => {
    const res = await upload(readFileSync(path.join(FIXTURES, 'sieg_typ4E_transaktioner_ovnbolag.se')), ekonom, 'ovnbolag.se');
    expect(res.statusCode, res.body).toBe(201);
    const { uploadId, inspection } = res.json<{ uploadId: string; inspection: { sieType: string; fileName: string; company: { name: string } } }>();
    expect(inspection).toMatchObject({ sieType: '4E', fileName: 'ovnbolag.se', company: { name: 'Övningsbolaget AB (Ekonomi 60)' } });
    const started = await fx.app.inject({ method: 'POST', url: `/api/orgs/RUN/sie/uploads/${uploadId}/import`, headers: { cookie: ekonom }, payload: {} });
    expect(started.statusCode, started.body).toBe(202);
    const job = await follow(started.json<{ jobId: string }>().jobId);
    expect(job.error).toBeNull();
    expect(job.state).toBe('imported');
    expect(job.result?.actualLines).toBeGreaterThan(0);
    expect(job.result?.checks.every((c) => c.mismatches === 0)).toBe(true);
    // The imported actuals (actual_line, migration 0018) are what the version's lines show, read-only,
    // with ids of their own (negative), in the published shape.
    const lines = await fx.app.inject({ method: 'GET', url: '/api/orgs/RUN/versions/actual/lines?year=2011', headers: { cookie: ekonom } });
    expect(lines.statusCode, lines.body).toBe(200);
    const shown = lines.json<{ version: { editable: boolean }; lines: Array<{ id: number; period: string | null }> }>();
    expect(shown.version.editable).toBe(false);
    const imported = shown.lines.filter((l) => l.id < 0);
    expect(imported).toHaveLength(job.result?.actualLines ?? -1);
    expect(new Set(imported.map((l) => l.id)).size).toBe(imported.length);
    expect(imported.every((l) => /^2011-(0[1-9]|1[0-2])$/.test(l.period ?? ''))).toBe(true);
    await expectAnswersMatchOpenApi(fx.app, ekonom, [['/api/orgs/{orgCode}/versions/{versionCode}/lines', '/api/orgs/RUN/versions/actual/lines?year=2011']]);
    const history = await fx.app.inject({ method: 'GET', url: '/api/orgs/RUN/sie/imports', headers: { cookie: ekonom } });
    expect(history.json<{ imports: Array<{ fileName: string; status: string }> }>().imports).toMatchObject([{ fileName: 'ovnbolag.se', status: 'imported' }]);
    // The upload is consumed: confirming twice is a 404, not a second import.
    const again = await fx.app.inject({ method: 'POST', url: `/api/orgs/RUN/sie/uploads/${uploadId}/import`, headers: { cookie: ekonom }, payload: {} });
    expect(again.statusCode).toBe(404);
  });

  it('takes SIE 5 (XML) too: the inspection says so, warns that the signature is not checked, and imports', async () => {
    const res = await upload(readFileSync(path.join(FIXTURES, 'sie5_full_Sample_edison.sie')), ekonom, 'Sample.sie');
    expect(res.statusCode, res.body).toBe(201);
    const { uploadId, inspection } = res.json<{
      uploadId: string;
      inspection: { format: string; sieType: string; errors: number; company: { orgNumber: string }; counts: Record<string, number>; problems: Array<{ code: string; line: number; message: string }> };
    }>();
    expect(inspection).toMatchObject({ format: 'sie5', sieType: '5', errors: 0, company: { orgNumber: '555555-5555' }, counts: { VER: 91, TRANS: 343 } });
    expect(inspection.problems).toMatchObject([{ code: 'sie5-signature', line: 1749, message: expect.stringMatching(/signaturen kontrolleras inte/) as unknown }]);
    const started = await fx.app.inject({ method: 'POST', url: `/api/orgs/RUN/sie/uploads/${uploadId}/import`, headers: { cookie: ekonom }, payload: {} });
    expect(started.statusCode, started.body).toBe(202);
    const job = await follow(started.json<{ jobId: string }>().jobId);
    expect(job.error).toBeNull();
    expect(job.state).toBe('imported');
    expect(job.result?.actualLines).toBe(52);
    expect(job.result?.checks.every((c) => c.mismatches === 0)).toBe(true);
  });

  it('refuses an empty file, a binary file and an XLSX renamed .se, writing nothing', async () => {
    const before = await counts();
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    for (const [bytes, message] of [[Buffer.alloc(0), /tom/], [Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]), /binär/], [zip, /ZIP|Excel/]] as const) {
      const res = await upload(bytes, ekonom);
      expect(res.statusCode, res.body).toBe(201);
      const { uploadId, inspection } = res.json<{ uploadId: string; inspection: { errors: number; problems: Array<{ message: string }> } }>();
      expect(inspection.errors).toBeGreaterThan(0);
      expect(inspection.problems[0]?.message).toMatch(message);
      const started = await fx.app.inject({ method: 'POST', url: `/api/orgs/RUN/sie/uploads/${uploadId}/import`, headers: { cookie: ekonom }, payload: {} });
      expect((await follow(started.json<{ jobId: string }>().jobId)).state).toBe('refused');
    }
    expect(await counts()).toBe(before);
  });

  it('needs plan.edit on the organisation', async () => {
    const res = await upload(Buffer.from('#FLAGGA 0\r\n'), ledamot);
    expect(res.statusCode).toBe(403);
    const anonymous = await fx.app.inject({ method: 'POST', url: '/api/orgs/RUN/sie/uploads', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') });
    expect(anonymous.statusCode).toBe(401);
  });
});
