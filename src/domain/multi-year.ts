// The multi-year plan (budget year + plan years, kommunallagen 11 kap.): base-year amounts uplifted
// year by year per category, staff as salaries × (1 + PO-pålägg), frames, and the balance per year.
//
// Decisions:
// - Compounding: each calendar year after the base year uplifts the previous year's amount and rounds
//   to whole öre by the rule, per line. So a line's amount in a year is what a controller gets by
//   uplifting last year's figure, and category totals are sums of the lines (they always add up).
//   A gap between the base year and the budget year (planning starts 1,5 years ahead) is uplifted
//   through the years in between.
// - Staff (when `staff` is given): the staff category's uplift is applied to the salary base, and that
//   year's PO rate on top (PO is a rate per year, not compounded). The category total replaces the
//   uplifted staff lines; it is split over the staff lines pro rata to their base amounts by largest
//   remainder, or put on one line with key STAFF_LINE_KEY when there are no staff lines to carry it.
// - Frames: a year's frame is the frame given for it; a year without one gets the latest earlier frame
//   uplifted by that frame's `upliftRate` for each year in between; with no earlier frame it is null.
// - Uplift given per category: categories not named get `defaultUplift` (0 when absent).
import { allocateSigned } from './allocate.ts';
import type { Category, CategoryCode, CategoryKind } from './category.ts';
import { NBSP } from './format.ts';
import type { Ore } from './money.ts';
import { ore, ZERO_ORE } from './money.ts';
import type { Frame } from './plan.ts';
import type { Rate } from './rate.ts';
import { makeUplifter, PPM, rateToPercentText, upliftBy, ZERO_RATE } from './rate.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import type { BalanceReason } from './summary.ts';
import { balanceCheck, DEFAULT_FRAME_CATEGORY } from './summary.ts';

export const MAX_UPLIFT_PPM = 30_000; // 3 %: the span the revenue uplift has kept to (docs/DOMAIN.md)
export const MIN_PLAN_YEARS = 2;
export const MAX_PLAN_YEARS = 4;
export const MAX_YEARS_AFTER_BASE = 10;
export const STAFF_LINE_KEY = 'personal:lönesumma';
export const DEFAULT_STAFF_CATEGORY: CategoryCode = 'personal';

export type UpliftSpec = Rate | Readonly<Record<CategoryCode, Rate>>;

export type StaffInput = {
  /** Default 'personal'. */
  readonly category?: CategoryCode | undefined;
  /** The salaries of the base year (without PO). */
  readonly salaryBaseOre: Ore;
  /** PO-pålägg per plan year (SKR sets it yearly; it differs for regions and municipalities). */
  readonly poRateByYear: Readonly<Record<number, Rate>>;
};

export type MultiYearInput = {
  readonly baseYear: number;
  /** The budget year and the plan years, each after the base year, ascending (2–4 years). */
  readonly years: readonly number[];
  readonly baseLines: ReadonlyArray<{ readonly key: string; readonly category: CategoryCode; readonly amountOre: Ore }>;
  readonly categories: readonly Category[];
  readonly uplift: UpliftSpec;
  /** The uplift of categories not named when `uplift` is per category; default 0. */
  readonly defaultUplift?: Rate | undefined;
  readonly staff?: StaffInput | undefined;
  readonly frames?: ReadonlyArray<Frame> | undefined;
  /** The revenue category that is the frame money itself; default 'regionbidrag'. */
  readonly frameCategory?: CategoryCode | undefined;
};

export type YearAmount = { readonly year: number; readonly amountOre: Ore };
export type MultiYearLine = {
  readonly key: string;
  readonly category: CategoryCode;
  readonly baseAmountOre: Ore;
  readonly amounts: YearAmount[];
};
export type MultiYearCategoryRow = {
  readonly category: CategoryCode;
  readonly name: string;
  readonly kind: CategoryKind;
  readonly baseAmountOre: Ore;
  readonly amounts: YearAmount[];
};
export type MultiYearTotals = {
  readonly year: number;
  readonly revenueOre: Ore;
  readonly costOre: Ore;
  readonly resultOre: Ore;
  readonly netCostOre: Ore;
  readonly frameOre: Ore | null;
  readonly inBalance: boolean;
  readonly balanceReasons: BalanceReason[];
};
export type MultiYearPlan = {
  readonly years: number[];
  readonly lines: MultiYearLine[];
  readonly byCategory: MultiYearCategoryRow[];
  readonly totals: MultiYearTotals[];
};

