// Two revisions of an underlag side by side: the text section by section (sections added, removed,
// renamed, moved; paragraphs added, removed or changed) and the live figures (each figure's value as
// printed in the older and the newer revision). Pure: the caller builds both report models (a decided
// revision from its snapshot, others from the live numbers).
import type { Block, FigureRef, InlineNode, LiveElement, ReportRun, UnderlagReport } from '../reports/index.ts';
import type { Section } from './underlag-content.ts';

export type TextChange = { readonly kind: 'added' | 'removed' | 'changed'; readonly old: string | null; readonly new: string | null };

export type SectionDiff = {
  readonly key: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly oldTitle: string | null;
  readonly newTitle: string | null;
  /** The section stands elsewhere among the sections both revisions have. */
  readonly moved: boolean;
  readonly changes: readonly TextChange[];
};

export type FigureDiff = {
  readonly section: string;
  readonly label: string;
  readonly old: string | null;
  readonly new: string | null;
};

export type Comparison = { readonly sections: readonly SectionDiff[]; readonly figures: readonly FigureDiff[] };

const FIGURE_NAMES: Readonly<Record<FigureRef['kind'], string>> = {
  'revenue-share': 'andel av intäkterna', 'cost-share': 'andel av kostnaderna', 'category-amount': 'belopp för kategori',
  result: 'resultat', frame: 'ram', 'net-cost': 'nettokostnad', 'total-revenue': 'summa intäkter', 'total-cost': 'summa kostnader',
  'result-outcome': 'resultatutfall', 'accumulated-surplus': 'balanserat resultat', 'history-years': 'antal år i resultathistoriken',
  'deficit-years': 'antal underskottsår', 'scenario-result': 'resultat i scenario', 'municipal-contributions-total': 'kommunernas bidrag',
};

const LIVE_NAMES: Readonly<Record<LiveElement['kind'], string>> = {
  'revenue-by-category': 'intäkter per kategori', 'costs-by-category': 'kostnader per kategori', 'multi-year-plan': 'flerårsplan',
  'result-history': 'resultathistorik', 'municipal-contributions': 'kommunernas bidrag', goals: 'mål och indikatorer',
  'project-financing': 'projektfinansiering',
};

/** A figure in comparable text: what it is, not its value ("[andel av intäkterna 2018]"). */
export function figureName(ref: FigureRef): string {
  const year = 'year' in ref ? ` ${String(ref.year)}` : '';
  const category = 'category' in ref ? `: ${[ref.category].flat().join(' + ')}` : '';
  const scenario = ref.kind === 'scenario-result' ? `, scenario ${ref.scenario}` : '';
  return `[${FIGURE_NAMES[ref.kind]}${year}${category}${scenario}]`;
}

const inlineText = (content: readonly InlineNode[]): string =>
  content.map((n) => (n.type === 'text' ? n.text : figureName(n.ref))).join('');

/** A block as text to compare: its words, its figures by name, a live element by what it shows. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph': return inlineText(block.content);
    case 'heading': return `Rubrik: ${inlineText(block.content)}`;
    case 'bullet-list':
    case 'ordered-list': return block.items.map((i) => `• ${inlineText(i)}`).join('\n');
    case 'live': {
      const year = 'year' in block.element ? ` ${String(block.element.year)}` : '';
      const view = block.element.kind === 'multi-year-plan' ? ` (${block.element.view === 'scenarios' ? 'scenarier' : 'kategorier'})` : '';
      return `[Tabell: ${LIVE_NAMES[block.element.kind]}${year}${view}${'chart' in block.element && block.element.chart === true ? ' med diagram' : ''}]`;
    }
  }
}

type Op = { readonly kind: 'same' | 'removed' | 'added'; readonly text: string };

/** Longest common subsequence over whole blocks (documents are small: tens of blocks per section). */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] ?? [];
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push({ kind: 'same', text: a[i] ?? '' }); i++; j++; }
    else if (j < m && (i >= n || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) { ops.push({ kind: 'added', text: b[j] ?? '' }); j++; }
    else { ops.push({ kind: 'removed', text: a[i] ?? '' }); i++; }
  }
  return ops;
}

