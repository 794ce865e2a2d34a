// SIE import end to end against a real PostgreSQL: every fixture either refused or imported with
// golden figures (sie-import.golden.json; regenerate with UPDATE_GOLDEN=1 and read the diff), a
// re-import that replaces instead of adding, a failed import that changes nothing, the sign
// convention, and the round trip demo → export → import into a fresh database.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { categoryTotals, categoryTotalsFromLines } from '../db/repositories/plan-lines.ts';
import { findOrganisationByCode } from '../db/repositories/organisations.ts';
import { findVersion } from '../db/repositories/versions.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createServiceContext, type ServiceContext } from './context.ts';
import { loadDemo } from './demo/load-demo.ts';
import { ServiceError } from './errors.ts';
import { exportSie } from './sie-export.ts';
import { importSieFile } from './sie-import.ts';
import type { Day } from '../domain/period.ts';

const FIXTURES = path.resolve('..', 'shared', 'fixtures', 'sie');
const GOLDEN = path.resolve('src/services/sie-import.golden.json');
let tmp: string;
const opened: Array<{ db: Db; database: TestDatabase }> = [];

async function freshDb(): Promise<{ db: Db; ctx: ServiceContext }> {
  const database = await createTestDatabase();
  const db = createDb(database.url, { max: 3 });
  await migrateToLatest(db);
  opened.push({ db, database });
  return { db, ctx: createServiceContext(db) };
}

