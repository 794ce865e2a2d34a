// The numbers of an underlag, gathered from the database through the read-side services: the summary
// of the actual year and of the budget year, the multi-year plan under every uplift scenario, the
// result history, the municipal contributions of the collaboration agreement (with the year of the
// population figures its key uses), the goals table and the project financing table. What the data
// cannot answer is left out, and the report shows a visible placeholder for it (never a crash).
import type { ServiceContext } from './context.ts';
import { ServiceError, invalid } from './errors.ts';
import { ACTUAL_VERSION, getMultiYearPlan, getResultHistory, getSummary, requireVersion, type PlanView, type SummaryView } from './overview.ts';
import { contributionsForUnderlag, getAgreement } from './agreements.ts';
import { goalsTableForUnderlag } from './goals.ts';
import { projectFinancingTable } from './projects.ts';
import { listTenantPopulation } from '../db/repositories/agreements.ts';
import { listKoladaValues } from '../db/repositories/kolada.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import { findVersion, listVersions, type VersionRow } from '../db/repositories/versions.ts';
import { formatNumberSv } from '../domain/format.ts';
import { ZERO_ORE } from '../domain/money.ts';
import type {
  GoalData, MultiYearPlanData, MunicipalContributionsData, PlanScenarioData, ProjectFinancingRow, SummaryEntry, UnderlagData,
} from '../reports/index.ts';

/** What an underlag reports: its budget year and plan version, and the last year with actuals. */
export type UnderlagScope = { readonly version: VersionRow; readonly budgetYear: number; readonly actualYear: number };

/**
 * The plan version and actual year of an underlag for `budgetYear`. Without a version code, the
 * budget version that starts in the budget year (an open proposal before an adopted one); the actual
 * year is the last year of actuals before the budget year (2018 for the budget 2020 in the seed).
 */
export async function resolveScope(ctx: ServiceContext, org: OrganisationRow, budgetYear: number, versionCode?: string, actualYear?: number): Promise<UnderlagScope> {
  let version: VersionRow;
  if (versionCode !== undefined) {
    version = await requireVersion(ctx.db, org, versionCode);
    if (version.kind === 'actual') throw invalid('version', 'Version: underlaget redovisar en budgetversion, inte utfallet.');
    if (budgetYear < version.firstYear || budgetYear > version.lastYear) {
      throw invalid('year', `År: ${budgetYear} ingår inte i versionen ${version.name} (${version.firstYear}–${version.lastYear}).`);
    }
  } else {
    const candidates = (await listVersions(ctx.db, org.id)).filter((v) => v.kind === 'budget' && v.firstYear === budgetYear);
    const chosen = candidates.find((v) => v.status !== 'adopted') ?? candidates[0];
    if (!chosen) throw invalid('year', `År: ${org.name} har ingen budgetversion som börjar ${budgetYear}. Ange en version.`);
    version = chosen;
  }
  let actual = actualYear;
  if (actual === undefined) {
    const actuals = await findVersion(ctx.db, org.id, ACTUAL_VERSION);
    actual = actuals ? Math.min(actuals.lastYear, budgetYear - 1) : budgetYear - 2;
  }
  if (actual >= budgetYear || actual < budgetYear - 10) throw invalid('actualYear', `Utfallsår: välj ett år före budgetåret ${budgetYear} (högst tio år före).`);
  return { version, budgetYear, actualYear: actual };
}

/** Expected refusals of the read services (a year outside a version, no scenarios) mean "not available". */
async function optional<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ServiceError && error.code !== 'database_unavailable') return undefined;
    throw error;
  }
}

function versionName(v: VersionRow): string {
  switch (v.kind) {
    case 'actual': return 'Utfall';
    case 'budget': return v.status === 'adopted' ? 'Budget' : 'Budgetförslag';
    case 'forecast': return 'Prognos';
    case 'scenario': return 'Scenario';
  }
}

const entry = (s: SummaryView): SummaryEntry => ({
  year: s.year, versionCode: s.version.code, versionName: versionName(s.version),
  summary: {
    revenue: s.revenue, costs: s.costs, totalRevenueOre: s.totalRevenueOre, totalCostOre: s.totalCostOre, resultOre: s.resultOre,
    netCostOre: s.netCostOre, frameOre: s.frameOre, inBalance: s.inBalance, balanceReasons: s.balanceReasons,
  },
});

