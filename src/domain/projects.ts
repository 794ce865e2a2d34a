// Externally financed projects: funders and their maximum shares, the EU cost budget (staff as unit
// cost, flat rates on direct staff cost), the financing plan, and the checks that must hold before
// a project leaves the draft status. Every check returns a Swedish message naming what is wrong;
// nothing is silently corrected.
import { allocateLargestRemainder } from './allocate.ts';
import { addOre, mulOre, ore, subOre, sumOre, ZERO_ORE, type Ore } from './money.ts';
import { applyRate, rateFromPpm, upliftCompounded, type Rate } from './rate.ts';
import { divRoundHalfAwayFromZero } from './rounding.ts';
import { formatKr, formatKrExact, formatRate } from './format.ts';
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

/**
 * The EU cost categories entered by hand; staff comes from the staff rows, flat rates are derived.
 * 'in-natura' is the value of a co-financier's contribution in kind (work, premises): a cost of the
 * project that no one pays in money, matched by the same amount of in-kind financing. It has no
 * account: it never enters the committee's ledger or plan (decision 0008).
 */
export type CostCategory = 'externa-tjanster' | 'resor' | 'utrustning' | 'investeringar' | 'ovriga' | 'in-natura';
export const COST_CATEGORIES: ReadonlyArray<{ code: CostCategory; name: string; account: string | null }> = [
  { code: 'externa-tjanster', name: 'Externa tjänster', account: '6410' },
  { code: 'resor', name: 'Resor och logi', account: '5810' },
  { code: 'utrustning', name: 'Utrustning', account: '6550' },
  { code: 'investeringar', name: 'Investeringar', account: '6550' },
  { code: 'ovriga', name: 'Övriga kostnader', account: '6410' },
  { code: 'in-natura', name: 'Bidrag i annat än pengar (in natura)', account: null },
];
export const IN_KIND_COST: CostCategory = 'in-natura';

/**
 * The financing types of an EU project's financing plan (DOMAIN.md): EU support, public cash
 * co-financing, public co-financing in kind, private financing and project income. Only in-kind
 * financing is no money: it pays for nothing in the committee's ledger (decision 0008).
 */
export type FinancingType = 'eu' | 'public-cash' | 'public-in-kind' | 'private' | 'income';
export const FINANCING_TYPES: ReadonlyArray<{ code: FinancingType; name: string; short: string; cash: boolean }> = [
  { code: 'eu', name: 'EU-stöd', short: 'EU-stöd', cash: true },
  { code: 'public-cash', name: 'Offentlig kontant medfinansiering', short: 'Offentlig kontant', cash: true },
  { code: 'public-in-kind', name: 'Offentlig medfinansiering i annat än pengar (bidrag in natura)', short: 'Offentlig in natura', cash: false },
  { code: 'private', name: 'Privat finansiering', short: 'Privat', cash: true },
  { code: 'income', name: 'Projektintäkter', short: 'Projektintäkter', cash: true },
];
export const isFinancingType = (code: string): code is FinancingType => FINANCING_TYPES.some((t) => t.code === code);
export const financingTypeName = (t: FinancingType): string => FINANCING_TYPES.find((x) => x.code === t)?.name ?? t;

/** Who a funder is: an EU fund, a public body, a private party, or the committee itself. */
export type FunderSector = 'eu' | 'public' | 'private' | 'own';
const SECTOR_TYPES: Record<FunderSector, readonly FinancingType[]> = {
  eu: ['eu'],
  public: ['public-cash', 'public-in-kind', 'income'],
  private: ['private', 'income'],
  own: ['public-cash', 'public-in-kind'],
};
export const STAFF_ACCOUNT = '4010';

