// Turns the demo's account amounts into plan lines: per account, unit and (for actuals) month,
// every split by the largest-remainder rule so that the parts add up to the yearly figures exactly.
import { allocateEvenly, allocateLargestRemainder } from '../../domain/allocate.ts';
import { addOre, oreFromKronor, subOre, sumOre, type Ore } from '../../domain/money.ts';
import { applyRate, rateFromPpm } from '../../domain/rate.ts';
import { periodOf } from '../../domain/period.ts';
import {
  BALANCING_ACCOUNT, DEMO_2019, DEMO_ACCOUNTS, DEMO_RESULTS_TKR, DEMO_VOLUME_PER_MILLE, type DemoAccount,
} from './demo-data.ts';

export type DemoLine = { year: number; period: string | null; unitCode: string; accountCode: string; amountOre: Ore };
export type AccountAmounts = ReadonlyMap<string, Ore>;

const tkr = (n: number): Ore => oreFromKronor(n * 1_000);
const perMille = (amount: Ore, pm: number): Ore => applyRate(amount, rateFromPpm(pm * 1_000));
const isRevenue = (account: string): boolean => account.startsWith('3');

/** Revenue − cost of a set of account amounts. */
export function resultOf(amounts: AccountAmounts): Ore {
  let result = sumOre([]);
  for (const [account, amount] of amounts) result = isRevenue(account) ? addOre(result, amount) : subOre(result, amount);
  return result;
}

/** Sets the balancing account so that the result is exactly `targetResult`. */
function balance(amounts: Map<string, Ore>, targetResult: Ore): Map<string, Ore> {
  const current = amounts.get(BALANCING_ACCOUNT);
  if (current === undefined) throw new Error('balancing account missing');
  amounts.set(BALANCING_ACCOUNT, addOre(current, subOre(resultOf(amounts), targetResult)));
  return amounts;
}

/** Actual account amounts of a year 2009–2018: 2018 scaled by volume, result as listed. */
export function actualAmounts(year: number): Map<string, Ore> {
  const volume = DEMO_VOLUME_PER_MILLE[year];
  const result = DEMO_RESULTS_TKR[year];
  if (volume === undefined || result === undefined) throw new Error(`no demo actuals for ${year}`);
  const amounts = new Map(DEMO_ACCOUNTS.map((a) => [a.code, perMille(tkr(a.tkr2018), volume)]));
  return balance(amounts, tkr(result));
}

/** The adopted budget 2019: 2018 grown 2 %, in balance (result 0). */
export function budget2019Amounts(): Map<string, Ore> {
  const amounts = new Map(DEMO_ACCOUNTS.map((a) => [a.code, perMille(tkr(a.tkr2018), DEMO_2019.budgetPerMille)]));
  return balance(amounts, tkr(0));
}

/** Forecast 2019 (T1): the budget, but the political organisation costs 18 % more than in 2018. */
export function forecast2019Amounts(): Map<string, Ore> {
  const amounts = budget2019Amounts();
  for (const a of DEMO_ACCOUNTS) {
    if (a.code.startsWith('70')) amounts.set(a.code, perMille(tkr(a.tkr2018), DEMO_2019.politicalForecastPerMille));
  }
  return amounts;
}

export function budget2020Amounts(): Map<string, Ore> {
  return new Map(DEMO_ACCOUNTS.map((a) => [a.code, tkr(a.tkr2020)]));
}

function accountOf(code: string): DemoAccount {
  const a = DEMO_ACCOUNTS.find((x) => x.code === code);
  if (!a) throw new Error(`unknown demo account ${code}`);
  return a;
}

/** Lines of one year: per unit, and per month when `monthly`. */
export function linesOf(year: number, amounts: AccountAmounts, monthly: boolean): DemoLine[] {
  const lines: DemoLine[] = [];
  for (const [accountCode, amount] of amounts) {
    const units = Object.entries(accountOf(accountCode).units);
    const perUnit = allocateLargestRemainder(amount, units.map(([, w]) => w));
    units.forEach(([unitCode], i) => {
      const unitAmount = perUnit[i];
      if (unitAmount === undefined) throw new Error('allocation lost a part');
      if (!monthly) {
        lines.push({ year, period: null, unitCode, accountCode, amountOre: unitAmount });
        return;
      }
      allocateEvenly(unitAmount, 12).forEach((m, month) => {
        lines.push({ year, period: periodOf(year, month + 1), unitCode, accountCode, amountOre: m });
      });
    });
  }
  return lines;
}
