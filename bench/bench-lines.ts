// Bench setup SQL (tooling, not a repository): a million plan lines for one version, generated inside
// PostgreSQL, so that setup takes seconds and the lines never pass through Node.
//
// The lines reuse the (unit, account, category) combinations the version already has, so they look
// like the committee's own: each generated number g is split in mixed radix into year × month ×
// combination × project, which makes every line's unique key (version, year, period, unit, account,
// project, funder) distinct. Projects are named `<prefix><number>`; the demo's own lines have no
// project, so bench lines never collide with them, nor with each other under another prefix.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../src/db/database.ts';
import type { VersionRow } from '../src/db/repositories/versions.ts';

const STAGING = sql.raw('bench_staged_line');
const COLUMNS = sql.raw('tenant_id, org_id, version_id, year, period, unit_id, account_code, category_code, project_code, amount_ore, updated_by');

/** Integers inlined as literals: `COPY (query) TO` takes no bind parameters. */
function int(v: number): RawBuilder<number> {
  if (!Number.isSafeInteger(v)) throw new RangeError(`not an integer: ${String(v)}`);
  return sql.lit(v);
}

function generatedLines(version: VersionRow, count: number, projectPrefix: 'B' | 'C'): RawBuilder<unknown> {
  const years = int(version.lastYear - version.firstYear + 1);
  return sql`
    WITH combo AS (
      SELECT (row_number() OVER (ORDER BY unit_id, account_code) - 1)::int AS i, unit_id, account_code, category_code
        FROM (SELECT DISTINCT unit_id, account_code, category_code FROM plan_line WHERE version_id = ${int(version.id)}) d
    ), sized AS (SELECT count(*)::int AS combos FROM combo),
    g AS (
      SELECT g, ${int(version.firstYear)} + g % ${years} AS year, 1 + (g / ${years}) % 12 AS month,
             (g / (${years} * 12)) % combos AS combo_i, g / (${years} * 12 * combos) AS project
        FROM generate_series(0, ${int(count - 1)}) AS g, sized
    )
    SELECT ${int(version.tenantId)}::bigint AS tenant_id, ${int(version.orgId)}::bigint AS org_id,
           ${int(version.id)}::bigint AS version_id, g.year::int AS year,
           to_char(g.year, 'FM0000') || '-' || to_char(g.month, 'FM00') AS period, c.unit_id, c.account_code, c.category_code,
           ${sql.lit(projectPrefix)} || to_char(g.project, 'FM000') AS project_code,
           1000 + (g.g::bigint * 2654435761) % 10000000 AS amount_ore, 'bench'::text AS updated_by
      FROM g JOIN combo c ON c.i = g.combo_i`;
}

/**
 * Generates `count` lines of `version` into an unlogged staging table (no constraints, no triggers),
 * sorted as an import of year after year delivers them: that keeps the unique index's inserts local
 * and stores each year's lines together, which also is the layout the GROUP BY floor benefits from.
 */
export async function stageLines(db: Db, version: VersionRow, count: number): Promise<void> {
  await sql`DROP TABLE IF EXISTS ${STAGING}`.execute(db);
  await sql`CREATE UNLOGGED TABLE ${STAGING} AS SELECT * FROM (${generatedLines(version, count, 'B')}) l
    ORDER BY year, period, unit_id, account_code, project_code`.execute(db);
}

export async function dropStagedLines(db: Db): Promise<void> {
  await sql`DROP TABLE IF EXISTS ${STAGING}`.execute(db);
}

export type TriggerTime = { readonly name: string; readonly ms: number; readonly calls: number };
export type LoadProfile = { readonly totalMs: number; readonly triggers: readonly TriggerTime[] };

type ExplainJson = Array<{ 'Execution Time'?: number; Triggers?: Array<{ 'Trigger Name'?: string; Time?: number; Calls?: number }> }>;

/**
 * The staged lines into plan_line as ONE INSERT … SELECT, so the summary trigger fires once with all of
 * them in its transition table. Run under EXPLAIN ANALYZE (which executes and commits it) to learn
 * what each trigger cost: the summary trigger, and the row-level foreign-key checks.
 */
export async function insertStagedLines(db: Db): Promise<LoadProfile> {
  const r = await sql<{ 'QUERY PLAN': ExplainJson }>`
    EXPLAIN (ANALYZE, FORMAT JSON) INSERT INTO plan_line (${COLUMNS}) SELECT ${COLUMNS} FROM ${STAGING}`.execute(db);
  const plan = r.rows[0]?.['QUERY PLAN'][0];
  if (plan?.['Execution Time'] === undefined) throw new Error('EXPLAIN gave no execution time');
  return {
    totalMs: plan['Execution Time'],
    triggers: (plan.Triggers ?? []).map((t) => ({ name: t['Trigger Name'] ?? '?', ms: t.Time ?? 0, calls: t.Calls ?? 0 })),
  };
}

/**
 * `count` further lines through COPY, the way an import loads them (docs/DESIGN.md, Storage): the
 * server writes them to a CSV file inside its own cluster (removed with it) and COPYs that back.
 */
export async function copyLines(db: Db, version: VersionRow, count: number): Promise<void> {
  const dir = (await sql<{ dir: string }>`SELECT current_setting('data_directory') AS dir`.execute(db)).rows[0]?.dir;
  if (dir === undefined) throw new Error('data_directory unknown');
  const file = sql.lit(`${dir}/bench-plan-lines.csv`);
  await sql`COPY (${generatedLines(version, count, 'C')}) TO ${file} (FORMAT csv)`.execute(db);
  await sql`COPY plan_line (${COLUMNS}) FROM ${file} (FORMAT csv)`.execute(db);
}

/** Fresh planner statistics and a visibility map, as after an import (DESIGN.md: COPY, then ANALYZE). */
export async function vacuumAnalyze(db: Db): Promise<void> {
  await sql`VACUUM (ANALYZE) plan_line`.execute(db);
  await sql`VACUUM (ANALYZE) plan_summary`.execute(db);
}

export async function countLines(db: Db, versionId: number): Promise<number> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM plan_line WHERE version_id = ${versionId}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export async function serverVersion(db: Db): Promise<string> {
  const r = await sql<{ v: string }>`SHOW server_version`.execute(db);
  return r.rows[0]?.v ?? 'unknown';
}
