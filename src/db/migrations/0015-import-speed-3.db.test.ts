// Migration 0015: the period CHECK without a regular expression accepts and refuses exactly what the
// regular expression did (the same strings through both, in the database itself), the table refuses
// a bad period, and plan_line's ids come 1 000 at a time.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 2 });
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const OLD = '^[0-9]{4}-(0[1-9]|1[0-2])$';

async function verdicts(periods: readonly string[]): Promise<Array<{ p: string; old: boolean; now: boolean; fn: boolean }>> {
  const r = await sql<{ p: string; old: boolean; now: boolean; fn: boolean }>`
    SELECT p, p ~ ${OLD} AS old,
      coalesce(length(p) = 7 AND substr(p, 5, 1) = '-' AND translate(p, '0123456789', '') = '-' AND substr(p, 6, 2) BETWEEN '01' AND '12', false) AS now,
      -- The function imported lines are checked with (migration 0017): the same rule.
      plan_line_period_ok(p) AS fn
    FROM unnest(${periods}::text[]) AS p`.execute(db);
  return r.rows;
}

describe('migration 0015', () => {
  it('the new period rule agrees with the old regular expression (edge cases and random strings)', async () => {
    const edges = ['2020-01', '2020-12', '0000-01', '9999-09', '2020-00', '2020-13', '2020-1', '20201-01', '2020-001', '2020_01', '202a-01',
      '2020-0a', ' 2020-01', '2020-01 ', '2020--1', '-2020-01', '2020-1-', '２０２０-01', '2020-١٢', '', '2020-10', '2020-11', '2020-19'];
    for (const v of await verdicts(edges)) { expect(v.now, v.p).toBe(v.old); expect(v.fn, v.p).toBe(v.old); }
    const alphabet = fc.constantFrom('0', '1', '2', '9', '-', 'a', ' ', '٣', 'Å');
    await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit: alphabet, minLength: 5, maxLength: 9 }), { minLength: 1, maxLength: 200 }), async (ps) => {
      for (const v of await verdicts(ps)) { expect(v.now, JSON.stringify(v.p)).toBe(v.old); expect(v.fn, JSON.stringify(v.p)).toBe(v.old); }
    }), { numRuns: 30 });
    // Valid periods as the generator rarely makes them.
    const valid = Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}`);
    expect((await verdicts(valid)).every((v) => v.now && v.old && v.fn)).toBe(true);
  });

  it('the stored constraint refuses a bad period of a typed line and passes a good one and none', async () => {
    const constraint = await sql<{ def: string }>`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'plan_line_period_check'`.execute(db);
    expect(constraint.rows[0]?.def).toContain('translate');
    // Since migration 0017 the CHECK covers typed lines (sie_import_id NULL); imported ones: 0017's test.
    const checked = (period: string | null) => sql`SELECT 1 FROM (SELECT ${period}::text AS period, NULL::bigint AS sie_import_id) x WHERE NOT (${sql.raw(constraint.rows[0]?.def.replace(/^CHECK /, '') ?? 'false')})`.execute(db);
    expect((await checked('2020-13')).rows).toHaveLength(1);
    expect((await checked('2020-12')).rows).toHaveLength(0);
    expect((await checked(null)).rows).toHaveLength(0);
  });

  it('gives plan_line ids 1 000 at a time', async () => {
    const r = await sql<{ cache_size: string }>`SELECT cache_size FROM pg_sequences WHERE sequencename = 'plan_line_id_seq'`.execute(db);
    expect(Number(r.rows[0]?.cache_size)).toBe(1000);
  });
});
