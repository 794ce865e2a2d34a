import { describe, expect, it } from 'vitest';
import { axisLabelStep, barExtent, niceDomain, niceStep, scaleLinear } from './scale.ts';

describe('niceStep', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100, 4)).toBe(50);
    expect(niceStep(7, 4)).toBe(2);
    expect(niceStep(1_000_000_000, 5)).toBe(200_000_000);
    expect(niceStep(0, 4)).toBe(1);
  });
});

describe('niceDomain', () => {
  it('includes zero for positive values and ends on a tick', () => {
    expect(niceDomain([30, 87])).toEqual({ min: 0, max: 100, ticks: [0, 50, 100] });
    expect(niceDomain([30, 77], 4).ticks).toEqual([0, 20, 40, 60, 80]);
  });
  it('spans negative and positive results', () => {
    const d = niceDomain([-120, 340]);
    expect(d.min).toBeLessThanOrEqual(-120);
    expect(d.max).toBeGreaterThanOrEqual(340);
    expect(d.ticks).toContain(0);
  });
  it('gives a usable domain when everything is zero or empty', () => {
    expect(niceDomain([0, 0])).toEqual({ min: 0, max: 1, ticks: [0, 1] });
    expect(niceDomain([])).toEqual({ min: 0, max: 1, ticks: [0, 1] });
  });
  it('keeps ticks exact for öre amounts (round in tkr)', () => {
    const d = niceDomain([2_345_678_90, 1_000_000_00]);
    for (const t of d.ticks) expect(t % 100_000).toBe(0);
  });
});

describe('scaleLinear and barExtent', () => {
  const s = scaleLinear([-100, 100], [0, 200]);
  it('maps the domain onto the range, also inverted for vertical axes', () => {
    expect(s(0)).toBe(100);
    expect(scaleLinear([0, 10], [100, 0])(10)).toBe(0);
    expect(scaleLinear([5, 5], [0, 10])(5)).toBe(0);
  });
  it('draws bars from the zero line in both directions', () => {
    expect(barExtent(50, s)).toEqual({ start: 100, size: 50 });
    expect(barExtent(-50, s)).toEqual({ start: 50, size: 50 });
  });
});

describe('axisLabelStep', () => {
  it('labels every category when they fit, and thins them so they never overlap', () => {
    expect(axisLabelStep(['2019', '2020', '2021', '2022'], 568)).toBe(1);
    const months = Array.from({ length: 30 }, (_, i) => `${String(2019 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}`);
    const step = axisLabelStep(months, 568);
    expect(step).toBeGreaterThan(1);
    // The labels shown, each 7 px a character plus 10 px, fit in the width.
    expect(Math.ceil(months.length / step) * (7 * 7 + 10)).toBeLessThanOrEqual(568);
    expect(axisLabelStep([], 568)).toBe(1);
  });
});
