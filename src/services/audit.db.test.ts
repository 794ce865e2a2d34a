// The audit trail's hash chain on a real PostgreSQL: intact after concurrent writes, and a tampered
// or removed entry is found (tampering needs the table owner to switch the append-only trigger off).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb, type Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { insertRootOrganisation } from '../db/repositories/organisations.ts';
import { createServiceContext } from './context.ts';
import { verifyAuditChain } from './audit.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

let database: TestDatabase;
let db: Db;
let tenantId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 20 });
  await migrateToLatest(db);
  tenantId = await insertRootOrganisation(db, { code: 'R1', name: 'Region' });
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const entry = (i: number) => ({
  tenantId, actor: `user${i % 3}`, action: 'plan_line.update', entity: 'plan_line', entityId: String(i),
  before: { amountOre: i, note: 'före "citat" och åäö' }, after: { amountOre: i + 1 },
});

async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(tx);
    await statement.execute(tx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(tx);
  });
}

describe('the audit chain', () => {
  it('stays unbroken when 40 writers append at once', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => db.transaction().execute((tx) => appendAudit(tx, entry(i)))));
    const report = await verifyAuditChain(createServiceContext(db));
    expect(report.entries).toBe(40);
    expect(report.breaks).toEqual([]);
    expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ramplan audit verify says so and exits 0', () => {
    const run = spawnSync(process.execPath, [path.resolve('bin/ramplan.js'), 'audit', 'verify', '--database-url', database.url], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/obruten: 40 poster/);
  });

  it('finds an entry whose content was changed', async () => {
    const original = await sql<{ actor: string }>`SELECT actor FROM audit_log WHERE chain_seq = 17`.execute(db);
    await tamper(sql`UPDATE audit_log SET actor = 'mallory' WHERE chain_seq = 17`);
    const report = await verifyAuditChain(createServiceContext(db));
    expect(report.breaks).toEqual([{ seq: 17, problem: 'hash' }]);
    const run = spawnSync(process.execPath, [path.resolve('bin/ramplan.js'), 'audit', 'verify', '--database-url', database.url], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Post 17: innehållet stämmer inte');
    await tamper(sql`UPDATE audit_log SET actor = ${original.rows[0]?.actor ?? ''} WHERE chain_seq = 17`);
    expect((await verifyAuditChain(createServiceContext(db))).breaks).toEqual([]);
  });

  it('finds a removed entry', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE chain_seq = 30`);
    const report = await verifyAuditChain(createServiceContext(db));
    expect(report.breaks).toEqual([{ seq: 31, problem: 'link' }]);
  });
});
