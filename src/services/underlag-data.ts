// The numbers of an underlag, gathered from the database through the read-side services: the summary
// of the actual year and of the budget year, the multi-year plan under every uplift scenario, the
// result history, and the municipal contributions of the collaboration agreement. What the data
// cannot answer is left out, and the report shows a visible placeholder for it (never a crash).
import type { ServiceContext } from './context.ts';
import { ServiceError, invalid } from './errors.ts';
import { ACTUAL_VERSION, getMultiYearPlan, getResultHistory, getSummary, requireVersion, type PlanView, type SummaryView } from './overview.ts';
import { contributionsForUnderlag } from './agreements.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import { findVersion, listVersions, type VersionRow } from '../db/repositories/versions.ts';
import type { MultiYearPlanData, MunicipalContributionsData, PlanScenarioData, SummaryEntry, UnderlagData } from '../reports/index.ts';

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

async function municipalContributions(ctx: ServiceContext, org: OrganisationRow, year: number): Promise<MunicipalContributionsData | undefined> {
  const c = await optional(() => contributionsForUnderlag(ctx, org, year));
  if (!c) return undefined;
  return {
    year: c.year,
    // The agreement keeps its key per contribution year, not the year of the population figures; the
    // latest SCB figure when a budget is drafted is that of 31 December two years before.
    populationYear: year - 2,
    rows: c.rows.map((r) => ({ code: r.municipalityCode, name: r.name, population: r.population, amountOre: r.amountOre })),
  };
}

/** The live numbers of an underlag, as of now. */
export async function gatherUnderlagData(ctx: ServiceContext, org: OrganisationRow, scope: UnderlagScope): Promise<UnderlagData> {
  const [actual, budget, plan, history, contributions] = await Promise.all([
    optional(() => getSummary(ctx, org, scope.actualYear, ACTUAL_VERSION)),
    optional(() => getSummary(ctx, org, scope.budgetYear, scope.version.code)),
    multiYearPlan(ctx, org, scope.version.code),
    optional(() => getResultHistory(ctx, org)),
    municipalContributions(ctx, org, scope.budgetYear),
  ]);
  const summaries = [actual, budget].filter((s): s is SummaryView => s !== undefined).map(entry);
  return {
    summaries,
    ...(plan ? { multiYearPlan: plan } : {}),
    ...(history ? { resultHistory: history.rows.filter((r) => r.year <= scope.actualYear) } : {}),
    ...(contributions ? { municipalContributions: contributions } : {}),
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
