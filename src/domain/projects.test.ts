import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkProject, endingRevenueFlags, FINANCING_TYPES, financingTypeProblem, FUNDERS, defaultFinancingType, projectBudget, projectPlanFeed, staffHourlyRate, staffUnitCost,
  STAFF_UPLIFT_PPM, validateProjectTerms, type FinancingRow, type ProjectPlan,
} from './projects.ts';
import { addDays, lastDayOf, projectCashFlow } from './project-cash-flow.ts';
import { ore, sumOre } from './money.ts';

const kr = (n: number) => ore(n * 100);

// One project manager at 45 000 kr a month, 860 h a year (half time), 2021–2022, flat rate 15 %.
const base: ProjectPlan = {
  programme: 'ERUF Övre Norrland', startPeriod: '2021-01', endPeriod: '2022-12', flatRate: '15',
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
    expect(issues[0]).toEqual({ field: 'financing', message: expect.stringMatching(/^Finansiering: 2021 är finansieringen 0,00 kr men kostnaden 330 496,55 kr \(330 496,55 kr saknas\)\.$/) });
  });

  const funded = (erufShare: number): ProjectPlan => ({
    ...base,
    financing: budget.flatMap((y) => {
      const eruf = ore(Math.floor(y.totalOre * erufShare));
      return [{ funder: 'eruf', type: 'eu', year: y.year, amountOre: eruf }, { funder: 'egen', type: 'public-cash', year: y.year, amountOre: ore(y.totalOre - eruf) }];
    }),
  });

  it('accepts ERUF at 50 % with own co-financing', () => {
    expect(checkProject(funded(0.5))).toEqual([]);
  });

  it('refuses EU support above the programme\'s 50 %, naming the share', () => {
    expect(checkProject(funded(0.55))).toEqual([{ field: 'financing', message: 'EU-stöd: ERUF Övre Norrland (EU) står för 55,0 % av kostnaderna; programmet ERUF Övre Norrland medger högst 50 %.' }]);
  });

  it('checks against the project\'s own maximum share where it has one', () => {
    expect(checkProject({ ...funded(0.55), maxShares: [{ funder: 'eruf', maxSharePpm: 600_000 }] })).toEqual([]);
    expect(checkProject({ ...funded(0.5), maxShares: [{ funder: 'eruf', maxSharePpm: 425_000 }] })).toEqual([
      { field: 'financing', message: 'EU-stöd: ERUF Övre Norrland (EU) står för 50,0 % av kostnaderna; programmet ERUF Övre Norrland medger högst 42,5 % i det här projektet.' },
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

describe('financing types', () => {
  const funded = (erufShare: number): FinancingRow[] => projectBudget(base).flatMap((y) => {
    const eruf = ore(Math.floor(y.totalOre * erufShare));
    return [{ funder: 'eruf', type: 'eu' as const, year: y.year, amountOre: eruf }, { funder: 'egen', type: 'public-cash' as const, year: y.year, amountOre: ore(y.totalOre - eruf) }];
  });
  // The municipalities put in staff time worth 100 000 kr in 2021: a cost of the project and the same amount of financing in kind.
  const inKind: ProjectPlan = {
    ...base,
    costs: [...base.costs, { year: 2021, category: 'in-natura', amountOre: kr(100_000) }],
    financing: [...funded(0.5), { funder: 'kommuner', type: 'public-in-kind', year: 2021, amountOre: kr(100_000) }],
  };

  it('lets each funder give only its types, the EU funds only EU support', () => {
    expect(financingTypeProblem('kommuner', 'eu')).toBe('Finansiering: Kommuner kan inte ge EU-stöd; välj offentlig kontant medfinansiering eller offentlig medfinansiering i annat än pengar (bidrag in natura) eller projektintäkter.');
    expect(financingTypeProblem('eruf', 'public-cash')).toMatch(/^Finansiering: ERUF Övre Norrland \(EU\) kan inte ge offentlig kontant medfinansiering; välj EU-stöd\.$/);
    expect(financingTypeProblem('privat', 'public-in-kind')).not.toBeNull();
    expect(financingTypeProblem('kommuner', 'public-in-kind')).toBeNull();
    expect(Object.fromEntries(FUNDERS.map((f) => [f.code, defaultFinancingType(f)]))).toEqual({
      eruf: 'eu', esf: 'eu', interreg: 'eu', 'regional-1-1': 'public-cash', tillvaxtverket: 'public-cash', vinnova: 'public-cash', kommuner: 'public-cash',
      privat: 'private', egen: 'public-cash',
    });
    expect(checkProject({ ...base, financing: [{ funder: 'kommuner', type: 'eu', year: 2021, amountOre: kr(1) }] }).map((i) => i.message)).toContain(financingTypeProblem('kommuner', 'eu'));
  });

  it('sums the financing per type and year, in kind among the costs but not among the money', () => {
    const y = projectBudget(inKind)[0];
    const cost = 31_395 * 860 + kr(20_000) + Math.round(31_395 * 860 * 0.15);
    expect(y).toMatchObject({ totalOre: cost + kr(100_000), inKindCostOre: kr(100_000), cashCostOre: cost });
    expect(y?.byType).toEqual({ eu: Math.floor(cost * 0.5), 'public-cash': cost - Math.floor(cost * 0.5), 'public-in-kind': kr(100_000), private: 0, income: 0 });
    expect(y?.externalOre).toBe(Math.floor(cost * 0.5)); // ERUF's money only: own funding and the municipalities' time are no money from outside
    expect(checkProject(inKind)).toEqual([]);
  });

  it('says when the value in kind is not the same among the costs and in the financing', () => {
    const noCost = { ...inKind, costs: base.costs };
    expect(checkProject(noCost).map((i) => i.message)).toEqual([
      'Finansiering: 2021 är finansieringen 430 497 kr men kostnaden 330 497 kr (100 000 kr för mycket).',
      'Finansiering: 2021 är medfinansieringen i annat än pengar 100 000 kr men kostnaden för bidrag i annat än pengar 0 kr; värdet av ett bidrag in natura ska stå lika stort bland kostnaderna och i finansieringen.',
    ]);
    // Balanced in total but the in-kind value booked as cash financing: still refused.
    const asCash = { ...inKind, financing: inKind.financing.map((f) => (f.funder === 'kommuner' ? { ...f, type: 'public-cash' as const } : f)) };
    expect(checkProject(asCash).map((i) => i.message)).toEqual([expect.stringMatching(/^Finansiering: 2021 är medfinansieringen i annat än pengar 0 kr men kostnaden för bidrag i annat än pengar 100 000 kr;/)]);
  });

  it('counts a funder\'s contribution in kind towards its maximum share', () => {
    const cost = projectBudget(base)[0]?.totalOre ?? 0;
    const p: ProjectPlan = {
      ...base, programme: 'Regionala projektmedel (1:1)', endPeriod: '2021-12', staff: base.staff.slice(0, 1), costs: [...base.costs.slice(0, 1), { year: 2021, category: 'in-natura', amountOre: kr(50_000) }],
      financing: [
        { funder: 'regional-1-1', type: 'public-cash', year: 2021, amountOre: ore(Math.floor(cost / 2)) },
        { funder: 'regional-1-1', type: 'public-in-kind', year: 2021, amountOre: kr(50_000) },
        { funder: 'egen', type: 'public-cash', year: 2021, amountOre: ore(cost - Math.floor(cost / 2)) },
      ],
    };
    expect(checkProject(p).map((i) => i.message)).toEqual([expect.stringMatching(/^Finansiering: Regionala projektmedel \(1:1\) står för 5\d,\d % av kostnaderna; högst 50 % är tillåtet\.$/)]);
  });

  it('takes EU support only from the programme\'s fund', () => {
    const fromEsf = funded(0.5).map((f) => (f.funder === 'eruf' ? { ...f, funder: 'esf' } : f));
    expect(checkProject({ ...base, financing: fromEsf }).map((i) => i.message)).toEqual([expect.stringMatching(/^EU-stöd: projektet söker från ERUF Övre Norrland, så EU-stödet kan inte komma från ESF\+ \(EU\) \(\d[\d ]* kr\)\.$/)]);
    expect(checkProject({ ...base, programme: 'Vinnova', financing: funded(0.5) }).map((i) => i.message)).toEqual([expect.stringMatching(/^EU-stöd: programmet Vinnova ger inget EU-stöd, men finansieringsplanen har \d[\d ]* kr från ERUF Övre Norrland \(EU\)\.$/)]);
    expect(checkProject({ ...base, programme: 'ESF+', financing: fromEsf })).toEqual([]);
  });

  it('keeps contributions in kind out of the plan and the cash flow', () => {
    const feed = projectPlanFeed(inKind);
    const withoutInKind = projectPlanFeed({ ...inKind, costs: base.costs, financing: funded(0.5) });
    expect(feed).toEqual(withoutInKind);
    const cf = projectCashFlow(inKind, 6, 80);
    expect(sumOre(cf.months.map((m) => m.costOre))).toBe(sumOre(projectBudget(inKind).map((y) => y.cashCostOre)));
    expect(cf).toEqual(projectCashFlow({ ...inKind, costs: base.costs, financing: funded(0.5) }, 6, 80));
  });

  it('finds financing equal to cost exactly to the öre, whatever the split over types (property)', () => {
    const type = fc.constantFrom(...FINANCING_TYPES.map((t) => t.code));
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 500_000_000 }), fc.integer({ min: 0, max: 500_000_000 }), fc.integer({ min: 0, max: 1_720 }),
      fc.array(fc.tuple(type, fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 5 }), fc.integer({ min: -3, max: 3 }),
      (other, inKindValue, hours, weights, off) => {
        const plan: ProjectPlan = {
          ...base, endPeriod: '2021-12', staff: [{ role: 'PL', year: 2021, monthlySalaryOre: kr(45_000), hours }],
          costs: [{ year: 2021, category: 'ovriga', amountOre: ore(other) }, { year: 2021, category: 'in-natura', amountOre: ore(inKindValue) }],
        };
        const year = projectBudget(plan)[0];
        if (!year) throw new Error('no year');
        // Cash financing split over the types and funders by weight, summing exactly to the cash cost, plus `off` öre.
        const funderOf = { eu: 'eruf', 'public-cash': 'kommuner', 'public-in-kind': 'kommuner', private: 'privat', income: 'privat' } as const;
        const cashWeights = weights.filter(([t]) => t !== 'public-in-kind');
        const parts = cashWeights.length === 0 ? [] : splitExact(year.cashCostOre + off, cashWeights.map(([, w]) => w));
        const rows = new Map<string, FinancingRow>();
        cashWeights.forEach(([t], i) => {
          const key = `${funderOf[t]}:${t}`;
          rows.set(key, { funder: funderOf[t], type: t, year: 2021, amountOre: ore((rows.get(key)?.amountOre ?? 0) + (parts[i] ?? 0)) });
        });
        if (cashWeights.length === 0) rows.set('egen', { funder: 'egen', type: 'public-cash', year: 2021, amountOre: ore(year.cashCostOre + off) });
        rows.set('in-kind', { funder: 'kommuner', type: 'public-in-kind', year: 2021, amountOre: ore(inKindValue) });
        const issues = checkProject({ ...plan, maxShares: FUNDERS.map((f) => ({ funder: f.code, maxSharePpm: 1_000_000 })), financing: [...rows.values()] });
        const balanceIssues = issues.filter((i) => i.message.startsWith('Finansiering: 2021 är finansieringen'));
        expect(balanceIssues).toHaveLength(off === 0 ? 0 : 1);
        if (off !== 0) expect(balanceIssues[0]?.message).toContain(`(0,0${Math.abs(off)} kr ${off < 0 ? 'saknas' : 'för mycket'})`);
      },
    ), { numRuns: 300 });
  });
});

/** Splits an amount in whole öre by weights so the parts add up exactly (the remainder to the first parts). */
function splitExact(amount: number, weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const parts = weights.map((w) => Math.floor((amount * w) / total));
  let rest = amount - parts.reduce((s, p) => s + p, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i] = (parts[i] ?? 0) + 1;
  return parts;
}

describe('cash flow', () => {
  it('knows the calendar', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(addDays('2021-03-31', 80)).toBe('2021-06-19');
  });

  it('claims every 3 months, is paid 80 days later, and pre-finances the external share until then', () => {
    const p: ProjectPlan = {
      programme: 'ERUF Övre Norrland', startPeriod: '2021-01', endPeriod: '2021-06', flatRate: 'none', staff: [],
      costs: [{ year: 2021, category: 'externa-tjanster', amountOre: kr(600_000) }],
      financing: [{ funder: 'eruf', type: 'eu', year: 2021, amountOre: kr(300_000) }, { funder: 'egen', type: 'public-cash', year: 2021, amountOre: kr(300_000) }],
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
