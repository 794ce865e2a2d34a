import { describe, expect, it } from 'vitest';
import {
  formatAmountShort, formatKr, formatKrExact, formatMnkr, formatNumberSv, formatPercent, formatRate, formatTkr,
} from './format.ts';
import { ore } from './money.ts';
import { rateFromPpm } from './rate.ts';

// Written with explicit escapes so that an ordinary space sneaking in fails the test.
const N = '\u00a0';
const M = '\u2212';

describe('format', () => {
  it('formats whole kronor with no-break thousands and the öre rounded half away from zero', () => {
    expect(formatKr(ore(123456789))).toBe(`1${N}234${N}568${N}kr`);
    expect(formatKr(ore(123456749))).toBe(`1${N}234${N}567${N}kr`);
    expect(formatKr(ore(-150))).toBe(`${M}2${N}kr`);
    expect(formatKr(ore(-49))).toBe(`0${N}kr`);
    expect(formatKr(ore(0))).toBe(`0${N}kr`);
    expect(formatKr(ore(99900))).toBe(`999${N}kr`);
  });

  it('formats exact kronor with two decimals', () => {
    expect(formatKrExact(ore(123456789))).toBe(`1${N}234${N}567,89${N}kr`);
    expect(formatKrExact(ore(-5))).toBe(`${M}0,05${N}kr`);
    expect(formatKrExact(ore(100000))).toBe(`1${N}000,00${N}kr`);
  });

  it('formats tkr and mnkr', () => {
    expect(formatTkr(ore(123456789))).toBe(`1${N}234,6${N}tkr`);
    expect(formatTkr(ore(123456789), 0)).toBe(`1${N}235${N}tkr`);
    expect(formatTkr(ore(300000), 0)).toBe(`3${N}tkr`);
    expect(formatTkr(ore(-34500000))).toBe(`${M}345,0${N}tkr`);
    expect(formatTkr(ore(5000))).toBe(`0,1${N}tkr`); // 0,05 tkr rounds half away
    expect(formatTkr(ore(-4999))).toBe(`0,0${N}tkr`);
    expect(formatMnkr(ore(120_000_000))).toBe(`1,2${N}mnkr`);
    expect(formatAmountShort(ore(120_000_000))).toBe(`1,2${N}mnkr`);
    expect(formatAmountShort(ore(34_500_000))).toBe(`345,0${N}tkr`);
  });

  it('formats plain numbers and percent', () => {
    expect(formatNumberSv(1234.56, 1)).toBe(`1${N}234,6`);
    expect(formatNumberSv(1.005, 2)).toBe('1,01');
    expect(formatNumberSv(-2.5, 0)).toBe(`${M}3`);
    expect(formatNumberSv(1e21, 0)).toBe(`1${N}000${N}000${N}000${N}000${N}000${N}000${N}000`);
    expect(formatNumberSv(1e-7, 2)).toBe('0,00');
    expect(formatNumberSv(12, 2)).toBe('12,00');
    expect(formatPercent(22)).toBe(`22${N}%`);
    expect(formatPercent(21.55, 1)).toBe(`21,6${N}%`);
    expect(formatRate(rateFromPpm(461500))).toBe(`46,15${N}%`);
    expect(formatRate(rateFromPpm(15000), 1)).toBe(`1,5${N}%`);
    expect(() => formatNumberSv(Number.NaN, 0)).toThrow(RangeError);
    expect(() => formatTkr(ore(1), -1)).toThrow(RangeError);
  });
});