function scenarioData(view: PlanView): PlanScenarioData {
  const meta = view.scenarios.find((s) => s.code === view.scenario);
  return {
    code: view.scenario, name: meta?.name ?? view.scenario, upliftPercent: meta?.upliftPercent ?? 0,
    rows: view.rows.map((r) => ({ category: r.category, name: r.name, kind: r.kind, amounts: r.amounts })),
    totals: view.totals,
  };
}

async function multiYearPlan(ctx: ServiceContext, org: OrganisationRow, versionCode: string): Promise<MultiYearPlanData | undefined> {
  const first = await optional(() => getMultiYearPlan(ctx, org, versionCode));
  if (!first) return undefined;
  const others = await Promise.all(first.scenarios.filter((s) => s.code !== first.scenario)
    .map((s) => getMultiYearPlan(ctx, org, versionCode, s.code)));
  const byCode = new Map([first, ...others].map((v) => [v.scenario, scenarioData(v)]));
  return {
    years: first.years, mainScenario: first.scenario,
    scenarios: first.scenarios.map((s) => byCode.get(s.code)).filter((s): s is PlanScenarioData => s !== undefined),
  };
}

type PopulationFigure = { readonly municipalityCode: string; readonly year: number; readonly population: number };

/**
 * The year of the population figures a key uses: the latest year, not after the contribution year,
 * whose figures (SCB, 31 December) equal the key for every municipality. The key stores populations
 * only, so the year is found where those figures came from (the tenant's population table, Kolada
 * N01951); a key entered by hand that matches no stored year has no known year (undefined).
 */
export function keyPopulationYear(
  key: ReadonlyArray<{ readonly municipalityCode: string; readonly population: number }>, contributionYear: number, figures: readonly PopulationFigure[],
): number | undefined {
  if (key.length === 0) return undefined;
  const byYear = new Map<number, Map<string, number>>();
  for (const f of figures) {
    if (f.year > contributionYear) continue;
    const year = byYear.get(f.year) ?? new Map<string, number>();
    year.set(f.municipalityCode, f.population);
    byYear.set(f.year, year);
  }
  const years = [...byYear.keys()].sort((a, b) => b - a);
  return years.find((y) => key.every((k) => byYear.get(y)?.get(k.municipalityCode) === k.population));
}

async function municipalContributions(ctx: ServiceContext, org: OrganisationRow, year: number): Promise<MunicipalContributionsData | undefined> {
  const c = await optional(() => contributionsForUnderlag(ctx, org, year));
  if (!c) return undefined;
  const [detail, population, kolada] = await Promise.all([
    getAgreement(ctx, org, c.agreement.id), listTenantPopulation(ctx.db, org.tenantId), listKoladaValues(ctx.db, org.tenantId, 'N01951'),
  ]);
  // A key from Kolada is N01951 of the year before by construction (keyFromKolada); any other key is
  // matched against the stored figures it was taken from.
  const source = detail.years.find((y) => y.year === year)?.keySource ?? null;
  const populationYear = source === 'kolada' ? year - 1 : keyPopulationYear(c.rows, year, [
    ...population,
    ...kolada.filter((k) => k.gender === 'T' && k.value !== null).map((k) => ({ municipalityCode: k.area, year: k.year, population: Math.round(k.value ?? 0) })),
  ]);
  return {
    year: c.year,
    ...(populationYear === undefined ? {} : { populationYear }),
    rows: c.rows.map((r) => ({ code: r.municipalityCode, name: r.name, population: r.population, amountOre: r.amountOre })),
  };
}

/** The decimals that show every one of the values exactly, up to two: 82,0 beside 79,7, never 82. */
function decimalsFor(values: ReadonlyArray<number | null>): number {
  let d = 0;
  for (const v of values) {
    if (v === null || Number.isInteger(v)) continue;
    d = Math.max(d, Number.isInteger(v * 10) ? 1 : 2);
  }
  return d;
}

/** A number as the goals table prints it: Swedish, up to two decimals, with its unit ("80,4 %", "3 möten"). */
export function indicatorValue(value: number, unit: string, decimals = decimalsFor([value])): string {
  const n = formatNumberSv(value, decimals);
  if (unit === '' || unit === 'antal') return n;
  return `${n}\u00a0${unit}`;
}

