// The narrative format of the underlag: a small ProseMirror-like JSON tree. Blocks are paragraphs,
// headings (levels 3–4: the section title is level 2, the document title level 1), lists and live
// elements (tables and charts); inline nodes are text with marks (strong, em, link) or live figures.
// Text is always plain text (renderers escape it); links are limited to https, http and mailto, so a
// stored document can never carry markup or script into the HTML, DOCX or PDF.
import type { CategoryCode } from '../domain/category.ts';
import { err, ok } from '../domain/result.ts';
import type { Result } from '../domain/result.ts';

export type Mark = { readonly type: 'strong' } | { readonly type: 'em' } | { readonly type: 'link'; readonly href: string };

export type MoneyFormat = 'tkr' | 'tkr1' | 'mnkr' | 'kr';
/** 'approx': a round figure with a rounding word ("drygt 50 %"); see rounding-words.ts. */
export type PercentFormat = 'approx' | 'whole' | 'one-decimal';

type Scope = { readonly year: number; /** A version code; default: the first summary of the year. */ readonly version?: string };
type Categories = { readonly category: CategoryCode | readonly CategoryCode[] };

export type FigureRef =
  | (Scope & Categories & { readonly kind: 'revenue-share' | 'cost-share'; readonly format?: PercentFormat })
  | (Scope & Categories & { readonly kind: 'category-amount'; readonly format?: MoneyFormat })
  | (Scope & { readonly kind: 'result' | 'frame' | 'net-cost' | 'total-revenue' | 'total-cost'; readonly format?: MoneyFormat })
  /** "ett positivt resultatutfall på 3 tkr" / "ett negativt resultatutfall på …" / "ett nollresultat". */
  | (Scope & { readonly kind: 'result-outcome' })
  | { readonly kind: 'accumulated-surplus'; readonly year: number; readonly format?: MoneyFormat }
  /** The number of years in the result history ("10"). */
  | { readonly kind: 'history-years' }
  /** The number of deficit years in the result history, as a word up to twelve ("två"). */
  | { readonly kind: 'deficit-years' }
  | { readonly kind: 'scenario-result'; readonly scenario: string; readonly year: number; readonly format?: MoneyFormat }
  | { readonly kind: 'municipal-contributions-total'; readonly format?: MoneyFormat };

export type FigureKind = FigureRef['kind'];

export type LiveElement =
  | { readonly kind: 'revenue-by-category' | 'costs-by-category'; readonly year: number; readonly version?: string; readonly chart?: boolean }
  /** 'categories': every category per year for one scenario; 'scenarios': the results side by side. */
  | { readonly kind: 'multi-year-plan'; readonly view: 'categories' | 'scenarios'; readonly scenario?: string; readonly chart?: boolean }
  | { readonly kind: 'result-history'; readonly chart?: boolean }
  | { readonly kind: 'municipal-contributions' }
  | { readonly kind: 'goals' }
  | { readonly kind: 'project-financing' };

export type TextNode = { readonly type: 'text'; readonly text: string; readonly marks?: readonly Mark[] };
export type FigureNode = { readonly type: 'figure'; readonly ref: FigureRef };
export type InlineNode = TextNode | FigureNode;

export type Block =
  | { readonly type: 'paragraph'; readonly content: readonly InlineNode[] }
  | { readonly type: 'heading'; readonly level: 3 | 4; readonly content: readonly InlineNode[] }
  | { readonly type: 'bullet-list' | 'ordered-list'; readonly items: ReadonlyArray<readonly InlineNode[]> }
  | { readonly type: 'live'; readonly element: LiveElement };

// Small constructors for templates and tests.
export const text = (t: string, ...marks: Mark[]): TextNode => (marks.length > 0 ? { type: 'text', text: t, marks } : { type: 'text', text: t });
export const figure = (ref: FigureRef): FigureNode => ({ type: 'figure', ref });
export const paragraph = (...content: Array<InlineNode | string>): Block => ({
  type: 'paragraph',
  content: content.map((c) => (typeof c === 'string' ? text(c) : c)),
});
export const bulletList = (items: readonly string[]): Block => ({ type: 'bullet-list', items: items.map((i) => [text(i)]) });
export const live = (element: LiveElement): Block => ({ type: 'live', element });

