// `ramplan serve` killed with SIGKILL while editors are saving: after it, every line holds the
// state of a completed save (its amount matches its revision), each completed save has exactly one
// audit entry, the summary table equals the lines, and the audit chain is unbroken.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb, type Db } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createServiceContext } from '../services/context.ts';
import { verifyAuditChain } from '../services/audit.ts';

const BIN = path.resolve('bin/ramplan.js');
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

type Line = { id: number; revision: number; amountOre: number };

describe('SIGKILL of the server in the middle of saves', () => {
  it('leaves every line as of a completed save, with its audit entry and its summary', async () => {
    const server = spawn(process.execPath, [BIN, 'serve', '--database-url', database.url, '--demo-if-empty', '--port', '0', '--host', '127.0.0.1'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<void>((resolve) => server.on('close', () => resolve()));
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/localhost:(\d+)/.exec(out);
        if (m) resolve(`http://127.0.0.1:${m[1] ?? ''}`);
      });
      server.on('close', () => reject(new Error(`server stopped: ${out}`)));
    });
    const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ekonom', password: 'ramplan-demo' }) });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const url = `${base}/api/orgs/RUN/versions/budget-2020/lines`;
    const initial = ((await (await fetch(`${url}?year=2020`, { headers: { cookie } })).json()) as { lines: Line[] }).lines.slice(0, 20);
    const start = new Map(initial.map((l) => [l.id, l]));
    const auditBefore = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(db)).rows[0]?.n);

    // Twenty editors, each adding 1 öre to its own line, as fast as the server answers.
    let stop = false;
    const editors = initial.map(async (first) => {
      let line = first;
      while (!stop) {
        try {
          const res = await fetch(`${url}/${line.id}`, {
            method: 'PATCH', headers: { cookie, 'content-type': 'application/json', origin: base },
            body: JSON.stringify({ amountOre: line.amountOre + 1, revision: line.revision }),
          });
          if (res.status !== 200) break;
          line = await res.json() as Line;
        } catch {
          break;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1_500));
    server.kill('SIGKILL');
    stop = true;
    await Promise.all(editors);
    await closed;

    const rows = await sql<{ id: string; revision: number; amount_ore: string }>`
      SELECT id, revision, amount_ore FROM plan_line WHERE id = ANY(${initial.map((l) => l.id)})`.execute(db);
    let saves = 0;
    for (const r of rows.rows) {
      const before = start.get(Number(r.id));
      if (!before) throw new Error('unknown line');
      const completed = r.revision - before.revision;
      expect(Number(r.amount_ore), `line ${r.id}`).toBe(before.amountOre + completed);
      saves += completed;
    }
    expect(saves).toBeGreaterThan(0);
    const auditAfter = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(db)).rows[0]?.n);
    expect(auditAfter - auditBefore).toBe(saves);
    const consistent = await sql<{ same: boolean }>`
      SELECT NOT EXISTS (
        SELECT version_id, year, category_code, sum(amount_ore) FROM plan_line GROUP BY 1, 2, 3
        EXCEPT SELECT version_id, year, category_code, amount_ore FROM plan_summary) AS same`.execute(db);
    expect(consistent.rows[0]?.same).toBe(true);
    expect((await verifyAuditChain(createServiceContext(db))).breaks).toEqual([]);
  }, 120_000);
});
