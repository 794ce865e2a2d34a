import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../domain/category.ts';
import { oreFromKronor } from '../domain/money.ts';
import type { Ore } from '../domain/money.ts';
import { resultHistory } from '../domain/result-history.ts';
import { summarize } from '../domain/summary.ts';
import {
  draftBalanceSentence, draftLargestCostsSentence, draftResultHistorySentence, draftResultSentence, draftRevenueSharesSentence,
} from './drafting.ts';
import { DEMO_DATA } from './fixtures/demo-input.ts';

const tkr = (n: number): Ore => oreFromKronor(n * 1000);
const s2018 = DEMO_DATA.summaries[0]?.summary;
const s2020 = DEMO_DATA.summaries[1]?.summary;
if (!s2018 || !s2020) throw new Error('fixture');
const sum = (amounts: Record<string, number>, frame: number | null = null) => summarize({
  amounts: Object.entries(amounts).map(([category, t]) => ({ category, amountOre: tkr(t) })),
  categories: DEFAULT_CATEGORIES,
  frameOre: frame === null ? null : tkr(frame),
});
const N = '\u00a0';

describe('draftRevenueSharesSentence', () => {
  it('writes the seed sentence from the demo numbers (golden)', () => {
    expect(draftRevenueSharesSentence(s2018, 2018)).toBe(
      `Under 2018 stod regionen och kommunerna för drygt 50${N}% av intäkterna, kultursamverkansmodellen 22${N}%, projektfinansiering 21${N}%, seminarie- och konferensarrangemang 5${N}% samt länsstyrelsen 1${N}%.`,
    );
  });
  it('names the region alone when the municipalities pay nothing, and one source alone', () => {
    expect(draftRevenueSharesSentence(sum({ regionbidrag: 700, projektmedel: 250, avgifter: 50 }), 2019)).toBe(
      `Under 2019 stod regionen för 70${N}% av intäkterna, projektfinansiering 25${N}% samt seminarie- och konferensarrangemang 5${N}%.`,
    );
    expect(draftRevenueSharesSentence(sum({ kultursamverkan: 10 }), 2019)).toBe(`Under 2019 stod kultursamverkansmodellen för 100${N}% av intäkterna.`);
    expect(draftRevenueSharesSentence(sum({}), 2019)).toBe('Under 2019 fanns inga intäkter.');
  });
});

describe('draftResultSentence', () => {
  it('positive, negative, zero and below one tkr', () => {
    expect(draftResultSentence(s2018, 2018)).toBe(`Årsbokslutet per 2018-12-31 uppvisar ett positivt resultatutfall på 3${N}tkr.`);
    expect(draftResultSentence(sum({ regionbidrag: 100, personal: 1340 }), 2011)).toBe(`Årsbokslutet per 2011-12-31 uppvisar ett negativt resultatutfall på 1${N}240${N}tkr.`);
    expect(draftResultSentence(sum({ regionbidrag: 100, personal: 100 }), 2012, '2012-06-30')).toBe('Årsbokslutet per 2012-06-30 uppvisar ett nollresultat.');
    expect(draftResultSentence(sum({ regionbidrag: 100.4, personal: 100 }), 2013)).toBe(`Årsbokslutet per 2013-12-31 uppvisar ett positivt resultatutfall på 400${N}kr.`);
  });
});

describe('draftResultHistorySentence', () => {
  it('two deficit years covered from earlier surplus, one with an action package (golden)', () => {
    expect(draftResultHistorySentence(DEMO_DATA.resultHistory ?? [])).toBe(
      'Under de 10 åren 2009–2018 har årsboksluten, med två undantag (2011 och 2015), visat positiva resultat. '
      + 'Under båda underskottsåren kunde underskotten hanteras direkt via tidigare års balanserade överskott. '
      + 'År 2015 genomfördes ett åtgärdspaket inom verksamheten och underskottet kunde därmed reduceras.',
    );
  });
  it('no deficits; one deficit only partly covered, with its deadline', () => {
    const rows = resultHistory([{ year: 2016, resultOre: tkr(10), actionPackage: false }, { year: 2017, resultOre: tkr(0), actionPackage: false }], tkr(0));
    expect(draftResultHistorySentence(rows)).toBe('Under de 2 åren 2016–2017 har samtliga årsbokslut visat positiva resultat eller nollresultat.');
    const partly = resultHistory([
      { year: 2016, resultOre: tkr(100), actionPackage: false },
      { year: 2017, resultOre: tkr(-300), actionPackage: true },
      { year: 2018, resultOre: tkr(50), actionPackage: false },
    ], tkr(0));
    expect(draftResultHistorySentence(partly)).toBe(
      'Under de 3 åren 2016–2018 har årsboksluten, med ett undantag (2017), visat positiva resultat. '
      + `Underskottet 2017 täcktes till 100${N}tkr av balanserat överskott; 200${N}tkr ska återställas senast 2020. `
      + 'År 2017 genomfördes ett åtgärdspaket inom verksamheten och underskottet kunde därmed reduceras.',
    );
    expect(draftResultHistorySentence([])).toBe('');
  });
});

describe('draftBalanceSentence', () => {
  it('in balance within the frame (golden)', () => {
    expect(draftBalanceSentence(s2020, 2020)).toBe(
      `Budgeten för 2020 är i balans. Intäkterna överstiger kostnaderna med 14${N}tkr, och nettokostnaden på 32${N}536${N}tkr ryms inom ramen på 32${N}550${N}tkr med 14${N}tkr till godo.`,
    );
  });
  it('over the frame, with a deficit, and without a frame', () => {
    expect(draftBalanceSentence(sum({ regionbidrag: 1000, kommunbidrag: 200, personal: 1300 }, 1000), 2021, 'Budgetförslaget')).toBe(
      `Budgetförslaget för 2021 är inte i balans. Kostnaderna överstiger intäkterna med 100${N}tkr, och nettokostnaden på 1${N}100${N}tkr överskrider ramen på 1${N}000${N}tkr med 100${N}tkr.`,
    );
    expect(draftBalanceSentence(sum({ regionbidrag: 1000, personal: 1000 }, 1000), 2021)).toBe(
      `Budgeten för 2021 är i balans. Intäkterna och kostnaderna är lika stora, och nettokostnaden på 1${N}000${N}tkr ryms inom ramen på 1${N}000${N}tkr.`,
    );
    expect(draftBalanceSentence(sum({ regionbidrag: 1000, personal: 900 }), 2022)).toBe(
      `Ingen ram är ännu satt för 2022, så budgeten kan bara bedömas mot resultatet. Intäkterna överstiger kostnaderna med 100${N}tkr.`,
    );
  });
});

describe('draftLargestCostsSentence', () => {
  it('names the three largest costs and their joint share (golden)', () => {
    expect(draftLargestCostsSentence(s2018, 2018)).toBe(
      `De största kostnaderna under 2018 avsåg personal, externa bidrag och ägaranslag, som tillsammans stod för knappt 84${N}% av kostnaderna.`,
    );
  });
  it('one cost, and none', () => {
    expect(draftLargestCostsSentence(sum({ personal: 10 }), 2018, 1)).toBe(`Den största kostnaden under 2018 avsåg personal, som stod för 100${N}% av kostnaderna.`);
    expect(draftLargestCostsSentence(sum({}), 2018)).toBe('Inga kostnader är redovisade för 2018.');
  });
});
