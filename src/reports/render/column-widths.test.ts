// Word table widths: each column holds its widest word (its widest figure for numbers) when that can
// fit, the columns fill the text width, and a table too wide for 9 pt gets a smaller size.
import { describe, expect, it } from 'vitest';
import { demoUnderlagInput } from '../fixtures/demo-input.ts';
import { reportTables } from '../report-model.ts';
import type { ReportTable } from '../report-model.ts';
import { buildUnderlagModel } from '../underlag-model.ts';
import { tableLayout, textTwips } from './column-widths.ts';

const WIDTH = 9525;
const words = (text: string): string[] => text.split(/[ \t\n]+/);

function widestPieces(t: ReportTable, sizePt: number): number[] {
  return t.columns.map((c, i) => {
    const texts = [{ text: c.header, bold: true }, ...t.rows.map((r) => ({ text: r.cells[i]?.text ?? '', bold: r.role === 'total' }))];
    return Math.max(...texts.flatMap(({ text, bold }) => (c.kind === 'text' ? words(text) : [text]).map((w) => textTwips(w, sizePt, bold))));
  });
}

describe('Word table layout', () => {
  const tables = reportTables(buildUnderlagModel(demoUnderlagInput()));

  it('gives every column of every demo table room for its widest word or figure, filling the text width', () => {
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) {
      const { sizePt, widths } = tableLayout(t, WIDTH);
      expect(widths.reduce((a, b) => a + b, 0), t.caption).toBeLessThanOrEqual(WIDTH);
      expect(widths.reduce((a, b) => a + b, 0), t.caption).toBeGreaterThan(WIDTH - t.columns.length);
      widestPieces(t, sizePt).forEach((w, i) => expect(widths[i], `${t.caption}: ${t.columns[i]?.header ?? ''}`).toBeGreaterThan(w));
    }
  });

  it('keeps "Utgångsvärde" whole in the goals table', () => {
    const goals = tables.find((t) => t.caption === 'Mål och indikatorer');
    if (!goals) throw new Error('no goals table');
    const { sizePt, widths } = tableLayout(goals, WIDTH);
    const at = goals.columns.findIndex((c) => c.header === 'Utgångsvärde');
    expect(widths[at]).toBeGreaterThan(textTwips('Utgångsvärde', sizePt, true));
  });

  it('steps down to a smaller size when the words cannot fit side by side at 9 pt, and still fits the page', () => {
    const long = 'Kompetensförsörjningsplaneringsansvarigheten';
    const t: ReportTable = {
      id: 't', number: 1, caption: 'Bred', shortName: 'Bred', note: null,
      columns: Array.from({ length: 6 }, (_, i) => ({ key: `c${String(i)}`, header: `Kolumn ${String(i)}`, kind: 'text' as const, moneyUnit: null })),
      rows: [{ role: 'body', cells: Array.from({ length: 6 }, () => ({ kind: 'text' as const, text: long })) }],
    };
    const { sizePt, widths } = tableLayout(t, WIDTH);
    expect(sizePt).toBeLessThan(9);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(WIDTH);
  });
});
