// The economic summary of a committee for one year: revenue and costs per category, the result, the
// net cost the region finances, and whether the budget is in balance. Computed once as data; tables,
// charts and sentences are drawn from it (docs/STYLE.md, habit 9).
//
// Decisions:
// - Unknown categories (an amount whose category the organisation does not have) are a bug in the
//   caller: plan lines are validated against the categories when they are written, and imports map
//   accounts before they get here. `summarize` throws a RangeError; `trySummarize` returns the same
//   check as a Swedish error value for callers that summarise data they did not validate.
// - The frame (ram) limits the NET cost the region finances: net cost = total cost − revenue other than
//   the frame-financed category (default `regionbidrag`, which is the frame money itself).
// - No frame set: listed as a reason ('no-frame', amount 0) so the page can say so, but it does NOT
//   break the balance: without a frame only the result can be judged. Scenarios and plan years often
//   have no frame yet, and calling them all "not in balance" would hide the real deficits.
import { allocateSigned } from './allocate.ts';
import type { Category, CategoryCode, CategoryKind } from './category.ts';
import { categoriesOfKind } from './category.ts';
import { formatAmountShort } from './format.ts';
import type { Ore } from './money.ts';
import { addOre, ore, subOre, sumOre, ZERO_ORE } from './money.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export const DEFAULT_FRAME_CATEGORY: CategoryCode = 'regionbidrag';

export type CategoryAmount = {
  readonly category: CategoryCode;
  readonly name: string;
  readonly amountOre: Ore;
  /** Share of its side's total in percent with one decimal; a side's shares add up to exactly 100,0. */
  readonly sharePercent: number;
};

export type BalanceReason = {
  readonly code: 'deficit' | 'over-frame' | 'no-frame';
  readonly message: string;
  /** The deficit, or how much the net cost exceeds the frame (positive); 0 for 'no-frame'. */
  readonly amountOre: Ore;
};

export type Summary = {
  revenue: CategoryAmount[];
  costs: CategoryAmount[];
  totalRevenueOre: Ore;
  totalCostOre: Ore;
  resultOre: Ore;
  netCostOre: Ore;
  frameOre: Ore | null;
  inBalance: boolean;
  balanceReasons: BalanceReason[];
};

export type SummaryInput = {
  readonly amounts: ReadonlyArray<{ readonly category: CategoryCode; readonly amountOre: Ore }>;
  readonly categories: readonly Category[];
  readonly frameOre: Ore | null;
  /** The revenue category that is the frame money itself; default 'regionbidrag'. */
  readonly frameCategory?: CategoryCode | undefined;
};

export type BalanceCheck = { readonly inBalance: boolean; readonly reasons: BalanceReason[] };

/** Whether a reason breaks the balance ('no-frame' is informative only). */
export function isBlockingReason(reason: BalanceReason): boolean {
  switch (reason.code) {
    case 'deficit':
    case 'over-frame':
      return true;
    case 'no-frame':
      return false;
  }
}

/** In balance when result ≥ 0 and (when a frame is set) net cost ≤ frame. Reasons in Swedish. */
export function balanceCheck(resultOre: Ore, netCostOre: Ore, frameOre: Ore | null): BalanceCheck {
  const reasons: BalanceReason[] = [];
  if (resultOre < 0) {
    const deficit = ore(0 - resultOre);
    reasons.push({ code: 'deficit', message: `Underskott ${formatAmountShort(deficit)}`, amountOre: deficit });
  }
  if (frameOre === null) {
    reasons.push({ code: 'no-frame', message: 'Ingen ram är satt för året', amountOre: ZERO_ORE });
  } else if (netCostOre > frameOre) {
    const over = subOre(netCostOre, frameOre);
    reasons.push({
      code: 'over-frame',
      message: `Nettokostnaden överskrider ramen med ${formatAmountShort(over)}`,
      amountOre: over,
    });
  }
  return { inBalance: !reasons.some(isBlockingReason), reasons };
}

/** Shares in percent with one decimal, made to add up to 100,0 by largest remainder (0 when total is 0). */
export function sharesOfTotal(amounts: readonly Ore[]): number[] {
  const tenths = allocateSigned(1000, amounts);
  if (tenths === undefined) return amounts.map(() => 0);
  return tenths.map((t) => t / 10);
}

function side(kind: CategoryKind, categories: readonly Category[], totals: ReadonlyMap<CategoryCode, Ore>): CategoryAmount[] {
  const cats = categoriesOfKind(categories, kind);
  const amounts = cats.map((c) => totals.get(c.code) ?? ZERO_ORE);
  const shares = sharesOfTotal(amounts);
  return cats.map((c, i) => ({ category: c.code, name: c.name, amountOre: amounts[i] ?? ZERO_ORE, sharePercent: shares[i] ?? 0 }));
}

/** Sums amounts per category; the codes not among `categories` are returned apart. */
export function totalsByCategory(
  amounts: SummaryInput['amounts'],
  categories: readonly Category[],
): { totals: Map<CategoryCode, Ore>; unknown: CategoryCode[] } {
  const known = new Set(categories.map((c) => c.code));
  const totals = new Map<CategoryCode, Ore>();
  const unknown = new Set<CategoryCode>();
  for (const a of amounts) {
    if (!known.has(a.category)) {
      unknown.add(a.category);
      continue;
    }
    totals.set(a.category, addOre(totals.get(a.category) ?? ZERO_ORE, a.amountOre));
  }
  return { totals, unknown: [...unknown] };
}

/** Summarises from category totals that are already known (used by the multi-year plan). */
export function summarizeTotals(
  totals: ReadonlyMap<CategoryCode, Ore>,
  categories: readonly Category[],
  frameOre: Ore | null,
  frameCategory: CategoryCode = DEFAULT_FRAME_CATEGORY,
): Summary {
  const revenue = side('revenue', categories, totals);
  const costs = side('cost', categories, totals);
  const totalRevenueOre = sumOre(revenue.map((r) => r.amountOre));
  const totalCostOre = sumOre(costs.map((c) => c.amountOre));
  const resultOre = subOre(totalRevenueOre, totalCostOre);
  const otherRevenue = sumOre(revenue.filter((r) => r.category !== frameCategory).map((r) => r.amountOre));
  const netCostOre = subOre(totalCostOre, otherRevenue);
  const { inBalance, reasons } = balanceCheck(resultOre, netCostOre, frameOre);
  return {
    revenue, costs, totalRevenueOre, totalCostOre, resultOre, netCostOre, frameOre, inBalance, balanceReasons: reasons,
  };
}

/** Like summarize, but unknown categories are a Swedish error value instead of an exception. */
export function trySummarize(input: SummaryInput): Result<Summary> {
  const { totals, unknown } = totalsByCategory(input.amounts, input.categories);
  if (unknown.length > 0) {
    return err(`Beloppen har kategorier som organisationen saknar: ${unknown.map((c) => `"${c}"`).join(', ')}`);
  }
  return ok(summarizeTotals(totals, input.categories, input.frameOre, input.frameCategory));
}

/**
 * Revenue and costs per category (every category of the organisation, zero if it has no amounts, in
 * `order`), totals, result = revenue − cost, net cost, and the balance check. Throws RangeError on
 * categories the organisation does not have (see the decisions above).
 */
export function summarize(input: SummaryInput): Summary {
  const r = trySummarize(input);
  if (!r.ok) throw new RangeError(r.error);
  return r.value;
}
