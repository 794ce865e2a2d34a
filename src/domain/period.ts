// Calendar values are strings, not Date (no time zones, no clock): a period is a month 'YYYY-MM', a
// day 'YYYY-MM-DD'. Spans are half-open [start, endExclusive), as in hledger, so adjacent fiscal years
// share a boundary instead of overlapping by a day and a span's length is end − start.
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export type Period = string & { readonly __brand: 'Period' };
export type Day = string & { readonly __brand: 'Day' };

/**
 * A fiscal year (räkenskapsår): `start` inclusive, `endExclusive` the first month after it.
 * The label `year` is the calendar year of its LAST month: a broken year July 2024 – June 2025 is
 * 2025, and a long first year July 2024 – December 2025 is 2025. That makes the label of a calendar
 * year its own year and gives every month exactly one fiscal year label when years follow each other.
 */
export type FiscalYear = { readonly year: number; readonly start: Period; readonly endExclusive: Period };

export const MAX_FISCAL_YEAR_MONTHS = 18;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Builds a period from numbers; a month outside 1–12 or a year outside 1000–9999 is a bug. */
export function periodOf(year: number, month: number): Period {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Ogiltig period: ${String(year)}-${String(month)}`);
  }
  return `${String(year)}-${pad2(month)}` as Period;
}

export function parsePeriod(text: string): Result<Period> {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12 || Number(m[1]) < MIN_YEAR) {
    return err(`Ogiltig period: "${text}" (skriv år och månad som ÅÅÅÅ-MM, t.ex. 2025-03)`);
  }
  return ok(periodOf(Number(m[1]), month));
}

export function periodYear(p: Period): number {
  return Number(p.slice(0, 4));
}

export function periodMonth(p: Period): number {
  return Number(p.slice(5, 7));
}

/** Months since year 0, so that period arithmetic is integer arithmetic. */
function monthIndex(p: Period): number {
  return periodYear(p) * 12 + periodMonth(p) - 1;
}

function fromMonthIndex(i: number): Period {
  return periodOf(Math.floor(i / 12), (i % 12) + 1);
}

export function addMonths(p: Period, months: number): Period {
  return fromMonthIndex(monthIndex(p) + months);
}

export function nextPeriod(p: Period): Period {
  return addMonths(p, 1);
}

export function previousPeriod(p: Period): Period {
  return addMonths(p, -1);
}

/** Number of months from a to b (b − a); negative when b is earlier. */
export function monthsBetween(a: Period, b: Period): number {
  return monthIndex(b) - monthIndex(a);
}

export function comparePeriods(a: Period, b: Period): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function calendarFiscalYear(year: number): FiscalYear {
  return { year, start: periodOf(year, 1), endExclusive: periodOf(year + 1, 1) };
}

/** The months of a fiscal year, in order. */
export function periodsOf(fy: FiscalYear): Period[] {
  const out: Period[] = [];
  for (let p = fy.start; p < fy.endExclusive; p = nextPeriod(p)) out.push(p);
  return out;
}

export function fiscalYearMonths(fy: FiscalYear): number {
  return monthsBetween(fy.start, fy.endExclusive);
}

export function fiscalYearContains(fy: FiscalYear, p: Period): boolean {
  return p >= fy.start && p < fy.endExclusive;
}

/** The last month of the fiscal year (inclusive), as SIE #RAR and people write it. */
export function fiscalYearLastPeriod(fy: FiscalYear): Period {
  return previousPeriod(fy.endExclusive);
}

/**
 * A fiscal year from its first and last month (both inclusive, as SIE #RAR gives them). Broken and
 * long years are allowed, up to 18 months (bokföringslagen 3 kap. allows a first or changed year of
 * at most 18 months).
 */
export function fiscalYearFrom(startPeriod: Period, endInclusivePeriod: Period): Result<FiscalYear> {
  const months = monthsBetween(startPeriod, endInclusivePeriod) + 1;
  if (months < 1) {
    return err(`Räkenskapsåret måste sluta efter att det börjar (${startPeriod} – ${endInclusivePeriod})`);
  }
  if (months > MAX_FISCAL_YEAR_MONTHS) {
    return err(`Ett räkenskapsår får vara högst ${String(MAX_FISCAL_YEAR_MONTHS)} månader (${startPeriod} – ${endInclusivePeriod} är ${String(months)})`);
  }
  return ok({ year: periodYear(endInclusivePeriod), start: startPeriod, endExclusive: nextPeriod(endInclusivePeriod) });
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseDay(text: string): Result<Day> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const fail = err(`Ogiltigt datum: "${text}" (skriv ÅÅÅÅ-MM-DD, t.ex. 2025-04-15)`);
  if (!m) return fail;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail;
  return ok(`${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}` as Day);
}

export function periodOfDay(d: Day): Period {
  return d.slice(0, 7) as Period;
}

export function compareDays(a: Day, b: Day): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
