import { describe, expect, it } from 'vitest';
import {
  checkProject, endingRevenueFlags, projectBudget, projectPlanFeed, staffHourlyRate, staffUnitCost, STAFF_UPLIFT_PPM, validateProjectTerms, type ProjectPlan,
} from './projects.ts';
import { addDays, lastDayOf, projectCashFlow } from './project-cash-flow.ts';
import { ore, sumOre } from './money.ts';

const kr = (n: number) => ore(n * 100);

// One project manager at 45 000 kr a month, 860 h a year (half time), 2021–2022, flat rate 15 %.
const base: ProjectPlan = {
  startPeriod: '2021-01', endPeriod: '2022-12', flatRate: '15',
  staff: [
    { role: 'Projektledare', year: 2021, monthlySalaryOre: kr(45_000), hours: 860 },
    { role: 'Projektledare', year: 2022, monthlySalaryOre: kr(45_000), hours: 860 },
  ],
  costs: [{ year: 2021, category: 'resor', amountOre: kr(20_000) }, { year: 2022, category: 'resor', amountOre: kr(20_000) }],
  financing: [], staffUpliftPpm: 0, maxShares: [],
};

describe('staff unit cost', () => {
  it('is monthly salary × 12 / 1 720 h, rounded to whole öre', () => {
    expect(staffHourlyRate(kr(45_000))).toBe(31_395); // 313,953… kr → 313,95 kr
    expect(staffHourlyRate(kr(43_000))).toBe(30_000);
  });

  it('is uplifted 2,4 % a year after the project\'s first year, rounded to whole öre each year', () => {
    expect(STAFF_UPLIFT_PPM).toBe(24_000);
    expect(staffUnitCost(kr(43_000), 2021, 2021, STAFF_UPLIFT_PPM)).toBe(30_000);
    expect(staffUnitCost(kr(43_000), 2022, 2021, STAFF_UPLIFT_PPM)).toBe(30_720);
    expect(staffUnitCost(kr(43_000), 2023, 2021, STAFF_UPLIFT_PPM)).toBe(31_457); // 30 720 × 1,024 = 31 457,28
    expect(staffUnitCost(kr(43_000), 2020, 2021, STAFF_UPLIFT_PPM)).toBe(30_000);
  });

  it('feeds the uplifted rate into the budget of later years', () => {
    const budget = projectBudget({ ...base, staffUpliftPpm: STAFF_UPLIFT_PPM });
    expect(budget[0]?.staffOre).toBe(31_395 * 860);
    expect(budget[1]?.staffOre).toBe(32_148 * 860); // 31 395 × 1,024 = 32 148,48 → 32 148
  });
});

describe('maximum shares per project', () => {
  it('accepts a lower or higher share within the funder\'s ceiling, never regional 1:1 above 50 %', () => {
    expect(validateProjectTerms([{ funder: 'eruf', maxSharePpm: 600_000 }, { funder: 'regional-1-1', maxSharePpm: 400_000 }], STAFF_UPLIFT_PPM)).toEqual([]);
    expect(validateProjectTerms([{ funder: 'regional-1-1', maxSharePpm: 600_000 }], STAFF_UPLIFT_PPM)).toEqual([
      { field: 'maxShares', message: 'Högsta andel: Regionala projektmedel (1:1) får stå för högst 50 % av ett projekts kostnader; ange 0–50 %.' },
    ]);
    expect(validateProjectTerms([{ funder: 'okand', maxSharePpm: 1 }], 24_000)[0]?.field).toBe('maxShares');
    expect(validateProjectTerms([], 200_000)[0]?.field).toBe('staffUpliftPercent');
  });
});

