import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Party } from './contributions.ts';
import { municipalContributions, validateParties } from './contributions.ts';
import { ore } from './money.ts';

// Västerbotten's 15 municipalities, SCB population 31 Dec 2024 (docs/DOMAIN.md).
const VASTERBOTTEN: Party[] = [
  ['2401', 'Nordmaling', 6942], ['2403', 'Bjurholm', 2359], ['2404', 'Vindeln', 5417], ['2409', 'Robertsfors', 6690],
  ['2417', 'Norsjö', 3968], ['2418', 'Malå', 2962], ['2421', 'Storuman', 5577], ['2422', 'Sorsele', 2357],
  ['2425', 'Dorotea', 2294], ['2460', 'Vännäs', 9132], ['2462', 'Vilhelmina', 6229], ['2463', 'Åsele', 2694],
  ['2480', 'Umeå', 134249], ['2481', 'Lycksele', 12118], ['2482', 'Skellefteå', 78150],
].map(([code, name, population]) => ({ code: String(code), name: String(name), population: Number(population) }));

describe('municipalContributions', () => {
  it('splits 10 mnkr over Västerbotten by population, to the öre', () => {
    const total = ore(1_000_000_000);
    const rows = municipalContributions(total, VASTERBOTTEN);
    expect(VASTERBOTTEN.reduce((s, p) => s + p.population, 0)).toBe(281_138);
    expect(rows.reduce((s, r) => s + r.amountOre, 0)).toBe(1_000_000_000);
    const umea = rows.find((r) => r.name === 'Umeå');
    // 10 000 000 kr × 134 249 / 281 138 = 4 775 199,3697… kr → 4 775 199,37 kr
    expect(umea?.amountOre).toBe(477_519_937);
    expect(rows[0]).toMatchObject({ code: '2401', name: 'Nordmaling', population: 6942 });
  });

  it('sums exactly to any total and keeps each part within one öre of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (total) => {
        const rows = municipalContributions(ore(total), VASTERBOTTEN);
        expect(rows.reduce((s, r) => s + r.amountOre, 0)).toBe(total);
        for (const r of rows) expect(Math.abs(r.amountOre - (total * r.population) / 281_138)).toBeLessThan(1);
      }),
    );
  });

  it('validates parties in Swedish before a split', () => {
    expect(validateParties(VASTERBOTTEN).ok).toBe(true);
    const bad = validateParties([
      { code: 'a', name: 'A', population: 0 },
      { code: 'a', name: 'B', population: -1 },
    ]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toContain('Parten "a" förekommer mer än en gång');
      expect(bad.error.some((e) => e.startsWith('B: invånarantalet'))).toBe(true);
    }
    expect(validateParties([{ code: 'a', name: 'A', population: 0 }])).toEqual({ ok: false, error: ['Alla parter har invånarantalet noll'] });
    expect(() => municipalContributions(ore(1), [{ code: 'a', name: 'A', population: 0 }])).toThrow(RangeError);
  });
});
