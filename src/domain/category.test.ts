import { describe, expect, it } from 'vitest';
import {
  categoriesOfKind, categoryForAccount, DEFAULT_ACCOUNT_RANGES, DEFAULT_CATEGORIES, validateCategories, validateRanges,
} from './category.ts';

describe('categories', () => {
  it('has the default set with stable codes on the right sides', () => {
    expect(categoriesOfKind(DEFAULT_CATEGORIES, 'revenue').map((c) => c.code)).toEqual([
      'regionbidrag', 'kommunbidrag', 'kultursamverkan', 'lansstyrelsen', 'projektmedel', 'avgifter', 'ovriga-intakter',
    ]);
    expect(categoriesOfKind(DEFAULT_CATEGORIES, 'cost').map((c) => c.code)).toEqual([
      'personal', 'bidrag', 'agaranslag', 'politisk-organisation', 'lokaler', 'ovriga-kostnader',
    ]);
    expect(DEFAULT_CATEGORIES.find((c) => c.code === 'kultursamverkan')?.name).toBe('Kultursamverkansmodellen');
    expect(validateCategories(DEFAULT_CATEGORIES).ok).toBe(true);
  });

  it('maps accounts to categories through the default ranges', () => {
    const cat = (a: string): string | undefined => categoryForAccount(a, DEFAULT_ACCOUNT_RANGES);
    expect(cat('3000')).toBe('avgifter');
    expect(cat('3549')).toBe('regionbidrag');
    expect(cat('3550')).toBe('kommunbidrag');
    expect(cat('3620')).toBe('kultursamverkan');
    expect(cat('3650')).toBe('lansstyrelsen');
    expect(cat('3810')).toBe('projektmedel');
    expect(cat('4011')).toBe('personal');
    expect(cat('5010')).toBe('lokaler');
    expect(cat('7010')).toBe('politisk-organisation');
    expect(cat('7350')).toBe('bidrag');
    expect(cat('7410')).toBe('agaranslag');
    expect(cat('7999')).toBe('ovriga-kostnader');
    expect(cat('8000')).toBeUndefined();
    expect(cat('1910')).toBeUndefined();
  });

  it('compares longer accounts by prefix and never matches shorter ones', () => {
    expect(categoryForAccount('35101', DEFAULT_ACCOUNT_RANGES)).toBe('regionbidrag');
    expect(categoryForAccount('35', DEFAULT_ACCOUNT_RANGES)).toBeUndefined();
    expect(categoryForAccount('35a1', DEFAULT_ACCOUNT_RANGES)).toBeUndefined();
  });

  it('finds the defaults valid and covering classes 3–7 without gaps', () => {
    expect(validateRanges(DEFAULT_ACCOUNT_RANGES, DEFAULT_CATEGORIES).ok).toBe(true);
    for (let a = 3000; a <= 7999; a++) expect(categoryForAccount(String(a), DEFAULT_ACCOUNT_RANGES), String(a)).toBeDefined();
  });

  it('reports overlaps, bad bounds and unknown categories in Swedish', () => {
    const r = validateRanges(
      [
        { from: '3000', to: '3099', category: 'avgifter' },
        { from: '3050', to: '3150', category: 'ovriga-intakter' },
        { from: '31', to: '31', category: 'avgifter' },
        { from: '4000', to: '39', category: 'personal' },
        { from: '5000', to: '4000', category: 'personal' },
        { from: '6000', to: '6099', category: 'finns-inte' },
      ],
      DEFAULT_CATEGORIES,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('Kontointervallen 3000–3099 (avgifter) och 3050–3150 (ovriga-intakter) överlappar');
    expect(r.error).toContain('Kontointervallen 3050–3150 (ovriga-intakter) och 31–31 (avgifter) överlappar');
    expect(r.error.some((e) => e.includes('lika många siffror'))).toBe(true);
    expect(r.error.some((e) => e.includes('börjar efter att det slutar'))).toBe(true);
    expect(r.error.some((e) => e.includes('okänd kategori "finns-inte"'))).toBe(true);
  });
});
