import { describe, expect, it } from 'vitest';
import { goalContentsText, indicatorProgress, parseOutcomeValue, strategyForYear, validateIndicator, validateStrategy } from './goals.ts';
import { batches, koladaDataUrl, parseKoladaData } from './kolada.ts';

import page1 from '../../test/fixtures/kolada/N01951-2024-page1.json' with { type: 'json' };
import split from '../../test/fixtures/kolada/N00914-2023.json' with { type: 'json' };

describe('strategy history', () => {
  const periods = [{ fromYear: 2014, strategyCode: 'RUS-2014-2020' }, { fromYear: 2021, strategyCode: 'RUS-2020-2030' }];
  it('gives the strategy that applies each year, keeping the old one for earlier years', () => {
    expect(strategyForYear(periods, 2013)).toBeUndefined();
    expect(strategyForYear(periods, 2020)).toBe('RUS-2014-2020');
    expect(strategyForYear(periods, 2021)).toBe('RUS-2020-2030');
  });
  it('names the bad fields of a strategy', () => {
    expect(validateStrategy({ code: 'x y', name: '', firstYear: 2030, lastYear: 2020, subStrategies: [] }).map((e) => e.field)).toEqual(['code', 'name', 'lastYear', 'subStrategies']);
  });
});

describe('indicators', () => {
  const base = { name: 'Förvärvsarbetande', unit: '%', direction: 'higher' as const, koladaKpi: 'N00914', genderSplit: true, baselineYear: 2017, baselineValue: 80, targets: [{ year: 2020, target: 81 }] };
  it('accepts a Kolada KPI id and refuses anything else', () => {
    expect(validateIndicator(base)).toEqual([]);
    expect(validateIndicator({ ...base, koladaKpi: 'X123' })[0]?.message).toMatch(/^Kolada-id: "X123"/);
    expect(validateIndicator({ ...base, baselineYear: null })[0]?.field).toBe('baselineValue');
  });
  it('judges progress in the indicator direction', () => {
    expect(indicatorProgress('higher', 81, 81.2)).toBe('reached');
    expect(indicatorProgress('lower', 5, 5.5)).toBe('not-reached');
    expect(indicatorProgress('higher', undefined, 1)).toBe('no-target');
    expect(indicatorProgress('higher', 1, undefined)).toBe('no-outcome');
  });
  it('reads outcomes typed the Swedish way', () => {
    expect(parseOutcomeValue('78,5')).toEqual({ ok: true, value: 78.5 });
    expect(parseOutcomeValue('1 234')).toEqual({ ok: true, value: 1234 });
    expect(parseOutcomeValue('abc').ok).toBe(false);
  });
});

describe('Kolada v3', () => {
  it('asks for at most 20 areas a call', () => {
    const areas = Array.from({ length: 45 }, (_, i) => String(2400 + i));
    expect(batches(areas).map((b) => b.length)).toEqual([20, 20, 5]);
    expect(koladaDataUrl('N01951', ['2480', '0024'], [2023, 2024])).toBe('https://api.kolada.se/v3/data/kpi/N01951/municipality/2480,0024/year/2023,2024');
    expect(() => koladaDataUrl('N01951', areas, [2024])).toThrow(RangeError);
  });
  it('reads a recorded page with its next page', () => {
    const r = parseKoladaData(page1);
    expect(r.ok && r.value.values[0]).toEqual({ kpi: 'N01951', area: '2401', year: 2024, gender: 'T', value: 6942 });
    expect(r.ok && r.value.nextPage).toMatch(/page=2/);
  });
  it('reads values split by sex, with a missing value as null', () => {
    const r = parseKoladaData(split);
    if (!r.ok) throw new Error(r.error);
    expect(new Set(r.value.values.map((v) => v.gender))).toEqual(new Set(['K', 'M', 'T']));
    expect(r.value.values.find((v) => v.area === '0000' && v.gender === 'M')?.value).toBeNull();
  });
  it('says what is wrong with an answer of the wrong shape', () => {
    expect(parseKoladaData({ error: 'x' })).toEqual({ ok: false, error: 'Svaret från Kolada saknar listan "values".' });
    expect(parseKoladaData({ values: [{ kpi: 'N1', municipality: '2480', period: '2024', values: [] }] }).ok).toBe(false);
    expect(parseKoladaData({ values: [{ kpi: 'N1', municipality: '2480', period: 2024, values: [{ gender: 'X', value: 1 }] }] }).ok).toBe(false);
  });
});

describe('goalContentsText', () => {
  it('names what a goal holds in Swedish, singular and plural, as a list', () => {
    expect(goalContentsText({ indicators: 0, outcomes: 0, activities: 0, assessments: 0 })).toBe('');
    expect(goalContentsText({ indicators: 1, outcomes: 0, activities: 0, assessments: 0 })).toBe('1 indikator');
    expect(goalContentsText({ indicators: 2, outcomes: 3, activities: 1, assessments: 0 })).toBe('2 indikatorer (med 3 utfall) och 1 aktivitet');
    expect(goalContentsText({ indicators: 1, outcomes: 1, activities: 2, assessments: 1 })).toBe('1 indikator (med 1 utfall), 2 aktiviteter och 1 bedömning');
  });
});
