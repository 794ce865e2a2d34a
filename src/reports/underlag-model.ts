// buildUnderlagModel: the underlag as one report model, computed from the document and its data.
// Pure: no clock (generatedAt is passed in), no I/O. Every renderer draws this model and nothing else.
import { resolveInlines } from './inline.ts';
import { buildLiveElement } from './live-elements.ts';
import type { ReportBlock, ReportProblem, ReportSection, UnderlagReport } from './report-model.ts';
import type { Block } from './rich-text.ts';
import { Numbering } from './table-kit.ts';
import type { UnderlagInput, UnderlagStatus } from './underlag-input.ts';

export const STATUS_LABELS: Readonly<Record<UnderlagStatus, string>> = {
  draft: 'Utkast',
  review: 'För granskning',
  submitted: 'Inlämnat',
  adopted: 'Beslutat',
};

export const EXAMPLE_NOTICE = 'Dokumentet bygger på demonstrationsdata. Belopp som inte står i förlagan är påhittade och får inte användas som beslutsunderlag.';

/** "2019-05-20 kl. 10.00" from 'YYYY-MM-DDTHH:MM…'; null when the text is not such a time. */
export function generatedAtLabel(generatedAt: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(generatedAt);
  return m ? `${m[1] ?? ''} kl. ${m[2] ?? ''}.${m[3] ?? ''}` : null;
}

/** "Budget 2020, plan 2021–2022". */
export function periodLabel(budgetYear: number, planYears: readonly number[]): string {
  const first = planYears[0];
  const last = planYears[planYears.length - 1];
  if (first === undefined || last === undefined) return `Budget ${String(budgetYear)}`;
  return `Budget ${String(budgetYear)}, plan ${first === last ? String(first) : `${String(first)}–${String(last)}`}`;
}

function slug(key: string): string {
  const s = key.toLocaleLowerCase('sv').replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return s === '' ? 'avsnitt' : s;
}

export function buildUnderlagModel(input: UnderlagInput): UnderlagReport {
  const problems: ReportProblem[] = [];
  const numbering = new Numbering();
  const ids = new Set<string>();

  const sections: ReportSection[] = input.sections.map((section) => {
    let id = `s-${slug(section.key)}`;
    for (let n = 2; ids.has(id); n++) id = `s-${slug(section.key)}-${String(n)}`;
    ids.add(id);
    const note = (message: string): void => void problems.push({ section: section.title, message });
    const blocks = section.blocks.flatMap((b) => buildBlock(b, input, numbering, note));
    return { key: section.key, id, title: section.title, blocks };
  });

  const generated = generatedAtLabel(input.generatedAt);
  if (generated === null) problems.push({ section: null, message: `Tidpunkten "${input.generatedAt}" är inte på formen ÅÅÅÅ-MM-DDTTT:MM` });
  const last = input.planYears[input.planYears.length - 1];
  const v = input.version;
  if (v.status === 'adopted' && (v.diarienummer === undefined || v.decisionDate === undefined)) {
    problems.push({ section: null, message: 'Ett beslutat underlag ska ha diarienummer och beslutsdatum' });
  }
  return {
    title: `Underlag till plan och budget ${String(input.budgetYear)}${last === undefined ? '' : `–${String(last)}`}`,
    organisation: { name: input.organisation.name, code: input.organisation.code, parentName: input.organisation.parentName ?? null },
    budgetYear: input.budgetYear,
    planYears: [...input.planYears],
    periodLabel: periodLabel(input.budgetYear, input.planYears),
    version: {
      code: v.code, name: v.name, status: v.status, statusLabel: STATUS_LABELS[v.status],
      diarienummer: v.diarienummer ?? null, decisionDate: v.decisionDate ?? null,
    },
    generatedAt: input.generatedAt,
    generatedAtLabel: generated ?? input.generatedAt,
    isExample: input.isExample,
    exampleNotice: input.isExample ? EXAMPLE_NOTICE : null,
    sections,
    problems,
  };
}

function buildBlock(block: Block, input: UnderlagInput, numbering: Numbering, note: (m: string) => void): ReportBlock[] {
  switch (block.type) {
    case 'paragraph':
      return [{ type: 'paragraph', runs: resolveInlines(block.content, input.data, note) }];
    case 'heading':
      return [{ type: 'heading', level: block.level === 4 ? 4 : 3, runs: resolveInlines(block.content, input.data, note) }];
    case 'bullet-list':
    case 'ordered-list':
      return [{ type: 'list', ordered: block.type === 'ordered-list', items: block.items.map((item) => resolveInlines(item, input.data, note)) }];
    case 'live': {
      const { blocks, problems } = buildLiveElement(block.element, input.data, numbering);
      problems.forEach(note);
      return blocks;
    }
  }
}
