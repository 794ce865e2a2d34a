import { describe, expect, it } from 'vitest';
import { demoUnderlagInput } from '../fixtures/demo-input.ts';
import type { ReportChart } from '../report-model.ts';
import { buildUnderlagModel } from '../underlag-model.ts';
import { renderChartPng } from './png-chart.ts';
import { chartLayout, niceTicks, renderChartSvg } from './svg-chart.ts';

const charts: ReportChart[] = buildUnderlagModel(demoUnderlagInput()).sections
  .flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : [])));

describe('charts', () => {
  it('niceTicks covers the values and zero with steps of 1, 2 or 5 × 10^n', () => {
    expect(niceTicks(-4396, 1835)).toEqual([-6000, -4000, -2000, 0, 2000]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
    expect(niceTicks(3, 97)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('draws a PNG of the same size as the SVG for every chart', () => {
    for (const c of charts) {
      const png = Buffer.from(renderChartPng(c));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const { width, height } = chartLayout(c);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width, height]);
    }
  });

  it('escapes labels and keeps ids unique per prefix', () => {
    const c = charts[0];
    if (!c) throw new Error('no chart');
    const svg = renderChartSvg({ ...c, categories: ['<a & b>', ...c.categories.slice(1)] }, 'x1');
    expect(svg).toContain('&lt;a &amp; b&gt;');
    expect(svg).toContain('aria-labelledby="x1-title x1-desc"');
  });
});
