// Figure 1: the summary of one committee-year with a million lines stored, read through the API and
// from the summary table, against the GROUP BY over the raw lines that the summary table replaces.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../src/app.ts';
import { removeDataFolder } from '../src/db/embedded.ts';
import { findOrganisationByCode } from '../src/db/repositories/organisations.ts';
import { findVersion } from '../src/db/repositories/versions.ts';
import { categoryTotals, categoryTotalsFromLines, type CategoryTotal } from '../src/db/repositories/plan-lines.ts';
import { DEMO_COMMITTEE, DEMO_PASSWORD, DEMO_USERS } from '../src/services/demo/demo-data.ts';
import {
  copyLines, countLines, dropStagedLines, insertStagedLines, serverVersion, stageLines, vacuumAnalyze,
} from './bench-lines.ts';
import { median, sampleInterleaved, timeOnce } from './measure.ts';
import { figure, formatMs, type Figure } from './report.ts';

export type SummaryBenchOptions = {
  readonly lines: number;
  /** Lines loaded by COPY after the INSERT (to check that COPY keeps the summary current, too). */
  readonly copyLines: number;
  readonly runs: number;
  readonly allYearsRuns: number;
  readonly warmup: number;
  readonly log: (line: string) => void;
};

export type Mismatch = { readonly what: string; readonly detail: string };

export type SummaryBenchResult = {
  readonly figures: Figure[];
  readonly mismatches: Mismatch[];
  readonly setup: Record<string, number | string>;
};

const VERSION = 'actual';
const SESSION_COOKIE = 'ramplan_session';

export async function runSummaryBench(o: SummaryBenchOptions): Promise<SummaryBenchResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ramplan-bench-'));
  let app: App | undefined;
  try {
    const started = await timeOnce(() => buildApp({ dataDir, demo: true, logger: false }));
    app = started.value;
    o.log(`  embedded PostgreSQL started, migrated and demo loaded in ${formatMs(started.ms)}`);
    return await measure(app, o, started.ms);
  } finally {
    await app?.close();
    await removeDataFolder(dataDir);
  }
}

