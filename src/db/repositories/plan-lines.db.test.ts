// Repository tests against a real PostgreSQL: the maintained summary equals a GROUP BY over the
// lines after any sequence of writes, and the database itself freezes adopted versions and keeps
// the audit log append-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createDb, type Db } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { insertOrganisation, insertRootOrganisation } from './organisations.ts';
import { insertAccounts, insertCategories } from './reference.ts';
import { insertVersion, markVersionAdopted } from './versions.ts';
import {
  categoryTotals, categoryTotalsFromLines, deletePlanLine, insertPlanLines, updatePlanLineAmount, type NewPlanLine,
} from './plan-lines.ts';
import { appendAudit } from './audit.ts';
import { toOre } from '../convert.ts';
import { DEFAULT_CATEGORIES } from '../../domain/category.ts';
import { ore } from '../../domain/money.ts';

let database: TestDatabase;
let db: Db;
let tenantId: number;
let orgId: number;
let unitIds: number[];

const ACCOUNTS = [
  { code: '3010', name: 'Avgifter', category: 'avgifter' },
  { code: '3510', name: 'Regionbidrag', category: 'regionbidrag' },
  { code: '4010', name: 'Löner', category: 'personal' },
  { code: '5010', name: 'Lokaler', category: 'lokaler' },
];

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  await migrateToLatest(db);
  tenantId = await insertRootOrganisation(db, { code: 'R1', name: 'Region Test' });
  orgId = await insertOrganisation(db, { tenantId, parentId: tenantId, code: 'N1', name: 'Nämnd', kind: 'committee' });
  unitIds = [
    await insertOrganisation(db, { tenantId, parentId: orgId, code: 'U1', name: 'Enhet 1', kind: 'unit' }),
    await insertOrganisation(db, { tenantId, parentId: orgId, code: 'U2', name: 'Enhet 2', kind: 'unit' }),
  ];
  await insertCategories(db, tenantId, DEFAULT_CATEGORIES);
  await insertAccounts(db, tenantId, ACCOUNTS);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

let versionSeq = 0;
async function newVersion(): Promise<number> {
  versionSeq++;
  return insertVersion(db, { tenantId, orgId, code: `v${versionSeq}`, name: `Version ${versionSeq}`, kind: 'budget', firstYear: 2020, lastYear: 2022 });
}

function line(versionId: number, i: number, amount: number): NewPlanLine {
  const account = ACCOUNTS[i % ACCOUNTS.length];
  if (!account) throw new Error('no account');
  return {
    tenantId, orgId, versionId, year: 2020 + (i % 3), period: null, unitId: unitIds[(i >> 2) % 2] ?? orgId,
    accountCode: account.code, category: account.category, projectCode: i >= 24 ? `P${i}` : null, funderCode: null, amountOre: ore(amount),
  };
}

describe('the summary table', () => {
  it('equals the GROUP BY over the lines after any sequence of inserts, updates and deletes', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), slot: fc.nat(47), amount: fc.integer({ min: -1e12, max: 1e12 }) }),
      fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), amount: fc.integer({ min: -1e12, max: 1e12 }) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      const versionId = await newVersion();
      const live = new Map<number, { id: number; revision: number }>();
      const usedSlots = new Set<number>();
      for (const o of ops) {
        if (o.kind === 'insert') {
          if (usedSlots.has(o.slot)) continue;
          usedSlots.add(o.slot);
          const [id] = await insertPlanLines(db, [line(versionId, o.slot, o.amount)], 'test');
          if (id !== undefined) live.set(id, { id, revision: 1 });
          continue;
        }
        const ids = [...live.keys()];
        const target = live.get(ids[o.pick % Math.max(ids.length, 1)] ?? -1);
        if (!target) continue;
        if (o.kind === 'update') {
          const revision = await updatePlanLineAmount(db, versionId, target.id, target.revision, ore(o.amount), 'test');
          expect(revision).toBe(target.revision + 1);
          target.revision = revision ?? target.revision;
        } else {
          expect(await deletePlanLine(db, versionId, target.id, target.revision)).toBe(true);
          live.delete(target.id);
        }
      }
      expect(await categoryTotals(db, versionId)).toEqual(await categoryTotalsFromLines(db, versionId));
    }), { numRuns: 25 });
  });

  it('a bulk insert of many lines in one statement is summarised once and exactly', async () => {
    const versionId = await newVersion();
    const lines = Array.from({ length: 48 }, (_, i) => line(versionId, i, (i + 1) * 1_000_003));
    await insertPlanLines(db, lines, 'test');
    const totals = await categoryTotals(db, versionId);
    expect(totals).toEqual(await categoryTotalsFromLines(db, versionId));
    const sum = totals.reduce((a, t) => a + t.amountOre, 0);
    expect(sum).toBe(lines.reduce((a, l) => a + l.amountOre, 0));
  });

  it('a stale revision updates nothing', async () => {
    const versionId = await newVersion();
    const [id] = await insertPlanLines(db, [line(versionId, 0, 100)], 'test');
    if (id === undefined) throw new Error('no id');
    expect(await updatePlanLineAmount(db, versionId, id, 1, ore(200), 'a')).toBe(2);
    expect(await updatePlanLineAmount(db, versionId, id, 1, ore(300), 'b')).toBeUndefined();
    expect(await categoryTotals(db, versionId)).toEqual([{ year: 2020, category: 'avgifter', amountOre: 200 }]);
  });
});