const percentText = (r: Rate): string => `${rateToPercentText(r)}${NBSP}%`;

function validateYears(baseYear: number, years: readonly number[]): string[] {
  const errors: string[] = [];
  if (!Number.isInteger(baseYear)) errors.push(`Basåret "${String(baseYear)}" är inget år`);
  if (years.length < MIN_PLAN_YEARS || years.length > MAX_PLAN_YEARS) {
    errors.push(`Flerårsplanen ska ha ${String(MIN_PLAN_YEARS)}–${String(MAX_PLAN_YEARS)} år (budgetår och planår), inte ${String(years.length)}`);
  }
  years.forEach((y, i) => {
    if (!Number.isInteger(y)) errors.push(`"${String(y)}" är inget år`);
    else if (y <= baseYear) errors.push(`År ${String(y)} ligger inte efter basåret ${String(baseYear)}`);
    else if (y > baseYear + MAX_YEARS_AFTER_BASE) errors.push(`År ${String(y)} ligger mer än ${String(MAX_YEARS_AFTER_BASE)} år efter basåret ${String(baseYear)}`);
    const prev = years[i - 1];
    if (prev !== undefined && y <= prev) errors.push(`Åren ska vara stigande och olika (${String(prev)}, ${String(y)})`);
  });
  return errors;
}

function resolveUplift(input: Pick<MultiYearInput, 'uplift' | 'defaultUplift' | 'categories'>, errors: string[]): Map<CategoryCode, Rate> {
  const byCode = new Map<CategoryCode, Rate>();
  const check = (rate: Rate, what: string): void => {
    if (!Number.isSafeInteger(rate) || rate < 0 || rate > MAX_UPLIFT_PPM) {
      errors.push(`Uppräkningen ${what} är ${percentText(rate)}; den ska ligga mellan 0 och 3 %`);
    }
  };
  const { uplift, categories } = input;
  if (typeof uplift === 'number') {
    check(uplift, 'för alla kategorier');
    for (const c of categories) byCode.set(c.code, uplift);
    return byCode;
  }
  const fallback = input.defaultUplift ?? ZERO_RATE;
  check(fallback, 'för övriga kategorier');
  const names = new Map(categories.map((c) => [c.code, c.name] as const));
  for (const [code, rate] of Object.entries(uplift)) {
    const name = names.get(code);
    if (name === undefined) errors.push(`Uppräkning anges för en okänd kategori "${code}"`);
    else check(rate, `för ${name}`);
  }
  for (const c of categories) byCode.set(c.code, uplift[c.code] ?? fallback);
  return byCode;
}

/** The frame of each plan year (see the decisions above). */
export function framesForYears(frames: ReadonlyArray<Frame>, years: readonly number[]): Array<Ore | null> {
  const sorted = [...frames].sort((a, b) => a.year - b.year);
  return years.map((year) => {
    let latest: Frame | undefined;
    for (const f of sorted) if (f.year <= year) latest = f;
    if (!latest) return null;
    let amount = latest.amountOre;
    for (let y = latest.year; y < year; y++) amount = upliftBy(amount, latest.upliftRate);
    return amount;
  });
}

/** Uplifts from the base year to each plan year, rounding every calendar year. */
function upliftPath(base: Ore, uplifter: ((a: Ore) => Ore) | null, baseYear: number, years: readonly number[]): YearAmount[] {
  const out: YearAmount[] = [];
  let amount = base;
  let year = baseYear;
  for (const target of years) {
    // null: a 0 % uplift, the identity; skipping it keeps the common no-uplift scenario cheap.
    if (uplifter) for (; year < target; year++) amount = uplifter(amount);
    year = target;
    out.push({ year: target, amountOre: amount });
  }
  return out;
}

type SharedInput = Omit<MultiYearInput, 'uplift'>;

