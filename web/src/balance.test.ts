import { describe, expect, it } from 'vitest';
import { ore } from './domain.ts';
import { balanceHeadline } from './balance.ts';

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