/** Row counts of every table an import touches: "nothing written" means these are unchanged. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['organisation', 'category', 'account_range', 'account', 'plan_version', 'plan_line', 'actual_line', 'actual_account', 'plan_summary', 'sie_import', 'sie_balance', 'sie_unit_map', 'audit_log'];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]?.n);
  }
  return out;
}

beforeAll(async () => { tmp = await mkdtemp(path.join(os.tmpdir(), 'ramplan-sie-')); });
afterAll(async () => {
  for (const o of opened) { await o.db.destroy(); await o.database.drop(); }
  await rm(tmp, { recursive: true, force: true });
});

type Golden = Record<string, {
  status: 'imported' | 'refused' | 'failed'; firstError?: string; actualsFrom?: string; actualLines?: number; budgetLines?: number; balances?: number;
  units?: number; projects?: number; unmapped?: number; mismatches?: number; actualTotalOre?: number;
}>;

describe('every fixture', () => {
  it('is refused with a reason or imported with its golden figures, and the summary equals the lines', async () => {
    const files = readdirSync(FIXTURES).filter((f) => !f.endsWith('.tsv')).sort();
    const got: Golden = {};
    for (const file of files) {
      const { db, ctx } = await freshDb();
      const before = await tableCounts(db);
      const outcome = await importSieFile(ctx, { file: path.join(FIXTURES, file), actor: 'test' }).catch((error: unknown) => {
        // Read without errors but with nothing to import (SIE 5's SieEntry sample: a chart, no year, no amounts).
        if (error instanceof ServiceError) return { status: 'failed' as const, message: error.message };
        throw error;
      });
      if (outcome.status === 'failed') {
        got[file] = { status: 'failed', firstError: outcome.message };
        expect(await tableCounts(db), file).toEqual(before);
        continue;
      }
      if (outcome.status === 'refused') {
        const err = outcome.inspection.problems.find((p) => p.level === 'error');
        got[file] = { status: 'refused', firstError: err?.code ?? '' };
        expect(await tableCounts(db), file).toEqual(before);
        continue;
      }
      const r = outcome.result;
      let actualTotalOre = 0;
      if (r.actualVersion !== null) {
        const org = await findOrganisationByCode(db, r.org.code);
        const v = org ? await findVersion(db, org.id, r.actualVersion) : undefined;
        if (!v) throw new Error('no actual version');
        const summary = await categoryTotals(db, v.id);
        expect(summary, file).toEqual(await categoryTotalsFromLines(db, v.id));
        actualTotalOre = summary.reduce((s, t) => s + t.amountOre, 0);
      }
      got[file] = {
        status: 'imported', actualsFrom: r.actualsFrom, actualLines: r.actualLines, budgetLines: r.budgetLines, balances: r.balances,
        units: r.createdUnits.length, projects: r.projects, unmapped: r.unmappedAccounts.length,
        mismatches: r.checks.reduce((s, c) => s + c.mismatches, 0), actualTotalOre,
      };
      await db.destroy();
      opened.pop();
    }
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, `${JSON.stringify(got, null, 2)}\n`);
    expect(got).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden);
  }, 300_000);
});

describe('importing into one database', () => {
  it('a second import of the same company and year replaces the first; the history keeps both', async () => {
    const { db, ctx } = await freshDb();
    const file = path.join(FIXTURES, 'sieg_typ4E_norstedts_ksumma.se');
    const first = await importSieFile(ctx, { file, actor: 'test' });
    if (first.status !== 'imported') throw new Error('refused');
    const org = await findOrganisationByCode(db, first.result.org.code);
    const v = org ? await findVersion(db, org.id, 'actual') : undefined;
    if (!org || !v) throw new Error('missing');
    const once = await categoryTotals(db, v.id);
    const second = await importSieFile(ctx, { file, actor: 'test' });
    if (second.status !== 'imported') throw new Error('refused');
    expect(second.result.org.code).toBe(first.result.org.code);
    expect(second.result.replaced).toEqual([first.result.importId]);
    expect(await categoryTotals(db, v.id)).toEqual(once);
    const history = await sql<{ id: string; status: string; replaced_by: string | null }>`SELECT id, status, replaced_by FROM sie_import ORDER BY id`.execute(db);
    expect(history.rows.map((r) => [Number(r.id), r.status, r.replaced_by === null ? null : Number(r.replaced_by)])).toEqual([
      [first.result.importId, 'replaced', second.result.importId], [second.result.importId, 'imported', null],
    ]);
    const owners = await sql<{ id: string | null }>`SELECT DISTINCT sie_import_id AS id FROM plan_line_all WHERE version_id = ${v.id}`.execute(db);
    expect(owners.rows.map((r) => Number(r.id))).toEqual([second.result.importId]);
  });

  it('revenue and cost are positive in Ramplan; balance accounts are kept for reconciliation, not as lines', async () => {
    const { db, ctx } = await freshDb();
    const outcome = await importSieFile(ctx, { file: path.join(FIXTURES, 'sieg_typ4E_norstedts_ksumma.se'), actor: 'test' });
    if (outcome.status !== 'imported') throw new Error('refused');
    const r = await sql<{ account_code: string; s: string }>`SELECT account_code, sum(amount_ore) AS s FROM plan_line_all GROUP BY 1`.execute(db);
    const sums = new Map(r.rows.map((x) => [x.account_code, Number(x.s)]));
    expect(sums.get('3010')).toBeGreaterThan(0); // sales: credit in SIE
    expect([...sums.keys()].some((a) => a.startsWith('1') || a.startsWith('2'))).toBe(false);
    const res = await sql<{ amount_ore: string }>`SELECT amount_ore FROM sie_balance WHERE kind = 'RES' AND account = '3010'`.execute(db);
    expect(Number(res.rows[0]?.amount_ore)).toBe(-(sums.get('3010') ?? 0));
  });

  it('a file that fails (wrong #KSUMMA) writes nothing; with ignoreChecksum it imports', async () => {
    const { db, ctx } = await freshDb();
    const text = readFileSync(path.join(FIXTURES, 'sieg_typ4E_norstedts_ksumma.se'));
    const broken = Buffer.from(text.toString('latin1').replace('2312331.81', '2312331.82'), 'latin1');
    const file = path.join(tmp, 'broken.se');
    await writeFile(file, broken);
    const before = await tableCounts(db);
    const refused = await importSieFile(ctx, { file, actor: 'test' });
    expect(refused.status).toBe('refused');
    expect(refused.inspection.problems.some((p) => p.code === 'checksum-mismatch' && p.line !== null)).toBe(true);
    expect(await tableCounts(db)).toEqual(before);
    const forced = await importSieFile(ctx, { file, actor: 'test', ignoreChecksum: true });
    expect(forced.status).toBe('imported');
  });
});

describe('round trip', () => {
  it('the demo\'s actuals exported as SIE 3 and imported into a fresh database give the same summary totals', async () => {
    const a = await freshDb();
    await loadDemo(a.ctx);
    const run = await findOrganisationByCode(a.db, 'RUN');
    const actualA = run ? await findVersion(a.db, run.id, 'actual') : undefined;
    if (!run || !actualA) throw new Error('demo missing');
    const exported = await exportSie(a.ctx, { year: 2018, orgCode: 'RUN', program: { name: 'Ramplan', version: 'test' } }, '2026-01-15' as Day);
    expect(exported.replacements).toEqual([]);
    const file = path.join(tmp, 'run-2018.se');
    await writeFile(file, exported.bytes);

    const b = await freshDb();
    const imported = await importSieFile(b.ctx, { file, actor: 'test' });
    if (imported.status !== 'imported') throw new Error(JSON.stringify(imported.inspection.problems));
    expect(imported.result.createdOrganisation).toBe(true);
    expect(imported.result.checks.every((c) => c.mismatches === 0)).toBe(true);
    expect(imported.result.createdUnits.map((u) => u.code).sort()).toEqual(['RUF-KUL', 'RUF-LED', 'RUF-NAR', 'RUF-SAM', 'RUN-POL']);
    const org = await findOrganisationByCode(b.db, imported.result.org.code);
    const actualB = org ? await findVersion(b.db, org.id, 'actual') : undefined;
    if (!actualB) throw new Error('no actual version');
    const year = { from: 2018, to: 2018 };
    expect(await categoryTotals(b.db, actualB.id, year)).toEqual(await categoryTotals(a.db, actualA.id, year));
    const perUnit = async (db: Db, versionId: number) => (await sql<{ code: string; s: string }>`
      SELECT u.code, sum(l.amount_ore) AS s FROM plan_line_all l JOIN organisation u ON u.id = l.unit_id
       WHERE l.version_id = ${versionId} AND l.year = 2018 GROUP BY 1 ORDER BY 1`.execute(db)).rows;
    expect(await perUnit(b.db, actualB.id)).toEqual(await perUnit(a.db, actualA.id));
  });
});
