// `npm run bench`: Ramplan's benchmark figures, each with its ratio to a floor measured in the same
// run (docs/STYLE.md, habit 15). It prints figures and never fails on a time; it fails (exit 1) only
// when the summary table and the GROUP BY over the lines disagree, which is a correctness bug.
//
//   npm run bench              the full run (1M lines; a few minutes)
//   npm run bench -- --quick   a smoke run of the bench itself (100k lines, few runs)
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMultiYearBench } from './multi-year-bench.ts';
import { figureTable, formatMs, writeJson, type Figure } from './report.ts';
import { runSummaryBench } from './summary-bench.ts';
import { runSieBench } from './sie-bench.ts';
import { runUnderlagBench } from './underlag-bench.ts';

const quick = process.argv.includes('--quick');
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out', 'latest.json');
const log = (line: string): void => console.log(line);

const started = performance.now();
log(`Ramplan bench${quick ? ' (--quick: not comparable figures)' : ''}: node ${process.version}, ${os.cpus().length} cores, ${os.platform()}-${os.arch()}`);

log('\n1. Summary of one committee-year over the stored lines');
const summary = await runSummaryBench({
  lines: quick ? 100_000 : 1_000_000, copyLines: quick ? 1_000 : 10_000, runs: quick ? 10 : 50, allYearsRuns: quick ? 5 : 20, warmup: quick ? 2 : 5, log,
});
for (const m of summary.mismatches) console.error(`  MISMATCH ${m.what}: ${m.detail}`);

log('\n2. Multi-year plan in the domain core');
const multiYear = await runMultiYearBench({ lines: 10_000, runs: quick ? 10 : 30, warmup: quick ? 2 : 5 });

log('\n3. The underlag for the demo as DOCX / HTML / PDF / XLSX');
const underlag = await runUnderlagBench({ runs: quick ? 2 : 5, warmup: 1, log });

log('\nSIE: 1M #TRANS rows read, parsed, and imported by `ramplan sie import` (bench/sie-bench.ts)');
const sie = await runSieBench({ transactions: quick ? 100_000 : 1_000_000, runs: quick ? 3 : 7, importRuns: quick ? 1 : 3, log });

const figures: Figure[] = [...summary.figures, ...multiYear.figures, ...underlag.figures, ...sie.figures];
const totalMs = performance.now() - started;
log(`\nMedians (ratio = median / floor median, both from this run); whole run ${formatMs(totalMs)}\n`);
log(figureTable(figures));

await writeJson(OUT, {
  at: new Date().toISOString(),
  quick,
  machine: { node: process.version, cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', platform: `${os.platform()}-${os.arch()}`, loadavg: os.loadavg() },
  totalMs: Math.round(totalMs),
  setup: { summary: summary.setup, multiYear: multiYear.setup, sie: sie.setup },
  correct: summary.mismatches.length === 0,
  mismatches: summary.mismatches,
  figures,
});
log(`\nWritten to ${path.relative(process.cwd(), OUT)}`);

if (summary.mismatches.length > 0) {
  console.error(`\n!!! plan_summary DISAGREES with the GROUP BY over plan_line (${summary.mismatches.length} totals): the summary triggers are wrong. !!!`);
  process.exitCode = 1;
} else {
  log('Correctness: plan_summary, the API and the GROUP BY over plan_line give identical totals.');
}
