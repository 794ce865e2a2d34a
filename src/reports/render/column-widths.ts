// Column widths for a Word table, worked out the way a browser lays out an automatic table: each
// column gets at least its widest unbreakable piece (a word in a text column, the whole figure in a
// number column, which never wraps), then what is left goes to the columns that would like more, in
// proportion to how much more. Word autofits a table itself, but LibreOffice and other readers take
// the widths in the file as given, and fixed equal shares broke words such as "Utgångsvärde" in two.
// Text widths come from Arial's advance widths (1/1000 em), close enough for a 9 pt table.
import type { ReportTable } from '../report-model.ts';

const ARIAL: Readonly<Record<string, number>> = {
  ' ': 278, '\u00a0': 278, '\u202f': 200, ',': 278, '.': 278, ':': 278, ';': 278, '-': 333, '\u2013': 556, '\u2212': 584, '%': 889, '(': 333, ')': 333, '/': 278,
  '0': 556, '1': 556, '2': 556, '3': 556, '4': 556, '5': 556, '6': 556, '7': 556, '8': 556, '9': 556,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833, n: 556, o: 556, p: 556, q: 556,
  r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500, å: 556, ä: 556, ö: 556, é: 556,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833, N: 722, O: 778, P: 667, Q: 778,
  R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611, Å: 667, Ä: 667, Ö: 778, É: 667,
};
const BOLD = 1.08;
/** Readers lay text out a little wider than the advance widths add up to. */
const SLACK = 1.06;
/** The cell's left and right margins (80 twips each) and a little air. */
const CELL_EXTRA_TWIPS = 260;

/** The width of `text` in twips at `sizePt`. */
export function textTwips(text: string, sizePt: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += ARIAL[ch] ?? 556;
  return (units / 1000) * sizePt * 20 * (bold ? BOLD : 1) * SLACK;
}

/**
 * The font size and column widths for `table` in `available` twips: 9 pt when every column's widest
 * word fits side by side, else 8 pt, else 7 pt (words may then break).
 */
export function tableLayout(table: ReportTable, available: number): { sizePt: number; widths: number[] } {
  for (const sizePt of [9, 8]) {
    const { widths, wordsFit } = columnWidths(table, available, sizePt);
    if (wordsFit) return { sizePt, widths };
  }
  return { sizePt: 7, widths: columnWidths(table, available, 7).widths };
}

/** Twips per column for `table` in `available` twips, summing to at most `available`. */
export function columnWidthsTwips(table: ReportTable, available: number, sizePt = 9): number[] {
  return columnWidths(table, available, sizePt).widths;
}

function columnWidths(table: ReportTable, available: number, sizePt: number): { widths: number[]; wordsFit: boolean } {
  const n = table.columns.length;
  const min = new Array<number>(n).fill(0);
  const pref = new Array<number>(n).fill(0);
  const numeric = table.columns.map((c) => c.kind !== 'text');
  const measure = (i: number, text: string, bold: boolean): void => {
    const whole = textTwips(text, sizePt, bold) + CELL_EXTRA_TWIPS;
    // Break opportunities are ordinary spaces only: no-break spaces hold "80,4 %" together.
    const widestPiece = numeric[i] === true ? whole : Math.max(...text.split(/[ \t\n]+/).map((w) => textTwips(w, sizePt, bold))) + CELL_EXTRA_TWIPS;
    min[i] = Math.max(min[i] ?? 0, widestPiece);
    pref[i] = Math.max(pref[i] ?? 0, whole);
  };
  table.columns.forEach((c, i) => measure(i, c.header, true));
  for (const row of table.rows) row.cells.forEach((cell, i) => { if (i < n) measure(i, cell.text, row.role === 'total'); });

  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum(pref) <= available) {
    // Everything fits on one line: the spare width is shared in proportion, so the table fills the page.
    widths = pref.map((p) => p * (available / sum(pref)));
  } else if (sum(min) <= available) {
    const spare = available - sum(min);
    const wants = pref.map((p, i) => p - (min[i] ?? 0));
    widths = min.map((m, i) => m + (sum(wants) === 0 ? 0 : (spare * (wants[i] ?? 0)) / sum(wants)));
  } else {
    // Not even the widest words fit: numbers keep their width, text columns share the rest (words may break).
    const fixed = sum(min.filter((_, i) => numeric[i] === true));
    const text = sum(min.filter((_, i) => numeric[i] !== true));
    const factor = fixed < available && text > 0 ? (available - fixed) / text : available / sum(min);
    widths = min.map((m, i) => (numeric[i] === true && fixed < available ? m : m * factor));
  }
  return { widths: widths.map((w) => Math.floor(w)), wordsFit: sum(min) <= available };
}
