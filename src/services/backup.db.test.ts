// Backup and restore round trip on real databases: every row of every table comes back, the audit
// chain still verifies and continues, and a damaged or truncated file restores nothing.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/database.ts';
import { knownMigrations, migrateToLatest } from '../db/migrate.ts';
import { inSnapshot, listTablesInDependencyOrder, readTableRows } from '../db/repositories/backup.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { countOrganisations } from '../db/repositories/organisations.ts';
import { createServiceContext } from './context.ts';
import { restoreBackup } from './backup.ts';
import { verifyAuditChain } from './audit.ts';
import { signIn, startDemoApp, type Fixture } from '../../test/app-fixture.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

const BIN = path.resolve('bin/ramplan.js');
let source: Fixture;
let dir: string;
const cleanups: Array<() => Promise<void>> = [];

async function freshDb(): Promise<{ db: Db; url: string }> {
  const database: TestDatabase = await createTestDatabase();
  const db = createDb(database.url);
  await migrateToLatest(db);
  cleanups.push(async () => { await db.destroy(); await database.drop(); });
  return { db, url: database.url };
}

async function dump(db: Db): Promise<Record<string, string[]>> {
  return inSnapshot(db, async (tx) => {
    const out: Record<string, string[]> = {};
    for (const table of await listTablesInDependencyOrder(tx)) {
      const rows: string[] = [];
      for await (const batch of readTableRows(tx, table)) for (const r of batch) rows.push(JSON.stringify(r));
      out[table.name] = rows.sort();
    }
    return out;
  });
}

const ramplan = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ramplan-backup-'));
  source = await startDemoApp();
  // Some history: an edit, and the budget through the workflow (transitions and audit entries).
  const cookie = await signIn(source.app, 'ekonom');
  const lines = await source.app.inject({ method: 'GET', url: '/api/orgs/RUN/versions/budget-2020/lines?year=2020', headers: { cookie } });
  const line = lines.json<{ lines: Array<{ id: number; revision: number; amountOre: number }> }>().lines[0];
  if (!line) throw new Error('no line');
  await source.app.inject({ method: 'PATCH', url: `/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, headers: { cookie }, payload: { amountOre: line.amountOre + 1, revision: line.revision } });
  await source.app.inject({ method: 'POST', url: '/api/orgs/RUN/versions/budget-2020/status', headers: { cookie }, payload: { to: 'review', comment: 'Säkerhetskopia "test" åäö' } });
});
afterAll(async () => {
  await source?.close();
  for (const c of cleanups) await c();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('ramplan backup and ramplan restore', () => {
  it('round-trips every row of every table, and the audit chain verifies and continues', async () => {
    const file = path.join(dir, 'ramplan.backup');
    const backup = ramplan('backup', '--out', file, '--database-url', source.database.url);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Säkerhetskopian skrevs till .*: \d+ tabeller, \d+ rader/);

    const target = await freshDb();
    const restore = ramplan('restore', file, '--database-url', target.url);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Granskningsloggen är obruten \(\d+ poster\)/);

    const before = await dump(source.app.runtime.db);
    const after = await dump(target.db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect((before['plan_line'] ?? []).length).toBeGreaterThan(5_000);

    const ctx = createServiceContext(target.db);
    await appendAudit(target.db, { tenantId: 1, actor: 'efter-återställning', action: 'x', entity: 'y', entityId: '1', before: null, after: null });
    const chain = await verifyAuditChain(ctx);
    expect(chain.breaks).toEqual([]);
    expect(chain.entries).toBe((before['audit_log'] ?? []).length + 1);
  });

  it('refuses to restore into a database that has data', async () => {
    const file = path.join(dir, 'ramplan.backup');
    const run = ramplan('restore', file, '--database-url', source.database.url);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/innehåller redan data/);
  });

  it('a damaged or truncated file restores nothing, with a message saying why', async () => {
    const original = gunzipSync(await readFile(path.join(dir, 'ramplan.backup'))).toString('utf8');
    const lines = original.split('\n');
    const rowIndex = lines.findIndex((l) => l.startsWith('[') && l.includes('Regionala utvecklingsnämnden'));
    expect(rowIndex).toBeGreaterThan(0);
    const damaged = [...lines];
    damaged[rowIndex] = (damaged[rowIndex] ?? '').replace('Regionala utvecklingsnämnden', 'Regionala avvecklingsnämnden');
    const target = await freshDb();
    const ctx = createServiceContext(target.db);

    const damagedRun = restoreBackup(ctx, (await import('node:stream')).Readable.from([gzipSync(damaged.join('\n'))]), knownMigrations());
    await expect(damagedRun).rejects.toThrow(/organisation stämmer inte med sin kontrollsumma/);
    expect(await countOrganisations(target.db)).toBe(0);

    const truncated = path.join(dir, 'truncated.backup');
    await writeFile(truncated, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const run = ramplan('restore', truncated, '--database-url', target.url);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/avkortad|kontrollsumma/);
    expect(await countOrganisations(target.db)).toBe(0);

    const notBackup = path.join(dir, 'not.backup');
    await writeFile(notBackup, 'hej');
    const bad = ramplan('restore', notBackup, '--database-url', target.url);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Säkerhetskopian kan inte läsas in/);
  });
});
