import { describe, expect, it } from 'vitest';
import { demoUnderlagInput } from '../fixtures/demo-input.ts';
import { reportTables } from '../report-model.ts';
import { paragraph, text } from '../rich-text.ts';
import { buildUnderlagModel } from '../underlag-model.ts';
import { renderHtml } from './render-html.ts';

const report = buildUnderlagModel(demoUnderlagInput());
const html = renderHtml(report);
const all = (re: RegExp): RegExpExecArray[] => [...html.matchAll(re)];

describe('renderHtml', () => {
  it('is a complete Swedish document with a title', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="sv">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Underlag till plan och budget 2020–2022 – Regionala utvecklingsnämnden</title>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has one h1, then h2 sections in order, and never skips a heading level', () => {
    const levels = all(/<h([1-6])[ >]/g).map((m) => Number(m[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => { if (i > 0) expect(l - (levels[i - 1] ?? 1)).toBeLessThanOrEqual(1); });
    const h2 = all(/<h2 id="[^"]+">([^<]+)<\/h2>/g).map((m) => m[1]);
    expect(h2).toEqual(['Innehåll', ...report.sections.map((s) => s.title)]);
  });

  it('links every section from the table of contents', () => {
    for (const s of report.sections) expect(html).toContain(`<li><a href="#${s.id}">${s.title}</a></li>`);
  });

  it('gives every table a caption, column headers with scope and row headers', () => {
    const tables = all(/<table[\s\S]*?<\/table>/g).map((m) => m[0]);
    expect(tables).toHaveLength(reportTables(report).length);
    for (const t of tables) {
      expect(t).toMatch(/<caption>Tabell \d+\. /);
      expect(t).toMatch(/<thead><tr>(<th scope="col"[^>]*>[^<]+<\/th>)+<\/tr><\/thead>/);
      expect(t).toContain('<th scope="row"');
    }
  });

  it('right-aligns numbers and prints them in Swedish format', () => {
    expect(html).toContain('<th scope="row">Regionbidrag</th><td class="num">31\u00a0290</td><td class="num">31,8</td>');
    expect(html).toContain('<tr class="total"><th scope="row">Summa intäkter</th><td class="num">98\u00a0400</td><td class="num">100,0</td></tr>');
  });

  it('draws every chart as an svg with role=img, a title and a description, followed by its data table', () => {
    const svgs = all(/<svg[^>]*>[\s\S]*?<\/svg>/g).map((m) => m[0]);
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" /);
      const [, ids] = /aria-labelledby="([^"]+)"/.exec(svg) ?? [];
      for (const id of (ids ?? '').split(' ')) expect(svg).toContain(`id="${id}"`);
      expect(svg).toMatch(/<desc id="[^"]+">Stapeldiagram över [^<]{40,}<\/desc>/);
    }
    expect(html).toMatch(/<\/figure>\n<table id="tabell-3">\n<caption>Tabell 3\. Data för diagram 1: /);
  });

  it('marks live figures with their values and shows the example notice', () => {
    expect(html).toContain('<data class="live" value="50.6" title="Levande uppgift. Andel av intäkterna 2018: Regionbidrag och kommunbidrag (50,6\u00a0%)">drygt 50\u00a0%</data>');
    expect(html).toContain('<p class="example-notice" role="note"><strong>Exempeldata.</strong>');
    expect(html).toContain('@media print');
  });

  it('escapes text from the document, keeps safe links and marks missing figures', () => {
    const input = demoUnderlagInput();
    const r = buildUnderlagModel({
      ...input, isExample: false,
      sections: [{ key: 'x', title: 'Rubrik <script>', blocks: [
        paragraph(text('a < b & "c"'), text('länk', { type: 'link', href: 'https://example.se/?a=1&b=2' }), text('fet', { type: 'strong' })),
        paragraph({ type: 'figure', ref: { kind: 'frame', year: 1999 } }),
      ] }],
    });
    const out = renderHtml(r);
    expect(out).toContain('<h2 id="s-x">Rubrik &lt;script&gt;</h2>');
    expect(out).toContain('<p>a &lt; b &amp; &quot;c&quot;<a href="https://example.se/?a=1&amp;b=2">länk</a><strong>fet</strong></p>');
    expect(out).toContain('<mark class="missing">[uppgift saknas: ram 1999]</mark>');
    expect(out).not.toContain('class="example-notice"');
    expect(out).not.toContain('<script>');
  });
});
