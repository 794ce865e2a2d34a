// Migration 0018: actual lines in their own narrow table keep every promise plan_line's lines keep,
// enforced by the database itself (plain SQL here, no service in between): the summary follows every
// insert and delete (a property over random batches), references are checked, adopted versions are
// frozen, lines are never updated or truncated, what they refer to cannot be deleted, and the view
// gives them to readers in plan_line's shape with ids of their own.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { insertOrganisation, insertRootOrganisation } from '../repositories/organisations.ts';
import { insertAccounts, insertCategories } from '../repositories/reference.ts';
import { insertVersion, markVersionAdopted } from '../repositories/versions.ts';
import { categoryTotals, categoryTotalsFromLines } from '../repositories/plan-lines.ts';
import { DEFAULT_CATEGORIES } from '../../domain/category.ts';

let database: TestDatabase;
let db: Db;
let tenantId: number;
let orgId: number;
let unitId: number;
let otherTenantUnit: number;

const ACCOUNTS = [
  { code: '3010', name: 'Avgifter', category: 'avgifter' },
  { code: '4010', name: 'Löner', category: 'personal' },
  { code: '5010', name: 'Lokaler', category: 'lokaler' },
];

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 2 });
  await migrateToLatest(db);
  tenantId = await insertRootOrganisation(db, { code: 'R1', name: 'Region Test' });
  orgId = await insertOrganisation(db, { tenantId, parentId: tenantId, code: 'N1', name: 'Nämnd', kind: 'committee' });
  unitId = await insertOrganisation(db, { tenantId, parentId: orgId, code: 'U1', name: 'Enhet', kind: 'unit' });
  const other = await insertRootOrganisation(db, { code: 'R2', name: 'Annan region' });
  otherTenantUnit = await insertOrganisation(db, { tenantId: other, parentId: other, code: 'X1', name: 'Annan enhet', kind: 'unit' });
  await insertCategories(db, tenantId, DEFAULT_CATEGORIES);
  await insertAccounts(db, tenantId, ACCOUNTS);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

let seq = 0;
async function newVersion(): Promise<number> {
  seq++;
  return insertVersion(db, { tenantId, orgId, code: `a${String(seq)}`, name: `Utfall ${String(seq)}`, kind: 'actual', firstYear: 2024, lastYear: 2025 });
}

/** An import's accounts (all three) under import id `imp`. */
async function accounts(imp: number): Promise<void> {
  await sql`INSERT INTO actual_account (sie_import_id, idx, tenant_id, account_code, category_code)
    SELECT ${imp}, i - 1, ${tenantId}, a, c FROM unnest(${ACCOUNTS.map((a) => a.code)}::text[], ${ACCOUNTS.map((a) => a.category)}::text[]) WITH ORDINALITY AS x(a, c, i)`.execute(db);
}

type Line = { account: number; month: number; project: string | null; amount: number };

async function insertLines(imp: number, versionId: number, lines: readonly Line[], unit = unitId): Promise<void> {
  if (lines.length === 0) return;
  await sql`INSERT INTO actual_line (sie_import_id, line_no, version_id, year, month, unit_id, account_idx, project_code, amount_ore)
    SELECT ${imp}, i - 1, ${versionId}, 2024, m, ${unit}, a, p, s
      FROM unnest(${lines.map((l) => l.account)}::int[], ${lines.map((l) => l.month)}::int[], ${lines.map((l) => l.project)}::text[], ${lines.map((l) => l.amount)}::bigint[])
           WITH ORDINALITY AS x(a, m, p, s, i)`.execute(db);
}

const errorOf = async (p: Promise<unknown>): Promise<{ code?: string; message?: string }> => {
  try { await p; return {}; } catch (e) { return e as { code?: string; message?: string }; }
};

