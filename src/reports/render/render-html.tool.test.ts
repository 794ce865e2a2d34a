// The HTML in Chromium: axe finds no serious or critical violation, and the DOM has what a screen
// reader needs (headings, table headers, named images).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoUnderlagInput } from '../fixtures/demo-input.ts';
import { buildUnderlagModel } from '../underlag-model.ts';
import { CHROMIUM_ARGS } from './render-pdf.ts';
import { renderHtml } from './render-html.ts';
import { CHROMIUM_PATH, describeWith } from './tool-support.ts';

type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> };

describeWith([CHROMIUM_PATH])('renderHtml in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  }, 30_000);
  afterAll(async () => {
    await browser.close();
  });

  it('has no serious or critical axe violations (WCAG 2.1 AA)', async () => {
    const page = await browser.newPage();
    await page.setContent(renderHtml(buildUnderlagModel(demoUnderlagInput())));
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
    const violations = await page.evaluate(async () => {
      const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } };
      const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  }, 30_000);

  it('exposes headings, table headers and named images in the DOM', async () => {
    const page = await browser.newPage();
    await page.setContent(renderHtml(buildUnderlagModel(demoUnderlagInput())));
    const dom = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      tablesWithoutCaption: [...document.querySelectorAll('table')].filter((t) => !t.caption || t.caption.textContent === '').length,
      tablesWithoutTh: [...document.querySelectorAll('table')].filter((t) => t.querySelectorAll('th[scope=col]').length === 0).length,
      unnamedSvgs: [...document.querySelectorAll('svg')].filter((s) => s.getAttribute('role') !== 'img' || !s.getAttribute('aria-labelledby')).length,
      svgs: document.querySelectorAll('svg').length,
    }));
    expect(dom).toEqual({ lang: 'sv', h1: 1, tablesWithoutCaption: 0, tablesWithoutTh: 0, unnamedSvgs: 0, svgs: 3 });
    await page.close();
  }, 30_000);
});
