import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoUnderlagInput } from './fixtures/demo-input.ts';
import { reportTables, runsText } from './report-model.ts';
import type { ReportBlock, UnderlagReport } from './report-model.ts';
import { figure, live, paragraph } from './rich-text.ts';
import { buildUnderlagModel } from './underlag-model.ts';
import type { UnderlagInput } from './underlag-input.ts';

const GOLDEN = new URL('./fixtures/demo-model.golden.json', import.meta.url);

function allText(report: UnderlagReport): string {
  const blockText = (b: ReportBlock): string => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        return runsText(b.runs);
      case 'list':
        return b.items.map(runsText).join('\n');
      case 'placeholder':
        return b.text;
      case 'table':
      case 'chart':
        return '';
    }
  };
  return report.sections.flatMap((s) => s.blocks.map(blockText)).join('\n');
}

describe('buildUnderlagModel on the demo input', () => {
  const report = buildUnderlagModel(demoUnderlagInput());

  it('equals the committed golden model (UPDATE_GOLDEN=1 rewrites it)', () => {
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, json);
    expect(json).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('has the seven sections of the seed in order and no problems', () => {
    expect(report.sections.map((s) => s.title)).toEqual([
      'Inledning', 'Det regionala utvecklingsuppdraget', 'Samverkan med kommunerna', 'Mål för regional utveckling',
      'Fortsatt kapacitet för regional utveckling, uppdraget på sikt', 'Ekonomiska förutsättningar, aktuellt ekonomiskt läge',
      'Risker och bevakningspunkter',
    ]);
    expect(report.problems).toEqual([]);
    expect(report.title).toBe('Underlag till plan och budget 2020–2022');
    expect(report.periodLabel).toBe('Budget 2020, plan 2021–2022');
  });

  it('writes the seed sentences with live figures', () => {
    const t = allText(report);
    expect(t).toContain('Under 2018 stod regionen och kommunerna för drygt 50\u00a0% av intäkterna, kultursamverkansmodellen 22\u00a0%, projektfinansiering 21\u00a0%, seminarie- och konferensarrangemang 5\u00a0% samt länsstyrelsen 1\u00a0%.');
    expect(t).toContain('Årsbokslutet per 2018-12-31 uppvisar ett positivt resultatutfall på 3\u00a0tkr och under de 10 år');
    expect(t).toContain('med två undantag, visat positiva resultat');
  });

  it('marks figures as live with their raw values', () => {
    const ekonomi = report.sections.find((s) => s.key === 'ekonomi');
    const figures = ekonomi?.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : [])).filter((r) => r.type === 'figure') ?? [];
    expect(figures[0]).toMatchObject({ text: 'drygt 50\u00a0%', value: 50.6, unit: 'percent', missing: false });
    expect(figures.find((f) => f.type === 'figure' && f.unit === 'ore')).toMatchObject({ value: 300_000 });
  });

  it('numbers tables in document order, totals equal the sum of their rows', () => {
    const tables = reportTables(report);
    expect(tables.map((t) => t.number)).toEqual(tables.map((_, i) => i + 1));
    for (const t of tables) {
      const moneyCols = t.columns.flatMap((c, i) => (c.kind === 'money' ? [i] : []));
      const total = t.rows.find((r) => r.role === 'total');
      if (!total || t.caption.startsWith('Flerårsplan') || t.caption.startsWith('Resultat och')) continue;
      for (const i of moneyCols) {
        const cell = total.cells[i];
        if (cell?.kind !== 'money') continue;
        const sum = t.rows.filter((r) => r.role === 'body').reduce((a, r) => { const c = r.cells[i]; return a + (c?.kind === 'money' ? c.ore : 0); }, 0);
        expect(sum, t.caption).toBe(cell.ore);
      }
    }
  });

  it('gives every chart a text alternative and its data as a table', () => {
    const charts = report.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : [])));
    expect(charts.length).toBe(3);
    for (const c of charts) {
      expect(c.textAlternative.length).toBeGreaterThan(40);
      expect(c.table.rows.length).toBeGreaterThan(0);
      expect(c.series.every((s) => s.values.length === c.categories.length)).toBe(true);
    }
  });
});

describe('buildUnderlagModel with missing data', () => {
  const base = demoUnderlagInput();
  const input: UnderlagInput = {
    ...base,
    data: { summaries: [] },
    sections: [{ key: 'x', title: 'Ekonomi', blocks: [
      paragraph('Andelen var ', figure({ kind: 'revenue-share', year: 2018, category: 'kultursamverkan' }), '.'),
      paragraph('Ramen är ', figure({ kind: 'frame', year: 2020 }), '.'),
      live({ kind: 'goals' }), live({ kind: 'result-history' }), live({ kind: 'multi-year-plan', view: 'scenarios' }),
      live({ kind: 'municipal-contributions' }), live({ kind: 'project-financing' }),
      live({ kind: 'revenue-by-category', year: 2018 }),
    ] }],
  };

  it('shows a placeholder for every missing figure and table and lists the problems, without throwing', () => {
    const report = buildUnderlagModel(input);
    const t = allText(report);
    expect(t).toContain('Andelen var [uppgift saknas: andel av intäkterna 2018 för kultursamverkan].');
    expect(t).toContain('[uppgift saknas: ram 2020]');
    expect(t).toContain('[uppgift saknas: mål och indikatorer]');
    expect(t).toContain('[uppgift saknas: intäkter per kategori 2018]');
    expect(report.problems).toHaveLength(8);
    expect(report.problems.every((p) => p.section === 'Ekonomi')).toBe(true);
  });

  it('names an unknown category and a year without a frame', () => {
    const report = buildUnderlagModel({ ...base, sections: [{ key: 'x', title: 'X', blocks: [
      paragraph(figure({ kind: 'revenue-share', year: 2018, category: 'okand' })),
      paragraph(figure({ kind: 'frame', year: 2018 })),
      paragraph(figure({ kind: 'scenario-result', scenario: '9', year: 2021 })),
    ] }] });
    expect(allText(report)).toBe([
      '[uppgift saknas: andel av intäkterna 2018 för okand]',
      '[uppgift saknas: ram 2018 (ingen ram är satt)]',
      '[uppgift saknas: resultat 2021 i scenariot 9]',
    ].join('\n'));
  });

  it('drops unsafe links with a problem, and reports a malformed time and a decided document without diarienummer', () => {
    const report = buildUnderlagModel({
      ...base, generatedAt: 'igår',
      version: { code: 'b', name: 'Budget', status: 'adopted' },
      sections: [{ key: 'x', title: 'X', blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'klicka', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }] }] }],
    });
    const para = report.sections[0]?.blocks[0];
    expect(para?.type === 'paragraph' && para.runs[0]).toMatchObject({ type: 'text', href: null });
    expect(report.problems.map((p) => p.message)).toEqual([
      'Länken "javascript:alert(1)" togs bort: bara https://, http:// och mailto: publiceras',
      'Tidpunkten "igår" är inte på formen ÅÅÅÅ-MM-DDTTT:MM',
      'Ett beslutat underlag ska ha diarienummer och beslutsdatum',
    ]);
  });

  it('gives sections unique ids even when keys repeat', () => {
    const report = buildUnderlagModel({ ...base, sections: [{ key: 'Mål & ÅR', title: 'A', blocks: [] }, { key: 'mal-ar', title: 'B', blocks: [] }] });
    expect(report.sections.map((s) => s.id)).toEqual(['s-mal-ar', 's-mal-ar-2']);
  });
});
