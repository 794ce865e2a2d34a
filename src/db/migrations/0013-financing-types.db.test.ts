// Migration 0013 on a database that already holds financing rows: each row gets its funder's default
// financing type (the same rule the domain reads rows by), and a funder may then give two types in a year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createDb, type Db } from '../database.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { FUNDERS, defaultFinancingType } from '../../domain/projects.ts';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-sie-import.ts';
import * as m0003 from './0003-goals-agreements-projects.ts';
import * as m0004 from './0004-underlag.ts';
import * as m0005 from './0005-audit-chain.ts';
import * as m0006 from './0006-roles-and-workflow.ts';
import * as m0007 from './0007-identity.ts';
import * as m0008 from './0008-import-speed.ts';
import * as m0009 from './0009-issue4-gaps.ts';
import * as m0010 from './0010-import-speed-2.ts';
import * as m0013 from './0013-financing-types.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 2 });
  const plain = db as unknown as Kysely<unknown>;
  for (const m of [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010]) await m.up(plain);
  await sql`INSERT INTO organisation (id, tenant_id, code, name, kind) VALUES (1, 1, 'R', 'Region', 'region')`.execute(db);
  await sql`INSERT INTO project (id, tenant_id, org_id, code, name, programme, status, start_period, end_period, flat_rate, claim_interval_months, payment_lag_days)
            VALUES (1, 1, 1, 'P', 'Projekt', 'ERUF Övre Norrland', 'planerat', '2021-01', '2021-12', 'none', 6, 80)`.execute(db);
  for (const f of FUNDERS) {
    await sql`INSERT INTO project_financing (tenant_id, project_id, funder, year, amount_ore) VALUES (1, 1, ${f.code}, 2021, 100)`.execute(db);
  }
  await m0013.up(plain);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('migration 0013 (financing types)', () => {
  it('gives each existing row its funder\'s default type: EU support from the EU funds, private from private parties, public cash from the rest', async () => {
    const rows = await db.selectFrom('project_financing').select(['funder', 'financing_type']).orderBy('funder').execute();
    expect(Object.fromEntries(rows.map((r) => [r.funder, r.financing_type]))).toEqual(Object.fromEntries(FUNDERS.map((f) => [f.code, defaultFinancingType(f)])));
    expect(rows.find((r) => r.funder === 'eruf')?.financing_type).toBe('eu');
    expect(rows.find((r) => r.funder === 'kommuner')?.financing_type).toBe('public-cash');
  });

  it('lets a funder give cash and in kind in the same year, refuses an unknown type', async () => {
    await sql`INSERT INTO project_financing (tenant_id, project_id, funder, financing_type, year, amount_ore) VALUES (1, 1, 'kommuner', 'public-in-kind', 2021, 5)`.execute(db);
    await expect(sql`INSERT INTO project_financing (tenant_id, project_id, funder, financing_type, year, amount_ore) VALUES (1, 1, 'kommuner', 'kontant', 2021, 5)`.execute(db)).rejects.toThrow(/project_financing_type_known/);
    await expect(sql`INSERT INTO project_financing (tenant_id, project_id, funder, year, amount_ore) VALUES (1, 1, 'vinnova', 2022, 5)`.execute(db)).rejects.toThrow(/financing_type/);
  });
});
