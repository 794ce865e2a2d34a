import { describe, expect, it } from 'vitest';
import { isSafeHref, parseBlocks } from './rich-text.ts';
import { defaultUnderlagTemplate } from './template.ts';

describe('parseBlocks', () => {
  it('accepts the default template as stored JSON', () => {
    const blocks = defaultUnderlagTemplate({ actualYear: 2018, budgetYear: 2020 }).flatMap((s) => s.blocks);
    expect(parseBlocks(JSON.parse(JSON.stringify(blocks)))).toMatchObject({ ok: true });
  });

  it('reports every problem with its place, in Swedish', () => {
    const r = parseBlocks([
      { type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'link', href: 'javascript:x' }] }, { type: 'html', html: '<b>' }] },
      { type: 'heading', level: 1, content: [] },
      { type: 'live', element: { kind: 'bogus' } },
      { type: 'paragraph', content: [{ type: 'figure', ref: { kind: 'nope' } }] },
      'text',
    ]);
    expect(r).toEqual({ ok: false, error: [
      'block 1[0].marks[0]: länken måste börja med https://, http:// eller mailto:',
      'block 1[1]: okänd typ "html"',
      'block 2: rubriknivån ska vara 3 eller 4',
      'block 3: okänd tabell eller diagram',
      'block 4[0]: okänd levande uppgift',
      'block 5: inte ett block',
    ] });
    expect(parseBlocks({})).toEqual({ ok: false, error: ['Texten ska vara en lista av block'] });
  });

  it('allows https, http and mailto links only', () => {
    expect(isSafeHref('https://www.regionvasterbotten.se')).toBe(true);
    expect(isSafeHref('mailto:run@example.se')).toBe(true);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref('https://x" onclick="y')).toBe(false);
    expect(isSafeHref('data:text/html,x')).toBe(false);
  });
});
