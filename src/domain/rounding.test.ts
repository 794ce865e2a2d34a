import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divRoundHalfAwayFromZero, divRoundHalfAwayFromZeroNumber, floorDiv } from './rounding.ts';

describe('divRoundHalfAwayFromZero', () => {
  it('rounds halves away from zero on both sides', () => {
    expect(divRoundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divRoundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(divRoundHalfAwayFromZero(-5n, -2n)).toBe(3n);
  });

  it('rounds below half toward zero and above half away', () => {
    expect(divRoundHalfAwayFromZero(249n, 100n)).toBe(2n);
    expect(divRoundHalfAwayFromZero(251n, 100n)).toBe(3n);
    expect(divRoundHalfAwayFromZero(-249n, 100n)).toBe(-2n);
    expect(divRoundHalfAwayFromZero(-251n, 100n)).toBe(-3n);
  });

  it('throws on division by zero', () => {
    expect(() => divRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });

  it('is symmetric: round(−x) = −round(x)', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        expect(divRoundHalfAwayFromZero(-n, d)).toBe(-divRoundHalfAwayFromZero(n, d));
      }),
    );
  });

  it('is within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const q = divRoundHalfAwayFromZero(n, d);
        const diff2 = 2n * (n - q * d); // 2·(n − q·d) ∈ [−d, d]
        expect(diff2 <= d && diff2 >= -d).toBe(true);
      }),
    );
  });

  it('has a number fast path equal to the BigInt rule', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -(2 ** 51), max: 2 ** 51 }), fc.integer({ min: Number.MAX_SAFE_INTEGER - 2 ** 31, max: Number.MAX_SAFE_INTEGER })),
        fc.oneof(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: -(2 ** 40), max: -1 })),
        (n, d) => {
          expect(divRoundHalfAwayFromZeroNumber(n, d)).toBe(Number(divRoundHalfAwayFromZero(BigInt(n), BigInt(d))));
        },
      ),
    );
  });
});

describe('floorDiv', () => {
  it('floors toward minus infinity', () => {
    expect(floorDiv(7n, 2n)).toBe(3n);
    expect(floorDiv(-7n, 2n)).toBe(-4n);
    expect(floorDiv(-8n, 2n)).toBe(-4n);
    expect(floorDiv(7n, -2n)).toBe(-4n);
  });
});
