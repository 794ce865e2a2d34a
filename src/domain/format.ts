// Swedish display of numbers, shared by the web app, the reports and the CLI. Done by hand rather than
// with Intl so the output is byte-identical on every machine, whatever locale data Node or the browser
// carries: thousands are grouped with U+00A0 (no-break space), the decimal sign is a comma, and the
// minus is U+2212 (the Swedish typographic minus, which screen readers read as "minus").
import type { Ore } from './money.ts';
import { ORE_PER_KRONA, ORE_PER_MNKR, ORE_PER_TKR, scaledUnits } from './money.ts';
import type { Rate } from './rate.ts';
import { divRoundHalfAwayFromZero } from './rounding.ts';

export const NBSP = '\u00a0';
export const MINUS = '\u2212';

function checkDecimals(decimals: number): void {
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`Ogiltigt antal decimaler: ${String(decimals)}`);
  }
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += NBSP;
    out += digits[i];
  }
  return out;
}

/** A scaled integer (value × 10^decimals) as Swedish text: 12345n, 1 → "1 234,5". */
export function formatScaledSv(scaled: bigint, decimals: number): string {
  checkDecimals(decimals);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  const fracPart = digits.slice(digits.length - decimals);
  // A value that rounds to zero is shown without a sign: "−0,0" reads as an error.
  const sign = negative ? MINUS : '';
  return `${sign}${groupThousands(intPart)}${decimals > 0 ? `,${fracPart}` : ''}`;
}

/** "1 234 567 kr": whole kronor, the öre rounded half away from zero. */
export function formatKr(o: Ore): string {
  return `${formatScaledSv(scaledUnits(o, ORE_PER_KRONA, 0), 0)}${NBSP}kr`;
}

/** "1 234 567,89 kr": exact, always two decimals. */
export function formatKrExact(o: Ore): string {
  return `${formatScaledSv(BigInt(o), 2)}${NBSP}kr`;
}

/** "1 234,5 tkr" (thousands of kronor), rounded half away from zero to `decimals` decimals. */
export function formatTkr(o: Ore, decimals = 1): string {
  return `${formatScaledSv(scaledUnits(o, ORE_PER_TKR, decimals), decimals)}${NBSP}tkr`;
}

/** "1,2 mnkr" (millions of kronor). */
export function formatMnkr(o: Ore, decimals = 1): string {
  return `${formatScaledSv(scaledUnits(o, ORE_PER_MNKR, decimals), decimals)}${NBSP}mnkr`;
}

/** The unit a sentence about an amount reads best in: mnkr from one million kronor, else tkr. */
export function formatAmountShort(o: Ore): string {
  return Math.abs(o) >= ORE_PER_MNKR ? formatMnkr(o, 1) : formatTkr(o, 1);
}

// A float is read through its shortest round-trip decimal form (what String() gives), so 1.005 is
// rounded as the decimal 1.005 → 1,01, as a person reading the number expects, and not as the binary
// 1.00499999… it is stored as.
function decimalOf(value: number): { digits: bigint; scale: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) throw new RangeError(`Inte ett ändligt tal: ${String(value)}`);
  const [, sign = '', intDigits = '', frac = '', exp = '0'] = m;
  let digits = BigInt(intDigits + frac);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: sign === '-' ? -digits : digits, scale };
}

/** A plain number in Swedish: formatNumberSv(1234.56, 1) → "1 234,6". */
export function formatNumberSv(value: number, decimals: number): string {
  checkDecimals(decimals);
  if (!Number.isFinite(value)) throw new RangeError(`Inte ett ändligt tal: ${String(value)}`);
  const { digits, scale } = decimalOf(value);
  const scaled =
    scale <= decimals
      ? digits * 10n ** BigInt(decimals - scale)
      : divRoundHalfAwayFromZero(digits, 10n ** BigInt(scale - decimals));
  return formatScaledSv(scaled, decimals);
}

/** A value already in percent: formatPercent(22) → "22 %", formatPercent(1.5, 1) → "1,5 %". */
export function formatPercent(value: number, decimals = 0): string {
  return `${formatNumberSv(value, decimals)}${NBSP}%`;
}

/** An exact rate in percent: formatRate(461500 ppm, 2) → "46,15 %". */
export function formatRate(r: Rate, decimals = 2): string {
  checkDecimals(decimals);
  // ppm → percent × 10^decimals: divide by 10^(4 − decimals), or scale up beyond four decimals.
  const scaled =
    decimals <= 4
      ? divRoundHalfAwayFromZero(BigInt(r), 10n ** BigInt(4 - decimals))
      : BigInt(r) * 10n ** BigInt(decimals - 4);
  return `${formatScaledSv(scaled, decimals)}${NBSP}%`;
}
