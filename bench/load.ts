// The load test (`npm run loadtest [-- --seconds N]`): on loopback, `ramplan serve` with the demo
// in a fresh embedded database; 200 concurrent sessions read overviews while 20 sessions edit 20
// different lines and 2 sessions edit the same line, for 60 s. Every edit is a read-modify-write
// (+1 öre on the revision it read), so a lost update would show as a final amount below the
// initial amount plus the number of accepted edits. Prints throughput, p50 and p99; exits non-zero
// on any error or lost update. Bounded in time; traffic only to 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { median } from './measure.ts';

const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 60);
const READERS = 200;
const EDITORS = 20;
const SAME_LINE_EDITORS = 2;

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ramplan-load-'));
await import('node:fs/promises').then((fs) => fs.chmod(dataDir, 0o755));
const server = spawn(process.execPath, [path.resolve('bin/ramplan.js'), 'serve', '--data', dataDir, '--demo-if-empty', '--port', '0', '--host', '127.0.0.1'],
  { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /http:\/\/localhost:(\d+)/.exec(out);
    if (m) resolve(`http://127.0.0.1:${m[1] ?? ''}`);
  });
  server.on('close', (code) => reject(new Error(`server exited ${String(code)}`)));
});

async function signIn(username: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'ramplan-demo' }) });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

type Line = { id: number; revision: number; amountOre: number };
const linesUrl = `${base}/api/orgs/RUN/versions/budget-2020/lines?year=2020`;

try {
  console.log(`Signing in ${READERS + EDITORS + SAME_LINE_EDITORS} sessions …`);
  const readerCookies: string[] = [];
  for (let i = 0; i < READERS; i += 8) {
    readerCookies.push(...await Promise.all(Array.from({ length: Math.min(8, READERS - i) }, () => signIn('ledamot'))));
  }
  const editorCookies = await Promise.all(Array.from({ length: EDITORS + SAME_LINE_EDITORS }, () => signIn('ekonom')));
  const initial = (await (await fetch(linesUrl, { headers: { cookie: editorCookies[0] ?? '' } })).json() as { lines: Line[] }).lines;
  if (initial.length < EDITORS + 1) throw new Error('not enough lines to edit');
  const initialAmount = new Map(initial.map((l) => [l.id, l.amountOre]));

  type EditStats = { ok: number; conflicts: number; errors: number; latencies: number[] };
  const accepted = new Map<number, number>();
  const deadline = Date.now() + seconds * 1_000;

  async function editLoop(cookie: string, start: Line): Promise<EditStats> {
    const stats: EditStats = { ok: 0, conflicts: 0, errors: 0, latencies: [] };
    let line = start;
    while (Date.now() < deadline) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${base}/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, {
          method: 'PATCH', headers: { cookie, 'content-type': 'application/json', origin: base },
          body: JSON.stringify({ amountOre: line.amountOre + 1, revision: line.revision }),
        });
        stats.latencies.push(performance.now() - t0);
        if (res.status === 200) {
          line = await res.json() as Line;
          stats.ok++;
          accepted.set(line.id, (accepted.get(line.id) ?? 0) + 1);
        } else if (res.status === 409) {
          line = ((await res.json()) as { current: Line }).current;
          stats.conflicts++;
        } else {
          stats.errors++;
          await res.arrayBuffer();
        }
      } catch {
        stats.errors++;
      }
    }
    return stats;
  }

  console.log(`Load for ${seconds} s: ${READERS} readers, ${EDITORS} editors on their own lines, ${SAME_LINE_EDITORS} on one shared line …`);
  // Half the readers load the overview's summary, half its multi-year plan (one autocannon each:
  // a client's headers apply to its first request only when it cycles through several).
  let readerIndex = 0;
  const reading = (path: string) => autocannon({
    url: base, connections: READERS / 2, duration: seconds, requests: [{ method: 'GET', path }],
    setupClient: (client) => { client.setHeaders({ cookie: readerCookies[readerIndex++ % READERS] ?? '' }); },
  });
  const readers = Promise.all([
    reading('/api/orgs/RUN/summary?year=2018&version=actual'),
    reading('/api/orgs/RUN/plan?version=budget-2020&scenario=1.5'),
  ]);
  const shared = initial[EDITORS];
  if (!shared) throw new Error('no shared line');
  const editors = Promise.all([
    ...Array.from({ length: EDITORS }, (_, i) => editLoop(editorCookies[i] ?? '', initial[i] as Line)),
    ...Array.from({ length: SAME_LINE_EDITORS }, (_, i) => editLoop(editorCookies[EDITORS + i] ?? '', shared)),
  ]);
  const [[summaryRead, planRead], edits] = await Promise.all([readers, editors]);

  const final = (await (await fetch(linesUrl, { headers: { cookie: editorCookies[0] ?? '' } })).json() as { lines: Line[] }).lines;
  let lost = 0;
  for (const l of final) {
    const expected = (initialAmount.get(l.id) ?? 0) + (accepted.get(l.id) ?? 0);
    if (l.amountOre !== expected) lost += Math.abs(expected - l.amountOre);
  }
  const writeLat = edits.flatMap((e) => e.latencies).sort((a, b) => a - b);
  const p = (q: number) => writeLat[Math.min(writeLat.length - 1, Math.floor(q * writeLat.length))] ?? Number.NaN;
  const ok = edits.reduce((s, e) => s + e.ok, 0);
  const conflicts = edits.reduce((s, e) => s + e.conflicts, 0);
  const editErrors = edits.reduce((s, e) => s + e.errors, 0);
  const sharedConflicts = edits.slice(EDITORS).reduce((s, e) => s + e.conflicts, 0);
  const reads = [summaryRead, planRead];
  const readErrors = reads.reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0);
  const readTotal = reads.reduce((s, r) => s + r.requests.total, 0);

  console.log('\nfigure                              value');
  console.log('──────────────────────────────────  ──────────────────────');
  console.log(`reads (overview + plan)             ${readTotal} in ${seconds} s = ${(readTotal / seconds).toFixed(0)} req/s`);
  console.log(`read latency p50 / p99, summary     ${summaryRead.latency.p50} ms / ${summaryRead.latency.p99} ms`);
  console.log(`read latency p50 / p99, plan        ${planRead.latency.p50} ms / ${planRead.latency.p99} ms`);
  console.log(`read errors (network, timeout, non-2xx) ${readErrors}`);
  console.log(`edits accepted / conflicts (409)    ${ok} / ${conflicts} (of which on the shared line: ${sharedConflicts})`);
  console.log(`edit throughput                     ${(ok / seconds).toFixed(1)} /s`);
  console.log(`edit latency p50 / p99 / median     ${p(0.5).toFixed(1)} ms / ${p(0.99).toFixed(1)} ms / ${median(writeLat).toFixed(1)} ms`);
  console.log(`edit errors (not 200/409)           ${editErrors}`);
  console.log(`lost updates (öre missing)          ${lost}`);
  if (readErrors > 0 || editErrors > 0 || lost > 0 || sharedConflicts === 0) {
    console.error('\nFAILED: errors, lost updates, or no conflict on the shared line.');
    process.exitCode = 1;
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('close', r));
  await rm(dataDir, { recursive: true, force: true });
}
