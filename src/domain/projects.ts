// Externally financed projects: funders and their maximum shares, the EU cost budget (staff as unit
// cost, flat rates on direct staff cost), the financing plan, and the checks that must hold before
// a project leaves the draft status. Every check returns a Swedish message naming what is wrong;
// nothing is silently corrected.
import { allocateLargestRemainder } from './allocate.ts';
import { addOre, mulOre, ore, subOre, sumOre, ZERO_ORE, type Ore } from './money.ts';
import { applyRate, rateFromPpm, upliftCompounded, type Rate } from './rate.ts';
import { divRoundHalfAwayFromZero } from './rounding.ts';
import { formatKr, formatRate } from './format.ts';
import type { FieldError } from './agreement.ts';

export type ProjectStatus = 'planerat' | 'ansokt' | 'beviljat' | 'avslutat';
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['planerat', 'ansokt', 'beviljat', 'avslutat'];

export function projectStatusLabel(s: ProjectStatus): string {
  switch (s) {
    case 'planerat': return 'Planerat (utkast)';
    case 'ansokt': return 'Ansökt';
    case 'beviljat': return 'Beviljat';
    case 'avslutat': return 'Avslutat';
  }
}

/** Only a draft may break a rule: an application, a granted or a closed project must hold them all. */
export const isDraftStatus = (s: ProjectStatus): boolean => s === 'planerat';

export type FlatRate = 'none' | '15' | '40';

export function flatRateLabel(f: FlatRate): string {
  switch (f) {
    case 'none': return 'Ingen schablon (faktiska kostnader)';
    case '15': return 'Schablon 15 % för indirekta kostnader på direkta personalkostnader';
    case '40': return 'Schablon 40 % för alla övriga kostnader på direkta personalkostnader';
  }
}

/** The EU cost categories entered by hand; staff comes from the staff rows, flat rates are derived. */
export type CostCategory = 'externa-tjanster' | 'resor' | 'utrustning' | 'investeringar' | 'ovriga';
export const COST_CATEGORIES: ReadonlyArray<{ code: CostCategory; name: string; account: string }> = [
  { code: 'externa-tjanster', name: 'Externa tjänster', account: '6410' },
  { code: 'resor', name: 'Resor och logi', account: '5810' },
  { code: 'utrustning', name: 'Utrustning', account: '6550' },
  { code: 'investeringar', name: 'Investeringar', account: '6550' },
  { code: 'ovriga', name: 'Övriga kostnader', account: '6410' },
];
export const STAFF_ACCOUNT = '4010';

export type Funder = {
  readonly code: string; readonly name: string; readonly maxSharePpm: number; readonly account: string | null; readonly external: boolean;
  /** The highest maximum share a project may set for this funder (a rule, not a call's terms). */
  readonly ceilingPpm: number;
};

/**
 * The funders and what they allow (DOMAIN.md): ERUF typically up to 50 % EU support; ESF+ with 46 %
 * co-financing required (so 54 % support); regional project funds (1:1) at most 50 %. Interreg
 * Aurora's 65 % is the programme's usual maximum and must be checked against the call. `account` is
 * the revenue account the plan gets the funding on; own funding is no revenue (the frame pays it).
 */
export const FUNDERS: readonly Funder[] = [
  { code: 'eruf', name: 'ERUF Övre Norrland (EU)', maxSharePpm: 500_000, account: '3710', external: true, ceilingPpm: 1_000_000 },
  { code: 'esf', name: 'ESF+ (EU)', maxSharePpm: 540_000, account: '3710', external: true, ceilingPpm: 1_000_000 },
  { code: 'interreg', name: 'Interreg Aurora (EU)', maxSharePpm: 650_000, account: '3710', external: true, ceilingPpm: 1_000_000 },
  { code: 'regional-1-1', name: 'Regionala projektmedel (1:1)', maxSharePpm: 500_000, account: '3720', external: true, ceilingPpm: 500_000 },
  { code: 'tillvaxtverket', name: 'Tillväxtverket', maxSharePpm: 1_000_000, account: '3720', external: true, ceilingPpm: 1_000_000 },
  { code: 'vinnova', name: 'Vinnova', maxSharePpm: 1_000_000, account: '3720', external: true, ceilingPpm: 1_000_000 },
  { code: 'kommuner', name: 'Kommuner', maxSharePpm: 1_000_000, account: '3730', external: true, ceilingPpm: 1_000_000 },
  { code: 'privat', name: 'Privat finansiering', maxSharePpm: 1_000_000, account: '3990', external: true, ceilingPpm: 1_000_000 },
  { code: 'egen', name: 'Egen finansiering (nämndens ram)', maxSharePpm: 1_000_000, account: null, external: false, ceilingPpm: 1_000_000 },
];

