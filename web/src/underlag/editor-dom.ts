// Between the stored narrative (blocks) and the editable document in the browser (a contentEditable
// element): blocks become escaped HTML with live figures and live tables as non-editable marked spans
// and boxes carrying their reference; the edited DOM is read back into blocks. What the browser adds
// while editing (div for a new line, b/i, spans) is read by meaning, and anything else is plain text.
import type { Block, FigureRef, InlineNode, LiveElement, Mark } from './types.ts';

const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/** What a live table or chart shows, in Swedish. */
export function liveName(element: LiveElement): string {
  const year = typeof element['year'] === 'number' ? ` ${String(element['year'])}` : '';
  const chart = element['chart'] === true ? ' med diagram' : '';
  switch (element.kind) {
    case 'revenue-by-category': return `Intäkter per kategori${year}${chart}`;
    case 'costs-by-category': return `Kostnader per kategori${year}${chart}`;
    case 'multi-year-plan': return `Flerårsplan${element['view'] === 'scenarios' ? ', scenarier' : ', kategorier'}${chart}`;
    case 'result-history': return `Resultathistorik${chart}`;
    case 'municipal-contributions': return 'Kommunernas bidrag';
    case 'goals': return 'Mål och indikatorer';
    case 'project-financing': return 'Projektfinansiering';
    default: return element.kind;
  }
}

export function figureSpan(ref: FigureRef, text: string, label: string): string {
  return `<span class="live-figure" contenteditable="false" data-ref="${escapeHtml(JSON.stringify(ref))}" title="${escapeHtml(label)}">${escapeHtml(text)}</span>`;
}

export function liveBox(element: LiveElement): string {
  return `<div class="live-block" contenteditable="false" data-live="${escapeHtml(JSON.stringify(element))}">Levande tabell: ${escapeHtml(liveName(element))}</div>`;
}

function inlineHtml(content: readonly InlineNode[], nextFigure: () => string): string {
  return content.map((n) => {
    if (n.type === 'figure') return figureSpan(n.ref, nextFigure(), 'Levande uppgift ur planen');
    let html = escapeHtml(n.text);
    for (const m of n.marks ?? []) {
      if (m.type === 'strong') html = `<strong>${html}</strong>`;
      else if (m.type === 'em') html = `<em>${html}</em>`;
      else html = `<a href="${escapeHtml(m.href)}">${html}</a>`;
    }
    return html;
  }).join('');
}

/**
 * The editable HTML of a section. `figureTexts` are the section's figures as the server printed them,
 * in document order (the same order as the figure nodes of the blocks).
 */
export function blocksToHtml(blocks: readonly Block[], figureTexts: readonly string[]): string {
  let i = 0;
  const next = (): string => figureTexts[i++] ?? '[levande uppgift]';
  return blocks.map((b) => {
    switch (b.type) {
      case 'paragraph': return `<p>${inlineHtml(b.content, next)}</p>`;
      case 'heading': return `<h${String(b.level)}>${inlineHtml(b.content, next)}</h${String(b.level)}>`;
      case 'bullet-list':
      case 'ordered-list': {
        const tag = b.type === 'bullet-list' ? 'ul' : 'ol';
        return `<${tag}>${b.items.map((item) => `<li>${inlineHtml(item, next)}</li>`).join('')}</${tag}>`;
      }
      case 'live': return liveBox(b.element);
    }
  }).join('');
}

const sameMarks = (a: readonly Mark[] | undefined, b: readonly Mark[] | undefined): boolean => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

function readInline(node: Node, marks: readonly Mark[], out: InlineNode[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = (node.textContent ?? '').replace(/\u00a0/g, ' ').replace(/[\r\n]+/g, ' ');
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.type === 'text' && sameMarks(last.marks, marks)) {
      out[out.length - 1] = { ...last, text: last.text + text };
    } else {
      out.push(marks.length > 0 ? { type: 'text', text, marks: [...marks] } : { type: 'text', text });
    }
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const ref = node.dataset['ref'];
  if (ref !== undefined) {
    try {
      out.push({ type: 'figure', ref: JSON.parse(ref) as FigureRef });
    } catch {
      // A damaged reference is dropped rather than saved as text that looks live.
    }
    return;
  }
  if (node.tagName === 'BR') return readInline(document.createTextNode(' '), marks, out);
  let inner = [...marks];
  const tag = node.tagName;
  if ((tag === 'STRONG' || tag === 'B') && !inner.some((m) => m.type === 'strong')) inner = [...inner, { type: 'strong' }];
  if ((tag === 'EM' || tag === 'I') && !inner.some((m) => m.type === 'em')) inner = [...inner, { type: 'em' }];
  if (tag === 'A') {
    const href = node.getAttribute('href');
    if (href) inner = [...inner.filter((m) => m.type !== 'link'), { type: 'link', href }];
  }
  for (const child of node.childNodes) readInline(child, inner, out);
}

function inlineOf(node: Node): InlineNode[] {
  const out: InlineNode[] = [];
  for (const child of node.childNodes) readInline(child, [], out);
  // Leading and trailing spaces of a paragraph are layout, not text.
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last?.type === 'text') out[lastIndex] = { ...last, text: last.text.replace(/\s+$/, '') };
  return out.filter((n) => n.type !== 'text' || n.text !== '');
}

