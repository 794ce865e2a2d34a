import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CATEGORIES } from './category.ts';
import type { Ore } from './money.ts';
import { ore } from './money.ts';
import { balanceCheck, sharesOfTotal, summarize, trySummarize } from './summary.ts';

const N = '\u00a0';
const tkr = (n: number): Ore => ore(n * 100_000);
const a = (category: string, amountOre: Ore): { category: string; amountOre: Ore } => ({ category, amountOre });

describe('summarize', () => {
  const amounts = [
    a('regionbidrag', tkr(20_000)),
    a('kommunbidrag', tkr(10_000)),
    a('kommunbidrag', tkr(500)),
    a('kultursamverkan', tkr(9_000)),
    a('personal', tkr(25_000)),
    a('bidrag', tkr(10_000)),
    a('agaranslag', tkr(4_000)),
  ];

  it('sums rows per category, lists every category in order and computes result and net cost', () => {
    const s = summarize({ amounts, categories: DEFAULT_CATEGORIES, frameOre: tkr(20_000) });
    expect(s.revenue.map((r) => r.category)).toEqual([
      'regionbidrag', 'kommunbidrag', 'kultursamverkan', 'lansstyrelsen', 'projektmedel', 'avgifter', 'ovriga-intakter',
    ]);
    expect(s.costs).toHaveLength(6);
    expect(s.revenue[1]).toEqual({ category: 'kommunbidrag', name: 'Kommunbidrag', amountOre: tkr(10_500), sharePercent: 26.6 });
    expect(s.revenue[3]?.amountOre).toBe(0);
    expect(s.totalRevenueOre).toBe(tkr(39_500));
    expect(s.totalCostOre).toBe(tkr(39_000));
    expect(s.resultOre).toBe(tkr(500));
    expect(s.netCostOre).toBe(tkr(39_000 - 19_500));
    expect(s.inBalance).toBe(true);
    expect(s.balanceReasons).toEqual([]);
  });

  it('explains a deficit and a net cost over the frame in Swedish', () => {
    const s = summarize({
      amounts: [a('regionbidrag', tkr(1_000)), a('personal', ore(320_000_000)), a('kommunbidrag', ore(100_000_000))],
      categories: DEFAULT_CATEGORIES,
      frameOre: ore(185_500_000),
    });
    expect(s.resultOre).toBe(-120_000_000);
    expect(s.netCostOre).toBe(220_000_000);
    expect(s.inBalance).toBe(false);
    expect(s.balanceReasons.map((r) => r.code)).toEqual(['deficit', 'over-frame']);
    expect(s.balanceReasons[0]?.message).toBe(`Underskott 1,2${N}mnkr`);
    expect(s.balanceReasons[1]?.message).toBe(`Nettokostnaden överskrider ramen med 345,0${N}tkr`);
    expect(s.balanceReasons[1]?.amountOre).toBe(34_500_000);
  });

  it('uses the frame-financed category given', () => {
    const s = summarize({ amounts, categories: DEFAULT_CATEGORIES, frameOre: null, frameCategory: 'kommunbidrag' });
    expect(s.netCostOre).toBe(tkr(39_000 - 29_000));
  });

  it('lists a missing frame without breaking the balance', () => {
    const s = summarize({ amounts, categories: DEFAULT_CATEGORIES, frameOre: null });
    expect(s.inBalance).toBe(true);
    expect(s.balanceReasons).toEqual([{ code: 'no-frame', message: 'Ingen ram är satt för året', amountOre: 0 }]);
  });

  it('refuses unknown categories: an error value from trySummarize, a RangeError from summarize', () => {
    const input = { amounts: [a('okänd', ore(1))], categories: DEFAULT_CATEGORIES, frameOre: null };
    expect(trySummarize(input)).toEqual({ ok: false, error: 'Beloppen har kategorier som organisationen saknar: "okänd"' });
    expect(() => summarize(input)).toThrow(RangeError);
  });

  it('gives zero shares when a side is empty', () => {
    const s = summarize({ amounts: [], categories: DEFAULT_CATEGORIES, frameOre: ore(0) });
    expect(s.revenue.every((r) => r.sharePercent === 0)).toBe(true);
    expect(s.inBalance).toBe(true);
  });

  const arbAmounts = fc.array(
    fc.record({
      category: fc.constantFrom(...DEFAULT_CATEGORIES.map((c) => c.code)),
      amountOre: fc.integer({ min: 0, max: 10 ** 11 }).map(ore),
    }),
    { maxLength: 60 },
  );

  it('has totals equal to the sum of the input lines and result = revenue − cost', () => {
    fc.assert(
      fc.property(arbAmounts, fc.option(fc.integer({ min: 0, max: 10 ** 12 }).map(ore)), (rows, frame) => {
        const s = summarize({ amounts: rows, categories: DEFAULT_CATEGORIES, frameOre: frame });
        const kindOf = new Map(DEFAULT_CATEGORIES.map((c) => [c.code, c.kind]));
        const rev = rows.filter((r) => kindOf.get(r.category) === 'revenue').reduce((x, r) => x + r.amountOre, 0);
        const cost = rows.filter((r) => kindOf.get(r.category) === 'cost').reduce((x, r) => x + r.amountOre, 0);
        const region = rows.filter((r) => r.category === 'regionbidrag').reduce((x, r) => x + r.amountOre, 0);
        expect(s.totalRevenueOre).toBe(rev);
        expect(s.totalCostOre).toBe(cost);
        expect(s.resultOre).toBe(rev - cost);
        expect(s.netCostOre).toBe(cost - (rev - region));
        expect(s.revenue.reduce((x, r) => x + r.amountOre, 0)).toBe(rev);
        expect(s.inBalance).toBe(rev - cost >= 0 && (frame === null || cost - (rev - region) <= frame));
      }),
    );
  });

  it('makes the shares of a non-empty side add up to exactly 100,0 with one decimal', () => {
    fc.assert(
      fc.property(arbAmounts, (rows) => {
        const s = summarize({ amounts: rows, categories: DEFAULT_CATEGORIES, frameOre: null });
        for (const sideRows of [s.revenue, s.costs]) {
          const total = sideRows.reduce((x, r) => x + r.amountOre, 0);
          const tenths = sideRows.map((r) => Math.round(r.sharePercent * 10));
          sideRows.forEach((r, i) => expect(r.sharePercent * 10).toBeCloseTo(tenths[i] ?? NaN, 9));
          expect(tenths.reduce((x, t) => x + t, 0)).toBe(total === 0 ? 0 : 1000);
          if (total !== 0) {
            // each share is within 0,1 percentage point of the exact share
            sideRows.forEach((r) => expect(Math.abs(r.sharePercent - (100 * r.amountOre) / total)).toBeLessThan(0.1 + 1e-9));
          }
        }
      }),
    );
  });
});

describe('balanceCheck and sharesOfTotal', () => {
  it('is in balance at exactly zero result and net cost equal to the frame', () => {
    expect(balanceCheck(ore(0), ore(100), ore(100))).toEqual({ inBalance: true, reasons: [] });
    expect(balanceCheck(ore(-1), ore(100), ore(100)).inBalance).toBe(false);
    expect(balanceCheck(ore(0), ore(101), ore(100)).inBalance).toBe(false);
  });

  it('rounds shares by largest remainder', () => {
    expect(sharesOfTotal([ore(1), ore(1), ore(1)])).toEqual([33.4, 33.3, 33.3]);
    expect(sharesOfTotal([ore(0), ore(0)])).toEqual([0, 0]);
  });
});
