// Field values straight from bytes: amounts to integer öre without a float or a string in between,
// dates and periods to the domain's 'YYYY-MM-DD' and 'YYYY-MM' (cached, since a file repeats them).
import type { Day, Period } from '../domain/period.ts';
import { daysInMonth } from '../domain/period.ts';

/** parseAmountBytes: not a number at all. */
export const AMOUNT_INVALID = Number.NaN;
/** parseAmountBytes: more decimals than öre can hold (and not just zeros). */
export const AMOUNT_TOO_PRECISE = Number.POSITIVE_INFINITY;
/** parseAmountBytes: beyond the safe integers. */
export const AMOUNT_TOO_LARGE = Number.NEGATIVE_INFINITY;

/**
 * "-1234.5" → -123450. `.` is the decimal point, at most two decimals count; further decimals are
 * accepted only when they are zeros, since anything else would need rounding (a problem, not a guess).
 * Returns öre, or one of the AMOUNT_* markers (none of which is an integer).
 */
export function parseAmountBytes(b: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && (b[i] === 0x2d || b[i] === 0x2b)) { negative = b[i] === 0x2d; i++; }
  let value = 0;
  let digits = 0;
  let c = 0;
  while (i < end) {
    c = b[i] ?? 0;
    if (c < 0x30 || c > 0x39) break;
    value = value * 10 + (c - 0x30);
    digits++;
    i++;
  }
  let decimals = 0;
  if (i < end && c === 0x2e) {
    i++;
    while (i < end) {
      c = b[i] ?? 0;
      if (c < 0x30 || c > 0x39) return AMOUNT_INVALID;
      if (decimals < 2) value = value * 10 + (c - 0x30);
      else if (c !== 0x30) return AMOUNT_TOO_PRECISE;
      decimals++;
      digits++;
      i++;
    }
  }
  if (i !== end || digits === 0) return AMOUNT_INVALID;
  for (; decimals < 2; decimals++) value *= 10;
  if (value > Number.MAX_SAFE_INTEGER) return AMOUNT_TOO_LARGE;
  return negative && value !== 0 ? -value : value;
}

/** An optionally signed integer of at most 9 digits, or NaN. */
export function parseIntBytes(b: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && (b[i] === 0x2d || b[i] === 0x2b)) { negative = b[i] === 0x2d; i++; }
  if (i === end || end - i > 9) return Number.NaN;
  let v = 0;
  for (; i < end; i++) {
    const c = b[i] ?? 0;
    if (c < 0x30 || c > 0x39) return Number.NaN;
    v = v * 10 + (c - 0x30);
  }
  return negative ? -v : v;
}

const dayCache = new Map<number, Day>();
let lastDayKey = -1;
let lastDay: Day | null = null;
const periodCache = new Map<number, Period>();
const CACHE_LIMIT = 100_000;

/** YYYYMMDD → 'YYYY-MM-DD', or null when it is not a real date. */
export function parseDayBytes(b: Uint8Array, start: number, end: number): Day | null {
  if (end - start !== 8) return null;
  const n = parseIntBytes(b, start, end);
  // Rows of one voucher share their date: the last one answers most calls without a lookup.
  if (n === lastDayKey) return lastDay;
  if (!(n >= 10000101)) return null;
  const cached = dayCache.get(n);
  if (cached !== undefined) {
    lastDayKey = n;
    lastDay = cached;
    return cached;
  }
  const year = Math.floor(n / 10000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const text = `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as Day;
  if (dayCache.size < CACHE_LIMIT) dayCache.set(n, text);
  return text;
}

let lastValidInt = -1;

/** YYYYMMDD as the number YYYYMMDD when it is a real date (as parseDayBytes decides), else -1. */
export function parseDayInt(b: Uint8Array, start: number, end: number): number {
  if (end - start !== 8) return -1;
  const n = parseIntBytes(b, start, end);
  if (n === lastValidInt) return n;
  if (!(n >= 10000101)) return -1;
  const year = Math.floor(n / 10000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  lastValidInt = n;
  return n;
}

/** The number YYYYMMDD (from parseDayInt) as 'YYYY-MM-DD'. */
export function dayFromInt(n: number): Day {
  const year = Math.floor(n / 10000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as Day;
}

/** YYYYMM → 'YYYY-MM', or null. */
export function parsePeriodBytes(b: Uint8Array, start: number, end: number): Period | null {
  if (end - start !== 6) return null;
  const n = parseIntBytes(b, start, end);
  if (!(n >= 100001)) return null;
  const cached = periodCache.get(n);
  if (cached !== undefined) return cached;
  const year = Math.floor(n / 100);
  const month = n % 100;
  if (month < 1 || month > 12) return null;
  const text = `${String(year)}-${String(month).padStart(2, '0')}` as Period;
  periodCache.set(n, text);
  return text;
}

/** 'YYYY-MM-DD' → 'YYYYMMDD' for the writer. */
export function sieDate(d: Day): string {
  return d.slice(0, 4) + d.slice(5, 7) + d.slice(8, 10);
}

export function siePeriod(p: Period): string {
  return p.slice(0, 4) + p.slice(5, 7);
}

/** Öre as SIE writes an amount: always two decimals, `.` as the point, `-` for credit. */
export function sieAmount(ore: number): string {
  const negative = ore < 0;
  const abs = negative ? -ore : ore;
  const kronor = Math.floor(abs / 100);
  const cents = abs - kronor * 100;
  return `${negative ? '-' : ''}${String(kronor)}.${cents < 10 ? '0' : ''}${String(cents)}`;
}