// Everything but the uplift: checked once even when several scenarios share the input.
function validateShared(input: SharedInput): string[] {
  const errors = validateYears(input.baseYear, input.years);
  const catByCode = new Map(input.categories.map((c) => [c.code, c] as const));
  const seenKeys = new Set<string>();
  for (const line of input.baseLines) {
    if (seenKeys.has(line.key)) errors.push(`Raden "${line.key}" förekommer mer än en gång`);
    seenKeys.add(line.key);
    if (!catByCode.has(line.category)) errors.push(`Raden "${line.key}" har en okänd kategori "${line.category}"`);
  }
  const staff = input.staff;
  if (staff) {
    const staffCategory = staff.category ?? DEFAULT_STAFF_CATEGORY;
    const cat = catByCode.get(staffCategory);
    if (!cat) errors.push(`Personalkategorin "${staffCategory}" finns inte`);
    else if (cat.kind !== 'cost') errors.push(`Personalkategorin "${staffCategory}" måste vara en kostnad`);
    for (const y of input.years) {
      const po = staff.poRateByYear[y];
      if (po === undefined) errors.push(`PO-pålägg saknas för år ${String(y)}`);
      else if (!Number.isSafeInteger(po) || po < 0 || po > PPM) errors.push(`PO-pålägget för år ${String(y)} är ${percentText(po)}; det ska ligga mellan 0 och 100 %`);
    }
    if (seenKeys.has(STAFF_LINE_KEY)) errors.push(`Radnyckeln "${STAFF_LINE_KEY}" är reserverad för lönesumman`);
  }
  return errors;
}

// The calculation proper, on input already validated.
function computePlan(input: SharedInput, uplift: ReadonlyMap<CategoryCode, Rate>): MultiYearPlan {
  const { baseYear, years, categories } = input;
  const staff = input.staff;
  const staffCategory = staff ? (staff.category ?? DEFAULT_STAFF_CATEGORY) : undefined;
  const uplifters = new Map<CategoryCode, ((a: Ore) => Ore) | null>();
  for (const [code, rate] of uplift) uplifters.set(code, rate === 0 ? null : makeUplifter(rate));

  // Amounts per line and year in one flat array of plain numbers (the hot loop: 10 000 lines ×
  // years × scenarios). The per-line objects of the result are only built if someone reads them.
  const ny = years.length;
  const baseLines = input.baseLines;
  const catIndex = new Map(categories.map((c, i) => [c.code, i] as const));
  const upliftersByIndex = categories.map((c) => uplifters.get(c.code) ?? null);
  const flat = new Float64Array(baseLines.length * ny);
  const lineCat = new Int32Array(baseLines.length);
  const staffLineIndexes: number[] = [];
  for (let i = 0; i < baseLines.length; i++) {
    const line = baseLines[i];
    if (!line) continue;
    const ci = catIndex.get(line.category) ?? 0;
    lineCat[i] = ci;
    if (line.category === staffCategory) {
      staffLineIndexes.push(i);
      continue;
    }
    const up = upliftersByIndex[ci] ?? null;
    let amount: Ore = line.amountOre;
    let year = baseYear;
    for (let y = 0; y < ny; y++) {
      const target = years[y] ?? year;
      // null: a 0 % uplift, the identity; skipping it keeps the common no-uplift scenario cheap.
      if (up) for (; year < target; year++) amount = up(amount);
      year = target;
      flat[i * ny + y] = amount;
    }
  }

  let extraStaffLine: MultiYearLine | undefined;
  if (staff && staffCategory !== undefined) {
    const salaries = upliftPath(staff.salaryBaseOre, uplifters.get(staffCategory) ?? null, baseYear, years);
    const staffTotals = salaries.map((s) => upliftBy(s.amountOre, staff.poRateByYear[s.year] ?? ZERO_RATE));
    const weights = staffLineIndexes.map((i) => baseLines[i]?.amountOre ?? ZERO_ORE);
    const canSplit = weights.length > 0 && weights.reduce((a, b) => a + b, 0) !== 0;
    if (canSplit) {
      for (let yi = 0; yi < ny; yi++) {
        const parts = allocateSigned(staffTotals[yi] ?? 0, weights) ?? [];
        staffLineIndexes.forEach((li, k) => { flat[li * ny + yi] = parts[k] ?? 0; });
      }
    } else {
      extraStaffLine = { key: STAFF_LINE_KEY, category: staffCategory, baseAmountOre: ZERO_ORE, amounts: years.map((year, i) => ({ year, amountOre: staffTotals[i] ?? ZERO_ORE })) };
    }
  }

  // Category totals: a committee's amounts are far below 2^53 öre (90 000 mnkr), and ore() refuses
  // any total that is not a safe integer.
  const baseSums = new Array<number>(categories.length).fill(0);
  const sums = new Array<number>(categories.length * ny).fill(0);
  for (let i = 0; i < baseLines.length; i++) {
    const ci = lineCat[i] ?? 0;
    baseSums[ci] = (baseSums[ci] ?? 0) + (baseLines[i]?.amountOre ?? 0);
    for (let y = 0; y < ny; y++) sums[ci * ny + y] = (sums[ci * ny + y] ?? 0) + (flat[i * ny + y] ?? 0);
  }
  if (extraStaffLine) {
    const ci = catIndex.get(extraStaffLine.category) ?? 0;
    extraStaffLine.amounts.forEach((a, y) => { sums[ci * ny + y] = (sums[ci * ny + y] ?? 0) + a.amountOre; });
  }

  let materialised: MultiYearLine[] | undefined;
  const lines = (): MultiYearLine[] => {
    if (materialised) return materialised;
    materialised = baseLines.map((line, i) => ({
      key: line.key, category: line.category, baseAmountOre: line.amountOre,
      amounts: years.map((year, y) => ({ year, amountOre: ore(flat[i * ny + y] ?? 0) })),
    }));
    if (extraStaffLine) materialised.push(extraStaffLine);
    return materialised;
  };

  const ordered = categories
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.kind === b.c.kind ? a.c.order - b.c.order : a.c.kind === 'revenue' ? -1 : 1));
  const byCategory: MultiYearCategoryRow[] = ordered.map(({ c, i }) => ({
    category: c.code,
    name: c.name,
    kind: c.kind,
    baseAmountOre: ore(baseSums[i] ?? 0),
    amounts: years.map((year, y) => ({ year, amountOre: ore(sums[i * ny + y] ?? 0) })),
  }));

  const frameCategory = input.frameCategory ?? DEFAULT_FRAME_CATEGORY;
  const frames = framesForYears(input.frames ?? [], years);
  const totals: MultiYearTotals[] = years.map((year, y) => {
    let revenue = 0;
    let cost = 0;
    let frameRevenue = 0;
    for (const row of byCategory) {
      const a = row.amounts[y]?.amountOre ?? 0;
      if (row.kind === 'revenue') revenue += a;
      else cost += a;
      if (row.kind === 'revenue' && row.category === frameCategory) frameRevenue += a;
    }
    const resultOre = ore(revenue - cost);
    const netCostOre = ore(cost - (revenue - frameRevenue));
    const frameOre = frames[y] ?? null;
    const check = balanceCheck(resultOre, netCostOre, frameOre);
    return { year, revenueOre: ore(revenue), costOre: ore(cost), resultOre, netCostOre, frameOre, inBalance: check.inBalance, balanceReasons: check.reasons };
  });

  const plan = { years: [...years], byCategory, totals } as Omit<MultiYearPlan, 'lines'> & { lines: MultiYearLine[] };
  Object.defineProperty(plan, 'lines', { get: lines, enumerable: true });
  return plan;
}

