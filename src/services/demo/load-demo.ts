// `ramplan demo`: loads the demo region into an empty database, in one transaction.
import type { ServiceContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { hashPassword } from '../passwords.ts';
import type { Tx } from '../../db/database.ts';
import { countOrganisations, insertOrganisation, lockOrganisations, insertRootOrganisation } from '../../db/repositories/organisations.ts';
import {
  insertAccountRanges, insertAccounts, insertCategories, insertMunicipalities, insertPopulation, insertStrategy, upsertPoRates,
} from '../../db/repositories/reference.ts';
import { insertFrames, insertScenarios, insertVersion, markVersionAdopted } from '../../db/repositories/versions.ts';
import { insertPlanLines } from '../../db/repositories/plan-lines.ts';
import { insertResultNotes, setResultOpening } from '../../db/repositories/results.ts';
import { grantRole, insertUser } from '../../db/repositories/users.ts';
import { DEFAULT_ACCOUNT_RANGES, DEFAULT_CATEGORIES, categoryForAccount } from '../../domain/category.ts';
import { oreFromKronor, type Ore } from '../../domain/money.ts';
import { rateFromPercent, type Rate } from '../../domain/rate.ts';
import { unwrap } from '../../domain/result.ts';
import {
  DEMO_ACCOUNTS, DEMO_COMMITTEE, DEMO_COST_UPLIFT_PERCENT, DEMO_FRAME_2020_TKR, DEMO_MUNICIPALITIES, DEMO_OPENING_SURPLUS,
  DEMO_ORGS, DEMO_PASSWORD, DEMO_PO_PERCENT, DEMO_REGION, DEMO_RESULT_NOTES, DEMO_RESULTS_TKR, DEMO_SCENARIOS,
  DEMO_STRATEGY, DEMO_USERS,
} from './demo-data.ts';
import { loadDemoAgreement } from './demo-agreement.ts';
import { loadDemoProjects } from './demo-projects.ts';
import { loadDemoGoals } from './demo-goals.ts';
import { actualAmounts, budget2019Amounts, budget2020Amounts, forecast2019Amounts, linesOf, type DemoLine } from './demo-lines.ts';

const rate = (percent: string): Rate => unwrap(rateFromPercent(percent));

/** When the demo's budget 2019 was adopted (illustrative). */
const ADOPTED_2019 = new Date('2018-11-27T13:00:00Z');

export type DemoSummary = { readonly organisations: number; readonly lines: number; readonly users: readonly string[] };

export async function loadDemo(ctx: ServiceContext): Promise<DemoSummary> {
  // Hash outside the transaction: scrypt is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return ctx.db.transaction().execute(async (tx) => {
    // Serialise concurrent loaders and re-check emptiness inside the transaction.
    await lockOrganisations(tx);
    const existing = await countOrganisations(tx);
    if (existing > 0) {
      throw new ServiceError('database_not_empty',
        `Databasen innehåller redan data (${existing} organisationer). Demoregionen läses bara in i en tom databas; välj en ny datamapp med --data.`);
    }
    return loadInto(tx, passwordHash);
  });
}

