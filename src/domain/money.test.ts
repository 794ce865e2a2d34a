import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addOre, isNegative, mulOre, negOre, ore, oreFromKronor, parseAmount, roundToKronor, subOre, sumOre, ZERO_ORE,
} from './money.ts';
import { formatKrExact } from './format.ts';

describe('ore', () => {
  it('brands safe integers and refuses the rest as bugs', () => {
    expect(ore(12345)).toBe(12345);
    expect(() => ore(1.5)).toThrow(RangeError);
    expect(() => ore(Number.NaN)).toThrow(RangeError);
    expect(() => ore(2 ** 53)).toThrow(RangeError);
  });

  it('does arithmetic exactly and refuses overflow', () => {
    expect(addOre(ore(150), ore(250))).toBe(400);
    expect(subOre(ore(150), ore(250))).toBe(-100);
    expect(Object.is(negOre(ZERO_ORE), 0)).toBe(true);
    expect(sumOre([ore(1), ore(2), ore(3)])).toBe(6);
    expect(sumOre([])).toBe(0);
    expect(isNegative(ore(-1))).toBe(true);
    expect(isNegative(ZERO_ORE)).toBe(false);
    expect(mulOre(ore(-25), 12)).toBe(-300);
    expect(() => addOre(ore(Number.MAX_SAFE_INTEGER), ore(1))).toThrow(RangeError);
  });

  it('converts whole kronor', () => {
    expect(oreFromKronor(1234)).toBe(123400);
    expect(oreFromKronor(-5n)).toBe(-500);
    expect(() => oreFromKronor(1.5)).toThrow(RangeError);
  });

  it('rounds to kronor half away from zero', () => {
    expect(roundToKronor(ore(150))).toBe(2n);
    expect(roundToKronor(ore(-150))).toBe(-2n);
    expect(roundToKronor(ore(149))).toBe(1n);
  });
});

describe('parseAmount', () => {
  const okValue = (text: string, unit: 'kr' | 'tkr'): number => {
    const r = parseAmount(text, unit);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('reads Swedish and plain kronor exactly', () => {
    expect(okValue('1 234,5', 'kr')).toBe(123450);
    expect(okValue('1234.5', 'kr')).toBe(123450);
    expect(okValue('-12', 'kr')).toBe(-1200);
    expect(okValue('1 234 567,89', 'kr')).toBe(123456789);
    expect(okValue('1\u00a0234\u00a0567,89', 'kr')).toBe(123456789);
    expect(okValue('\u22121\u00a0234,01 kr', 'kr')).toBe(-123401);
    expect(okValue('0,07', 'kr')).toBe(7);
    expect(okValue('+3', 'kr')).toBe(300);
  });

  it('reads tkr exactly to the öre', () => {
    expect(okValue('1 234,5', 'tkr')).toBe(123450000);
    expect(okValue('0,00001', 'tkr')).toBe(1);
    expect(okValue('12,3 tkr', 'tkr')).toBe(1230000);
  });

  it('does not lose precision through floats', () => {
    // 0.1 + 0.2 style: 9007199254740.99 kr is 900719925474099 öre, exactly.
    expect(okValue('9 007 199 254 740,99', 'kr')).toBe(900719925474099);
  });

  it('refuses malformed input with a Swedish message', () => {
    for (const bad of ['', 'abc', '1,2,3', '1.234,5', '12 34', '1,234', '1,', ',5', '1e5', '--1', '1 2345']) {
      const r = parseAmount(bad, 'kr');
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^Ogiltigt belopp: /);
    }
    expect(parseAmount('0,000001', 'tkr').ok).toBe(false);
    expect(parseAmount('99 999 999 999 999 999', 'kr').ok).toBe(false);
  });

  it('round-trips formatKrExact for any amount in öre', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), (n) => {
        const r = parseAmount(formatKrExact(ore(n)), 'kr');
        expect(r).toEqual({ ok: true, value: n });
      }),
    );
  });
});
