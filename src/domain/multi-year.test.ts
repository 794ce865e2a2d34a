import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CATEGORIES } from './category.ts';
import type { Ore } from './money.ts';
import { ore } from './money.ts';
import type { MultiYearInput, MultiYearPlan } from './multi-year.ts';
import { compareScenarios, framesForYears, multiYearPlan, STAFF_LINE_KEY } from './multi-year.ts';
import type { Rate } from './rate.ts';
import { rateFromPercent, rateFromPpm, ZERO_RATE } from './rate.ts';

const pct = (t: string): Rate => {
  const r = rateFromPercent(t);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const tkr = (n: number): Ore => ore(n * 100_000);
const plan = (input: MultiYearInput): MultiYearPlan => {
  const r = multiYearPlan(input);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const amountsOf = (p: MultiYearPlan | undefined, key: string): number[] =>
  p?.lines.find((l) => l.key === key)?.amounts.map((a) => a.amountOre) ?? [];
const categoryAmounts = (p: MultiYearPlan, code: string): number[] =>
  p.byCategory.find((c) => c.category === code)?.amounts.map((a) => a.amountOre) ?? [];

const base: MultiYearInput = {
  baseYear: 2025,
  years: [2026, 2027, 2028],
  categories: DEFAULT_CATEGORIES,
  baseLines: [
    { key: 'rb', category: 'regionbidrag', amountOre: tkr(20_000) },
    { key: 'kb', category: 'kommunbidrag', amountOre: tkr(10_000) },
    { key: 'pers', category: 'personal', amountOre: tkr(25_000) },
    { key: 'bid', category: 'bidrag', amountOre: tkr(5_000) },
  ],
  uplift: { regionbidrag: pct('2'), personal: pct('2,5') },
  defaultUplift: pct('1'),
};

describe('multiYearPlan', () => {
  it('compounds the uplift per category year by year, rounding each step', () => {
    const p = plan(base);
    expect(p.years).toEqual([2026, 2027, 2028]);
    expect(amountsOf(p, 'rb')).toEqual([2_040_000_000, 2_080_800_000, 2_122_416_000]);
    expect(amountsOf(p, 'kb')).toEqual([1_010_000_000, 1_020_100_000, 1_030_301_000]);
    expect(amountsOf(p, 'pers')).toEqual([2_562_500_000, 2_626_562_500, 2_692_226_563]);
    expect(p.lines.find((l) => l.key === 'rb')?.baseAmountOre).toBe(tkr(20_000));
    expect(categoryAmounts(p, 'lokaler')).toEqual([0, 0, 0]);
    expect(p.byCategory[0]?.category).toBe('regionbidrag');
    expect(p.byCategory.at(-1)?.kind).toBe('cost');
  });

  it('computes totals, net cost against the frame and the balance per year', () => {
    const p = plan({ ...base, frames: [{ year: 2026, amountOre: tkr(20_000), upliftRate: pct('2') }] });
    const t = p.totals[0];
    expect(t?.revenueOre).toBe(3_050_000_000);
    expect(t?.costOre).toBe(2_562_500_000 + 505_000_000);
    expect(t?.resultOre).toBe(3_050_000_000 - 3_067_500_000);
    expect(t?.netCostOre).toBe(3_067_500_000 - 1_010_000_000);
    expect(t?.frameOre).toBe(2_000_000_000);
    expect(t?.inBalance).toBe(false);
    expect(t?.balanceReasons.map((r) => r.code)).toEqual(['deficit', 'over-frame']);
    expect(p.totals.map((x) => x.frameOre)).toEqual([2_000_000_000, 2_040_000_000, 2_080_800_000]);
  });

  it('derives frames from the latest earlier frame and leaves earlier years without', () => {
    const frames = [
      { year: 2027, amountOre: tkr(100), upliftRate: pct('3') },
      { year: 2029, amountOre: tkr(500), upliftRate: ZERO_RATE },
    ];
    expect(framesForYears(frames, [2026, 2027, 2028, 2029, 2030])).toEqual([null, 10_000_000, 10_300_000, 50_000_000, 50_000_000]);
  });

  it('uplifts through the years between the base year and a later budget year', () => {
    const p = plan({ ...base, baseYear: 2023, years: [2025, 2026], uplift: pct('2') });
    expect(amountsOf(p, 'rb')).toEqual([2_080_800_000, 2_122_416_000]);
  });

  it('budgets staff as salaries uplifted × (1 + the year’s PO) and splits it over the staff lines', () => {
    const staff = {
      salaryBaseOre: tkr(17_000),
      poRateByYear: { 2026: pct('46,15'), 2027: pct('47'), 2028: pct('48') },
    };
    const p = plan({ ...base, staff });
    expect(categoryAmounts(p, 'personal')).toEqual([2_546_663_750, 2_625_511_875, 2_709_456_813]);
    expect(amountsOf(p, 'pers')).toEqual([2_546_663_750, 2_625_511_875, 2_709_456_813]);

    const two = plan({
      ...base,
      staff,
      baseLines: [...base.baseLines, { key: 'pers2', category: 'personal', amountOre: tkr(75_000) }],
    });
    expect(categoryAmounts(two, 'personal')).toEqual([2_546_663_750, 2_625_511_875, 2_709_456_813]);
    const [a0 = 0] = amountsOf(two, 'pers');
    const [b0 = 0] = amountsOf(two, 'pers2');
    expect(a0 + b0).toBe(2_546_663_750);
    expect(Math.abs(a0 * 3 - b0)).toBeLessThanOrEqual(4);

    const none = plan({ ...base, staff, baseLines: base.baseLines.filter((l) => l.category !== 'personal') });
    expect(amountsOf(none, STAFF_LINE_KEY)).toEqual([2_546_663_750, 2_625_511_875, 2_709_456_813]);
  });

  it('refuses bad input with Swedish messages', () => {
    const errorOf = (input: MultiYearInput): string => {
      const r = multiYearPlan(input);
      return r.ok ? '' : r.error;
    };
    expect(errorOf({ ...base, uplift: pct('3,5') })).toBe('Uppräkningen för alla kategorier är 3,5\u00a0%; den ska ligga mellan 0 och 3 %');
    expect(errorOf({ ...base, uplift: { personal: pct('-1') } })).toContain('Uppräkningen för Personal');
    expect(errorOf({ ...base, uplift: { okänd: pct('1') } })).toContain('okänd kategori "okänd"');
    expect(errorOf({ ...base, years: [2025, 2026] })).toContain('År 2025 ligger inte efter basåret 2025');
    expect(errorOf({ ...base, years: [2026] })).toContain('ska ha 2–4 år');
    expect(errorOf({ ...base, years: [2026, 2027, 2028, 2029, 2030] })).toContain('inte 5');
    expect(errorOf({ ...base, years: [2027, 2026] })).toContain('stigande');
    expect(errorOf({ ...base, staff: { salaryBaseOre: tkr(1), poRateByYear: { 2026: pct('46') } } })).toBe(
      'PO-pålägg saknas för år 2027\nPO-pålägg saknas för år 2028',
    );
    expect(errorOf({ ...base, baseLines: [...base.baseLines, { key: 'rb', category: 'x', amountOre: tkr(1) }] })).toContain('"rb" förekommer mer än en gång');
    expect(multiYearPlan({ ...base, uplift: pct('3') }).ok).toBe(true);
  });

  const arbLines = fc.uniqueArray(
    fc.record({
      key: fc.string({ minLength: 1, maxLength: 6 }),
      category: fc.constantFrom(...DEFAULT_CATEGORIES.map((c) => c.code)),
      amountOre: fc.integer({ min: -(10 ** 11), max: 10 ** 12 }).map(ore),
    }),
    { selector: (l) => l.key, maxLength: 30 },
  );
  const arbRate = fc.integer({ min: 0, max: 30_000 }).map(rateFromPpm);

  it('leaves every amount unchanged at 0 % uplift', () => {
    fc.assert(
      fc.property(arbLines, (baseLines) => {
        const p = plan({ ...base, baseLines, uplift: ZERO_RATE });
        for (const line of p.lines) for (const a of line.amounts) expect(a.amountOre).toBe(line.baseAmountOre);
      }),
    );
  });

  it('is monotonic: a higher rate never gives a lower non-negative amount', () => {
    fc.assert(
      fc.property(arbLines, arbRate, arbRate, (baseLines, r1, r2) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const pl = plan({ ...base, baseLines, uplift: lo });
        const ph = plan({ ...base, baseLines, uplift: hi });
        pl.lines.forEach((line, i) => {
          if (line.baseAmountOre < 0) return;
          line.amounts.forEach((a, y) => expect(ph.lines[i]?.amounts[y]?.amountOre).toBeGreaterThanOrEqual(a.amountOre));
        });
      }),
    );
  });

  it('has category rows that sum the lines and totals with result = revenue − cost', () => {
    fc.assert(
      fc.property(arbLines, arbRate, (baseLines, rate) => {
        const p = plan({ ...base, baseLines, uplift: { personal: rate }, defaultUplift: rate });
        p.years.forEach((_year, y) => {
          for (const row of p.byCategory) {
            const sum = p.lines.filter((l) => l.category === row.category).reduce((s, l) => s + (l.amounts[y]?.amountOre ?? 0), 0);
            expect(row.amounts[y]?.amountOre).toBe(sum);
          }
          const t = p.totals[y];
          expect(t?.resultOre).toBe((t?.revenueOre ?? 0) - (t?.costOre ?? 0));
        });
      }),
    );
  });
});

describe('compareScenarios', () => {
  const { uplift: _uplift, ...shared } = base;

  it('returns each scenario’s plan side by side in the order given', () => {
    const r = compareScenarios(shared, [
      { code: 'noll', name: 'Ingen uppräkning', uplift: ZERO_RATE },
      { code: 'mitt', name: '1,5 %', uplift: pct('1,5') },
      { code: 'max', name: '3 %', uplift: { personal: pct('3') } },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((s) => s.scenario.code)).toEqual(['noll', 'mitt', 'max']);
    expect(amountsOf(r.value[0]?.plan, 'rb')).toEqual([tkr(20_000), tkr(20_000), tkr(20_000)]);
    expect(amountsOf(r.value[1]?.plan, 'rb')[0]).toBe(2_030_000_000);
    // the per-category scenario falls back to the shared default (1 %) for other categories
    expect(amountsOf(r.value[2]?.plan, 'rb')[0]).toBe(2_020_000_000);
    expect(amountsOf(r.value[2]?.plan, 'pers')[0]).toBe(2_575_000_000);
  });

  it('gives each scenario its own frames when it names them, else the shared ones', () => {
    const frame = (rate: Rate) => [{ year: 2025, amountOre: tkr(20_000), upliftRate: rate }];
    const r = compareScenarios({ ...shared, frames: frame(ZERO_RATE) }, [
      { code: 'delad', name: 'Delad ram', uplift: ZERO_RATE },
      { code: 'upp', name: 'Ram +3 %', uplift: pct('3'), frames: frame(pct('3')) },
    ]);
    if (!r.ok) throw new Error(r.error);
    expect(r.value[0]?.plan.totals.map((t) => t.frameOre)).toEqual([tkr(20_000), tkr(20_000), tkr(20_000)]);
    expect(r.value[1]?.plan.totals.map((t) => t.frameOre)).toEqual([2_060_000_000, 2_121_800_000, 2_185_454_000]);
  });

  it('names the scenario that fails and refuses duplicate codes', () => {
    expect(compareScenarios(shared, [{ code: 'x', name: 'Hög', uplift: pct('4') }])).toEqual({
      ok: false,
      error: 'Scenario "Hög": Uppräkningen för alla kategorier är 4\u00a0%; den ska ligga mellan 0 och 3 %',
    });
    const dup = compareScenarios(shared, [
      { code: 'x', name: 'A', uplift: ZERO_RATE },
      { code: 'x', name: 'B', uplift: ZERO_RATE },
    ]);
    expect(dup.ok).toBe(false);
  });
});
