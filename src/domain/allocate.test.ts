import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateEvenly, allocateLargestRemainder, allocateSigned, allocateUnits, allocateUnitsSigned } from './allocate.ts';
import { ore } from './money.ts';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('allocateLargestRemainder', () => {
  it('splits 100 öre over three equal weights with the extra öre to the lowest index', () => {
    expect(allocateLargestRemainder(ore(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(ore(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('gives leftover units to the largest remainders', () => {
    // exact shares 1,6 / 3,2 / 5,2 → floors 1/3/5, one unit left → index 0 (remainder 0,6)
    expect(allocateLargestRemainder(ore(10), [16, 32, 52])).toEqual([2, 3, 5]);
  });

  it('handles zero weights and an all-zero split of zero', () => {
    expect(allocateLargestRemainder(ore(10), [0, 1, 0])).toEqual([0, 10, 0]);
    expect(allocateLargestRemainder(ore(0), [0, 0])).toEqual([0, 0]);
    expect(allocateLargestRemainder(ore(0), [])).toEqual([]);
  });

  it('throws on all-zero weights with a non-zero total, and on bad weights', () => {
    expect(() => allocateLargestRemainder(ore(1), [0, 0])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(ore(1), [])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(ore(1), [-1, 2])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(ore(1), [1.5])).toThrow(RangeError);
  });

  it('splits a year evenly over months', () => {
    const months = allocateEvenly(ore(100_000), 12);
    expect(sum(months)).toBe(100_000);
    expect(months.slice(0, 4)).toEqual([8334, 8334, 8334, 8334]);
    expect(months[11]).toBe(8333);
  });

  it('parts sum exactly to the total and each is within one öre of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 13), max: 10 ** 13 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 20 }).filter((w) => sum(w) > 0),
        (total, weights) => {
          const parts = allocateLargestRemainder(ore(total), weights);
          expect(parts).toHaveLength(weights.length);
          expect(sum(parts)).toBe(total);
          const W = BigInt(sum(weights));
          parts.forEach((p, i) => {
            // |p − total·w/W| < 1  ⇔  |p·W − total·w| < W
            const diff = BigInt(p) * W - BigInt(total) * BigInt(weights[i] ?? 0);
            expect(diff < W && diff > -W).toBe(true);
          });
        },
      ),
    );
  });

  it('is symmetric in the sign of the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }),
        (total, weights) => {
          const pos = allocateLargestRemainder(ore(total), weights);
          const neg = allocateLargestRemainder(ore(-total), weights);
          expect(neg).toEqual(pos.map((p) => (p === 0 ? 0 : -p)));
        },
      ),
    );
  });
});

describe('allocateUnits / allocateUnitsSigned', () => {
  it('works on BigInt units', () => {
    expect(allocateUnits(1000n, [1n, 2n])).toEqual([333n, 667n]);
  });

  it('accepts negative weights with a non-zero sum and still sums to the total', () => {
    const parts = allocateUnitsSigned(1000n, [-100, 300, 800]);
    expect(parts).toBeDefined();
    expect(parts?.reduce((a, b) => a + b, 0n)).toBe(1000n);
    expect(parts).toEqual([-100n, 300n, 800n]);
    expect(allocateUnitsSigned(1000n, [1, -1])).toBeUndefined();
  });
});

describe('allocateSigned', () => {
  it('equals the BigInt core on both its number path and its fallback', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: -(2 ** 52), max: 2 ** 52 })),
        fc.array(fc.oneof(fc.integer({ min: -1000, max: 10 ** 6 }), fc.integer({ min: 0, max: 2 ** 40 })), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const expected = allocateUnitsSigned(BigInt(total), weights)?.map(Number);
          expect(allocateSigned(total, weights)).toEqual(expected);
        },
      ),
    );
  });
});
