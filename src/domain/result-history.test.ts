import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ore } from './money.ts';
import { ore } from './money.ts';
import type { YearResult } from './result-history.ts';
import { resultHistory } from './result-history.ts';

const tkr = (n: number): Ore => ore(n * 100_000);
const y = (year: number, result: number, actionPackage = false): YearResult => ({ year, resultOre: tkr(result), actionPackage });

describe('resultHistory', () => {
  it('adds surpluses to the accumulated surplus and covers a deficit from it', () => {
    const rows = resultHistory([y(2016, 200), y(2017, -150, true), y(2018, 3)], tkr(100));
    expect(rows.map((r) => r.accumulatedSurplusOre)).toEqual([tkr(300), tkr(150), tkr(153)]);
    expect(rows[1]).toMatchObject({ coveredFromSurplusOre: tkr(150), uncoveredDeficitOre: 0, restoreByYear: null, actionPackage: true });
    expect(rows[2]?.note).toBeNull();
  });

  it('leaves the part beyond the surplus uncovered, to be restored within three years, and restores it first', () => {
    const rows = resultHistory(
      [y(2020, -500), { ...y(2021, 100), note: 'Åtgärdspaket beslutat' }, y(2022, 350), y(2023, 80)],
      tkr(200),
    );
    expect(rows[0]).toMatchObject({ coveredFromSurplusOre: tkr(200), accumulatedSurplusOre: 0, uncoveredDeficitOre: tkr(300), restoreByYear: 2023, overdue: false });
    expect(rows[1]).toMatchObject({ restoredOre: tkr(100), accumulatedSurplusOre: 0, uncoveredDeficitOre: tkr(200), restoreByYear: 2023, note: 'Åtgärdspaket beslutat' });
    expect(rows[2]).toMatchObject({ restoredOre: tkr(200), accumulatedSurplusOre: tkr(150), uncoveredDeficitOre: 0, restoreByYear: null });
    expect(rows[3]).toMatchObject({ accumulatedSurplusOre: tkr(230), restoredOre: 0 });
  });

  it('marks a deficit still outstanding in its last year as overdue and keeps the earliest deadline', () => {
    const rows = resultHistory([y(2020, -10), y(2021, -10), y(2022, 0), y(2023, 5), y(2024, 10)], tkr(0));
    // 2023: +5 restores half of 2020's deficit, the rest is overdue; 2024: +10 clears 2020 and half of
    // 2021's, whose own deadline (2024) has now come.
    expect(rows.map((r) => r.restoreByYear)).toEqual([2023, 2023, 2023, 2023, 2024]);
    expect(rows.map((r) => r.uncoveredDeficitOre)).toEqual([tkr(10), tkr(20), tkr(20), tkr(15), tkr(5)]);
    expect(rows.map((r) => r.overdue)).toEqual([false, false, false, true, true]);
  });

  it('treats a negative opening balance as a deficit of the year before, and sorts the years', () => {
    const rows = resultHistory([y(2025, 10), y(2024, 0)], tkr(-30));
    expect(rows.map((r) => r.year)).toEqual([2024, 2025]);
    expect(rows[0]).toMatchObject({ uncoveredDeficitOre: tkr(30), restoreByYear: 2026 });
    expect(rows[1]).toMatchObject({ uncoveredDeficitOre: tkr(20), restoredOre: tkr(10) });
    expect(() => resultHistory([y(2024, 1), y(2024, 2)], tkr(0))).toThrow(RangeError);
  });

  it('keeps accumulated surplus − uncovered deficit = opening + Σ results at every row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 10), max: 10 ** 10 }),
        fc.array(fc.integer({ min: -(10 ** 10), max: 10 ** 10 }), { maxLength: 15 }),
        (opening, results) => {
          const rows = resultHistory(results.map((r, i) => ({ year: 2010 + i, resultOre: ore(r), actionPackage: false })), ore(opening));
          let running = opening;
          rows.forEach((row, i) => {
            running += results[i] ?? 0;
            expect(row.accumulatedSurplusOre - row.uncoveredDeficitOre).toBe(running);
            expect(row.accumulatedSurplusOre).toBeGreaterThanOrEqual(0);
            expect(row.uncoveredDeficitOre).toBeGreaterThanOrEqual(0);
            // a surplus never sits beside an uncovered deficit: it would have restored it
            expect(row.accumulatedSurplusOre === 0 || row.uncoveredDeficitOre === 0).toBe(true);
            if (row.resultOre >= 0) expect(row.coveredFromSurplusOre).toBe(0);
          });
        },
      ),
    );
  });
});
