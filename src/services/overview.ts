// Read-side use cases of the committee overview: the summary of a year and version, the
// multi-year plan under uplift scenarios, and the result history. Each reads from repositories
// and hands the arithmetic to the domain.
import type { ServiceContext } from './context.ts';
import type { DbOrTx } from '../db/database.ts';
import { ServiceError, invalid, notFound } from './errors.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import { listCategories, listPoRates } from '../db/repositories/reference.ts';
import { findVersion, listFrames, listScenarios, type VersionRow } from '../db/repositories/versions.ts';
import { categoryTotals, yearLinesByKey } from '../db/repositories/plan-lines.ts';
import { findResultOpening, listResultNotes } from '../db/repositories/results.ts';
import { summarize, type Summary } from '../domain/summary.ts';
import { compareScenarios, type MultiYearPlan } from '../domain/multi-year.ts';
import { resultHistory, type ResultHistoryRow } from '../domain/result-history.ts';
import { ZERO_ORE, subOre, sumOre, type Ore } from '../domain/money.ts';
import type { Category } from '../domain/category.ts';
import { rateToPercent, type Rate } from '../domain/rate.ts';

export const ACTUAL_VERSION = 'actual';

export async function requireVersion(db: DbOrTx, org: OrganisationRow, code: string): Promise<VersionRow> {
  const version = await findVersion(db, org.id, code);
  if (!version) throw notFound(`Versionen ${code} finns inte för ${org.name}.`);
  return version;
}

function requireYearInVersion(version: VersionRow, year: number): void {
  if (year < version.firstYear || year > version.lastYear) {
    throw invalid('year', `År ${year} ingår inte i versionen ${version.name} (${version.firstYear}–${version.lastYear}).`);
  }
}

export type SummaryView = Summary & { readonly year: number; readonly version: VersionRow; readonly isExample: boolean };

export async function getSummary(ctx: ServiceContext, org: OrganisationRow, year: number, versionCode: string): Promise<SummaryView> {
  const version = await requireVersion(ctx.db, org, versionCode);
  requireYearInVersion(version, year);
  const [categories, totals, frames] = await Promise.all([
    listCategories(ctx.db, org.tenantId),
    categoryTotals(ctx.db, version.id, { from: year, to: year }),
    listFrames(ctx.db, org.id),
  ]);
  const frame = frames.find((f) => f.year === year);
  const summary = summarize({ amounts: totals, categories, frameOre: frame ? frame.amountOre : null });
  return { ...summary, year, version, isExample: version.isExample || org.isExample };
}

export type PlanYearTotals = {
  readonly year: number; readonly revenueOre: Ore; readonly costOre: Ore; readonly resultOre: Ore;
  readonly netCostOre: Ore; readonly frameOre: Ore | null; readonly inBalance: boolean;
};
export type PlanCategoryRow = {
  readonly category: string; readonly name: string; readonly kind: 'revenue' | 'cost';
  readonly amounts: ReadonlyArray<{ year: number; amountOre: Ore }>;
};
export type ScenarioResult = { readonly scenario: string; readonly name: string; readonly results: readonly PlanYearTotals[] };

export type PlanView = {
  readonly version: VersionRow;
  readonly baseYear: number;
  readonly years: readonly number[];
  readonly scenarios: ReadonlyArray<{ code: string; name: string; upliftPercent: number }>;
  readonly scenario: string;
  readonly rows: readonly PlanCategoryRow[];
  readonly totals: readonly PlanYearTotals[];
  readonly comparison: readonly ScenarioResult[];
  readonly isExample: boolean;
};

/** Salary accounts (löner) within the staff category; the rest of it is PO and other staff costs. */
const SALARY_ACCOUNTS = { from: '4000', to: '4499' };
const isSalaryAccount = (account: string): boolean =>
  account.padEnd(4, '0') >= SALARY_ACCOUNTS.from && account.padEnd(4, '0') <= SALARY_ACCOUNTS.to;

/**
 * The multi-year plan of a budget version: its first year is the budget year, taken as entered
 * (the base); the plan years follow from it. A scenario's uplift applies to revenue and to the
 * frame (the region's decided uplift); costs follow the version's cost uplift, and staff cost is
 * salary uplifted × (1 + PO-pålägg of the year).
 */
