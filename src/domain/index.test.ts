import { describe, expect, it } from 'vitest';
import * as domain from './index.ts';

// Other layers code against these names; a rename must fail here first.
describe('public API', () => {
  it('exports the agreed functions and constants', () => {
    const functions = [
      'ok', 'err', 'ore', 'addOre', 'subOre', 'negOre', 'sumOre', 'isNegative', 'oreFromKronor', 'parseAmount',
      'rateFromPercent', 'rateToPercent', 'applyRate', 'upliftBy', 'divRoundHalfAwayFromZero',
      'allocateLargestRemainder', 'allocateUnits', 'formatKr', 'formatKrExact', 'formatTkr', 'formatNumberSv',
      'formatPercent', 'parsePeriod', 'periodYear', 'periodMonth', 'nextPeriod', 'calendarFiscalYear', 'periodsOf',
      'fiscalYearFrom', 'parseDay', 'categoryForAccount', 'validateRanges', 'descendants', 'rootOf', 'buildTree',
      'validateOrganisations', 'canEditVersion', 'validatePlanLineInput', 'summarize', 'balanceCheck', 'multiYearPlan',
      'compareScenarios', 'resultHistory', 'municipalContributions',
    ];
    const exported = domain as Record<string, unknown>;
    for (const name of functions) expect(typeof exported[name], name).toBe('function');
    expect(domain.ZERO_ORE).toBe(0);
    expect(domain.ZERO_RATE).toBe(0);
    expect(domain.DEFAULT_CATEGORIES).toHaveLength(13);
    expect(domain.DEFAULT_ACCOUNT_RANGES).toHaveLength(16);
  });
});
