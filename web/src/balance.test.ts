import { describe, expect, it } from 'vitest';
import { ore } from './domain.ts';
import { balanceHeadline, planYearStatus } from './balance.ts';

describe('balanceHeadline', () => {
  it('says "I balans" when in balance', () => {
    expect(balanceHeadline(true, [])).toBe('I balans');
  });
  it('names the deficit first, then the overrun of the frame', () => {
    expect(balanceHeadline(false, [
      { code: 'over-frame', message: 'x', amountOre: ore(120_000_000) },
      { code: 'deficit', message: 'y', amountOre: ore(-30_000_000) },
    ])).toBe('Underskott 300,0\u00a0tkr');
    expect(balanceHeadline(false, [{ code: 'over-frame', message: 'x', amountOre: ore(120_000_000) }])).toBe(
      'Underskott 1,2\u00a0mnkr mot ramen',
    );
  });
  it('says when there is no frame to compare with', () => {
    expect(balanceHeadline(false, [{ code: 'no-frame', message: 'z', amountOre: ore(0) }])).toBe('Ram saknas');
  });
});

describe('planYearStatus', () => {
  const year = (result: number, netCost: number, frame: number | null, inBalance: boolean) => ({
    resultOre: ore(result), netCostOre: ore(netCost), frameOre: frame === null ? null : ore(frame), inBalance,
  });
  it('names the deficit, then the overrun of the frame, with the amount', () => {
    expect(planYearStatus(year(0, 100, 100, true))).toBe('I balans');
    expect(planYearStatus(year(-230_340_000, 100, 100, false))).toBe('Underskott 2\u00a0303,4\u00a0tkr');
    expect(planYearStatus(year(0, 3_000_000, 2_000_000, false))).toBe('Över ramen 10,0\u00a0tkr');
    expect(planYearStatus(year(0, 3_000_000, null, false))).toBe('Ram saknas');
  });
});
