import { describe, expect, it } from 'vitest';
import { ore, parseAmount } from '../domain.ts';
import { krText } from './amount-text.ts';

describe('krText', () => {
  it('writes whole kronor without decimals and keeps öre exact', () => {
    expect(krText(ore(123_456_700))).toBe('1\u00a0234\u00a0567');
    expect(krText(ore(150))).toBe('1,50');
    expect(krText(ore(-500_000))).toBe('\u22125\u00a0000');
  });
  it('is read back to the same amount by parseAmount', () => {
    for (const n of [0, 1, 99, 100, 123_456_789, -250_050]) {
      expect(parseAmount(krText(ore(n)), 'kr')).toEqual({ ok: true, value: n });
    }
  });
});
