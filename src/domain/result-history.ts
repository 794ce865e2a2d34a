// The result history of a committee (resultat, balanserat resultat): how each year's result moves the
// accumulated surplus, how deficits are covered, and when an uncovered deficit must be restored.
//
// The rules, as the seed describes the committee's practice and kommunallagen 11 kap. requires:
// - A surplus first restores outstanding uncovered deficits, oldest first; the rest adds to the
//   accumulated surplus (balanserat resultat).
// - A deficit is covered from the accumulated surplus as far as it reaches; what is left is an
//   uncovered deficit that must be restored within three years: restoreByYear = year + 3.
// - A negative opening balance is an uncovered deficit of the year before the first row.
// So at every row: accumulatedSurplus − uncoveredDeficit = opening + Σ results so far.
import type { Ore } from './money.ts';
import { ore, ZERO_ORE } from './money.ts';

export const RESTORE_WITHIN_YEARS = 3;

export type YearResult = {
  readonly year: number;
  readonly resultOre: Ore;
  /** Whether an action package (åtgärdspaket) was decided that year. */
  readonly actionPackage: boolean;
  readonly note?: string;
};

export type ResultHistoryRow = {
  readonly year: number;
  readonly resultOre: Ore;
  /** The part of this year's deficit covered from the accumulated surplus (≥ 0). */
  readonly coveredFromSurplusOre: Ore;
  /** The part of this year's surplus that restored earlier uncovered deficits (≥ 0). */
  readonly restoredOre: Ore;
  /** The accumulated surplus after the year (≥ 0). */
  readonly accumulatedSurplusOre: Ore;
  /** All deficits still not restored after the year (≥ 0). */
  readonly uncoveredDeficitOre: Ore;
  /** The earliest deadline among the outstanding deficits; null when none is outstanding. */
  readonly restoreByYear: number | null;
  /** Some outstanding deficit has passed its deadline (the year is its last year, or later). */
  readonly overdue: boolean;
  readonly actionPackage: boolean;
  readonly note: string | null;
};

type OpenDeficit = { readonly year: number; remaining: number; readonly restoreBy: number };

/** The history row by row, in year order. Duplicate years are a bug in the caller (RangeError). */
export function resultHistory(years: readonly YearResult[], openingSurplusOre: Ore): ResultHistoryRow[] {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  sorted.forEach((y, i) => {
    if (i > 0 && sorted[i - 1]?.year === y.year) throw new RangeError(`År ${String(y.year)} förekommer mer än en gång`);
  });
  let surplus = Math.max(openingSurplusOre, 0);
  const open: OpenDeficit[] = [];
  const first = sorted[0];
  if (openingSurplusOre < 0 && first) {
    open.push({ year: first.year - 1, remaining: -openingSurplusOre, restoreBy: first.year - 1 + RESTORE_WITHIN_YEARS });
  }

  return sorted.map((y) => {
    let covered = 0;
    let restored = 0;
    if (y.resultOre >= 0) {
      let rest: number = y.resultOre;
      for (const d of open) {
        const take = Math.min(rest, d.remaining);
        d.remaining -= take;
        rest -= take;
        restored += take;
        if (rest === 0) break;
      }
      surplus += rest;
    } else {
      const deficit = -y.resultOre;
      covered = Math.min(surplus, deficit);
      surplus -= covered;
      if (deficit > covered) open.push({ year: y.year, remaining: deficit - covered, restoreBy: y.year + RESTORE_WITHIN_YEARS });
    }
    for (let i = open.length - 1; i >= 0; i--) if (open[i]?.remaining === 0) open.splice(i, 1);
    const uncovered = open.reduce((a, d) => a + d.remaining, 0);
    const restoreBy = open.length > 0 ? Math.min(...open.map((d) => d.restoreBy)) : null;
    return {
      year: y.year,
      resultOre: y.resultOre,
      coveredFromSurplusOre: ore(covered),
      restoredOre: ore(restored),
      accumulatedSurplusOre: ore(surplus),
      uncoveredDeficitOre: uncovered === 0 ? ZERO_ORE : ore(uncovered),
      restoreByYear: restoreBy,
      overdue: restoreBy !== null && y.year >= restoreBy,
      actionPackage: y.actionPackage,
      note: y.note ?? null,
    };
  });
}
