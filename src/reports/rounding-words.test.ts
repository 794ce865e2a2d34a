import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approxPercent, countWord, joinSv } from './rounding-words.ts';

const S = '\u00a0%';

describe('approxPercent', () => {
  it.each([
    [50.6, `drygt 50${S}`], [49.2, `knappt 50${S}`], [22, `22${S}`], [21, `21${S}`], [5, `5${S}`], [1, `1${S}`],
    [0.4, `0,4${S}`], [31.8, `knappt 32${S}`], [18.8, `knappt 19${S}`], [19.4, `knappt 20${S}`], [25.9, `drygt 25${S}`],
    [1.3, `drygt 1${S}`], [4.6, `cirka 5${S}`], [21.5, `cirka 22${S}`], [83.7, `knappt 84${S}`], [11, `11${S}`], [100, `100${S}`],
    [0, `0${S}`], [12.4, `cirka 12${S}`], [9.9, `knappt 10${S}`],
  ])('%s → %s', (v, text) => {
    expect(approxPercent(v).text).toBe(text);
  });

  // Shares as the summary gives them: tenths of a percent between 0 and 100.
  const share = fc.integer({ min: 0, max: 1000 }).map((t) => t / 10);

  it('drygt means above the figure, knappt below, no word means exactly it (property)', () => {
    fc.assert(fc.property(share, (v) => {
      const a = approxPercent(v);
      if (a.word === 'drygt') expect(v).toBeGreaterThan(a.target);
      if (a.word === 'knappt') expect(v).toBeLessThan(a.target);
      if (a.word === null) expect(a.target).toBeCloseTo(v, 10);
    }));
  });

  it('the figure is at most one point away, cirka at most half a point (property)', () => {
    fc.assert(fc.property(share, (v) => {
      const a = approxPercent(v);
      expect(Math.abs(v - a.target)).toBeLessThanOrEqual(1 + 1e-9);
      if (a.word === 'cirka') expect(Math.abs(v - a.target)).toBeLessThanOrEqual(0.5 + 1e-9);
    }));
  });

  it('prints a whole number unless below 1 % (property)', () => {
    fc.assert(fc.property(share, (v) => {
      const a = approxPercent(v);
      expect(a.exact).toBe(v < 1 && v !== 0 && Math.round(v * 10) % 10 !== 0);
      if (!a.exact) expect(Number.isInteger(a.target)).toBe(true);
      if (v >= 10 && Math.abs(v - a.target) > 0.5) expect(a.target % 5).toBe(0);
    }));
  });
});

describe('countWord and joinSv', () => {
  it('writes small counts as words, larger as digits', () => {
    expect([0, 1, 2, 12, 13].map(countWord)).toEqual(['noll', 'ett', 'två', 'tolv', '13']);
  });
  it('joins with och or samt', () => {
    expect(joinSv(['a'])).toBe('a');
    expect(joinSv(['a', 'b'])).toBe('a och b');
    expect(joinSv(['a', 'b', 'c'], 'samt')).toBe('a, b samt c');
  });
});