describe('project budget and checks', () => {
  const budget = projectBudget(base);
  it('adds staff at unit cost, direct costs and the 15 % flat rate on staff', () => {
    expect(budget[0]).toMatchObject({ year: 2021, staffOre: 31_395 * 860, directOtherOre: kr(20_000), flatRateOre: Math.round(31_395 * 860 * 0.15) });
    expect(budget[0]?.totalOre).toBe(31_395 * 860 + kr(20_000) + Math.round(31_395 * 860 * 0.15));
  });

  it('says by how much financing falls short of cost, per year', () => {
    const issues = checkProject(base);
    expect(issues).toHaveLength(2);
    expect(issues[0]).toEqual({ field: 'financing', message: expect.stringMatching(/^Finansiering: 2021 är finansieringen 0 kr men kostnaden 330 497 kr \(330 497 kr saknas\)\.$/) });
  });

  const funded = (erufShare: number): ProjectPlan => ({
    ...base,
    financing: budget.flatMap((y) => {
      const eruf = ore(Math.floor(y.totalOre * erufShare));
      return [{ funder: 'eruf', year: y.year, amountOre: eruf }, { funder: 'egen', year: y.year, amountOre: ore(y.totalOre - eruf) }];
    }),
  });

  it('accepts ERUF at 50 % with own co-financing', () => {
    expect(checkProject(funded(0.5))).toEqual([]);
  });

  it('refuses ERUF above 50 %, naming the share', () => {
    expect(checkProject(funded(0.55))).toEqual([{ field: 'financing', message: 'Finansiering: ERUF Övre Norrland (EU) står för 55,0 % av kostnaderna; högst 50 % är tillåtet.' }]);
  });

  it('checks against the project\'s own maximum share where it has one', () => {
    expect(checkProject({ ...funded(0.55), maxShares: [{ funder: 'eruf', maxSharePpm: 600_000 }] })).toEqual([]);
    expect(checkProject({ ...funded(0.5), maxShares: [{ funder: 'eruf', maxSharePpm: 425_000 }] })).toEqual([
      { field: 'financing', message: 'Finansiering: ERUF Övre Norrland (EU) står för 50,0 % av kostnaderna; högst 42,5 % är tillåtet i det här projektet.' },
    ]);
  });

  it('refuses other costs beside the 40 % flat rate, and years outside the period', () => {
    const issues = checkProject({ ...funded(0.5), flatRate: '40', costs: [...base.costs, { year: 2024, category: 'ovriga', amountOre: kr(1) }] });
    expect(issues.map((i) => i.message)).toEqual(expect.arrayContaining([
      'Kostnader: 2024 ligger utanför projektperioden 2021-01–2022-12.',
      expect.stringMatching(/^Kostnader: schablonen 40 % täcker alla kostnader utöver personal, så resor och logi 2021/),
    ]));
  });

  it('feeds the plan with external revenue and direct costs, and flags revenue that ends', () => {
    const p = { ...funded(0.5), endPeriod: '2022-06' };
    const feed = projectPlanFeed(p);
    expect(feed[0]?.costOre).toBe(31_395 * 860 + kr(20_000));
    const flags = endingRevenueFlags('Test', p);
    expect(flags.map((f) => f.year)).toEqual([2022, 2023]);
    expect(flags[1]?.message).toMatch(/^Projektet Test slutade 2022-06: intäkterna .* från 2022 finns inte längre\.$/);
  });
});

describe('cash flow', () => {
  it('knows the calendar', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(addDays('2021-03-31', 80)).toBe('2021-06-19');
  });

  it('claims every 3 months, is paid 80 days later, and pre-finances the external share until then', () => {
    const p: ProjectPlan = {
      startPeriod: '2021-01', endPeriod: '2021-06', flatRate: 'none', staff: [],
      costs: [{ year: 2021, category: 'externa-tjanster', amountOre: kr(600_000) }],
      financing: [{ funder: 'eruf', year: 2021, amountOre: kr(300_000) }, { funder: 'egen', year: 2021, amountOre: kr(300_000) }],
      staffUpliftPpm: STAFF_UPLIFT_PPM, maxShares: [],
    };
    const cf = projectCashFlow(p, 3, 80);
    expect(cf.claims.map((c) => [c.fromPeriod, c.toPeriod, c.amountOre, c.paymentDay])).toEqual([
      ['2021-01', '2021-03', kr(150_000), '2021-06-19'],
      ['2021-04', '2021-06', kr(150_000), '2021-09-18'],
    ]);
    expect(sumOre(cf.months.map((m) => m.costOre))).toBe(kr(600_000));
    expect(cf.months.map((m) => m.preFinancedOre / 100)).toEqual([50_000, 100_000, 150_000, 200_000, 250_000, 150_000, 150_000, 150_000, 0]);
    expect(cf.maxPreFinancedOre).toBe(kr(250_000));
    expect(cf.maxPreFinancedPeriod).toBe('2021-05');
  });
});
