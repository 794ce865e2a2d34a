// A PNG of a chart's bars, drawn by hand (no browser, no image library): the fallback image the DOCX
// carries for word processors that cannot show SVG (Word before 2016). It has bars, the zero line and
// grid lines but no text: the figures are in the alt text and in the data table printed after every
// chart. Word 2016+/365 and LibreOffice show the SVG, which has the labels.
import { crc32, deflateSync } from 'node:zlib';
import type { ReportChart } from '../report-model.ts';
import { chartLayout, niceTicks, SERIES_COLOURS } from './svg-chart.ts';

type Rgb = readonly [number, number, number];
const hex = (h: string): Rgb => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const INK: Rgb = [26, 26, 26];
const GRID: Rgb = [213, 220, 227];

class Canvas {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.data = new Uint8Array(width * height * 3).fill(255);
  }
  rect(x: number, y: number, w: number, h: number, colour: Rgb, hatch = false): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        // Hatched series: diagonal stripes, so series differ by more than colour.
        if (hatch && (xx + yy) % 6 >= 3) continue;
        const i = (yy * this.width + xx) * 3;
        this.data[i] = colour[0];
        this.data[i + 1] = colour[1];
        this.data[i + 2] = colour[2];
      }
    }
  }
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

function encodePng(c: Canvas): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(c.width, 0);
  ihdr.writeUInt32BE(c.height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // truecolour RGB
  const stride = c.width * 3;
  const raw = Buffer.alloc((stride + 1) * c.height);
  for (let y = 0; y < c.height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(c.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]));
}

const colour = (i: number): Rgb => hex(SERIES_COLOURS[i % 3] ?? SERIES_COLOURS[0]);

/** The chart's bars as a PNG of the same size as its SVG. */
export function renderChartPng(chart: ReportChart): Uint8Array {
  const { width, height } = chartLayout(chart);
  const c = new Canvas(width, height);
  if (chart.kind === 'bar-horizontal') {
    const values = chart.series[0]?.values ?? [];
    const max = Math.max(0, ...values);
    const left = 240;
    values.forEach((v, i) => c.rect(left, 14 + i * 30, max === 0 ? 0 : (Math.max(0, v) / max) * (width - 380), 18, colour(0)));
    c.rect(left, 8, 1, 4 + values.length * 30, INK);
    return encodePng(c);
  }
  const all = chart.series.flatMap((s) => s.values);
  const ticks = niceTicks(Math.min(...all), Math.max(...all));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const left = 64;
  const top = chart.series.length > 1 ? 40 : 16;
  const plotH = height - top - 34;
  const plotW = width - left - 12;
  const y = (v: number): number => top + ((hi - v) / (hi - lo)) * plotH;
  for (const t of ticks) c.rect(left, y(t), plotW, 1, t === 0 ? INK : GRID);
  const groupW = plotW / Math.max(1, chart.categories.length);
  const n = Math.max(1, chart.series.length);
  const barW = Math.min(36, (groupW * 0.75) / n);
  chart.categories.forEach((_, ci) => {
    const gx = left + ci * groupW + (groupW - barW * n) / 2;
    chart.series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      c.rect(gx + si * barW, y(Math.max(0, v)), barW - 2, Math.abs(y(v) - y(0)), colour(si), si % 3 === 1);
    });
  });
  chart.series.forEach((_, si) => c.rect(left + si * 140, 8, 14, 14, colour(si), si % 3 === 1));
  return encodePng(c);
}