describe('actual lines (migration 0018)', () => {
  it('keep the summary equal to a GROUP BY over every line after any sequence of imports and deletions', async () => {
    let imp = 1000;
    const line = fc.record({ account: fc.integer({ min: 0, max: 2 }), month: fc.integer({ min: 1, max: 12 }),
      project: fc.option(fc.constantFrom('P1', 'P2'), { nil: null }), amount: fc.integer({ min: -1e11, max: 1e11 }) });
    await fc.assert(fc.asyncProperty(fc.array(fc.oneof(
      fc.record({ kind: fc.constant('import' as const), lines: fc.array(line, { maxLength: 30 }) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    ), { minLength: 1, maxLength: 8 }), async (ops) => {
      const versionId = await newVersion();
      const imports: number[] = [];
      for (const op of ops) {
        if (op.kind === 'import') {
          imp++;
          await accounts(imp);
          await insertLines(imp, versionId, op.lines);
          imports.push(imp);
        } else if (imports.length > 0) {
          const gone = imports.splice(op.pick % imports.length, 1)[0];
          await sql`DELETE FROM actual_line WHERE sie_import_id = ${gone}`.execute(db);
        }
      }
      expect(await categoryTotals(db, versionId)).toEqual(await categoryTotalsFromLines(db, versionId));
      const counted = await sql<{ n: string }>`SELECT coalesce(sum(line_count), 0) AS n FROM plan_summary WHERE version_id = ${versionId}`.execute(db);
      const lines = await sql<{ n: string }>`SELECT count(*) AS n FROM actual_line WHERE version_id = ${versionId}`.execute(db);
      expect(counted.rows[0]?.n).toBe(lines.rows[0]?.n);
    }), { numRuns: 25 });
  });

  it('refuse a version, unit or account number that does not exist, and an account outside the chart', async () => {
    const versionId = await newVersion();
    await accounts(1);
    expect((await errorOf(insertLines(1, 999_999, [{ account: 0, month: 1, project: null, amount: 1 }]))).code).toBe('23503');
    expect((await errorOf(insertLines(1, versionId, [{ account: 0, month: 1, project: null, amount: 1 }], otherTenantUnit))).code).toBe('23503');
    expect((await errorOf(insertLines(1, versionId, [{ account: 7, month: 1, project: null, amount: 1 }]))).code).toBe('23503');
    expect((await errorOf(sql`INSERT INTO actual_account VALUES (2, 0, ${tenantId}, '9999', 'avgifter')`.execute(db))).code).toBe('23503');
    expect((await errorOf(sql`INSERT INTO actual_account VALUES (2, 0, ${tenantId}, '3010', 'ingen')`.execute(db))).code).toBe('23503');
    expect((await errorOf(insertLines(1, versionId, [{ account: 0, month: 13, project: null, amount: 1 }]))).code).toBe('23514');
    const n = await sql<{ n: string }>`SELECT count(*) AS n FROM actual_line WHERE version_id = ${versionId}`.execute(db);
    expect(n.rows[0]?.n).toBe('0');
  });

  it('are never updated or truncated, and freeze with an adopted version', async () => {
    const versionId = await newVersion();
    await accounts(3);
    await insertLines(3, versionId, [{ account: 1, month: 2, project: null, amount: 500 }]);
    expect((await errorOf(sql`UPDATE actual_line SET amount_ore = 1 WHERE version_id = ${versionId}`.execute(db))).code).toBe('RP003');
    expect((await errorOf(sql`TRUNCATE actual_line`.execute(db))).message).toMatch(/TRUNCATE/);
    expect(await markVersionAdopted(db, versionId, 'test', new Date())).toBe(true);
    expect((await errorOf(sql`DELETE FROM actual_line WHERE version_id = ${versionId}`.execute(db))).code).toBe('RP002');
    expect((await errorOf(insertLines(3, versionId, [{ account: 1, month: 3, project: null, amount: 1 }]))).code).toBe('RP002');
  });

  it('keep what they refer to: version, unit, account and category cannot be deleted while used', async () => {
    const versionId = await newVersion();
    await accounts(4);
    await insertLines(4, versionId, [{ account: 2, month: 5, project: 'P9', amount: 700 }]);
    for (const statement of [
      sql`DELETE FROM plan_version WHERE id = ${versionId}`,
      sql`DELETE FROM organisation WHERE id = ${unitId}`,
      sql`DELETE FROM account WHERE tenant_id = ${tenantId} AND code = '5010'`,
      sql`DELETE FROM category WHERE tenant_id = ${tenantId} AND code = 'lokaler'`,
    ]) expect((await errorOf(statement.execute(db))).code).toBe('23503');
  });

  it('reach readers through plan_line_all in plan_line\'s shape, with negative ids of their own', async () => {
    const versionId = await newVersion();
    await accounts(5);
    await insertLines(5, versionId, [{ account: 0, month: 3, project: 'P1', amount: 100 }, { account: 0, month: 11, project: null, amount: 250 }]);
    const rows = await sql<{ id: string; period: string; account_code: string; category_code: string; tenant_id: string; org_id: string; project_code: string | null }>`
      SELECT id, period, account_code, category_code, tenant_id, org_id, project_code FROM plan_line_all WHERE version_id = ${versionId} ORDER BY period`.execute(db);
    expect(rows.rows.map((r) => [r.period, r.account_code, r.category_code, Number(r.tenant_id), Number(r.org_id), r.project_code]))
      .toEqual([['2024-03', '3010', 'avgifter', tenantId, orgId, 'P1'], ['2024-11', '3010', 'avgifter', tenantId, orgId, null]]);
    expect(rows.rows.every((r) => Number(r.id) < 0)).toBe(true);
    expect(new Set(rows.rows.map((r) => r.id)).size).toBe(2);
  });
});
