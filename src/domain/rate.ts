// Exact rates (uplift, PO-pålägg, shares) as an integer number of parts per million: 1,5 % = 15 000
// ppm, 46,15 % = 461 500 ppm. Four decimals of a percent is the finest any rate in the domain needs
// (SKR publishes PO with two), so a rate is exact and comparing rates is comparing integers.
import type { Ore } from './money.ts';
import { ore, oreFromBigInt } from './money.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { divRoundHalfAwayFromZero, divRoundHalfAwayFromZeroNumber } from './rounding.ts';

export type Rate = number & { readonly __brand: 'Rate' };

export const PPM = 1_000_000;
const PPM_PER_PERCENT = 10_000;

export function rateFromPpm(ppm: number): Rate {
  if (!Number.isSafeInteger(ppm)) throw new RangeError(`Inte ett helt antal ppm: ${String(ppm)}`);
  return ppm as Rate;
}

export const ZERO_RATE: Rate = rateFromPpm(0);

/**
 * "46,15", "46.15", "1,5 %", "−0,5" or a number (read through its shortest decimal form, so 46.15
 * is the decimal 46.15, not the binary float) → ppm, exactly. More than four decimals → error.
 */
export function rateFromPercent(text: string | number): Result<Rate> {
  if (typeof text === 'number' && !Number.isFinite(text)) return err(`Ogiltig procentsats: ${String(text)}`);
  const raw = typeof text === 'number' ? String(text) : text;
  const fail = (why: string): Result<Rate> => err(`Ogiltig procentsats: "${raw}" (${why})`);
  const s = raw.trim().replace(/[\s\u00a0\u202f]*%$/, '').replace(/^[\u2212\u2013]/, '-');
  const m = /^([-+]?)(\d+)(?:[.,](\d+))?$/.exec(s);
  if (!m) return fail('skriv t.ex. 2,5 eller 46,15');
  const [, sign = '', intDigits = '', frac = ''] = m;
  if (frac.length > 4) return fail('högst fyra decimaler');
  const magnitude = BigInt(intDigits + frac.padEnd(4, '0'));
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return fail('för stor');
  const ppm = Number(magnitude);
  return ok(rateFromPpm(sign === '-' && ppm !== 0 ? -ppm : ppm));
}

/** The rate in percent, for display and charts (a float: never compute money from it). */
export function rateToPercent(r: Rate): number {
  return r / PPM_PER_PERCENT;
}

/** The rate as exact decimal text in percent with a decimal comma: 461500 → "46,15". */
export function rateToPercentText(r: Rate): string {
  const negative = r < 0;
  const abs = Math.abs(r);
  const whole = Math.floor(abs / PPM_PER_PERCENT);
  const frac = String(abs % PPM_PER_PERCENT).padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${String(whole)}${frac === '' ? '' : `,${frac}`}`;
}

export function addRate(a: Rate, b: Rate): Rate {
  return rateFromPpm(a + b);
}

// |amount × factor| below 2^53 keeps the integer product exact in a double, so the common case needs
// no BigInt; anything larger takes the BigInt path. Both paths round by the one rule.
function mulDivPpm(amount: Ore, factorPpm: number): Ore {
  const product = amount * factorPpm;
  if (Number.isSafeInteger(product)) {
    return ore(divRoundHalfAwayFromZeroNumber(product, PPM));
  }
  return oreFromBigInt(divRoundHalfAwayFromZero(BigInt(amount) * BigInt(factorPpm), BigInt(PPM)));
}

/** amount × rate, rounded to whole öre by the rule. */
export function applyRate(amount: Ore, rate: Rate): Ore {
  return mulDivPpm(amount, rate);
}

/** amount × (1 + rate), rounded to whole öre by the rule. */
export function upliftBy(amount: Ore, rate: Rate): Ore {
  return mulDivPpm(amount, PPM + rate);
}

/** amount uplifted `steps` times, rounded at every step (how a yearly uplift compounds in a plan). */
export function upliftCompounded(amount: Ore, rate: Rate, steps: number): Ore {
  let a = amount;
  for (let i = 0; i < steps; i++) a = upliftBy(a, rate);
  return a;
}

/**
 * upliftBy for one fixed rate, for hot loops (thousands of lines × years × scenarios). Same results
 * as upliftBy (tested): below the precomputed bound |amount| × factor + 10^6 stays a safe integer, so
 * the float quotient is only a guess that the exact integer remainder corrects; above it, upliftBy.
 */
export function makeUplifter(rate: Rate): (amount: Ore) => Ore {
  const factor = PPM + rate;
  if (factor <= 0) return (amount) => upliftBy(amount, rate);
  const bound = Math.floor((Number.MAX_SAFE_INTEGER - PPM) / factor);
  return (amount) => {
    const n = amount < 0 ? -amount : amount;
    if (n > bound) return upliftBy(amount, rate);
    const p = n * factor;
    let q = Math.floor(p / PPM);
    let r = p - q * PPM;
    if (r < 0) {
      q -= 1;
      r += PPM;
    } else if (r >= PPM) {
      q += 1;
      r -= PPM;
    }
    if (2 * r >= PPM) q += 1;
    return (amount < 0 ? 0 - q : q) as Ore;
  };
}
