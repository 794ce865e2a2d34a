// The balance check in words, never colour alone (docs/UX.md: "I balans", "Underskott 1,2 mnkr mot ramen").
import type { BalanceReason } from './api-types.ts';
import { absOre, formatAmountShort } from './domain.ts';

export function balanceHeadline(inBalance: boolean, reasons: readonly BalanceReason[]): string {
  if (inBalance) return 'I balans';
  const deficit = reasons.find((r) => r.code === 'deficit');
  if (deficit) return `Underskott ${formatAmountShort(absOre(deficit.amountOre))}`;
  const overFrame = reasons.find((r) => r.code === 'over-frame');
  if (overFrame) return `Underskott ${formatAmountShort(absOre(overFrame.amountOre))} mot ramen`;
  if (reasons.some((r) => r.code === 'no-frame')) return 'Ram saknas';
  return 'Inte i balans';
}
