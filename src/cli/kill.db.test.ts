// A process killed with SIGKILL in the middle of a write leaves the database as it was before or
// after, never between: `ramplan demo` (one transaction of thousands of rows) is killed at the
// moment PostgreSQL shows it inserting plan lines, the state is checked, and the load then rerun.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb, type Db } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { DEMO_USERS } from '../services/demo/demo-data.ts';

const BIN = path.resolve('bin/ramplan.js');
const APP_NAME = 'ramplan-kill-test';
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

function demoUrl(): string {
  const url = new URL(database.url);
  url.searchParams.set('application_name', APP_NAME);
  return url.toString();
}

/** True while the demo process is inside its transaction, inserting plan lines. */
async function insertingPlanLines(): Promise<boolean> {
  const r = await sql<{ n: string }>`
    SELECT count(*) AS n FROM pg_stat_activity
     WHERE application_name = ${APP_NAME} AND xact_start IS NOT NULL AND query ILIKE 'insert into "plan_line"%'`.execute(db);
  return Number(r.rows[0]?.n) > 0;
}

/** Runs `ramplan demo`; with `kill`, kills it with SIGKILL once it is inserting plan lines. */
async function runDemo(kill: boolean): Promise<{ finished: boolean; killedInside: boolean; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'demo', '--database-url', demoUrl()], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let done = false;
  void closed.then(() => { done = true; });
  let killedInside = false;
  if (kill) {
    const deadline = Date.now() + 60_000;
    while (!done && Date.now() < deadline) {
      if (await insertingPlanLines()) {
        child.kill('SIGKILL');
        killedInside = true;
        break;
      }
    }
  }
  const code = await closed;
  return { finished: code === 0, killedInside, stderr };
}

async function state(): Promise<{ organisations: number; lines: number; summaries: number; users: number }> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('public.plan_line')::text AS t`.execute(db);
  if (exists.rows[0]?.t === null) return { organisations: 0, lines: 0, summaries: 0, users: 0 };
  const r = await sql<{ o: string; l: string; s: string; u: string }>`
    SELECT (SELECT count(*) FROM organisation) AS o, (SELECT count(*) FROM plan_line) AS l,
           (SELECT count(*) FROM plan_summary) AS s, (SELECT count(*) FROM app_user) AS u`.execute(db);
  const row = r.rows[0];
  return { organisations: Number(row?.o), lines: Number(row?.l), summaries: Number(row?.s), users: Number(row?.u) };
}

describe('SIGKILL in the middle of a write', () => {
  it('leaves the state from before the demo load, and a rerun completes it', async () => {
    let killedInside = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const run = await runDemo(true);
      if (run.killedInside) {
        killedInside++;
        // The killed transaction's connection is gone; PostgreSQL rolled it back.
        expect(await state()).toEqual({ organisations: 0, lines: 0, summaries: 0, users: 0 });
      }
    }
    expect(killedInside).toBeGreaterThan(0);
    const rerun = await runDemo(false);
    expect(rerun.finished, rerun.stderr).toBe(true);
    const full = await state();
    expect(full.organisations).toBe(8);
    expect(full.users).toBe(DEMO_USERS.length);
    expect(full.lines).toBeGreaterThan(5_000);
    const consistent = await sql<{ same: boolean }>`
      SELECT NOT EXISTS (
        SELECT version_id, year, category_code, sum(amount_ore) FROM plan_line GROUP BY 1, 2, 3
        EXCEPT SELECT version_id, year, category_code, amount_ore FROM plan_summary) AS same`.execute(db);
    expect(consistent.rows[0]?.same).toBe(true);
  }, 180_000);
});