export type Funder = {
  readonly code: string; readonly name: string; readonly maxSharePpm: number; readonly account: string | null; readonly external: boolean;
  readonly sector: FunderSector;
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
  { code: 'eruf', name: 'ERUF Övre Norrland (EU)', maxSharePpm: 500_000, account: '3710', external: true, sector: 'eu', ceilingPpm: 1_000_000 },
  { code: 'esf', name: 'ESF+ (EU)', maxSharePpm: 540_000, account: '3710', external: true, sector: 'eu', ceilingPpm: 1_000_000 },
  { code: 'interreg', name: 'Interreg Aurora (EU)', maxSharePpm: 650_000, account: '3710', external: true, sector: 'eu', ceilingPpm: 1_000_000 },
  { code: 'regional-1-1', name: 'Regionala projektmedel (1:1)', maxSharePpm: 500_000, account: '3720', external: true, sector: 'public', ceilingPpm: 500_000 },
  { code: 'tillvaxtverket', name: 'Tillväxtverket', maxSharePpm: 1_000_000, account: '3720', external: true, sector: 'public', ceilingPpm: 1_000_000 },
  { code: 'vinnova', name: 'Vinnova', maxSharePpm: 1_000_000, account: '3720', external: true, sector: 'public', ceilingPpm: 1_000_000 },
  { code: 'kommuner', name: 'Kommuner', maxSharePpm: 1_000_000, account: '3730', external: true, sector: 'public', ceilingPpm: 1_000_000 },
  { code: 'privat', name: 'Privat finansiering', maxSharePpm: 1_000_000, account: '3990', external: true, sector: 'private', ceilingPpm: 1_000_000 },
  { code: 'egen', name: 'Egen finansiering (nämndens ram)', maxSharePpm: 1_000_000, account: null, external: false, sector: 'own', ceilingPpm: 1_000_000 },
];

export const findFunder = (code: string): Funder | undefined => FUNDERS.find((f) => f.code === code);

/** The financing types a funder can give: EU support only from an EU fund, in kind only from a public body or the committee. */
export const financingTypesOf = (f: Funder): readonly FinancingType[] => SECTOR_TYPES[f.sector];

/** How rows saved before financing types existed are read (migration 0013): EU funds give EU support, private parties private financing, the rest public cash. */
export const defaultFinancingType = (f: Funder): FinancingType => SECTOR_TYPES[f.sector][0] ?? 'public-cash';

/** Why a funder cannot give a financing type, or null when it can. */
export function financingTypeProblem(funderCode: string, type: FinancingType): string | null {
  const funder = findFunder(funderCode);
  if (!funder) return null;
  if (financingTypesOf(funder).includes(type)) return null;
  return `Finansiering: ${funder.name} kan inte ge ${financingTypeName(type).toLowerCase().replace(/^eu/, 'EU')}; välj ${financingTypesOf(funder).map((t) => financingTypeName(t).toLowerCase().replace(/^eu/, 'EU')).join(' eller ')}.`;
}

export const PROGRAMMES = [
  'ERUF Övre Norrland', 'ESF+', 'Interreg Aurora', 'Regionala projektmedel (1:1)', 'Vinnova', 'Tillväxtverket', 'Kommuner', 'Egen',
] as const;

/** The EU fund a programme gives EU support from; a programme not named here gives none. */
const PROGRAMME_EU_FUND: Readonly<Record<string, string>> = { 'ERUF Övre Norrland': 'eruf', 'ESF+': 'esf', 'Interreg Aurora': 'interreg' };
export const euFundOfProgramme = (programme: string): Funder | undefined => {
  const code = PROGRAMME_EU_FUND[programme];
  return code === undefined ? undefined : findFunder(code);
};

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
export type FinancingRow = { readonly funder: string; readonly type: FinancingType; readonly year: number; readonly amountOre: Ore };

export type ProjectPlan = {
  /** The programme the project applies to; it decides which EU fund may give EU support, and how much. */
  readonly programme: string;
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
  readonly year: number; readonly staffOre: Ore;
  /** Every direct cost besides staff, the value of contributions in kind included. */
  readonly directOtherOre: Ore; readonly flatRateOre: Ore;
  readonly totalOre: Ore; readonly financingOre: Ore;
  /** The value of contributions in kind among the costs (no one pays it in money). */
  readonly inKindCostOre: Ore;
  /** The cost paid in money: the total less contributions in kind. */
  readonly cashCostOre: Ore;
  /** Financing per financing type; all five, zero where none. */
  readonly byType: Readonly<Record<FinancingType, Ore>>;
  /** Money from outside the committee: every funder but the committee itself, contributions in kind excluded. */
  readonly externalOre: Ore;
};

const isCash = (t: FinancingType): boolean => FINANCING_TYPES.find((x) => x.code === t)?.cash !== false;

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
    const inKindCostOre = sumOre(p.costs.filter((c) => c.year === year && c.category === IN_KIND_COST).map((c) => c.amountOre));
    const rows = p.financing.filter((f) => f.year === year);
    const totalOre = sumOre([staffOre, directOtherOre, flatRateOre]);
    const byType = Object.fromEntries(FINANCING_TYPES.map((t) => [t.code, sumOre(rows.filter((f) => f.type === t.code).map((f) => f.amountOre))])) as Record<FinancingType, Ore>;
    return {
      year, staffOre, directOtherOre, flatRateOre, totalOre,
      financingOre: sumOre(rows.map((f) => f.amountOre)),
      inKindCostOre, cashCostOre: subOre(totalOre, inKindCostOre), byType,
      externalOre: sumOre(rows.filter((f) => findFunder(f.funder)?.external !== false && isCash(f.type)).map((f) => f.amountOre)),
    };
  });
}