/** The blocks of an edited section; empty paragraphs are dropped. */
export function htmlToBlocks(root: HTMLElement): Block[] {
  const blocks: Block[] = [];
  let loose: Node[] = [];
  const flushLoose = (): void => {
    if (loose.length === 0) return;
    const holder = document.createElement('p');
    for (const n of loose) holder.appendChild(n.cloneNode(true));
    loose = [];
    const content = inlineOf(holder);
    if (content.length > 0) blocks.push({ type: 'paragraph', content });
  };
  for (const node of root.childNodes) {
    if (!(node instanceof HTMLElement) || ['STRONG', 'B', 'EM', 'I', 'A', 'SPAN', 'BR'].includes(node.tagName) && node.dataset['live'] === undefined) {
      loose.push(node);
      continue;
    }
    flushLoose();
    const live = node.dataset['live'];
    if (live !== undefined) {
      try {
        blocks.push({ type: 'live', element: JSON.parse(live) as LiveElement });
      } catch {
        // see readInline
      }
      continue;
    }
    const tag = node.tagName;
    if (tag === 'UL' || tag === 'OL') {
      const items = [...node.children].filter((c) => c.tagName === 'LI').map(inlineOf).filter((c) => c.length > 0);
      if (items.length > 0) blocks.push({ type: tag === 'UL' ? 'bullet-list' : 'ordered-list', items });
    } else if (/^H[1-6]$/.test(tag)) {
      const content = inlineOf(node);
      if (content.length > 0) blocks.push({ type: 'heading', level: tag === 'H4' || tag === 'H5' || tag === 'H6' ? 4 : 3, content });
    } else {
      const content = inlineOf(node);
      if (content.length > 0) blocks.push({ type: 'paragraph', content });
    }
  }
  flushLoose();
  return blocks;
}

/** The figure texts of a report section in document order (paragraphs, headings, list items). */
export function figureTextsOf(blocks: ReadonlyArray<{ type: string; runs?: ReadonlyArray<{ type: string; text: string }>; items?: ReadonlyArray<ReadonlyArray<{ type: string; text: string }>> }>): string[] {
  return blocks.flatMap((b) => [...(b.runs ?? []), ...(b.items ?? []).flat()]).filter((r) => r.type === 'figure').map((r) => r.text);
}

export type FigureChoice = { label: string; ref: FigureRef };
export type LiveChoice = { label: string; element: LiveElement };

/** Figures a writer can place in a sentence, for the document's years. */
export function figureChoices(actualYear: number, budgetYear: number): FigureChoice[] {
  const a = actualYear;
  const b = budgetYear;
  return [
    { label: `Resultatutfall ${String(a)} (”ett positivt resultatutfall på …”)`, ref: { kind: 'result-outcome', year: a } },
    { label: `Resultat ${String(a)}`, ref: { kind: 'result', year: a } },
    { label: `Regionens och kommunernas andel av intäkterna ${String(a)}`, ref: { kind: 'revenue-share', year: a, category: ['regionbidrag', 'kommunbidrag'], format: 'approx' } },
    { label: `Kultursamverkansmodellens andel av intäkterna ${String(a)}`, ref: { kind: 'revenue-share', year: a, category: 'kultursamverkan', format: 'approx' } },
    { label: `Projektfinansieringens andel av intäkterna ${String(a)}`, ref: { kind: 'revenue-share', year: a, category: 'projektmedel', format: 'approx' } },
    { label: `Personalkostnadernas andel av kostnaderna ${String(a)}`, ref: { kind: 'cost-share', year: a, category: 'personal', format: 'approx' } },
    { label: `Balanserat resultat efter ${String(a)}`, ref: { kind: 'accumulated-surplus', year: a } },
    { label: `Intäkter ${String(b)}`, ref: { kind: 'total-revenue', year: b } },
    { label: `Kostnader ${String(b)}`, ref: { kind: 'total-cost', year: b } },
    { label: `Nettokostnad ${String(b)}`, ref: { kind: 'net-cost', year: b } },
    { label: `Ram ${String(b)}`, ref: { kind: 'frame', year: b } },
    { label: 'Kommunernas bidrag enligt överenskommelsen', ref: { kind: 'municipal-contributions-total', format: 'kr' } },
  ];
}

export function liveChoices(actualYear: number): LiveChoice[] {
  const elements: LiveElement[] = [
    { kind: 'revenue-by-category', year: actualYear, chart: true },
    { kind: 'costs-by-category', year: actualYear },
    { kind: 'multi-year-plan', view: 'categories' },
    { kind: 'multi-year-plan', view: 'scenarios', chart: true },
    { kind: 'result-history', chart: true },
    { kind: 'municipal-contributions' },
    { kind: 'goals' },
    { kind: 'project-financing' },
  ];
  return elements.map((element) => ({ label: liveName(element), element }));
}

/** The plain text of blocks (a conflicting version shown beside the writer's own). */
export function blocksText(blocks: readonly Block[]): string[] {
  const inline = (c: readonly InlineNode[]): string => c.map((n) => (n.type === 'text' ? n.text : '[levande uppgift]')).join('');
  return blocks.map((b) => {
    if (b.type === 'paragraph' || b.type === 'heading') return inline(b.content);
    if (b.type === 'live') return `[Levande tabell: ${liveName(b.element)}]`;
    return b.items.map((i) => `• ${inline(i)}`).join('\n');
  });
}
