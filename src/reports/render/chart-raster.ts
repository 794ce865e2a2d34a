// The charts of a Word document as pictures with their labels. A DOCX chart is SVG with a PNG
// fallback for readers without SVG (LibreOffice, Word before 2016). The pure PNG painter has no
// fonts, so its pictures have bars but no words; where Chromium is installed (it prints the PDF too)
// it draws each chart's SVG instead, at twice the size for print. Without Chromium the document is
// still made, with the painter's pictures; the data table under each chart carries every value.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { ReportChart } from '../report-model.ts';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM_PATH } from './render-pdf.ts';
import { chartLayout, renderChartSvg } from './svg-chart.ts';

export type ChartPictures = ReadonlyMap<string, Uint8Array>;

/** PNG pictures of `charts` by chart id, drawn by Chromium; empty when Chromium is missing or fails. */
export async function drawChartsWithChromium(charts: readonly ReportChart[], options: { readonly chromiumPath?: string } = {}): Promise<ChartPictures> {
  const executablePath = options.chromiumPath ?? DEFAULT_CHROMIUM_PATH;
  if (charts.length === 0 || !existsSync(executablePath)) return new Map();
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  } catch {
    return new Map();
  }
  try {
    const page = await browser.newPage({ deviceScaleFactor: 2 });
    const out = new Map<string, Uint8Array>();
    for (const c of charts) {
      const { width, height } = chartLayout(c);
      await page.setViewportSize({ width, height });
      await page.setContent(`<!doctype html><html lang="sv"><body style="margin:0;background:#fff">${renderChartSvg(c, `png-${c.id}`)}</body></html>`);
      const png = await page.locator('svg').first().screenshot({ type: 'png' });
      out.set(c.id, new Uint8Array(png.buffer, png.byteOffset, png.byteLength));
    }
    return out;
  } catch {
    return new Map();
  } finally {
    await browser.close().catch(() => undefined);
  }
}
