import { describe, expect, it } from 'vitest';
import type { Period } from './period.ts';
import {
  addMonths, calendarFiscalYear, fiscalYearContains, fiscalYearFrom, fiscalYearLastPeriod, monthsBetween, nextPeriod,
  parseDay, parsePeriod, periodMonth, periodsOf, periodYear,
} from './period.ts';

const p = (text: string): Period => {
  const r = parsePeriod(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('period', () => {
  it('parses YYYY-MM and refuses anything else in Swedish', () => {
    expect(p('2025-03')).toBe('2025-03');
    expect(periodYear(p('2025-03'))).toBe(2025);
    expect(periodMonth(p('2025-03'))).toBe(3);
    for (const bad of ['2025-13', '2025-00', '2025-3', '202503', 'mars']) {
      const r = parsePeriod(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error).toContain('Ogiltig period');
    }
  });

  it('steps across year ends', () => {
    expect(nextPeriod(p('2024-12'))).toBe('2025-01');
    expect(addMonths(p('2025-01'), -1)).toBe('2024-12');
    expect(addMonths(p('2025-01'), 25)).toBe('2027-02');
    expect(monthsBetween(p('2024-07'), p('2025-06'))).toBe(11);
  });

  it('has a half-open calendar fiscal year', () => {
    const fy = calendarFiscalYear(2025);
    expect(fy).toEqual({ year: 2025, start: '2025-01', endExclusive: '2026-01' });
    const months = periodsOf(fy);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-01');
    expect(months[11]).toBe('2025-12');
    expect(fiscalYearContains(fy, p('2026-01'))).toBe(false);
  });

  it('allows broken and long years up to 18 months, labelled by the year of the last month', () => {
    const broken = fiscalYearFrom(p('2024-07'), p('2025-06'));
    expect(broken).toEqual({ ok: true, value: { year: 2025, start: '2024-07', endExclusive: '2025-07' } });
    const long = fiscalYearFrom(p('2024-07'), p('2025-12'));
    expect(long.ok && periodsOf(long.value).length).toBe(18);
    if (long.ok) expect(fiscalYearLastPeriod(long.value)).toBe('2025-12');
    expect(fiscalYearFrom(p('2024-07'), p('2026-01')).ok).toBe(false);
    expect(fiscalYearFrom(p('2025-02'), p('2025-01')).ok).toBe(false);
  });

  it('parses real calendar days only', () => {
    expect(parseDay('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDay('2025-02-29').ok).toBe(false);
    expect(parseDay('1900-02-29').ok).toBe(false);
    expect(parseDay('2000-02-29').ok).toBe(true);
    expect(parseDay('2025-04-31').ok).toBe(false);
    expect(parseDay('2025-4-1').ok).toBe(false);
  });
});
