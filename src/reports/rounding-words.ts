// Rounding words for shares in running text ("drygt 50 %", "knappt 19 %", "cirka 5 %"), as a writer
// of an underlag uses them. The rule, on a share given with one decimal (the summary's sharePercent):
//
// 1. A whole number is printed as it is, without a word: 22,0 → "22 %".
// 2. Below 1 % the share is printed with its decimal: 0,4 → "0,4 %" (a whole percent would say 0).
// 3. From 10 % a multiple of 5 within one point wins: 50,6 → "drygt 50 %", 49,2 → "knappt 50 %".
//    Large shares are read as "about half", "about a fifth"; a round figure is what the seed writes.
// 4. Otherwise the whole percent nearest (half away from zero): within 0,3 points it is "drygt" when
//    the share is above it and "knappt" when below (31,8 → "knappt 32 %", 1,3 → "drygt 1 %"); 0,4 or
//    0,5 points away it is "cirka" (4,6 → "cirka 5 %", 21,5 → "cirka 22 %").
//
// So "drygt X" always means a value above X by at most one point, "knappt X" below X by at most one
// point, "cirka X" within half a point, and no word means exactly X (to the decimal shown).
import { formatNumberSv, NBSP } from '../domain/format.ts';

export type RoundingWord = 'drygt' | 'knappt' | 'cirka' | null;
export type ApproxPercent = {
  readonly word: RoundingWord;
  /** The figure printed, in percent. */
  readonly target: number;
  /** Whether the figure is printed with one decimal (rule 2, or a negative value). */
  readonly exact: boolean;
  /** "drygt 50 %". */
  readonly text: string;
};

/** The share (in percent, one decimal) as running text with its rounding word. */
export function approxPercent(value: number): ApproxPercent {
  const tenths = Math.round(value * 10);
  const exact = (): ApproxPercent => ({ word: null, target: tenths / 10, exact: true, text: `${formatNumberSv(tenths / 10, 1)}${NBSP}%` });
  const make = (word: RoundingWord, targetTenths: number): ApproxPercent => ({
    word,
    target: targetTenths / 10,
    exact: false,
    text: `${word === null ? '' : `${word} `}${formatNumberSv(targetTenths / 10, 0)}${NBSP}%`,
  });
  if (tenths < 0) return exact();
  if (tenths % 10 === 0) return make(null, tenths);
  if (tenths < 10) return exact();
  if (tenths >= 100) {
    const five = Math.round(tenths / 50) * 50;
    const d = tenths - five;
    if (Math.abs(d) <= 10) return make(d > 0 ? 'drygt' : 'knappt', five);
  }
  // Half away from zero on a positive value: 21,5 → 22.
  const whole = Math.floor((tenths + 5) / 10) * 10;
  const d = tenths - whole;
  if (Math.abs(d) <= 3) return make(d > 0 ? 'drygt' : 'knappt', whole);
  return make('cirka', whole);
}

const NUMBER_WORDS = ['noll', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'] as const;

/** A count as a Swedish word up to twelve (neuter: "ett undantag", "två år"), digits above. */
export function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "a, b och c" (or with "samt" as the seed writes its longer enumerations). */
export function joinSv(parts: readonly string[], last: 'och' | 'samt' = 'och'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${last} ${parts[parts.length - 1] ?? ''}`;
}