export async function getMultiYearPlan(ctx: ServiceContext, org: OrganisationRow, versionCode: string, scenarioCode?: string): Promise<PlanView> {
  const version = await requireVersion(ctx.db, org, versionCode);
  if (version.kind === 'actual') throw invalid('version', 'Flerårsplanen gäller en budget- eller prognosversion, inte utfallet.');
  const baseYear = version.firstYear;
  const planYears: number[] = [];
  for (let y = baseYear + 1; y <= version.lastYear; y++) planYears.push(y);
  if (planYears.length < 2) throw invalid('version', `Versionen ${version.name} har färre än två planår.`);

  const [categories, lines, frames, scenarios, poRates] = await Promise.all([
    listCategories(ctx.db, org.tenantId),
    yearLinesByKey(ctx.db, version.id, baseYear),
    listFrames(ctx.db, org.id),
    listScenarios(ctx.db, version.id),
    listPoRates(ctx.db, org.tenantId),
  ]);
  if (scenarios.length === 0) throw notFound(`Versionen ${version.name} har inga uppräkningsscenarier.`);
  const chosen = scenarioCode === undefined ? scenarios[0] : scenarios.find((s) => s.code === scenarioCode);
  if (!chosen) throw invalid('scenario', `Scenariot ${scenarioCode ?? ''} finns inte i versionen ${version.name}.`);

  const baseFrame = frames.find((f) => f.year === baseYear);
  const base = summarize({ amounts: lines, categories, frameOre: baseFrame ? baseFrame.amountOre : null });
  const baseTotals: PlanYearTotals = {
    year: baseYear, revenueOre: base.totalRevenueOre, costOre: base.totalCostOre, resultOre: base.resultOre,
    netCostOre: base.netCostOre, frameOre: base.frameOre, inBalance: base.inBalance,
  };
  const salaryBase = sumOre(lines.filter((l) => l.category === 'personal' && isSalaryAccount(l.accountCode)).map((l) => l.amountOre));
  const staff = salaryBase === ZERO_ORE ? undefined : staffAssumption(salaryBase, poRates, planYears);

  const compared = compareScenarios({
    baseYear, years: planYears, baseLines: lines, categories, ...(staff ? { staff } : {}),
  }, scenarios.map((s) => ({
    code: s.code, name: s.name, uplift: upliftByCategory(categories, s.uplift, version.costUplift),
    // The frame of the plan years: the budget year's frame uplifted by the scenario.
    ...(baseFrame ? { frames: [{ ...baseFrame, upliftRate: s.uplift }] } : {}),
  })));
  if (!compared.ok) throw new ServiceError('validation', compared.error);
  const plans = compared.value;

  const totalsOf = (plan: MultiYearPlan): PlanYearTotals[] => [baseTotals, ...plan.totals.map((t) => ({
    year: t.year, revenueOre: t.revenueOre, costOre: t.costOre, resultOre: t.resultOre,
    netCostOre: t.netCostOre, frameOre: t.frameOre, inBalance: t.inBalance,
  }))];
  const selected = plans.find((p) => p.scenario.code === chosen.code);
  if (!selected) throw new Error('scenario plan missing');
  return {
    version, baseYear, years: [baseYear, ...planYears],
    scenarios: scenarios.map((s) => ({ code: s.code, name: s.name, upliftPercent: rateToPercent(s.uplift) })),
    scenario: chosen.code,
    rows: selected.plan.byCategory.map((r) => ({
      category: r.category, name: r.name, kind: r.kind, amounts: [{ year: baseYear, amountOre: r.baseAmountOre }, ...r.amounts],
    })),
    totals: totalsOf(selected.plan),
    comparison: plans.map((p) => ({ scenario: p.scenario.code, name: p.scenario.name, results: totalsOf(p.plan) })),
    isExample: version.isExample || org.isExample,
  };
}

function upliftByCategory(categories: readonly Category[], revenueUplift: Rate, costUplift: Rate): Record<string, Rate> {
  return Object.fromEntries(categories.map((c) => [c.code, c.kind === 'revenue' ? revenueUplift : costUplift]));
}

function staffAssumption(salaryBaseOre: Ore, poRates: ReadonlyMap<number, Rate>, years: readonly number[]) {
  const poRateByYear: Record<number, Rate> = {};
  for (const y of years) {
    const rate = poRates.get(y);
    if (rate === undefined) throw invalid('poRate', `PO-pålägg saknas för ${y}. Lägg in det under Inställningar.`);
    poRateByYear[y] = rate;
  }
  return { category: 'personal', salaryBaseOre, poRateByYear };
}

export type ResultHistoryView = { readonly rows: readonly ResultHistoryRow[]; readonly isExample: boolean };

/** Yearly results from the actuals (revenue − cost per year), with the accumulated surplus. */
export async function getResultHistory(ctx: ServiceContext, org: OrganisationRow): Promise<ResultHistoryView> {
  const version = await requireVersion(ctx.db, org, ACTUAL_VERSION);
  const [categories, totals, notes, opening] = await Promise.all([
    listCategories(ctx.db, org.tenantId),
    categoryTotals(ctx.db, version.id),
    listResultNotes(ctx.db, org.id),
    findResultOpening(ctx.db, org.id),
  ]);
  const kindOf = new Map(categories.map((c) => [c.code, c.kind]));
  const byYear = new Map<number, Ore>();
  for (const t of totals) {
    const signed = kindOf.get(t.category) === 'revenue' ? t.amountOre : subOre(ZERO_ORE, t.amountOre);
    byYear.set(t.year, sumOre([byYear.get(t.year) ?? ZERO_ORE, signed]));
  }
  const noteOf = new Map(notes.map((n) => [n.year, n]));
  const years = [...byYear.keys()].filter((y) => opening === undefined || y >= opening.year).sort((a, b) => a - b);
  const rows = resultHistory(years.map((year) => {
    const n = noteOf.get(year);
    return {
      year, resultOre: byYear.get(year) ?? ZERO_ORE, actionPackage: n?.actionPackage ?? false,
      ...(n?.note ? { note: n.note } : {}),
    };
  }), opening?.surplusOre ?? ZERO_ORE);
  return { rows, isExample: version.isExample || org.isExample };
}