const SAFE_HREF = /^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+)$/i;

/** Whether a link target may appear in a published document (https, http, mailto). */
export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href);
}

const FIGURE_KINDS: readonly FigureKind[] = [
  'revenue-share', 'cost-share', 'category-amount', 'result', 'frame', 'net-cost', 'total-revenue', 'total-cost',
  'result-outcome', 'accumulated-surplus', 'history-years', 'deficit-years', 'scenario-result', 'municipal-contributions-total',
];
const LIVE_KINDS: ReadonlyArray<LiveElement['kind']> = [
  'revenue-by-category', 'costs-by-category', 'multi-year-plan', 'result-history', 'municipal-contributions', 'goals', 'project-financing',
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks stored JSON against the format, reporting every problem (in Swedish, with its path) rather
 * than stopping at the first. The kinds of figures and live elements are checked by name; their
 * fields are checked when the report is built, where a missing value becomes a visible placeholder.
 */
export function parseBlocks(json: unknown): Result<Block[], readonly string[]> {
  const problems: string[] = [];
  if (!Array.isArray(json)) return err(['Texten ska vara en lista av block']);
  const inline = (v: unknown, path: string): void => {
    if (!isObject(v)) return void problems.push(`${path}: inte ett textelement`);
    if (v['type'] === 'text') {
      if (typeof v['text'] !== 'string') problems.push(`${path}: texten saknas`);
      const marks = v['marks'];
      if (marks !== undefined) {
        if (!Array.isArray(marks)) problems.push(`${path}: markeringarna ska vara en lista`);
        else marks.forEach((m: unknown, i) => {
          if (!isObject(m) || !['strong', 'em', 'link'].includes(String(m['type']))) problems.push(`${path}.marks[${String(i)}]: okänd markering`);
          else if (m['type'] === 'link' && !(typeof m['href'] === 'string' && isSafeHref(m['href']))) {
            problems.push(`${path}.marks[${String(i)}]: länken måste börja med https://, http:// eller mailto:`);
          }
        });
      }
    } else if (v['type'] === 'figure') {
      const ref = v['ref'];
      if (!isObject(ref) || !FIGURE_KINDS.includes(ref['kind'] as FigureKind)) problems.push(`${path}: okänd levande uppgift`);
    } else {
      problems.push(`${path}: okänd typ "${String(v['type'])}"`);
    }
  };
  const inlines = (v: unknown, path: string): void => {
    if (!Array.isArray(v)) return void problems.push(`${path}: innehållet ska vara en lista`);
    v.forEach((n: unknown, i) => inline(n, `${path}[${String(i)}]`));
  };
  json.forEach((b: unknown, i) => {
    const path = `block ${String(i + 1)}`;
    if (!isObject(b)) return void problems.push(`${path}: inte ett block`);
    switch (b['type']) {
      case 'paragraph':
        return inlines(b['content'], path);
      case 'heading':
        if (b['level'] !== 3 && b['level'] !== 4) problems.push(`${path}: rubriknivån ska vara 3 eller 4`);
        return inlines(b['content'], path);
      case 'bullet-list':
      case 'ordered-list': {
        const items = b['items'];
        if (!Array.isArray(items)) return void problems.push(`${path}: listan saknar punkter`);
        return items.forEach((item: unknown, j) => inlines(item, `${path} punkt ${String(j + 1)}`));
      }
      case 'live': {
        const el = b['element'];
        if (!isObject(el) || !LIVE_KINDS.includes(el['kind'] as LiveElement['kind'])) problems.push(`${path}: okänd tabell eller diagram`);
        return;
      }
      default:
        problems.push(`${path}: okänd blocktyp "${String(b['type'])}"`);
    }
  });
  return problems.length === 0 ? ok(json as Block[]) : err(problems);
}