describe('what the database itself refuses', () => {
  it('any change to an adopted version or its lines, even in plain SQL', async () => {
    const versionId = await newVersion();
    const [id] = await insertPlanLines(db, [line(versionId, 1, 500)], 'test');
    expect(await markVersionAdopted(db, versionId, 'test', new Date('2026-01-01T00:00:00Z'))).toBe(true);
    await expect(sql`UPDATE plan_line SET amount_ore = 1 WHERE id = ${id}`.execute(db)).rejects.toThrow(/beslutad/);
    await expect(sql`DELETE FROM plan_line WHERE id = ${id}`.execute(db)).rejects.toThrow(/beslutad/);
    await expect(insertPlanLines(db, [line(versionId, 2, 1)], 'x')).rejects.toThrow(/beslutad/);
    await expect(sql`UPDATE plan_version SET status = 'draft' WHERE id = ${versionId}`.execute(db)).rejects.toThrow(/beslutad/);
    await expect(sql`UPDATE plan_version SET name = 'Ändrad' WHERE id = ${versionId}`.execute(db)).rejects.toThrow(/beslutad/);
    await expect(sql`TRUNCATE plan_line CASCADE`.execute(db)).rejects.toThrow(/TRUNCATE/);
    expect(await categoryTotals(db, versionId)).toEqual([{ year: 2021, category: 'regionbidrag', amountOre: 500 }]);
  });

  it('updates and deletes in the audit log', async () => {
    await appendAudit(db, { tenantId, actor: 'test', action: 'x', entity: 'y', entityId: '1', before: null, after: { a: 1 } });
    await expect(sql`UPDATE audit_log SET actor = 'mallory'`.execute(db)).rejects.toThrow(/Granskningsloggen/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/Granskningsloggen/);
  });
});

describe('conversion of database values', () => {
  it('refuses a bigint beyond the safe-integer range instead of rounding it', () => {
    expect(toOre('9007199254740991')).toBe(9007199254740991);
    expect(() => toOre('9007199254740993')).toThrow(/ryms inte exakt/);
  });
});

describe('ownership of lines', () => {
  it('a line whose tenant or committee differs from its version is refused', async () => {
    const versionId = await newVersion();
    await expect(insertPlanLines(db, [{ ...line(versionId, 0, 1), orgId: unitIds[0] ?? 0 }], 'x')).rejects.toThrow(/samma organisation/);
    await expect(insertPlanLines(db, [{ ...line(versionId, 0, 1), accountCode: '9999' }], 'x')).rejects.toThrow(/Kontot 9999 finns inte/);
    await expect(insertPlanLines(db, [{ ...line(versionId, 0, 1), unitId: 987654 }], 'x')).rejects.toThrow(/Enheten 987654 finns inte/);
    await expect(insertPlanLines(db, [{ ...line(versionId, 0, 1), versionId: 987654 }], 'x')).rejects.toThrow(/finns inte/);
    expect(await categoryTotals(db, versionId)).toEqual([]);
  });

  it('what lines refer to cannot be deleted or renamed', async () => {
    const versionId = await newVersion();
    await insertPlanLines(db, [line(versionId, 3, 7)], 'x');
    await expect(sql`DELETE FROM account WHERE code = '5010'`.execute(db)).rejects.toThrow(/budgetrader/);
    await expect(sql`DELETE FROM plan_version WHERE id = ${versionId}`.execute(db)).rejects.toThrow(/budgetrader/);
    await expect(sql`UPDATE account SET code = '5011' WHERE code = '5010'`.execute(db)).rejects.toThrow(/kan inte ändras/);
  });
});
