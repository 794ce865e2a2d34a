import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ore } from './money.ts';
import type { Rate } from './rate.ts';
import {
  applyRate, makeUplifter, rateFromPercent, rateFromPpm, rateToPercent, rateToPercentText, upliftBy, upliftCompounded, ZERO_RATE,
} from './rate.ts';
import { divRoundHalfAwayFromZero } from './rounding.ts';

const rate = (text: string | number): Rate => {
  const r = rateFromPercent(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('rateFromPercent', () => {
  it('reads decimal text exactly into ppm', () => {
    expect(rate('46.15')).toBe(461500);
    expect(rate('46,15')).toBe(461500);
    expect(rate('1,5 %')).toBe(15000);
    expect(rate(46.15)).toBe(461500);
    expect(rate(0.1)).toBe(1000);
    expect(rate('2,4')).toBe(24000);
    expect(rate('0,0001')).toBe(1);
    expect(rate('-0,5')).toBe(-5000);
    expect(rate('\u22120,5')).toBe(-5000);
  });

  it('refuses more than four decimals and garbage', () => {
    for (const bad of ['0,00001', 'abc', '', '1,2,3', '1e-3']) expect(rateFromPercent(bad).ok, bad).toBe(false);
    expect(rateFromPercent(Number.NaN).ok).toBe(false);
    expect(rateFromPercent(1e-7).ok).toBe(false);
  });

  it('is exact for every percent with at most four decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (ppm) => {
        const abs = Math.abs(ppm);
        const text = `${ppm < 0 ? '-' : ''}${String(Math.floor(abs / 10000))},${String(abs % 10000).padStart(4, '0')}`;
        expect(rate(text)).toBe(ppm);
        expect(rate(rateToPercentText(rateFromPpm(ppm)))).toBe(ppm);
      }),
    );
  });

  it('gives percent back', () => {
    expect(rateToPercent(rate('46,15'))).toBe(46.15);
    expect(rateToPercentText(rate('46,15'))).toBe('46,15');
    expect(rateToPercentText(rate('3'))).toBe('3');
  });
});

describe('applyRate and upliftBy', () => {
  it('apply a rate rounded half away from zero to whole öre', () => {
    expect(applyRate(ore(100000), rate('46,15'))).toBe(46150);
    expect(applyRate(ore(1), rate('50'))).toBe(1); // 0,5 öre → 1
    expect(applyRate(ore(-1), rate('50'))).toBe(-1);
    expect(applyRate(ore(3), rate('10'))).toBe(0); // 0,3 öre → 0
    expect(upliftBy(ore(10000000), rate('2,5'))).toBe(10250000);
    expect(upliftBy(ore(333), rate('1,5'))).toBe(338); // 337,995 → 338
  });

  it('matches the BigInt rule also beyond the fast path', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 52), max: 2 ** 52 }),
        fc.integer({ min: -2_000_000, max: 2_000_000 }),
        (a, ppm) => {
          const expected = divRoundHalfAwayFromZero(BigInt(a) * BigInt(1_000_000 + ppm), 1_000_000n);
          if (expected > BigInt(Number.MAX_SAFE_INTEGER) || expected < BigInt(Number.MIN_SAFE_INTEGER)) return;
          expect(upliftBy(ore(a), rateFromPpm(ppm))).toBe(Number(expected));
        },
      ),
    );
  });

  it('0 % uplift leaves every amount unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (a) => {
        expect(upliftBy(ore(a), ZERO_RATE)).toBe(a);
        expect(applyRate(ore(a), ZERO_RATE)).toBe(0);
      }),
    );
  });

  it('is monotonic in the rate for non-negative amounts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 14 }),
        fc.integer({ min: 0, max: 30000 }),
        fc.integer({ min: 0, max: 30000 }),
        fc.integer({ min: 1, max: 4 }),
        (a, r1, r2, steps) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          expect(upliftCompounded(ore(a), rateFromPpm(hi), steps)).toBeGreaterThanOrEqual(
            upliftCompounded(ore(a), rateFromPpm(lo), steps),
          );
        },
      ),
    );
  });

  it('compounds with rounding at every step', () => {
    // 100,00 kr at 2,5 %: 102,50 → 105,0625 → 105,06 (not 105,0625 rounded once = 105,06, same) …
    expect(upliftCompounded(ore(10000), rate('2,5'), 2)).toBe(10506);
    // … whereas 1 öre at 50 % shows the step rounding: 1 → 2 (1,5) → 3, not round(2,25) = 2.
    expect(upliftCompounded(ore(1), rate('50'), 2)).toBe(3);
  });
});

describe('makeUplifter', () => {
  it('gives exactly what upliftBy gives, also near the limits of safe integers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
          fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        ),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (a, ppm) => {
          let expected: number | undefined;
          try {
            expected = upliftBy(ore(a), rateFromPpm(ppm));
          } catch {
            return; // the result itself would not be a safe integer
          }
          expect(makeUplifter(rateFromPpm(ppm))(ore(a))).toBe(expected);
        },
      ),
    );
  });
});
