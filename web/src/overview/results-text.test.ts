import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../api-types.ts';
import { ore } from '../domain.ts';
import { resultsSentence } from './results-text.ts';

const row = (year: number, result: number, covered = 0, actionPackage = false): ResultRow => ({
  year,
  resultOre: ore(result),
  coveredFromSurplusOre: ore(covered),
  accumulatedSurplusOre: ore(1_000_000),
  uncoveredDeficitOre: ore(0),
  actionPackage,
  note: null,
});

describe('resultsSentence', () => {
  it('tells the story of the seed: two deficit years covered from surplus, one with an action package', () => {
    const text = resultsSentence([row(2010, 100), row(2009, 200), row(2011, -50, 50, true), row(2012, -20, 20), row(2018, 300_000)]);
    expect(text).toBe(
      '2009–2018 var resultatet positivt 3 av 5 år. Underskott åren 2011 och 2012. ' +
        'Underskottet täcktes av tidigare års balanserade överskott (2011 och 2012). ' +
        'Ett åtgärdspaket genomfördes 2011. Resultatet 2018 var 3,0\u00a0tkr; balanserat överskott 10,0\u00a0tkr.',
    );
  });
  it('says so when there is no history', () => {
    expect(resultsSentence([])).toBe('Det finns ingen resultathistorik ännu.');
  });
});
