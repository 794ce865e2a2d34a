import { describe, expect, it } from 'vitest';
import {
  agreementOverlaps, agreementYearTotals, contributionsForYear, municipalityPayments, parsePopulationCsv, validateAgreementTerms,
} from './agreement.ts';
import { ore, sumOre } from './money.ts';
import { rateFromPpm } from './rate.ts';

const parties = [
  { code: '2480', name: 'Umeå' }, { code: '2482', name: 'Skellefteå' }, { code: '2403', name: 'Bjurholm' },
];
const key = [
  { municipalityCode: '2480', population: 127_119 }, { municipalityCode: '2482', population: 72_467 },
  { municipalityCode: '2403', population: 2_450 },
];

describe('agreement terms', () => {
  it('names every bad field in Swedish', () => {
    const errors = validateAgreementTerms({ name: ' ', firstYear: 2022, lastYear: 2019, firstYearTotalOre: -1, uplift: rateFromPpm(200_000) });
    expect(errors.map((e) => e.field)).toEqual(['name', 'lastYear', 'firstYearTotalOre', 'upliftPercent']);
    expect(errors[1]?.message).toMatch(/^Sista år:/);
  });

  it('accepts sound terms', () => {
    expect(validateAgreementTerms({ name: 'Samverkan', firstYear: 2019, lastYear: 2022, firstYearTotalOre: 1, uplift: rateFromPpm(20_000) })).toEqual([]);
  });

  it('uplifts the yearly total once a year, rounded each year', () => {
    const totals = agreementYearTotals(2019, 2022, ore(1_887_000_000), rateFromPpm(20_000));
    expect(totals).toEqual([
      { year: 2019, totalOre: 1_887_000_000 }, { year: 2020, totalOre: 1_924_740_000 },
      { year: 2021, totalOre: 1_963_234_800 }, { year: 2022, totalOre: 2_002_499_496 },
    ]);
  });
});

describe('contributions for a year', () => {
  it('add up exactly to the total, in the parties order', () => {
    const r = contributionsForYear(2020, ore(1_925_000_001), parties, key);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((c) => c.municipalityCode)).toEqual(['2480', '2482', '2403']);
    expect(sumOre(r.value.map((c) => c.amountOre))).toBe(1_925_000_001);
  });

  it('property: any total and populations sum exactly', () => {
    for (let i = 0; i < 200; i++) {
      const total = ore(Math.floor(Math.random() * 1e12));
      const k = parties.map((p) => ({ municipalityCode: p.code, population: Math.floor(Math.random() * 200_000) + 1 }));
      const r = contributionsForYear(2020, total, parties, k);
      expect(r.ok && sumOre(r.value.map((c) => c.amountOre))).toBe(total);
    }
  });

  it('refuses a key that misses a party, naming it', () => {
    const r = contributionsForYear(2021, ore(100), parties, key.slice(0, 2));
    expect(r).toEqual({ ok: false, error: ['Fördelningsnyckeln för 2021 saknar invånarantal för Bjurholm.'] });
  });

  it('gives a municipality its payments and shares over the years', () => {
    const r = contributionsForYear(2020, ore(10_000), parties, key);
    if (!r.ok) throw new Error('expected ok');
    const p = municipalityPayments('2403', [{ year: 2020, totalOre: ore(10_000), contributions: r.value }]);
    expect(p.totalOre).toBe(p.years[0]?.amountOre);
    expect(p.years[0]?.sharePpm).toBe(12_100);
  });
});

describe('population CSV', () => {
  it('reads SCB-like rows with a header, names and spaced thousands', () => {
    const r = parsePopulationCsv('Kommun;Namn;År;Folkmängd\n2480;Umeå;2020;"128 901"\r\n2403;Bjurholm;2020;2 430\n');
    expect(r).toEqual({ ok: true, value: [
      { line: 2, municipalityCode: '2480', year: 2020, population: 128_901 },
      { line: 3, municipalityCode: '2403', year: 2020, population: 2_430 },
    ] });
  });

  it('returns every problem with its line number', () => {
    const r = parsePopulationCsv('2480,2020,12x\n248,2020,5\n2480,2020,1\n2480,2020,2\n1;2');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual([
      'Rad 1: folkmängden "12x" ska vara ett heltal.',
      'Rad 2: kommunkoden "248" ska vara fyra siffror.',
      'Rad 4: kommun 2480 år 2020 förekommer redan tidigare i filen.',
      'Rad 5: väntade kommunkod, (namn,) år och folkmängd, fick 2 kolumner.',
    ]);
  });

  it('refuses an empty file', () => {
    expect(parsePopulationCsv('kod;år;folkmängd\n')).toEqual({ ok: false, error: ['Filen innehåller inga rader med folkmängd.'] });
  });
});

describe('agreementOverlaps', () => {
  const a = (id: number, firstYear: number, lastYear: number) => ({ id, name: `A${String(id)}`, firstYear, lastYear });
  it('names each pair of agreements that share years, the years, and the earlier one as the one used', () => {
    expect(agreementOverlaps([a(1, 2019, 2022), a(2, 2023, 2026)])).toEqual([]);
    expect(agreementOverlaps([a(1, 2019, 2022), a(2, 2021, 2024)])).toEqual([{ used: a(1, 2019, 2022), other: a(2, 2021, 2024), from: 2021, to: 2022 }]);
    expect(agreementOverlaps([a(1, 2019, 2022), a(2, 2022, 2022), a(3, 2020, 2021)]).map((o) => [o.used.id, o.other.id, o.from, o.to]))
      .toEqual([[1, 3, 2020, 2021], [1, 2, 2022, 2022]]);
  });
});
