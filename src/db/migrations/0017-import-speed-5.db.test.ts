// Migration 0017: imported lines are refused a bad period by the statement triggers (same SQLSTATE and
// constraint as the CHECK that typed lines keep), on insert and on update; typed lines keep unique ids
// and their CHECK. What the migration took away is only the per-line index entry of imported lines.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { insertOrganisation, insertRootOrganisation } from '../repositories/organisations.ts';
import { insertAccounts, insertCategories } from '../repositories/reference.ts';
import { insertVersion } from '../repositories/versions.ts';
import { DEFAULT_CATEGORIES } from '../../domain/category.ts';

let database: TestDatabase;
let db: Db;
let tenantId: number;
let orgId: number;
let versionId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 2 });
  await migrateToLatest(db);
  tenantId = await insertRootOrganisation(db, { code: 'R1', name: 'Region Test' });
  orgId = await insertOrganisation(db, { tenantId, parentId: tenantId, code: 'N1', name: 'Nämnd', kind: 'committee' });
  await insertCategories(db, tenantId, DEFAULT_CATEGORIES);
  await insertAccounts(db, tenantId, [{ code: '3010', name: 'Avgifter', category: 'avgifter' }]);
  versionId = await insertVersion(db, { tenantId, orgId, code: 'b', name: 'Budget', kind: 'budget', firstYear: 2024, lastYear: 2025 });
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

/** Inserts lines with the given periods (imported: with an import id) in one statement; the error's code and constraint, or null. */
async function insert(periods: ReadonlyArray<string | null>, importId: number | null, project = 'P'): Promise<{ code: string; constraint: string } | null> {
  try {
    await sql`
      INSERT INTO plan_line (tenant_id, org_id, version_id, year, period, unit_id, account_code, category_code, project_code, amount_ore, sie_import_id)
      SELECT ${tenantId}, ${orgId}, ${versionId}, 2024, p, ${orgId}, '3010', 'avgifter', ${project} || ord, 100, ${importId}::bigint
        FROM unnest(${periods}::text[]) WITH ORDINALITY AS x(p, ord)`.execute(db);
    return null;
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    return { code: e.code ?? '', constraint: e.constraint ?? '' };
  }
}

describe('migration 0017', () => {
  it('refuses an imported line with a bad period, however many good lines come with it, and writes none of them', async () => {
    const before = await sql<{ n: string }>`SELECT count(*) AS n FROM plan_line`.execute(db);
    const good = Array.from({ length: 500 }, (_, i) => `2024-${String((i % 12) + 1).padStart(2, '0')}`);
    for (const bad of ['2024-13', '2024-00', '24-01', '2024-1', '2024/01', '２０２４-01']) {
      expect(await insert([...good, bad], 9, 'A'), bad).toEqual({ code: '23514', constraint: 'plan_line_period_check' });
    }
    expect((await sql<{ n: string }>`SELECT count(*) AS n FROM plan_line`.execute(db)).rows[0]?.n).toBe(before.rows[0]?.n);
    expect(await insert([...good, null], 9, 'B')).toBeNull();
  });

  it('refuses a typed line with a bad period by its CHECK, as before', async () => {
    expect(await insert(['2024-13'], null, 'C')).toEqual({ code: '23514', constraint: 'plan_line_period_check' });
    expect(await insert(['2024-12', null], null, 'D')).toBeNull();
  });

  it('refuses an update that gives an imported line a bad period', async () => {
    expect(await insert(['2024-05'], 11, 'E')).toBeNull();
    const update = sql`UPDATE plan_line SET period = '2024-13' WHERE sie_import_id = 11`.execute(db);
    await expect(update).rejects.toMatchObject({ code: '23514' });
    const kept = await sql<{ period: string }>`SELECT period FROM plan_line WHERE sie_import_id = 11`.execute(db);
    expect(kept.rows).toEqual([{ period: '2024-05' }]);
  });

  it('keeps typed lines\' ids unique and gives imported lines ids from the same identity', async () => {
    const typed = await sql<{ id: string }>`SELECT id FROM plan_line WHERE sie_import_id IS NULL LIMIT 1`.execute(db);
    const id = typed.rows[0]?.id ?? '';
    await expect(sql`
      INSERT INTO plan_line (id, tenant_id, org_id, version_id, year, period, unit_id, account_code, category_code, amount_ore)
      VALUES (${id}, ${tenantId}, ${orgId}, ${versionId}, 2025, NULL, ${orgId}, '3010', 'avgifter', 1)`.execute(db)).rejects.toMatchObject({ code: '23505' });
    const ids = await sql<{ n: string; d: string }>`SELECT count(*) AS n, count(DISTINCT id) AS d FROM plan_line`.execute(db);
    expect(ids.rows[0]?.d).toBe(ids.rows[0]?.n);
  });
});
