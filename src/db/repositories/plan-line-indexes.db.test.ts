// Migration 0016: every query that finds a version's lines can reach both of their indexes (the
// B-tree over typed lines, the BRIN over imported ones) and reads the same lines as before. Each
// repository function's own SQL is captured as it runs and explained with sequential scans switched
// off: a plan that still scans plan_line sequentially has no index path, which is what a query
// without anyLineSource gets.
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import type { Database } from '../schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { insertOrganisation, insertRootOrganisation } from './organisations.ts';
import { insertAccounts, insertCategories } from './reference.ts';
import { insertVersion } from './versions.ts';
import {
  categoryTotals, categoryTotalsFromLines, deletePlanLine, findPlanLine, insertPlanLines, listPlanLines, updatePlanLineAmount, yearLinesByKey,
} from './plan-lines.ts';
import { deleteProjectPlanLines } from './projects.ts';
import { deleteImportLines, deleteVersionLines, exportLines, summarizeImportedLines, versionHasLines } from './sie-import.ts';
import { DEFAULT_CATEGORIES } from '../../domain/category.ts';
import { ore } from '../../domain/money.ts';

let database: TestDatabase;
let db: Db;
let pool: pg.Pool;
let traced: Kysely<Database>;
const captured: CompiledQuery[] = [];
let tenantId: number;
let orgId: number;
let versionId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  await migrateToLatest(db);
  pool = new pg.Pool({ connectionString: database.url, max: 1 });
  traced = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.level === 'query') captured.push(e.query); } });
  tenantId = await insertRootOrganisation(db, { code: 'R1', name: 'Region Test' });
  orgId = await insertOrganisation(db, { tenantId, parentId: tenantId, code: 'N1', name: 'Nämnd', kind: 'committee' });
  await insertCategories(db, tenantId, DEFAULT_CATEGORIES);
  await insertAccounts(db, tenantId, [{ code: '3010', name: 'Avgifter', category: 'avgifter' }, { code: '4010', name: 'Löner', category: 'personal' }]);
  versionId = await insertVersion(db, { tenantId, orgId, code: 'actual', name: 'Utfall', kind: 'actual', firstYear: 2024, lastYear: 2025 });
  // Typed lines and, in bulk, imported ones (an import's id, as the COPY writes them).
  await insertPlanLines(db, Array.from({ length: 40 }, (_, i) => ({
    tenantId, orgId, versionId, year: 2024 + (i % 2), period: null, unitId: orgId, accountCode: i % 3 === 0 ? '4010' : '3010',
    category: i % 3 === 0 ? 'personal' : 'avgifter', projectCode: `P${String(i)}`, funderCode: null, amountOre: ore(100 * i),
  })), 'test');
  await sql`
    INSERT INTO plan_line (tenant_id, org_id, version_id, year, period, unit_id, account_code, category_code, project_code, amount_ore, sie_import_id)
    SELECT ${tenantId}, ${orgId}, ${versionId}, 2024, '2024-' || lpad(((g % 12) + 1)::text, 2, '0'), ${orgId}, '3010', 'avgifter', 'I' || g, g, 7
      FROM generate_series(1, 20000) g`.execute(db);
  await summarizeImportedLines(db);
  await sql`ANALYZE plan_line`.execute(db);
});
afterAll(async () => {
  await traced?.destroy();
  await db?.destroy();
  await database?.drop();
});

async function explainWithoutSeqScan(q: CompiledQuery): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL enable_seqscan = off');
    const r = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${q.sql}`, [...q.parameters]);
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

describe('plan_line indexes (migration 0016)', () => {
  it('every repository query that finds a version\'s lines can use the typed B-tree and the imported BRIN together', async () => {
    captured.length = 0;
    const lines = await listPlanLines(traced, versionId, 2024);
    const fromLines = await categoryTotalsFromLines(traced, versionId);
    const byKey = await yearLinesByKey(traced, versionId, 2024);
    const exported = await exportLines(traced, versionId, 2024);
    expect(await versionHasLines(traced, versionId)).toBe(true);
    const typedLine = lines.find((l) => l.projectCode === 'P2');
    const importedLine = lines.find((l) => l.projectCode === 'I5');
    if (!typedLine || !importedLine) throw new Error('test lines missing');
    expect((await findPlanLine(traced, versionId, typedLine.id))?.amountOre).toBe(typedLine.amountOre);
    expect((await findPlanLine(traced, versionId, importedLine.id))?.amountOre).toBe(importedLine.amountOre);
    // Writes run inside a transaction that is rolled back: only their plans matter here.
    await traced.transaction().execute(async (tx) => {
      expect(await updatePlanLineAmount(tx, versionId, typedLine.id, typedLine.revision, ore(1), 'test')).toBe(typedLine.revision + 1);
      expect(await deletePlanLine(tx, versionId, importedLine.id, importedLine.revision)).toBe(true);
      await deleteProjectPlanLines(tx, versionId, 'P1');
      await deleteVersionLines(tx, versionId);
      throw new Error('rollback');
    }).catch((e: unknown) => { if (!(e instanceof Error && e.message === 'rollback')) throw e; });

    // The same lines as a plain count: 20 typed + 20 000 imported lines in 2024.
    expect(lines).toHaveLength(20_020);
    expect(byKey.length).toBe(20_020);
    expect(exported.length).toBeGreaterThan(0);
    const summary = await categoryTotals(db, versionId);
    expect(fromLines).toEqual(summary);

    const reading = captured.filter((q) => /plan_line/.test(q.sql) && !/^(begin|commit|rollback)/i.test(q.sql));
    expect(reading.length).toBe(11);
    for (const q of reading) {
      const plan = await explainWithoutSeqScan(q);
      expect(plan, q.sql).not.toMatch(/Seq Scan on (plan_line|actual_line)/);
      expect(plan, q.sql).toMatch(/plan_line_version_year|plan_line_key|plan_line_id/); // typed lines: a partial B-tree
      expect(plan, q.sql).toMatch(/plan_line_imported/);
    }
  });

  it('a query without the predicate cannot use them (what the test above would catch)', async () => {
    const plan = await explainWithoutSeqScan({ sql: 'SELECT count(*) FROM plan_line WHERE version_id = $1 AND year = $2', parameters: [versionId, 2024] } as unknown as CompiledQuery);
    expect(plan).toMatch(/Seq Scan on plan_line/);
  });

  it('an import\'s own lines are found by the BRIN alone, and its deletion leaves the typed lines', async () => {
    await db.transaction().execute(async (tx) => {
      expect(await deleteImportLines(tx, versionId, [7])).toBe(20_000);
      expect(await listPlanLines(tx, versionId, 2024)).toHaveLength(20);
      throw new Error('rollback');
    }).catch((e: unknown) => { if (!(e instanceof Error && e.message === 'rollback')) throw e; });
  });
});