export const findFunder = (code: string): Funder | undefined => FUNDERS.find((f) => f.code === code);

export const PROGRAMMES = [
  'ERUF Övre Norrland', 'ESF+', 'Interreg Aurora', 'Regionala projektmedel (1:1)', 'Vinnova', 'Tillväxtverket', 'Kommuner', 'Egen',
] as const;

/** Hours of a full year in EU staff unit costs. */
export const ANNUAL_HOURS = 1_720;

/** Staff unit cost per hour: monthly salary × 12 / 1 720 h, rounded to whole öre by the rule. */
export function staffHourlyRate(monthlySalary: Ore): Ore {
  return ore(Number(divRoundHalfAwayFromZero(BigInt(monthlySalary) * 12n, BigInt(ANNUAL_HOURS))));
}

/** The yearly uplift of the staff unit cost in EU budgets (DOMAIN.md): 2,4 %. */
export const STAFF_UPLIFT_PPM = 24_000;

/**
 * The unit cost per hour in a project year: the hourly rate of the monthly salary (as of the project's
 * first year), uplifted `upliftPpm` once for every year after the first, rounded to whole öre each year.
 */
export function staffUnitCost(monthlySalary: Ore, year: number, firstYear: number, upliftPpm: number): Ore {
  return upliftCompounded(staffHourlyRate(monthlySalary), rateFromPpm(upliftPpm), Math.max(0, year - firstYear));
}

/** A project's own maximum share for a funder, where the call differs from the funder's default. */
export type FunderShare = { readonly funder: string; readonly maxSharePpm: number };

/** The maximum share that applies to `funder` in a project: the project's own value, else the funder's default. */
export function maxShareFor(shares: readonly FunderShare[], funder: Funder): number {
  return shares.find((s) => s.funder === funder.code)?.maxSharePpm ?? funder.maxSharePpm;
}

/** A project's maximum shares and staff uplift: each within what the funder's rules allow, each naming its field. */
export function validateProjectTerms(shares: readonly FunderShare[], upliftPpm: number): FieldError[] {
  const issues: FieldError[] = [];
  if (!Number.isSafeInteger(upliftPpm) || upliftPpm < 0 || upliftPpm > 100_000) {
    issues.push({ field: 'staffUpliftPercent', message: 'Uppräkning av enhetskostnaden: ange 0–10 % per år (2,4 % enligt EU:s modell).' });
  }
  const seen = new Set<string>();
  for (const s of shares) {
    const funder = findFunder(s.funder);
    if (!funder) {
      issues.push({ field: 'maxShares', message: `Högsta andel: finansiären "${s.funder}" finns inte.` });
      continue;
    }
    if (seen.has(s.funder)) issues.push({ field: 'maxShares', message: `Högsta andel: ${funder.name} förekommer två gånger.` });
    seen.add(s.funder);
    if (!Number.isSafeInteger(s.maxSharePpm) || s.maxSharePpm < 0 || s.maxSharePpm > funder.ceilingPpm) {
      const ceiling = formatRate(rateFromPpm(funder.ceilingPpm), 0).replace(/\u00a0/g, ' ');
      issues.push({ field: 'maxShares', message: `Högsta andel: ${funder.name} får stå för högst ${ceiling} av ett projekts kostnader; ange 0–${ceiling}.` });
    }
  }
  return issues;
}

export type StaffRow = { readonly role: string; readonly year: number; readonly monthlySalaryOre: Ore; readonly hours: number };
export type CostRow = { readonly year: number; readonly category: CostCategory; readonly amountOre: Ore };
export type FinancingRow = { readonly funder: string; readonly year: number; readonly amountOre: Ore };