/** The baseline as the goals service gives it ("80.4 (2017)") in Swedish with its unit ("80,4 % (2017)"). */
function baselineText(baseline: string, unit: string): string | null {
  const m = /^(-?\d+(?:\.\d+)?) \((\d{4})\)$/.exec(baseline.trim());
  if (m?.[1] !== undefined && m[2] !== undefined) return `${indicatorValue(Number(m[1]), unit)} (${m[2]})`;
  return baseline.trim() === '' ? null : baseline;
}

/** "80,9 % (2019-Å); kvinnor 79,7 %, män 82,0 %": the latest outcome, its period, and women and men where recorded. */
function outcomeText(i: { unit: string; outcome: number | null; outcomePeriod: string | null; women: number | null; men: number | null }): string | null {
  if (i.outcome === null) return null;
  const d = decimalsFor([i.outcome, i.women, i.men]);
  // No-break spaces inside each part, so a narrow column breaks between the parts, not inside them.
  const total = `${indicatorValue(i.outcome, i.unit, d)}${i.outcomePeriod === null ? '' : `\u00a0(${i.outcomePeriod})`}`;
  if (i.women === null || i.men === null) return total;
  return `${total}; kvinnor\u00a0${indicatorValue(i.women, i.unit, d)}, män\u00a0${indicatorValue(i.men, i.unit, d)}`;
}

async function goals(ctx: ServiceContext, org: OrganisationRow, year: number): Promise<GoalData[] | undefined> {
  const table = await optional(() => goalsTableForUnderlag(ctx, org, year));
  if (!table || table.length === 0) return undefined;
  return table.map((g) => ({
    goal: g.goal,
    strategy: g.subStrategies.length === 0 ? null : g.subStrategies.join('; '),
    assessment: g.assessment === null ? null : `${g.assessment.label} (${g.assessment.period})`,
    indicators: g.indicators.map((i) => ({
      name: i.name,
      baseline: baselineText(i.baseline, i.unit),
      target: i.target === null ? null : `${indicatorValue(i.target, i.unit)} (${String(year)})`,
      outcome: outcomeText(i),
      source: i.source,
    })),
  }));
}

async function projectFinancing(ctx: ServiceContext, org: OrganisationRow, year: number): Promise<ProjectFinancingRow[] | undefined> {
  const projects = await optional(() => projectFinancingTable(ctx, org, year));
  if (!projects || projects.length === 0) return undefined;
  // One row per project, funder and financing type of the year; a project without financing that year still shows.
  return projects.flatMap((p) => (p.funders.length === 0
    ? [{ project: p.name, funder: '–', financingType: '–', period: p.period, status: p.statusLabel, amountOre: ZERO_ORE }]
    : p.funders.map((f) => ({ project: p.name, funder: f.name, financingType: f.typeName, period: p.period, status: p.statusLabel, amountOre: f.amountOre }))));
}

/** The live numbers of an underlag, as of now. */
export async function gatherUnderlagData(ctx: ServiceContext, org: OrganisationRow, scope: UnderlagScope): Promise<UnderlagData> {
  const [actual, budget, plan, history, contributions, goalRows, projects] = await Promise.all([
    optional(() => getSummary(ctx, org, scope.actualYear, ACTUAL_VERSION)),
    optional(() => getSummary(ctx, org, scope.budgetYear, scope.version.code)),
    multiYearPlan(ctx, org, scope.version.code),
    optional(() => getResultHistory(ctx, org)),
    municipalContributions(ctx, org, scope.budgetYear),
    goals(ctx, org, scope.budgetYear),
    projectFinancing(ctx, org, scope.budgetYear),
  ]);
  const summaries = [actual, budget].filter((s): s is SummaryView => s !== undefined).map(entry);
  return {
    summaries,
    ...(plan ? { multiYearPlan: plan } : {}),
    ...(history ? { resultHistory: history.rows.filter((r) => r.year <= scope.actualYear) } : {}),
    ...(contributions ? { municipalContributions: contributions } : {}),
    ...(goalRows ? { goals: goalRows } : {}),
    ...(projects ? { projectFinancing: projects } : {}),
  };
}

/** Local time 'YYYY-MM-DDTHH:MM' in Sweden, for the report's "generated at". */
export function swedishLocalTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
