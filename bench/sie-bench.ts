// 3: SIE at the speed of the disk (issue 3). A SIE 4E file with 1M #TRANS rows (generateSie4E) is
// written to disk, then timed in one run: reading it and splitting it into lines (the floor), parsing
// it (parseSie, a no-op visitor), and `ramplan sie import` as a whole process (Node start, database
// connection, reading, folding, COPY, commit) into a fresh, migrated database of an embedded
// PostgreSQL. The import process reports its peak memory (RAMPLAN_REPORT_MAXRSS=1).
//
// Two floors (decision 0010): the issue's, "reading the file and splitting it into lines", as Node
// does it (readline: every line a string), against which the aims are set; and a stricter one that
// only finds the line breaks (Buffer.indexOf), whose ratios are reported beside them.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres, removeDataFolder } from '../src/db/embedded.ts';
import { generateSie4E, parseSie, parseSieBatch } from '../src/sie/index.ts';
import { runRamplan, type CliRun } from '../test/ramplan-cli.ts';
import { median } from './measure.ts';
import { figure, formatMs, type Figure } from './report.ts';

export type SieBenchOptions = { readonly transactions: number; readonly runs: number; readonly importRuns: number; readonly log: (line: string) => void };
export type SieBenchResult = { readonly figures: Figure[]; readonly setup: Record<string, number | string> };