async function measure(app: App, o: SummaryBenchOptions, startMs: number): Promise<SummaryBenchResult> {
  const db = app.runtime.db;
  const org = await findOrganisationByCode(db, DEMO_COMMITTEE.code);
  if (!org) throw new Error(`demo committee ${DEMO_COMMITTEE.code} missing`);
  const version = await findVersion(db, org.id, VERSION);
  if (!version) throw new Error(`version ${VERSION} missing`);
  const year = version.lastYear;
  const demoLines = await countLines(db, version.id);

  const staged = await timeOnce(() => stageLines(db, version, o.lines));
  o.log(`  ${o.lines.toLocaleString('en')} lines generated into a staging table in ${formatMs(staged.ms)}`);
  const load = await insertStagedLines(db);
  await dropStagedLines(db);
  const summaryTrigger = load.triggers.find((t) => t.name === 'plan_line_insert_refs_summary');
  if (!summaryTrigger) throw new Error('the insert trigger did not fire');
  // Per-row foreign keys (RI_…), if a schema change ever brings them back: shown apart.
  const fkChecks = load.triggers.filter((t) => t.name.startsWith('RI_ConstraintTrigger') || t.name.endsWith('_fkey'));
  const fkMs = fkChecks.reduce((sum, t) => sum + t.ms, 0);
  const storeMs = load.totalMs - load.triggers.reduce((sum, t) => sum + t.ms, 0);
  o.log(`  one INSERT … SELECT into plan_line: ${formatMs(load.totalMs)} = storing ${formatMs(storeMs)}`
    + ` + insert trigger (reference checks and summary) ${formatMs(summaryTrigger.ms)} (${summaryTrigger.calls} call)`
    + (fkChecks.length > 0 ? ` + ${fkChecks.length} per-row foreign keys ${formatMs(fkMs)} (${fkChecks[0]?.calls ?? 0} calls each)` : ''));
  const copied = await timeOnce(() => copyLines(db, version, o.copyLines));
  o.log(`  ${o.copyLines.toLocaleString('en')} more lines by COPY in ${formatMs(copied.ms)}`);
  const vacuum = await timeOnce(() => vacuumAnalyze(db));
  const stored = await countLines(db, version.id);
  o.log(`  ${stored.toLocaleString('en')} lines in ${version.code} ${version.firstYear}–${version.lastYear}; VACUUM ANALYZE ${formatMs(vacuum.ms)}`);

  const cookie = await login(app);
  const url = `/api/orgs/${org.code}/summary?year=${year}&version=${version.code}`;
  const getSummary = async (): Promise<ApiSummary> => {
    const res = await app.inject({ method: 'GET', url, cookies: { [SESSION_COOKIE]: cookie } });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    return res.json<ApiSummary>();
  };
  const oneYear = { from: year, to: year };

  const mismatches = [
    ...compareTotals(`${year}: plan_summary vs GROUP BY`, await categoryTotals(db, version.id, oneYear), await categoryTotalsFromLines(db, version.id, oneYear)),
    ...compareTotals('all years: plan_summary vs GROUP BY', await categoryTotals(db, version.id), await categoryTotalsFromLines(db, version.id)),
    ...compareTotals(`${year}: API vs GROUP BY`, apiTotals(await getSummary(), year), await categoryTotalsFromLines(db, version.id, oneYear)),
  ];
  const yearLines = (await categoryTotalsFromLines(db, version.id, oneYear)).length;
  o.log(`  totals checked (${yearLines} categories in ${year}): ${mismatches.length === 0 ? 'identical' : `${mismatches.length} MISMATCHES`}`);

  o.log(`  sampling one year, ${o.runs} runs each (interleaved) …`);
  const y = await sampleInterleaved({
    api: getSummary,
    table: () => categoryTotals(db, version.id, oneYear),
    groupBy: () => categoryTotalsFromLines(db, version.id, oneYear),
  }, { runs: o.runs, warmup: o.warmup });
  o.log(`  sampling all years, ${o.allYearsRuns} runs each (interleaved) …`);
  const all = await sampleInterleaved({
    table: () => categoryTotals(db, version.id),
    groupBy: () => categoryTotalsFromLines(db, version.id),
  }, { runs: o.allYearsRuns, warmup: Math.min(o.warmup, 2) });

  const groupByYear = median(y.groupBy);
  const floorYear = `GROUP BY over the lines (plan_line_all), ${year}`;
  const figures = [
    figure({ id: '1a', name: `API GET summary ${year}/${version.code}`, medianMs: median(y.api), runs: o.runs, floorName: floorYear, floorMedianMs: groupByYear, aimMs: 20 }),
    figure({ id: '1b', name: `categoryTotals (plan_summary) ${year}`, medianMs: median(y.table), runs: o.runs, floorName: floorYear, floorMedianMs: groupByYear, aimMs: null }),
    figure({ id: '1c', name: `categoryTotalsFromLines (GROUP BY) ${year}`, medianMs: groupByYear, runs: o.runs, floorName: floorYear, floorMedianMs: groupByYear, aimMs: null }),
    figure({ id: '1d', name: `categoryTotals (plan_summary) all ${version.lastYear - version.firstYear + 1} years`, medianMs: median(all.table), runs: o.allYearsRuns, floorName: `GROUP BY over all ${(stored / 1e6).toFixed(2)}M lines`, floorMedianMs: median(all.groupBy), aimMs: null }),
    figure({ id: '1e', name: `insert trigger (reference checks + summary) in 1 INSERT of ${(o.lines / 1e6).toFixed(2)}M lines (1 run)`, medianMs: summaryTrigger.ms, runs: 1, floorName: 'storing the lines (heap + indexes)', floorMedianMs: storeMs, aimMs: null }),
    ...(fkChecks.length > 0 ? [figure({ id: '1f', name: `${fkChecks.length} per-row foreign keys in the same INSERT (1 run)`, medianMs: fkMs, runs: 1, floorName: 'storing the lines (heap + indexes)', floorMedianMs: storeMs, aimMs: null })] : []),
  ];
  return {
    figures,
    mismatches,
    setup: {
      postgres: await serverVersion(db), startAndDemoMs: Math.round(startMs), demoLines, generatedLines: o.lines,
      storedLines: stored, linesInYear: Math.round(stored / (version.lastYear - version.firstYear + 1)),
      stageMs: Math.round(staged.ms), insertMs: Math.round(load.totalMs), insertStoreMs: Math.round(storeMs),
      summaryTriggerMs: Math.round(summaryTrigger.ms), foreignKeyChecksMs: Math.round(fkMs), foreignKeyChecks: fkChecks.length,
      copyLines: o.copyLines, copyMs: Math.round(copied.ms), vacuumAnalyzeMs: Math.round(vacuum.ms), year, version: version.code,
    },
  };
}

async function login(app: App): Promise<string> {
  const user = DEMO_USERS[0].username;
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username: user, password: DEMO_PASSWORD } });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (res.statusCode !== 200 || !cookie) throw new Error(`login as ${user} failed: ${res.statusCode} ${res.body}`);
  return cookie.value;
}

type ApiSummary = {
  readonly year: number;
  readonly revenue: ReadonlyArray<{ readonly category: string; readonly amountOre: number }>;
  readonly costs: ReadonlyArray<{ readonly category: string; readonly amountOre: number }>;
};

function apiTotals(s: ApiSummary, year: number): Array<{ year: number; category: string; amountOre: number }> {
  if (s.year !== year) throw new Error(`API answered year ${s.year}, asked ${year}`);
  return [...s.revenue, ...s.costs].filter((c) => c.amountOre !== 0).map((c) => ({ year, category: c.category, amountOre: c.amountOre }));
}

const keyOf = (t: { year: number; category: string }): string => `${t.year} ${t.category}`;

/** Every (year, category) total of `actual` against the reference; categories absent in both agree. */
export function compareTotals(
  what: string, actual: ReadonlyArray<{ year: number; category: string; amountOre: number }>, reference: readonly CategoryTotal[],
): Mismatch[] {
  const ref = new Map(reference.filter((t) => t.amountOre !== 0).map((t) => [keyOf(t), t.amountOre]));
  const got = new Map(actual.filter((t) => t.amountOre !== 0).map((t) => [keyOf(t), t.amountOre]));
  const out: Mismatch[] = [];
  for (const key of new Set([...ref.keys(), ...got.keys()])) {
    const a = got.get(key);
    const r = ref.get(key);
    if (a !== r) out.push({ what, detail: `${key}: ${String(a)} öre, GROUP BY gives ${String(r)} öre` });
  }
  return out;
}