export type ProjectPlan = {
  readonly startPeriod: string; readonly endPeriod: string; readonly flatRate: FlatRate;
  readonly staff: readonly StaffRow[]; readonly costs: readonly CostRow[]; readonly financing: readonly FinancingRow[];
  /** Yearly uplift of the staff unit cost in ppm (STAFF_UPLIFT_PPM by default). */
  readonly staffUpliftPpm: number;
  /** The project's own maximum shares; a funder not named here has its default. */
  readonly maxShares: readonly FunderShare[];
};

/** The unit cost per hour of a staff row in its year, uplifted from the project's first year. */
export function staffRowRate(p: Pick<ProjectPlan, 'startPeriod' | 'staffUpliftPpm'>, s: StaffRow): Ore {
  return staffUnitCost(s.monthlySalaryOre, s.year, Number(p.startPeriod.slice(0, 4)), p.staffUpliftPpm);
}

export type YearBudget = {
  readonly year: number; readonly staffOre: Ore; readonly directOtherOre: Ore; readonly flatRateOre: Ore;
  readonly totalOre: Ore; readonly financingOre: Ore; readonly externalOre: Ore;
};

const FLAT: Record<FlatRate, Rate> = { none: rateFromPpm(0), '15': rateFromPpm(150_000), '40': rateFromPpm(400_000) };

export function projectYears(p: Pick<ProjectPlan, 'startPeriod' | 'endPeriod'>): number[] {
  const years: number[] = [];
  for (let y = Number(p.startPeriod.slice(0, 4)); y <= Number(p.endPeriod.slice(0, 4)); y++) years.push(y);
  return years;
}

/** The cost budget per year: staff at unit cost, other direct costs, the flat rate on staff, and financing. */
export function projectBudget(p: ProjectPlan): YearBudget[] {
  return projectYears(p).map((year) => {
    const staffOre = sumOre(p.staff.filter((s) => s.year === year).map((s) => mulOre(staffRowRate(p, s), s.hours)));
    const directOtherOre = sumOre(p.costs.filter((c) => c.year === year).map((c) => c.amountOre));
    const flatRateOre = applyRate(staffOre, FLAT[p.flatRate]);
    const rows = p.financing.filter((f) => f.year === year);
    return {
      year, staffOre, directOtherOre, flatRateOre, totalOre: sumOre([staffOre, directOtherOre, flatRateOre]),
      financingOre: sumOre(rows.map((f) => f.amountOre)),
      externalOre: sumOre(rows.filter((f) => findFunder(f.funder)?.external !== false).map((f) => f.amountOre)),
    };
  });
}

const kr = (o: Ore): string => formatKr(o).replace(/\u00a0/g, ' ');

