// The cash flow of an externally financed project: costs fall each month, the funders pay afterwards.
// Claims are made every 1–6 months for the external share of that period's costs, at the end of the
// period; each is paid about 80 days later. Until then the committee pre-finances the external share,
// and this view shows how much, month by month. Contributions in kind are left out on both sides.
import { allocateLargestRemainder } from './allocate.ts';
import { addOre, subOre, sumOre, ZERO_ORE, type Ore } from './money.ts';
import { projectBudget, spreadOverMonths, type ProjectPlan } from './projects.ts';

export type CashFlowMonth = {
  readonly period: string; readonly costOre: Ore; readonly externalShareOre: Ore;
  readonly claimedOre: Ore; readonly paidOre: Ore; readonly preFinancedOre: Ore;
};
export type Claim = {
  readonly number: number; readonly fromPeriod: string; readonly toPeriod: string; readonly amountOre: Ore;
  readonly claimDay: string; readonly paymentDay: string;
};
export type CashFlow = {
  readonly months: readonly CashFlowMonth[]; readonly claims: readonly Claim[];
  readonly maxPreFinancedOre: Ore; readonly maxPreFinancedPeriod: string | null;
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** The last day of a month 'YYYY-MM' as 'YYYY-MM-DD'. */
export function lastDayOf(period: string): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return `${period}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** A calendar day plus a number of days (pure calendar arithmetic; no clock, no time zone). */
export function addDays(day: string, days: number): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function nextPeriod(period: string): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

export function projectCashFlow(p: ProjectPlan, claimIntervalMonths: number, paymentLagDays: number): CashFlow {
  const budget = projectBudget(p);
  const monthly: Array<{ period: string; costOre: Ore; externalShareOre: Ore }> = [];
  for (const y of budget) {
    // Contributions in kind are no money: neither a cost the committee pays nor funding it waits for.
    const costs = spreadOverMonths(p, y.year, y.cashCostOre);
    // The external share of each month follows its cost; the year's parts add up to the year's funding.
    const weights = costs.map((c) => c.amountOre);
    const external = weights.some((w) => w > 0)
      ? allocateLargestRemainder(y.externalOre, weights)
      : spreadOverMonths(p, y.year, y.externalOre).map((x) => x.amountOre);
    costs.forEach((c, i) => monthly.push({ period: c.period, costOre: c.amountOre, externalShareOre: external[i] ?? ZERO_ORE }));
  }
  const claims: Claim[] = [];
  for (let i = 0; i < monthly.length; i += claimIntervalMonths) {
    const slice = monthly.slice(i, i + claimIntervalMonths);
    const from = slice[0]?.period;
    const to = slice[slice.length - 1]?.period;
    if (from === undefined || to === undefined) continue;
    const claimDay = lastDayOf(to);
    claims.push({
      number: claims.length + 1, fromPeriod: from, toPeriod: to, amountOre: sumOre(slice.map((m) => m.externalShareOre)),
      claimDay, paymentDay: addDays(claimDay, paymentLagDays),
    });
  }
  const lastPayment = claims.reduce((last, c) => (c.paymentDay.slice(0, 7) > last ? c.paymentDay.slice(0, 7) : last), monthly[monthly.length - 1]?.period ?? '');
  const months: CashFlowMonth[] = [];
  let outstanding = ZERO_ORE;
  let max = ZERO_ORE;
  let maxPeriod: string | null = null;
  for (let period = monthly[0]?.period ?? ''; period !== '' && period <= lastPayment; period = nextPeriod(period)) {
    const m = monthly.find((x) => x.period === period);
    const claimedOre = sumOre(claims.filter((c) => c.claimDay.slice(0, 7) === period).map((c) => c.amountOre));
    const paidOre = sumOre(claims.filter((c) => c.paymentDay.slice(0, 7) === period).map((c) => c.amountOre));
    outstanding = subOre(addOre(outstanding, m?.externalShareOre ?? ZERO_ORE), paidOre);
    if (outstanding > max) {
      max = outstanding;
      maxPeriod = period;
    }
    months.push({
      period, costOre: m?.costOre ?? ZERO_ORE, externalShareOre: m?.externalShareOre ?? ZERO_ORE, claimedOre, paidOre, preFinancedOre: outstanding,
    });
  }
  return { months, claims, maxPreFinancedOre: max, maxPreFinancedPeriod: maxPeriod };
}
