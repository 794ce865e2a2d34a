// Figure 2: the multi-year plan of 10 000 base lines under three uplift scenarios in the domain core,
// wired as src/services/overview.ts wires it (revenue follows the scenario, costs the version's cost
// uplift, staff as salaries × (1 + PO), the base year's frame uplifted by the scenario), against a
// plain loop that does the minimal work: uplift every line year by year and sum it per category.
import { categoryForAccount, DEFAULT_ACCOUNT_RANGES, DEFAULT_CATEGORIES, type Category } from '../src/domain/category.ts';
import { ore, type Ore } from '../src/domain/money.ts';
import { compareScenarios, type MultiYearPlan } from '../src/domain/multi-year.ts';
import { PPM, rateFromPercent, type Rate } from '../src/domain/rate.ts';
import { unwrap } from '../src/domain/result.ts';
import { median, sampleInterleaved } from './measure.ts';
import { figure, type Figure } from './report.ts';

export type MultiYearBenchOptions = { readonly lines: number; readonly runs: number; readonly warmup: number };

const BASE_YEAR = 2020;
const PLAN_YEARS = [2021, 2022, 2023];
const rate = (percent: string): Rate => unwrap(rateFromPercent(percent));
const SCENARIOS = [{ code: '0', uplift: rate('0') }, { code: '1.5', uplift: rate('1.5') }, { code: '3', uplift: rate('3') }];
const COST_UPLIFT = rate('2.0');
const PO_BY_YEAR: Record<number, Rate> = { 2021: rate('46.15'), 2022: rate('46.15'), 2023: rate('46.40') };
/** One account per category range of the default chart; 4010 is a salary account, 4510 other staff cost. */
const ACCOUNTS = ['3010', '3110', '3510', '3560', '3610', '3660', '3710', '4010', '4510', '5010', '5110', '7010', '7110', '7310', '7410'];
const UNITS = 40;

type BaseLine = { readonly key: string; readonly category: string; readonly accountCode: string; readonly amountOre: Ore };

function baseLines(count: number): BaseLine[] {
  return Array.from({ length: count }, (_, i) => {
    const accountCode = ACCOUNTS[i % ACCOUNTS.length] ?? '5110';
    const unit = Math.floor(i / ACCOUNTS.length) % UNITS;
    const project = Math.floor(i / (ACCOUNTS.length * UNITS));
    const category = categoryForAccount(accountCode, DEFAULT_ACCOUNT_RANGES);
    if (category === undefined) throw new Error(`account ${accountCode} has no category`);
    return { key: `u${unit}|${accountCode}|p${project}|`, category, accountCode, amountOre: ore(100_000 + ((i * 7919) % 5_000_000)) };
  });
}

function upliftByCategory(categories: readonly Category[], revenue: Rate): Record<string, Rate> {
  return Object.fromEntries(categories.map((c) => [c.code, c.kind === 'revenue' ? revenue : COST_UPLIFT]));
}

/** The three plans, as getMultiYearPlan builds them (compareScenarios, a frame per scenario). */
function planScenarios(lines: readonly BaseLine[]): MultiYearPlan[] {
  const categories = DEFAULT_CATEGORIES;
  let salaryBase = 0;
  let frameBase = 0;
  for (const l of lines) {
    if (l.category === 'personal' && l.accountCode >= '4000' && l.accountCode <= '4499') salaryBase += l.amountOre;
    if (l.category === 'regionbidrag') frameBase += l.amountOre;
  }
  const staff = { category: 'personal', salaryBaseOre: ore(salaryBase), poRateByYear: PO_BY_YEAR };
  const compared = compareScenarios(
    { baseYear: BASE_YEAR, years: PLAN_YEARS, baseLines: lines, categories, staff },
    SCENARIOS.map((s) => ({
      code: s.code, name: `Uppräkning ${s.code} %`, uplift: upliftByCategory(categories, s.uplift),
      frames: [{ year: BASE_YEAR, amountOre: ore(frameBase), upliftRate: s.uplift }],
    })),
  );
  if (!compared.ok) throw new Error(`compareScenarios refused the bench input: ${compared.error}`);
  return compared.value.map((c) => c.plan);
}

/** The floor: per scenario, each line uplifted year by year (float multiply, rounded) and summed per category. */
function plainLoop(amounts: Float64Array, categoryIndex: Uint8Array, factors: readonly Float64Array[], categoryCount: number): number {
  let checksum = 0;
  const years = PLAN_YEARS.length;
  for (const factor of factors) {
    const totals = new Float64Array(categoryCount * years);
    for (let i = 0; i < amounts.length; i++) {
      const c = categoryIndex[i] ?? 0;
      const f = factor[c] ?? 1;
      let a = amounts[i] ?? 0;
      for (let y = 0; y < years; y++) {
        a = Math.round(a * f);
        totals[c * years + y] = (totals[c * years + y] ?? 0) + a;
      }
    }
    for (const t of totals) checksum += t;
  }
  return checksum;
}

export async function runMultiYearBench(o: MultiYearBenchOptions): Promise<{ figures: Figure[]; setup: Record<string, number | string> }> {
  const lines = baseLines(o.lines);
  const catIndex = new Map(DEFAULT_CATEGORIES.map((c, i) => [c.code, i]));
  const amounts = Float64Array.from(lines, (l) => l.amountOre);
  const categoryIndex = Uint8Array.from(lines, (l) => catIndex.get(l.category) ?? 0);
  const factors = SCENARIOS.map((s) => Float64Array.from(DEFAULT_CATEGORIES, (c) => 1 + (c.kind === 'revenue' ? s.uplift : COST_UPLIFT) / PPM));

  // Sinks keep the optimiser from dropping work whose result is unused.
  let sink = 0;
  const samples = await sampleInterleaved({
    plans: () => { sink += planScenarios(lines).length; },
    floor: () => { sink += plainLoop(amounts, categoryIndex, factors, DEFAULT_CATEGORIES.length); },
  }, { runs: o.runs, warmup: o.warmup });
  if (sink === 0) throw new Error('no work done');

  const yearsText = `${PLAN_YEARS[0] ?? ''}–${PLAN_YEARS[PLAN_YEARS.length - 1] ?? ''}`;
  return {
    figures: [figure({
      id: '2', name: `multi-year plan, ${o.lines.toLocaleString('en')} lines × ${SCENARIOS.length} scenarios, ${yearsText}`,
      medianMs: median(samples.plans), runs: o.runs,
      floorName: `plain loop: ${SCENARIOS.length} × ${o.lines.toLocaleString('en')} × ${PLAN_YEARS.length} uplift+sum`,
      floorMedianMs: median(samples.floor), aimMs: 20,
    })],
    setup: { baseYear: BASE_YEAR, planYears: yearsText, baseLines: o.lines, scenarios: SCENARIOS.map((s) => s.code).join(', ') },
  };
}
