// The underlag's sections as pure data: validation names the field in Swedish, and each section
// operation returns a new list (or why not) without touching the old one.
import { describe, expect, it } from 'vitest';
import { paragraph, text } from '../reports/index.ts';
import { addSection, parseSections, removeSection, renameSection, reorderSections, replaceSectionText, sectionKeyFor } from './underlag-content.ts';
import { compareSections, diffBlocks } from './underlag-compare.ts';

const doc = [
  { key: 'inledning', title: 'Inledning', blocks: [paragraph('Ett.')] },
  { key: 'ekonomi', title: 'Ekonomi', blocks: [paragraph('Två.'), paragraph('Tre.')] },
];

describe('sections', () => {
  it('refuses duplicate keys, empty titles and bad blocks, naming the field', () => {
    expect(parseSections([...doc, { ...doc[0] }])).toEqual({ ok: false, error: { field: 'sections.2.key', message: 'Avsnitt 3: nyckeln inledning finns redan.' } });
    expect(parseSections([{ key: 'a', title: ' ', blocks: [] }])).toMatchObject({ ok: false, error: { field: 'sections.0.title' } });
    const bad = parseSections([{ key: 'a', title: 'A', blocks: [{ type: 'script' }] }]);
    expect(bad).toMatchObject({ ok: false, error: { field: 'sections.0.blocks' } });
    expect(parseSections([])).toMatchObject({ ok: false, error: { field: 'sections' } });
    expect(parseSections(doc).ok).toBe(true);
  });

  it('makes unique keys from Swedish titles', () => {
    expect(sectionKeyFor('Digital omställning', new Set())).toBe('digital-omstallning');
    expect(sectionKeyFor('Inledning', new Set(['inledning']))).toBe('inledning-2');
    expect(sectionKeyFor('!!!', new Set())).toBe('avsnitt');
  });

  it('adds after a section, renames, reorders, removes, and keeps the original', () => {
    const added = addSection(doc, 'Risker', 'inledning');
    expect(added.ok && added.value.sections.map((s) => s.key)).toEqual(['inledning', 'risker', 'ekonomi']);
    expect(renameSection(doc, 'ekonomi', 'Ekonomiskt läge')).toMatchObject({ ok: true, value: [{ title: 'Inledning' }, { title: 'Ekonomiskt läge' }] });
    expect(reorderSections(doc, ['ekonomi', 'inledning'])).toMatchObject({ ok: true, value: [{ key: 'ekonomi' }, { key: 'inledning' }] });
    expect(reorderSections(doc, ['ekonomi'])).toMatchObject({ ok: false, error: { field: 'keys' } });
    expect(removeSection(doc, 'inledning')).toMatchObject({ ok: true, value: [{ key: 'ekonomi' }] });
    expect(removeSection([doc[0] ?? doc[1]!], 'inledning')).toMatchObject({ ok: false, error: { field: 'key' } });
    expect(replaceSectionText(doc, 'saknas', [])).toMatchObject({ ok: false, error: { message: 'Avsnittet saknas finns inte i underlaget.' } });
    expect(doc.map((s) => s.key)).toEqual(['inledning', 'ekonomi']);
  });
});

describe('comparing revisions', () => {
  it('pairs a removed and an added paragraph as a change, and reports the rest as added or removed', () => {
    expect(diffBlocks([paragraph('A'), paragraph('B'), paragraph('C')], [paragraph('A'), paragraph('B2'), paragraph('C'), paragraph('D')])).toEqual([
      { kind: 'changed', old: 'B', new: 'B2' },
      { kind: 'added', old: null, new: 'D' },
    ]);
    expect(diffBlocks([paragraph('A', text('fet', { type: 'strong' }))], [])).toEqual([{ kind: 'removed', old: 'Afet', new: null }]);
  });

  it('finds sections added, removed, renamed and moved', () => {
    const next = [{ ...doc[1]!, title: 'Ekonomiskt läge' }, doc[0]!, { key: 'ny', title: 'Ny', blocks: [] }];
    const diff = compareSections(doc, next);
    expect(diff.map((d) => `${d.key}:${d.status}${d.moved ? ':moved' : ''}`)).toEqual(['ekonomi:changed:moved', 'inledning:changed:moved', 'ny:added']);
    expect(compareSections(doc, [doc[0]!]).map((d) => `${d.key}:${d.status}`)).toEqual(['inledning:unchanged', 'ekonomi:removed']);
  });
});