const kr = (o: Ore): string => formatKr(o).replace(/\u00a0/g, ' ');
const krExact = (o: Ore): string => formatKrExact(o).replace(/\u00a0/g, ' ');

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
    const typeProblem = financingTypeProblem(f.funder, f.type);
    if (typeProblem !== null) issues.push({ field: 'financing', message: typeProblem });
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
      // The check is exact to the öre, and so is the message when the difference is not whole kronor.
      const k = diff % 100 === 0 ? kr : krExact;
      issues.push({
        field: 'financing',
        message: `Finansiering: ${y.year} är finansieringen ${k(y.financingOre)} men kostnaden ${k(y.totalOre)} (${diff > 0 ? `${k(diff)} saknas` : `${k(subOre(ore(0), diff))} för mycket`}).`,
      });
    }
    const inKind = y.byType['public-in-kind'];
    if (inKind !== y.inKindCostOre) {
      issues.push({
        field: 'financing',
        message: `Finansiering: ${y.year} är medfinansieringen i annat än pengar ${kr(inKind)} men kostnaden för bidrag i annat än pengar ${kr(y.inKindCostOre)}; värdet av ett bidrag in natura ska stå lika stort bland kostnaderna och i finansieringen.`,
      });
    }
  }
  const totalCost = sumOre(budget.map((y) => y.totalOre));
  const fund = euFundOfProgramme(p.programme);
  for (const funder of FUNDERS.filter((f) => f.sector === 'eu' && f !== fund)) {
    const amount = sumOre(p.financing.filter((f) => f.funder === funder.code && f.type === 'eu').map((f) => f.amountOre));
    if (amount === 0) continue;
    issues.push({
      field: 'financing',
      message: fund === undefined
        ? `EU-stöd: programmet ${p.programme} ger inget EU-stöd, men finansieringsplanen har ${kr(amount)} från ${funder.name}.`
        : `EU-stöd: projektet söker från ${p.programme}, så EU-stödet kan inte komma från ${funder.name} (${kr(amount)}).`,
    });
  }
  for (const funder of FUNDERS) {
    if (funder.sector === 'eu' && funder !== fund) continue;
    const amount = sumOre(p.financing.filter((f) => f.funder === funder.code).map((f) => f.amountOre));
    const maxPpm = maxShareFor(p.maxShares, funder);
    if (amount === 0 || maxPpm >= 1_000_000) continue;
    // amount / cost > max ⇔ amount × 10^6 > max × cost, in integers.
    if (totalCost === 0 || BigInt(amount) * 1_000_000n > BigInt(maxPpm) * BigInt(totalCost)) {
      const share = formatRate(rateFromPpm(totalCost === 0 ? 1_000_000 : Number(divRoundHalfAwayFromZero(BigInt(amount) * 1_000_000n, BigInt(totalCost)))), 1).replace(/\u00a0/g, ' ');
      const max = formatRate(rateFromPpm(maxPpm), maxPpm % 10_000 === 0 ? 0 : 1).replace(/\u00a0/g, ' ');
      const own = maxPpm === funder.maxSharePpm ? '' : ' i det här projektet';
      issues.push({
        field: 'financing',
        message: funder === fund
          ? `EU-stöd: ${funder.name} står för ${share} av kostnaderna; programmet ${p.programme} medger högst ${max}${own}.`
          : `Finansiering: ${funder.name} står för ${share} av kostnaderna; högst ${max} är tillåtet${own}.`,
      });
    }
  }
  return issues;
}

export type PlanFeedYear = { readonly year: number; readonly revenueOre: Ore; readonly costOre: Ore };

/**
 * What a project brings into the committee's plan per year: the external financing paid in money as
 * revenue and the direct costs paid in money (staff and other direct costs). The flat rate is not a
 * new cost: it reimburses overhead the committee already has, so it is revenue without a matching
 * cost line. A contribution in kind is neither: no money comes in and none goes out (decision 0008).
 */
export function projectPlanFeed(p: ProjectPlan): PlanFeedYear[] {
  return projectBudget(p).map((y) => ({ year: y.year, revenueOre: y.externalOre, costOre: subOre(addOre(y.staffOre, y.directOtherOre), y.inKindCostOre) }));
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
