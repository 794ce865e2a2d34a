// The balance check in words, never colour alone (docs/UX.md: "I balans", "Underskott 1,2 mnkr mot ramen").
import type { BalanceReason } from './api-types.ts';
import { absOre, formatAmountShort, formatTkr, subOre, type Ore } from './domain.ts';

export function balanceHeadline(inBalance: boolean, reasons: readonly BalanceReason[]): string {
  if (inBalance) return 'I balans';
  const deficit = reasons.find((r) => r.code === 'deficit');
  if (deficit) return `Underskott ${formatAmountShort(absOre(deficit.amountOre))}`;
  const overFrame = reasons.find((r) => r.code === 'over-frame');
  if (overFrame) return `Underskott ${formatAmountShort(absOre(overFrame.amountOre))} mot ramen`;
  if (reasons.some((r) => r.code === 'no-frame')) return 'Ram saknas';
  return 'Inte i balans';
}

/** One plan year's balance in words: what is wrong, and by how much (tkr, as the plan table). */
export function planYearStatus(total: { resultOre: Ore; netCostOre: Ore; frameOre: Ore | null; inBalance: boolean }): string {
  if (total.inBalance) return 'I balans';
  if (total.resultOre < 0) return `Underskott ${formatTkr(absOre(total.resultOre))}`;
  if (total.frameOre !== null && total.netCostOre > total.frameOre) {
    return `Över ramen ${formatTkr(subOre(total.netCostOre, total.frameOre))}`;
  }
  if (total.frameOre === null) return 'Ram saknas';
  return 'Inte i balans';
}
