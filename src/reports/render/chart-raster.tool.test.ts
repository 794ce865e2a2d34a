// The Word document's chart pictures drawn by Chromium: one PNG per chart, twice the chart's size,
// with ink where the painter without fonts leaves the labels blank; and a missing Chromium gives
// no pictures (the document falls back to the painter's), never an error.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { demoUnderlagInput } from '../fixtures/demo-input.ts';
import { reportCharts } from '../report-model.ts';
import { buildUnderlagModel } from '../underlag-model.ts';
import { drawChartsWithChromium } from './chart-raster.ts';
import { renderChartPng } from './png-chart.ts';
import { chartLayout } from './svg-chart.ts';
import { CHROMIUM_PATH, describeWith } from './tool-support.ts';

const report = buildUnderlagModel(demoUnderlagInput());
const charts = reportCharts(report);

/** Width, height and the share of non-white pixels in a horizontal band of a PNG (8-bit RGB or RGBA, any filter). */
function png(bytes: Uint8Array): { width: number; height: number; inkIn: (fromRow: number, toRow: number, fromCol: number, toCol: number) => number } {
  const b = Buffer.from(bytes);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const colourType = b[25];
  const channels = colourType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let p = 8; p < b.length;) {
    const len = b.readUInt32BE(p);
    if (b.toString('latin1', p + 4, p + 8) === 'IDAT') idat.push(b.subarray(p + 8, p + 8 + len));
    p += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows: Uint8Array[] = [];
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)] ?? 0;
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] ?? 0 : 0;
      const up = prev[x] ?? 0;
      const c = x >= channels ? prev[x - channels] ?? 0 : 0;
      const pa = Math.abs(up - c); const pb = Math.abs(a - c); const pc = Math.abs(a + up - 2 * c);
      const add = f === 1 ? a : f === 2 ? up : f === 3 ? (a + up) >> 1 : f === 4 ? (pa <= pb && pa <= pc ? a : pb <= pc ? up : c) : 0;
      line[x] = ((line[x] ?? 0) + add) & 0xff;
    }
    rows.push(line);
    prev = line;
  }
  return {
    width, height,
    inkIn(fromRow, toRow, fromCol, toCol) {
      let ink = 0; let all = 0;
      for (let y = fromRow; y < toRow; y++) for (let x = fromCol; x < toCol; x++) {
        const i = x * channels;
        const r = rows[y]?.[i] ?? 255; const g = rows[y]?.[i + 1] ?? 255; const bl = rows[y]?.[i + 2] ?? 255;
        all++; if (r + g + bl < 600) ink++;
      }
      return all === 0 ? 0 : ink / all;
    },
  };
}

describeWith([CHROMIUM_PATH])('chart pictures drawn by Chromium', () => {
  it('draws every chart at twice its size, with its y-axis labels inked where the font-less painter leaves them blank', async () => {
    expect(charts.length).toBeGreaterThan(1);
    const pictures = await drawChartsWithChromium(charts);
    expect([...pictures.keys()]).toEqual(charts.map((c) => c.id));
    for (const c of charts) {
      const { width, height } = chartLayout(c);
      const drawn = png(pictures.get(c.id) ?? new Uint8Array());
      expect([drawn.width, drawn.height], c.id).toEqual([2 * width, 2 * height]);
      const painted = png(renderChartPng(c));
      // The left part holds the category names or the value axis' labels: text in Chromium's picture,
      // blank in the painter's (whose bars start further right).
      const band = (p: typeof drawn) => p.inkIn(0, p.height, 0, Math.round(p.width * 0.12));
      expect(band(drawn), c.id).toBeGreaterThan(0.003);
      expect(band(painted), c.id).toBeLessThan(band(drawn) / 2);
    }
  }, 60_000);
});

describe('chart pictures without Chromium', () => {
  it('gives none, so the document keeps the painter\'s pictures', async () => {
    expect((await drawChartsWithChromium(charts, { chromiumPath: '/nonexistent/chromium' })).size).toBe(0);
  });
});
