// The pure parts of gathering an underlag's numbers: the year of the population figures a key uses,
// and an indicator's value in Swedish with its unit.
import { describe, expect, it } from 'vitest';
import { indicatorValue, keyPopulationYear } from './underlag-data.ts';

const figures = [
  { municipalityCode: '2401', year: 2018, population: 7118 }, { municipalityCode: '2403', year: 2018, population: 2450 },
  { municipalityCode: '2401', year: 2019, population: 7200 }, { municipalityCode: '2403', year: 2019, population: 2460 },
  { municipalityCode: '2401', year: 2024, population: 7000 }, { municipalityCode: '2403', year: 2024, population: 2400 },
];

describe('keyPopulationYear', () => {
  it('finds the year whose figures the key holds, whatever the contribution year', () => {
    const key2018 = [{ municipalityCode: '2401', population: 7118 }, { municipalityCode: '2403', population: 2450 }];
    expect(keyPopulationYear(key2018, 2020, figures)).toBe(2018);
    expect(keyPopulationYear(key2018, 2022, figures)).toBe(2018);
    expect(keyPopulationYear([{ municipalityCode: '2401', population: 7200 }, { municipalityCode: '2403', population: 2460 }], 2021, figures)).toBe(2019);
  });

  it('takes the latest matching year not after the contribution year', () => {
    const same = [...figures, { municipalityCode: '2401', year: 2017, population: 7118 }, { municipalityCode: '2403', year: 2017, population: 2450 }];
    expect(keyPopulationYear([{ municipalityCode: '2401', population: 7118 }, { municipalityCode: '2403', population: 2450 }], 2020, same)).toBe(2018);
    expect(keyPopulationYear([{ municipalityCode: '2401', population: 7000 }, { municipalityCode: '2403', population: 2400 }], 2020, figures)).toBeUndefined();
  });

  it('has no year for a key entered by hand that matches no stored figures, or an empty key', () => {
    expect(keyPopulationYear([{ municipalityCode: '2401', population: 7118 }, { municipalityCode: '2403', population: 1 }], 2020, figures)).toBeUndefined();
    expect(keyPopulationYear([], 2020, figures)).toBeUndefined();
  });
});

describe('indicatorValue', () => {
  it('prints Swedish numbers with the unit, a count without one', () => {
    expect(indicatorValue(80.4, '%')).toBe('80,4\u00a0%');
    expect(indicatorValue(272000, 'antal')).toBe('272\u00a0000');
    expect(indicatorValue(1.25, 'mnkr')).toBe('1,25\u00a0mnkr');
  });
});