/** Every rule the project breaks, each a Swedish sentence naming its field. Empty means it may be applied for. */
export function checkProject(p: ProjectPlan): FieldError[] {
  const issues: FieldError[] = [];
  const years = new Set(projectYears(p));
  const period = `${p.startPeriod}–${p.endPeriod}`;
  for (const s of p.staff) if (!years.has(s.year)) issues.push({ field: 'staff', message: `Personal: ${s.role} ${s.year} ligger utanför projektperioden ${period}.` });
  for (const c of p.costs) if (!years.has(c.year)) issues.push({ field: 'costs', message: `Kostnader: ${c.year} ligger utanför projektperioden ${period}.` });
  for (const f of p.financing) {
    if (!years.has(f.year)) issues.push({ field: 'financing', message: `Finansiering: ${f.year} ligger utanför projektperioden ${period}.` });
    if (!findFunder(f.funder)) issues.push({ field: 'financing', message: `Finansiering: finansiären "${f.funder}" är okänd.` });
  }
  if (p.flatRate === '40') {
    const other = p.costs.filter((c) => c.amountOre !== 0);
    if (other.length > 0) {
      const c = other[0];
      const name = COST_CATEGORIES.find((x) => x.code === c?.category)?.name ?? '';
      issues.push({ field: 'costs', message: `Kostnader: schablonen 40 % täcker alla kostnader utöver personal, så ${name.toLowerCase()} ${c?.year ?? ''} (${kr(c?.amountOre ?? ZERO_ORE)}) får inte budgeteras vid sidan av.` });
    }
  }
  const budget = projectBudget(p);
  for (const y of budget) {
    if (y.financingOre !== y.totalOre) {
      const diff = subOre(y.totalOre, y.financingOre);
      issues.push({
        field: 'financing',
        message: `Finansiering: ${y.year} är finansieringen ${kr(y.financingOre)} men kostnaden ${kr(y.totalOre)} (${diff > 0 ? `${kr(diff)} saknas` : `${kr(subOre(ore(0), diff))} för mycket`}).`,
      });
    }
  }
  const totalCost = sumOre(budget.map((y) => y.totalOre));
  for (const funder of FUNDERS) {
    const amount = sumOre(p.financing.filter((f) => f.funder === funder.code).map((f) => f.amountOre));
    const maxPpm = maxShareFor(p.maxShares, funder);
    if (amount === 0 || maxPpm >= 1_000_000) continue;
    // amount / cost > max ⇔ amount × 10^6 > max × cost, in integers.
    if (totalCost === 0 || BigInt(amount) * 1_000_000n > BigInt(maxPpm) * BigInt(totalCost)) {
      const sharePpm = totalCost === 0 ? 1_000_000 : Number(divRoundHalfAwayFromZero(BigInt(amount) * 1_000_000n, BigInt(totalCost)));
      issues.push({
        field: 'financing',
        message: `Finansiering: ${funder.name} står för ${formatRate(rateFromPpm(sharePpm), 1).replace(/\u00a0/g, ' ')} av kostnaderna; högst ${formatRate(rateFromPpm(maxPpm), maxPpm % 10_000 === 0 ? 0 : 1).replace(/\u00a0/g, ' ')} är tillåtet${maxPpm === funder.maxSharePpm ? '' : ' i det här projektet'}.`,
      });
    }
  }
  return issues;
}

export type PlanFeedYear = { readonly year: number; readonly revenueOre: Ore; readonly costOre: Ore };

/**
 * What a project brings into the committee's plan per year: the external financing as revenue and
 * the direct costs (staff and other direct costs). The flat rate is not a new cost: it reimburses
 * overhead the committee already has, so it is revenue without a matching cost line.
 */
export function projectPlanFeed(p: ProjectPlan): PlanFeedYear[] {
  return projectBudget(p).map((y) => ({ year: y.year, revenueOre: y.externalOre, costOre: addOre(y.staffOre, y.directOtherOre) }));
}

/** The external revenue that stops when the project ends: flagged in the year it ends (if before December) and the year after. */
export function endingRevenueFlags(name: string, p: ProjectPlan): Array<{ year: number; message: string; amountOre: Ore }> {
  const feed = projectPlanFeed(p);
  const endYear = Number(p.endPeriod.slice(0, 4));
  const endMonth = Number(p.endPeriod.slice(5, 7));
  const last = feed.find((f) => f.year === endYear);
  if (!last || last.revenueOre === 0) return [];
  const flags = [{ year: endYear + 1, amountOre: last.revenueOre, message: `Projektet ${name} slutade ${p.endPeriod}: intäkterna ${kr(last.revenueOre)} från ${endYear} finns inte längre.` }];
  if (endMonth < 12) {
    flags.unshift({ year: endYear, amountOre: last.revenueOre, message: `Projektet ${name} slutar ${p.endPeriod}: projektintäkterna upphör efter ${endMonth} av årets månader.` });
  }
  return flags;
}

/** Splits a yearly amount over the project's months of that year, so the months add up to the year. */
export function monthsOfYear(p: Pick<ProjectPlan, 'startPeriod' | 'endPeriod'>, year: number): string[] {
  const months: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const period = `${year}-${String(m).padStart(2, '0')}`;
    if (period >= p.startPeriod && period <= p.endPeriod) months.push(period);
  }
  return months;
}

export function spreadOverMonths(p: Pick<ProjectPlan, 'startPeriod' | 'endPeriod'>, year: number, amount: Ore): Array<{ period: string; amountOre: Ore }> {
  const months = monthsOfYear(p, year);
  if (months.length === 0) return [];
  const parts = allocateLargestRemainder(amount, months.map(() => 1));
  return months.map((period, i) => ({ period, amountOre: parts[i] ?? ZERO_ORE }));
}