/** Block changes: a run of removals next to a run of additions pairs up as changed paragraphs. */
export function diffBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[]): TextChange[] {
  const ops = diffLines(oldBlocks.map(blockText), newBlocks.map(blockText));
  const out: TextChange[] = [];
  let k = 0;
  while (k < ops.length) {
    const op = ops[k];
    if (!op || op.kind === 'same') { k++; continue; }
    const removed: string[] = [];
    const added: string[] = [];
    while (k < ops.length && ops[k]?.kind !== 'same') {
      const o = ops[k];
      if (o?.kind === 'removed') removed.push(o.text);
      else if (o) added.push(o.text);
      k++;
    }
    const paired = Math.min(removed.length, added.length);
    for (let p = 0; p < paired; p++) out.push({ kind: 'changed', old: removed[p] ?? null, new: added[p] ?? null });
    for (const r of removed.slice(paired)) out.push({ kind: 'removed', old: r, new: null });
    for (const a of added.slice(paired)) out.push({ kind: 'added', old: null, new: a });
  }
  return out;
}

export function compareSections(oldSections: readonly Section[], newSections: readonly Section[]): SectionDiff[] {
  const oldByKey = new Map(oldSections.map((s) => [s.key, s]));
  const newKeys = new Set(newSections.map((s) => s.key));
  const commonOld = oldSections.filter((s) => newKeys.has(s.key)).map((s) => s.key);
  const commonNew = newSections.filter((s) => oldByKey.has(s.key)).map((s) => s.key);
  const out: SectionDiff[] = newSections.map((s) => {
    const before = oldByKey.get(s.key);
    if (!before) return { key: s.key, status: 'added', oldTitle: null, newTitle: s.title, moved: false, changes: diffBlocks([], s.blocks) };
    const changes = diffBlocks(before.blocks, s.blocks);
    const moved = commonOld.indexOf(s.key) !== commonNew.indexOf(s.key);
    const changed = changes.length > 0 || before.title !== s.title || moved;
    return { key: s.key, status: changed ? 'changed' : 'unchanged', oldTitle: before.title, newTitle: s.title, moved, changes };
  });
  for (const s of oldSections) {
    if (!newKeys.has(s.key)) out.push({ key: s.key, status: 'removed', oldTitle: s.title, newTitle: null, moved: false, changes: diffBlocks(s.blocks, []) });
  }
  return out;
}

type PrintedFigure = { readonly section: string; readonly key: string; readonly label: string; readonly text: string };

/** The figures of a revision as printed, paired with their references (the model keeps document order). */
export function printedFigures(sections: readonly Section[], report: UnderlagReport): PrintedFigure[] {
  const out: PrintedFigure[] = [];
  for (const section of sections) {
    const modelSection = report.sections.find((s) => s.key === section.key);
    if (!modelSection) continue;
    const refs = section.blocks.flatMap((b): FigureRef[] => {
      const figures = (c: readonly InlineNode[]) => c.flatMap((n) => (n.type === 'figure' ? [n.ref] : []));
      if (b.type === 'paragraph' || b.type === 'heading') return figures(b.content);
      if (b.type === 'bullet-list' || b.type === 'ordered-list') return b.items.flatMap(figures);
      return [];
    });
    const runs = modelSection.blocks.flatMap((b): ReportRun[] => {
      if (b.type === 'paragraph' || b.type === 'heading') return [...b.runs];
      if (b.type === 'list') return b.items.flat();
      return [];
    }).filter((r) => r.type === 'figure');
    refs.forEach((ref, i) => {
      const run = runs[i];
      if (run) out.push({ section: section.title, key: `${section.key}|${JSON.stringify(ref)}`, label: run.label, text: run.text });
    });
  }
  return out;
}

/** Figures whose printed value differs, or that only one revision has. */
export function compareFigures(older: readonly PrintedFigure[], newer: readonly PrintedFigure[]): FigureDiff[] {
  const first = (list: readonly PrintedFigure[]) => {
    const m = new Map<string, PrintedFigure>();
    for (const f of list) if (!m.has(f.key)) m.set(f.key, f);
    return m;
  };
  const a = first(older);
  const b = first(newer);
  const out: FigureDiff[] = [];
  for (const [key, f] of b) {
    const o = a.get(key);
    if (!o) out.push({ section: f.section, label: f.label, old: null, new: f.text });
    else if (o.text !== f.text) out.push({ section: f.section, label: f.label, old: o.text, new: f.text });
  }
  for (const [key, f] of a) if (!b.has(key)) out.push({ section: f.section, label: f.label, old: f.text, new: null });
  return out;
}
