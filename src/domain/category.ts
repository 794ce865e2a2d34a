// Categories are the reporting lines of the underlag (Regionbidrag, Personal, …). Accounts map to them
// by ranges the organisation can edit, because no machine-readable Region-Bas or Kommun-Bas exists:
// the chart arrives from SIE #KONTO or a file and the ranges bridge it (docs/DOMAIN.md).
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export type CategoryKind = 'revenue' | 'cost';
export type CategoryCode = string;
export type Category = {
  readonly code: CategoryCode;
  readonly kind: CategoryKind;
  readonly name: string;
  readonly order: number;
};

export const DEFAULT_CATEGORIES: readonly Category[] = [
  { code: 'regionbidrag', kind: 'revenue', name: 'Regionbidrag', order: 10 },
  { code: 'kommunbidrag', kind: 'revenue', name: 'Kommunbidrag', order: 20 },
  { code: 'kultursamverkan', kind: 'revenue', name: 'Kultursamverkansmodellen', order: 30 },
  { code: 'lansstyrelsen', kind: 'revenue', name: 'Länsstyrelsen', order: 40 },
  { code: 'projektmedel', kind: 'revenue', name: 'Projektmedel', order: 50 },
  { code: 'avgifter', kind: 'revenue', name: 'Avgifter, seminarier och konferenser', order: 60 },
  { code: 'ovriga-intakter', kind: 'revenue', name: 'Övriga intäkter', order: 70 },
  { code: 'personal', kind: 'cost', name: 'Personal', order: 110 },
  { code: 'bidrag', kind: 'cost', name: 'Externa bidrag', order: 120 },
  { code: 'agaranslag', kind: 'cost', name: 'Ägaranslag', order: 130 },
  { code: 'politisk-organisation', kind: 'cost', name: 'Politisk organisation', order: 140 },
  { code: 'lokaler', kind: 'cost', name: 'Lokaler', order: 150 },
  { code: 'ovriga-kostnader', kind: 'cost', name: 'Övriga kostnader', order: 160 },
];

/**
 * An inclusive range of accounts. `from` and `to` are digit strings of the same length (normally 4,
 * the main accounts of Region-Bas/Kommun-Bas).
 *
 * Accounts of differing length are compared by PREFIX: an account longer than the range bounds is
 * compared on its leading digits, so the sub-account 30101 falls in 3000–3099 like its main account
 * 3010. An account shorter than the bounds (a class or group such as "30") never matches, because a
 * group can span several categories.
 */
export type AccountRange = { readonly from: string; readonly to: string; readonly category: CategoryCode };

const r = (from: string, to: string, category: CategoryCode): AccountRange => ({ from, to, category });

/** A Region-Bas-like default mapping; every organisation can replace it. */
export const DEFAULT_ACCOUNT_RANGES: readonly AccountRange[] = [
  r('3000', '3099', 'avgifter'),
  r('3100', '3499', 'ovriga-intakter'),
  r('3500', '3549', 'regionbidrag'),
  r('3550', '3599', 'kommunbidrag'),
  r('3600', '3649', 'kultursamverkan'),
  r('3650', '3699', 'lansstyrelsen'),
  r('3700', '3899', 'projektmedel'),
  r('3900', '3999', 'ovriga-intakter'),
  r('4000', '4999', 'personal'),
  r('5000', '5099', 'lokaler'),
  r('5100', '6999', 'ovriga-kostnader'),
  r('7000', '7099', 'politisk-organisation'),
  r('7100', '7299', 'ovriga-kostnader'),
  r('7300', '7399', 'bidrag'),
  r('7400', '7499', 'agaranslag'),
  r('7500', '7999', 'ovriga-kostnader'),
];

const DIGITS = /^\d+$/;

function accountInRange(account: string, range: AccountRange): boolean {
  const len = range.from.length;
  if (account.length < len) return false;
  const head = account.slice(0, len);
  // Equal-length digit strings compare numerically when compared as strings.
  return head >= range.from && head <= range.to;
}

/** The category of an account by the first range that contains it; undefined when none does. */
export function categoryForAccount(account: string, ranges: readonly AccountRange[]): CategoryCode | undefined {
  const a = account.trim();
  if (!DIGITS.test(a)) return undefined;
  for (const range of ranges) {
    if (accountInRange(a, range)) return range.category;
  }
  return undefined;
}

export function findCategory(categories: readonly Category[], code: CategoryCode): Category | undefined {
  return categories.find((c) => c.code === code);
}

/** The categories of one kind in display order. */
export function categoriesOfKind(categories: readonly Category[], kind: CategoryKind): Category[] {
  return categories.filter((c) => c.kind === kind).sort((a, b) => a.order - b.order || (a.code < b.code ? -1 : 1));
}

/** Checks a category set: unique codes, non-empty names. All problems at once, in Swedish. */
export function validateCategories(categories: readonly Category[]): Result<readonly Category[], readonly string[]> {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const c of categories) {
    if (c.code.trim() === '') errors.push('En kategori saknar kod');
    if (seen.has(c.code)) errors.push(`Kategorikoden "${c.code}" förekommer mer än en gång`);
    seen.add(c.code);
    if (c.name.trim() === '') errors.push(`Kategorin "${c.code}" saknar namn`);
  }
  return errors.length === 0 ? ok(categories) : err(errors);
}

/**
 * Checks account ranges: digit-only bounds of equal length, from ≤ to, known categories (when
 * `categories` is given) and no overlaps. Ranges of different lengths are compared by prefix, as in
 * categoryForAccount, so "30"–"30" overlaps "3000"–"3099". Reports every problem, in Swedish.
 */
export function validateRanges(
  ranges: readonly AccountRange[],
  categories?: readonly Category[],
): Result<readonly AccountRange[], readonly string[]> {
  const errors: string[] = [];
  const label = (x: AccountRange): string => `${x.from}–${x.to} (${x.category})`;
  const valid: AccountRange[] = [];
  for (const x of ranges) {
    if (!DIGITS.test(x.from) || !DIGITS.test(x.to)) {
      errors.push(`Kontointervallet ${label(x)} får bara innehålla siffror`);
    } else if (x.from.length !== x.to.length) {
      errors.push(`Kontointervallet ${label(x)} måste ha lika många siffror i början och slutet`);
    } else if (x.from > x.to) {
      errors.push(`Kontointervallet ${label(x)} börjar efter att det slutar`);
    } else {
      valid.push(x);
    }
    if (categories && !categories.some((c) => c.code === x.category)) {
      errors.push(`Kontointervallet ${label(x)} pekar på en okänd kategori "${x.category}"`);
    }
  }
  // Widen every range to the longest length (from padded with 0, to with 9), then compare as numbers.
  const width = Math.max(0, ...valid.map((x) => x.from.length));
  const widened = valid
    .map((x) => ({ x, lo: x.from.padEnd(width, '0'), hi: x.to.padEnd(width, '9') }))
    .sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  for (let i = 0; i < widened.length; i++) {
    const a = widened[i];
    if (!a) continue;
    for (let j = i + 1; j < widened.length; j++) {
      const b = widened[j];
      if (!b || b.lo > a.hi) break;
      errors.push(`Kontointervallen ${label(a.x)} och ${label(b.x)} överlappar`);
    }
  }
  return errors.length === 0 ? ok(ranges) : err(errors);
}
