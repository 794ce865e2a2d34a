// Inline content of the narrative resolved to runs: text with its marks (links checked again, so a
// document stored before the check cannot publish an unsafe link) and live figures with their values.
import { resolveFigure } from './figures.ts';
import type { ReportRun } from './report-model.ts';
import { isSafeHref } from './rich-text.ts';
import type { InlineNode } from './rich-text.ts';
import type { UnderlagData } from './underlag-input.ts';

export function resolveInlines(content: readonly InlineNode[], data: UnderlagData, note: (message: string) => void): ReportRun[] {
  return content.map((node) => figureOrText(node, data, note));
}

export function figureOrText(node: InlineNode, data: UnderlagData, note: (message: string) => void): ReportRun {
  if (node.type === 'figure') {
    const run = resolveFigure(node.ref, data);
    if (run.missing) note(run.label);
    return run;
  }
  const marks = node.marks ?? [];
  let href: string | null = null;
  for (const m of marks) {
    if (m.type !== 'link') continue;
    if (isSafeHref(m.href)) href = m.href;
    else note(`Länken "${m.href}" togs bort: bara https://, http:// och mailto: publiceras`);
  }
  return {
    type: 'text',
    text: node.text,
    strong: marks.some((m) => m.type === 'strong'),
    em: marks.some((m) => m.type === 'em'),
    href,
  };
}
