import { describe, expect, it } from 'vitest';
import type { Organisation } from './organisation.ts';
import { ancestry, buildTree, descendants, rootOf, subtreeCodes, validateOrganisations } from './organisation.ts';

const org = (code: string, kind: Organisation['kind'], parentCode: string | null): Organisation => ({
  code, name: code.toUpperCase(), kind, parentCode,
});

const tree: Organisation[] = [
  org('rv', 'region', null),
  org('run', 'committee', 'rv'),
  org('ruf', 'administration', 'run'),
  org('naring', 'unit', 'ruf'),
  org('kultur', 'unit', 'ruf'),
  org('hsn', 'committee', 'rv'),
];

describe('organisation', () => {
  it('finds descendants, the root and the path', () => {
    expect(descendants(tree, 'run').map((o) => o.code)).toEqual(['ruf', 'naring', 'kultur']);
    expect(descendants(tree, 'kultur')).toEqual([]);
    expect([...subtreeCodes(tree, 'ruf')]).toEqual(['ruf', 'naring', 'kultur']);
    expect(rootOf(tree, 'kultur')?.code).toBe('rv');
    expect(rootOf(tree, 'okänd')).toBeUndefined();
    expect(ancestry(tree, 'naring').map((o) => o.code)).toEqual(['rv', 'run', 'ruf', 'naring']);
  });

  it('builds the tree', () => {
    const r = buildTree(tree);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(1);
    expect(r.value[0]?.children.map((c) => c.org.code)).toEqual(['run', 'hsn']);
    expect(r.value[0]?.children[0]?.children[0]?.children.map((c) => c.org.code)).toEqual(['naring', 'kultur']);
  });

  it('refuses cycles, unknown parents and duplicate codes, in Swedish', () => {
    const bad = [org('a', 'unit', 'b'), org('b', 'unit', 'c'), org('c', 'unit', 'a'), org('d', 'unit', 'x'), org('d', 'unit', null)];
    const r = validateOrganisations(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.filter((e) => e.includes('cykel'))).toHaveLength(1);
    expect(r.error.some((e) => e.includes('okänd överordnad "x"'))).toBe(true);
    expect(r.error.some((e) => e.includes('"d" förekommer mer än en gång'))).toBe(true);
    expect(buildTree(bad).ok).toBe(false);
    // helpers stay total on a broken list
    expect(rootOf(bad, 'a')).toBeUndefined();
    expect(descendants(bad, 'a').map((o) => o.code)).toEqual(['c', 'b']);
  });
});
