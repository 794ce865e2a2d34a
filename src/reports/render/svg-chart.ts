// A report chart as a standalone SVG (inline in HTML and PDF, embedded in DOCX): horizontal bars for
// categories, vertical grouped bars for years. Text alternative in <title>/<desc> with role="img".
// Series are told apart by fill pattern as well as colour (WCAG 1.4.1), and every chart's numbers are
// also printed as a table next to it.
import { formatNumberSv } from '../../domain/format.ts';
import type { ReportChart } from '../report-model.ts';
import { escapeXml } from './escape.ts';

export const CHART_FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";
export const SERIES_COLOURS = ['#1f4e79', '#2e75b6', '#7f8c99'] as const;
const INK = '#1a1a1a';
const GRID = '#d5dce3';

export type ChartLayout = { readonly width: number; readonly height: number };

/** The size a chart is drawn at, in CSS pixels (the DOCX renderer scales the same box). */
export function chartLayout(chart: ReportChart): ChartLayout {
  if (chart.kind === 'bar-horizontal') return { width: 640, height: 24 + chart.categories.length * 30 };
  return { width: 640, height: 300 };
}

/** Round tick values covering [min, max] (always including 0): steps of 1, 2 or 5 × 10^n. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (lo === hi) return [0, 1];
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= Math.ceil(hi / step) * step + step / 2; v += step) out.push(Math.round(v / step) * step);
  return out;
}

function patternDefs(id: string): string {
  return `<defs><pattern id="${id}-p1" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">`
    + `<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="${SERIES_COLOURS[1]}"/></pattern></defs>`;
}

/** The fill of a series: solid, hatched, solid grey. */
export function seriesFill(id: string, i: number): string {
  if (i % 3 === 1) return `url(#${id}-p1)`;
  return SERIES_COLOURS[i % 3] ?? SERIES_COLOURS[0];
}

const text = (x: number, y: number, s: string, attrs = ''): string =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs === '' ? '' : ` ${attrs}`}>${escapeXml(s)}</text>`;

function horizontal(chart: ReportChart, id: string, { width }: ChartLayout): string {
  const labelW = 240;
  const valueW = 140;
  const barMax = width - labelW - valueW;
  const values = chart.series[0]?.values ?? [];
  const max = Math.max(0, ...values);
  const parts: string[] = [];
  chart.categories.forEach((name, i) => {
    const v = values[i] ?? 0;
    const y = 12 + i * 30;
    const w = max === 0 ? 0 : Math.max(0, (v / max) * barMax);
    parts.push(text(labelW - 10, y + 14, name, 'text-anchor="end"'));
    parts.push(`<rect x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="18" fill="${seriesFill(id, 0)}"/>`);
    parts.push(text(labelW + w + 6, y + 15, chart.labels[0]?.[i] ?? ''));
  });
  parts.push(`<line x1="${labelW}" y1="8" x2="${labelW}" y2="${12 + chart.categories.length * 30}" stroke="${INK}" stroke-width="1"/>`);
  return parts.join('');
}

function vertical(chart: ReportChart, id: string, { width, height }: ChartLayout): string {
  const all = chart.series.flatMap((s) => s.values);
  const ticks = niceTicks(Math.min(...all), Math.max(...all));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const left = 64;
  const right = 12;
  const top = chart.series.length > 1 ? 40 : 16;
  const bottom = 34;
  const plotH = height - top - bottom;
  const plotW = width - left - right;
  const y = (v: number): number => top + ((hi - v) / (hi - lo)) * plotH;
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(`<line x1="${left}" y1="${y(t).toFixed(1)}" x2="${width - right}" y2="${y(t).toFixed(1)}" stroke="${t === 0 ? INK : GRID}" stroke-width="1"/>`);
    parts.push(text(left - 6, y(t) + 4, formatNumberSv(t, 0), 'text-anchor="end"'));
  }
  const groupW = plotW / Math.max(1, chart.categories.length);
  const nSeries = Math.max(1, chart.series.length);
  const barW = Math.min(36, (groupW * 0.75) / nSeries);
  const showLabels = chart.categories.length * nSeries <= 9;
  chart.categories.forEach((cat, ci) => {
    const gx = left + ci * groupW + (groupW - barW * nSeries) / 2;
    chart.series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const y0 = y(Math.max(0, v));
      const h = Math.abs(y(v) - y(0));
      const x = gx + si * barW;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y0.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${seriesFill(id, si)}" stroke="${SERIES_COLOURS[si % 3] ?? INK}" stroke-width="0.8"/>`);
      if (showLabels) {
        const ly = v >= 0 ? y0 - 4 : y0 + h + 12;
        parts.push(text(x + (barW - 2) / 2, ly, chart.labels[si]?.[ci] ?? '', 'text-anchor="middle" font-size="10"'));
      }
    });
    parts.push(text(left + ci * groupW + groupW / 2, height - bottom + 18, cat, 'text-anchor="middle"'));
  });
  parts.push(text(8, top - 6 < 12 ? 12 : top - 6, chart.unit, 'font-size="11"'));
  if (chart.series.length > 1) {
    let lx = left;
    chart.series.forEach((s, si) => {
      parts.push(`<rect x="${lx}" y="8" width="14" height="14" fill="${seriesFill(id, si)}" stroke="${SERIES_COLOURS[si % 3] ?? INK}" stroke-width="0.8"/>`);
      parts.push(text(lx + 20, 19, s.name));
      lx += 34 + s.name.length * 6.6;
    });
  }
  return parts.join('');
}

/** The chart as an SVG document fragment with its text alternative (`idPrefix` keeps ids unique). */
export function renderChartSvg(chart: ReportChart, idPrefix = chart.id): string {
  const layout = chartLayout(chart);
  const body = chart.kind === 'bar-horizontal' ? horizontal(chart, idPrefix, layout) : vertical(chart, idPrefix, layout);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${String(layout.width)} ${String(layout.height)}" `
    + `width="${String(layout.width)}" height="${String(layout.height)}" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" `
    + `font-family="${CHART_FONT}" font-size="12" fill="${INK}">`
    + `<title id="${idPrefix}-title">${escapeXml(`Diagram ${String(chart.number)}. ${chart.title}`)}</title>`
    + `<desc id="${idPrefix}-desc">${escapeXml(chart.textAlternative)}</desc>`
    + `${patternDefs(idPrefix)}<g>${body}</g></svg>`;
}