/** The stricter floor: the file read and its line breaks found, no line made. */
async function lineBreaks(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

/**
 * The issue's floor: the file read and split into lines the way a Node program reads lines (readline
 * over a decoding stream, latin1: the cheapest decoding), every line a string.
 */
async function readlineLines(file: string): Promise<number> {
  let lines = 0;
  const rl = createInterface({ input: createReadStream(file, { highWaterMark: 256 * 1024, encoding: 'latin1' }), crlfDelay: Infinity });
  for await (const line of rl) if (line.length >= 0) lines++;
  return lines;
}

async function parse(file: string): Promise<number> {
  let records = 0;
  const summary = await parseSie(createReadStream(file, { highWaterMark: 256 * 1024 }), () => { records++; });
  if (summary.hasErrors) throw new Error(`the generated file has errors: ${summary.problems[0]?.message ?? ''}`);
  return records;
}

/** The importer's path: voucher rows as typed columns (parseSieBatch), a no-op consumer. */
async function parseBatch(file: string): Promise<number> {
  let rows = 0;
  const summary = await parseSieBatch(createReadStream(file, { highWaterMark: 256 * 1024 }), { rows: (b) => { rows += b.count; }, record: () => undefined });
  if (summary.hasErrors) throw new Error(`the generated file has errors: ${summary.problems[0]?.message ?? ''}`);
  return rows;
}

async function run(args: readonly string[], env: Record<string, string>): Promise<CliRun & { ms: number }> {
  const start = performance.now();
  const r = await runRamplan(args, env);
  return { ...r, ms: performance.now() - start };
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

export async function runSieBench(o: SieBenchOptions): Promise<SieBenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ramplan-sie-bench-'));
  const dataDir = path.join(dir, 'data');
  const file = path.join(dir, 'bench.se');
  try {
    const gen = await timed(async () => {
      const out = createWriteStream(file);
      for await (const chunk of generateSie4E({ transactions: o.transactions, seed: 1 })) {
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    });
    const bytes = (await stat(file)).size;
    o.log(`  generated ${o.transactions.toLocaleString('en')} #TRANS rows: ${(bytes / 1e6).toFixed(1)} MB in ${formatMs(gen)}`);

    // Floors and parses interleaved, after one warm-up each.
    await lineBreaks(file);
    await parse(file);
    await parseBatch(file);
    await readlineLines(file);
    const strictMs: number[] = [];
    const readlineMs: number[] = [];
    const parseMs: number[] = [];
    const batchMs: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      if (i % 2 === 0) {
        readlineMs.push(await timed(() => readlineLines(file))); parseMs.push(await timed(() => parse(file)));
        batchMs.push(await timed(() => parseBatch(file))); strictMs.push(await timed(() => lineBreaks(file)));
      } else {
        strictMs.push(await timed(() => lineBreaks(file))); batchMs.push(await timed(() => parseBatch(file)));
        parseMs.push(await timed(() => parse(file))); readlineMs.push(await timed(() => readlineLines(file)));
      }
    }

    const server = await startEmbeddedPostgres({ dataDir });
    const importMs: number[] = [];
    const rss: number[] = [];
    const phases = new Map<string, number[]>(); // phase → ms since the previous one, per run
    let summaryLine = '';
    try {
      for (let i = 0; i < o.importRuns; i++) {
        const name = `sie_bench_${String(i)}`;
        const admin = new pg.Client({ connectionString: server.url });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.end();
        const url = new URL(server.url);
        url.pathname = `/${name}`;
        const env = { DATABASE_URL: url.toString(), RAMPLAN_REPORT_MAXRSS: '1', RAMPLAN_REPORT_PHASES: '1' };
        const migrated = await run(['migrate'], env);
        if (migrated.code !== 0) throw new Error(`migrate failed: ${migrated.stderr}`);
        const r = await run(['sie', 'import', file], env);
        if (r.code !== 0) throw new Error(`import failed: ${r.stderr}`);
        importMs.push(r.ms);
        const m = /maxRSS (\d+) kB/.exec(r.stderr);
        if (m) rss.push(Number(m[1]) / 1024);
        let previous = 0;
        for (const [, phase = '', at] of r.stderr.matchAll(/^phase (\w+) (\d+) ms$/gm)) {
          const list = phases.get(phase) ?? [];
          list.push(Number(at) - previous);
          phases.set(phase, list);
          previous = Number(at);
        }
        summaryLine = r.stdout.split('\n').find((l) => l.startsWith('Utfall')) ?? '';
      }
    } finally {
      await server.stop();
    }
    o.log(`  import: ${summaryLine}`);
    const floorMedian = median(readlineMs);
    const strictMedian = median(strictMs);
    const FLOOR = 'read + split into lines (readline)';
    const STRICT = 'read + find line breaks (indexOf)';
    const figures = [
      figure({ id: '3a', name: 'SIE parse, 1M #TRANS (parseSie, a record per row)', medianMs: median(parseMs), runs: parseMs.length,
        floorName: FLOOR, floorMedianMs: floorMedian, aimMs: 2 * floorMedian }),
      figure({ id: '3a2', name: 'SIE parse, 1M #TRANS (parseSieBatch, the importer\'s path)', medianMs: median(batchMs), runs: batchMs.length,
        floorName: FLOOR, floorMedianMs: floorMedian, aimMs: 2 * floorMedian }),
      figure({ id: '3b', name: 'ramplan sie import, whole process', medianMs: median(importMs), runs: importMs.length,
        floorName: FLOOR, floorMedianMs: floorMedian, aimMs: 8 * floorMedian }),
      // The same medians against the stricter floor, with the same multiples.
      figure({ id: '3a2s', name: 'the same parse (3a2), stricter floor', medianMs: median(batchMs), runs: batchMs.length,
        floorName: STRICT, floorMedianMs: strictMedian, aimMs: 2 * strictMedian }),
      figure({ id: '3bs', name: 'the same import (3b), stricter floor', medianMs: median(importMs), runs: importMs.length,
        floorName: STRICT, floorMedianMs: strictMedian, aimMs: 8 * strictMedian }),
    ];
    const peak = rss.length > 0 ? median(rss) : Number.NaN;
    // Where the import's time goes (medians; 'start' is Node, modules and the connection).
    const timeline = Object.fromEntries([...phases].map(([phase, ms]) => [phase, Math.round(median(ms))]));
    o.log(`  import timeline (ms, medians): ${Object.entries(timeline).map(([p, ms]) => `${p} ${String(ms)}`).join(', ')}`);
    o.log(`  floor ${formatMs(floorMedian)} (stricter ${formatMs(strictMedian)}), parse ${formatMs(median(parseMs))}, parse (batch) ${formatMs(median(batchMs))}, import ${formatMs(median(importMs))}; import peak RSS ${peak.toFixed(0)} MB (aim < 400 MB)`);
    return {
      figures,
      setup: {
        transactions: o.transactions, bytes, importPeakRssMb: Math.round(peak), importRuns: importMs.length, runs: o.runs,
        ...Object.fromEntries(Object.entries(timeline).map(([p, ms]) => [`importPhaseMs_${p}`, ms])),
      },
    };
  } finally {
    await removeDataFolder(dataDir).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quick = process.argv.includes('--quick');
  const r = await runSieBench({ transactions: quick ? 100_000 : 1_000_000, runs: quick ? 3 : 7, importRuns: quick ? 1 : 3, log: (l) => console.log(l) });
  for (const f of r.figures) console.log(`${f.id} ${f.name}: ${formatMs(f.medianMs)} = ${f.ratio.toFixed(2)}× floor (${formatMs(f.floorMedianMs)})`);
}