async function loadInto(tx: Tx, passwordHash: string): Promise<DemoSummary> {
  const tenantId = await insertRootOrganisation(tx, { code: DEMO_REGION.code, name: DEMO_REGION.name });
  const orgIds = new Map<string, number>([[DEMO_REGION.code, tenantId]]);
  for (const o of DEMO_ORGS) {
    const parentId = orgIds.get(o.parent);
    if (parentId === undefined) throw new Error(`demo org ${o.code} before its parent`);
    orgIds.set(o.code, await insertOrganisation(tx, { tenantId, parentId, code: o.code, name: o.name, kind: o.kind }));
  }
  const committeeId = orgIds.get(DEMO_COMMITTEE.code);
  if (committeeId === undefined) throw new Error('demo committee missing');

  await insertCategories(tx, tenantId, DEFAULT_CATEGORIES);
  await insertAccountRanges(tx, tenantId, DEFAULT_ACCOUNT_RANGES);
  await insertAccounts(tx, tenantId, DEMO_ACCOUNTS.map((a) => ({
    code: a.code, name: a.name, category: categoryForAccount(a.code, DEFAULT_ACCOUNT_RANGES) ?? null,
  })));
  await upsertPoRates(tx, tenantId, Object.entries(DEMO_PO_PERCENT).map(([year, p]) => ({ year: Number(year), rate: rate(p) })));
  await insertMunicipalities(tx, tenantId, DEMO_MUNICIPALITIES.map((m) => ({ code: m.code, name: m.name })));
  await insertPopulation(tx, tenantId, DEMO_MUNICIPALITIES.flatMap((m) => [
    { municipalityCode: m.code, year: 2018, population: m.pop2018 },
    { municipalityCode: m.code, year: 2024, population: m.pop2024 },
  ]));
  await insertStrategy(tx, tenantId, DEMO_STRATEGY);

  const version = (code: string, name: string, kind: 'actual' | 'budget' | 'forecast', firstYear: number, lastYear: number) =>
    insertVersion(tx, {
      tenantId, orgId: committeeId, code, name, kind, firstYear, lastYear, isExample: true,
      costUplift: rate(DEMO_COST_UPLIFT_PERCENT),
    });
  const actual = await version('actual', 'Utfall', 'actual', 2009, 2018);
  const budget2019 = await version('budget-2019', 'Budget 2019, plan 2020–2021 (beslutad)', 'budget', 2019, 2021);
  const forecast2019 = await version('prognos-2019-t1', 'Prognos 2019 efter tertial 1', 'forecast', 2019, 2019);
  const budget2020 = await version('budget-2020', 'Budget 2020, plan 2021–2022 (förslag)', 'budget', 2020, 2022);
  const scenarios = DEMO_SCENARIOS.map((s) => ({ code: s.code, name: s.name, uplift: rate(s.percent) }));
  await insertScenarios(tx, tenantId, budget2019, scenarios);
  await insertScenarios(tx, tenantId, budget2020, scenarios);

  const unitIds = (code: string): number => {
    const id = orgIds.get(code);
    if (id === undefined) throw new Error(`unknown demo unit ${code}`);
    return id;
  };
  const toRows = (versionId: number, lines: readonly DemoLine[]) => lines.map((l) => ({
    tenantId, orgId: committeeId, versionId, year: l.year, period: l.period, unitId: unitIds(l.unitCode), accountCode: l.accountCode,
    category: categoryForAccount(l.accountCode, DEFAULT_ACCOUNT_RANGES) ?? 'ovriga-kostnader',
    projectCode: null, funderCode: null, amountOre: l.amountOre,
  }));

  const frames: Array<{ year: number; amountOre: Ore; upliftRate: Rate }> = [];
  let lineCount = 0;
  for (const year of Object.keys(DEMO_RESULTS_TKR).map(Number)) {
    const amounts = actualAmounts(year);
    const lines = linesOf(year, amounts, true);
    lineCount += (await insertPlanLines(tx, toRows(actual, lines), 'demo')).length;
    frames.push({ year, amountOre: amounts.get('3510') ?? oreFromKronor(0), upliftRate: rate('0') });
  }
  const b2019 = budget2019Amounts();
  lineCount += (await insertPlanLines(tx, toRows(budget2019, linesOf(2019, b2019, false)), 'demo')).length;
  lineCount += (await insertPlanLines(tx, toRows(forecast2019, linesOf(2019, forecast2019Amounts(), false)), 'demo')).length;
  lineCount += (await insertPlanLines(tx, toRows(budget2020, linesOf(2020, budget2020Amounts(), false)), 'demo')).length;
  frames.push({ year: 2019, amountOre: b2019.get('3510') ?? oreFromKronor(0), upliftRate: rate('2') });
  frames.push({ year: 2020, amountOre: oreFromKronor(DEMO_FRAME_2020_TKR * 1_000), upliftRate: rate('1.5') });
  await insertFrames(tx, tenantId, committeeId, frames);

  await insertResultNotes(tx, tenantId, committeeId, DEMO_RESULT_NOTES.map((n) => ({ ...n })));
  await setResultOpening(tx, tenantId, committeeId, DEMO_OPENING_SURPLUS.year, oreFromKronor(DEMO_OPENING_SURPLUS.tkr * 1_000));

  for (const u of DEMO_USERS) {
    const userId = await insertUser(tx, { tenantId, username: u.username, displayName: u.displayName, passwordHash });
    await grantRole(tx, tenantId, userId, unitIds(u.org), u.role);
  }
  await loadDemoAgreement(tx, tenantId, committeeId);
  await loadDemoProjects(tx, tenantId, committeeId);
  await loadDemoGoals(tx, tenantId, committeeId);
  await markVersionAdopted(tx, budget2019, 'demo', ADOPTED_2019);
  return { organisations: orgIds.size, lines: lineCount, users: DEMO_USERS.map((u) => u.username) };
}