/** The multi-year plan, or every input problem in Swedish (joined by line breaks). */
export function multiYearPlan(input: MultiYearInput): Result<MultiYearPlan> {
  const errors = validateShared(input);
  const uplift = resolveUplift(input, errors);
  if (errors.length > 0) return err(errors.join('\n'));
  return ok(computePlan(input, uplift));
}

export type Scenario = {
  readonly code: string;
  readonly name: string;
  readonly uplift: Rate | Readonly<Record<CategoryCode, Rate>>;
  /** For per-category uplift: the rate of categories not named (default the input's, else 0). */
  readonly defaultUplift?: Rate | undefined;
  /** The frames under this scenario (a scenario often uplifts the frame too); default the input's. */
  readonly frames?: ReadonlyArray<Frame> | undefined;
};
export type ScenarioPlan = { readonly scenario: Scenario; readonly plan: MultiYearPlan };

/** Each scenario's plan on the same base, side by side in the order given. */
export function compareScenarios(
  input: Omit<MultiYearInput, 'uplift'>,
  scenarios: readonly Scenario[],
): Result<ScenarioPlan[]> {
  const shared = validateShared(input);
  if (shared.length > 0) return err(shared.join('\n'));
  const codes = new Set<string>();
  const out: ScenarioPlan[] = [];
  for (const scenario of scenarios) {
    if (codes.has(scenario.code)) return err(`Scenariokoden "${scenario.code}" förekommer mer än en gång`);
    codes.add(scenario.code);
    const errors: string[] = [];
    const uplift = resolveUplift(
      { categories: input.categories, uplift: scenario.uplift, defaultUplift: scenario.defaultUplift ?? input.defaultUplift },
      errors,
    );
    if (errors.length > 0) return err(`Scenario "${scenario.name}": ${errors.join('\n')}`);
    const scenarioInput = scenario.frames === undefined ? input : { ...input, frames: scenario.frames };
    out.push({ scenario, plan: computePlan(scenarioInput, uplift) });
  }
  return ok(out);
}
