// Money is an integer number of öre behind a brand, never a float (docs/DESIGN.md "Rules of the
// numbers"). This module is the only place that does arithmetic on öre or converts kronor to öre;
// nothing else multiplies by 100.
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { divRoundHalfAwayFromZero } from './rounding.ts';

export type Ore = number & { readonly __brand: 'Ore' };

/** Brands a safe integer as öre. A non-integer here is a bug (user input goes through parseAmount). */
export function ore(n: number): Ore {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Inte ett helt antal öre: ${String(n)}`);
  return n as Ore;
}

export const ZERO_ORE: Ore = ore(0);

export const ORE_PER_KRONA = 100;
export const ORE_PER_TKR = 100_000;
export const ORE_PER_MNKR = 100_000_000;

export function addOre(a: Ore, b: Ore): Ore {
  return ore(a + b);
}

export function subOre(a: Ore, b: Ore): Ore {
  return ore(a - b);
}

export function negOre(a: Ore): Ore {
  // `0 - a` rather than `-a` so that negating zero never yields −0.
  return ore(0 - a);
}

export function absOre(a: Ore): Ore {
  return a < 0 ? negOre(a) : a;
}

export function sumOre(xs: Iterable<Ore>): Ore {
  let total = 0;
  for (const x of xs) total += x;
  // Each partial sum of safe integers below 2^53 is exact; the final check catches overflow.
  return ore(total);
}

export function isNegative(a: Ore): boolean {
  return a < 0;
}

export function isZero(a: Ore): boolean {
  return a === 0;
}

export function maxOre(a: Ore, b: Ore): Ore {
  return a >= b ? a : b;
}

export function minOre(a: Ore, b: Ore): Ore {
  return a <= b ? a : b;
}

/** Multiplies by an integer factor (e.g. 12 months); not a rate: see rate.ts for those. */
export function mulOre(a: Ore, factor: number): Ore {
  if (!Number.isSafeInteger(factor)) throw new RangeError(`Faktorn måste vara ett heltal: ${String(factor)}`);
  return oreFromBigInt(BigInt(a) * BigInt(factor));
}

/** Whole kronor to öre. */
export function oreFromKronor(kr: bigint | number): Ore {
  if (typeof kr === 'number' && !Number.isSafeInteger(kr)) {
    throw new RangeError(`Inte ett helt antal kronor: ${String(kr)}`);
  }
  return oreFromBigInt(BigInt(kr) * 100n);
}

export function oreFromBigInt(n: bigint): Ore {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Beloppet är för stort: ${n.toString()} öre`);
  }
  return ore(Number(n));
}

export function oreToBigInt(a: Ore): bigint {
  return BigInt(a);
}

/** Whole kronor, the öre rounded by the rule (half away from zero). */
export function roundToKronor(a: Ore): bigint {
  return divRoundHalfAwayFromZero(BigInt(a), 100n);
}

/** `a` expressed in units of `orePerUnit`, with `decimals` decimals, as a scaled integer (rounded by the rule). */
export function scaledUnits(a: Ore, orePerUnit: number, decimals: number): bigint {
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`Ogiltigt antal decimaler: ${String(decimals)}`);
  }
  return divRoundHalfAwayFromZero(BigInt(a) * 10n ** BigInt(decimals), BigInt(orePerUnit));
}

const UNIT_DECIMALS: Readonly<Record<'kr' | 'tkr', number>> = { kr: 2, tkr: 5 };

// Thousands separators people paste: space, no-break space, narrow no-break space, thin space.
const GROUP_SEPARATORS = /[ \u00a0\u202f\u2009]/;
const MINUS_SIGNS = /^[-\u2212\u2013]/;

/**
 * Parses an amount typed or pasted by a person: "1 234,5", "1234.5", "-12", "−1 234 567,89",
 * optionally followed by the unit ("12 kr", "1,5 tkr"). Exact: digits are read as text and scaled with
 * BigInt, never through a float. More decimals than an öre can hold is an error, not a rounding.
 */
export function parseAmount(text: string, unit: 'kr' | 'tkr'): Result<Ore> {
  const fail = (why: string): Result<Ore> => err(`Ogiltigt belopp: "${text}" (${why})`);
  let s = text.trim();
  const unitSuffix = new RegExp(`[\\s\\u00a0\\u202f]*${unit}$`, 'i');
  s = s.replace(unitSuffix, '');
  if (s === '') return fail('tomt värde');

  let negative = false;
  if (MINUS_SIGNS.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  s = s.trimStart();

  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  if (commas + dots > 1) return fail('högst ett decimaltecken, och tusental skrivs med mellanslag');
  const [intPart = '', fracPart = ''] = s.split(/[.,]/);
  if (intPart === '') return fail('siffror saknas före decimaltecknet');

  const groups = intPart.split(GROUP_SEPARATORS);
  for (const [i, g] of groups.entries()) {
    if (!/^\d+$/.test(g)) return fail('endast siffror, mellanslag och ett decimaltecken är tillåtna');
    if (i > 0 && g.length !== 3) return fail('tusentalsgrupper ska ha tre siffror');
    if (i === 0 && groups.length > 1 && g.length > 3) return fail('tusentalsgrupper ska ha tre siffror');
  }
  if (fracPart !== '' && !/^\d+$/.test(fracPart)) return fail('decimalerna får bara innehålla siffror');
  if (commas + dots === 1 && fracPart === '') return fail('siffror saknas efter decimaltecknet');

  const maxDecimals = UNIT_DECIMALS[unit];
  if (fracPart.length > maxDecimals) {
    return fail(unit === 'kr' ? 'högst två decimaler (öre)' : 'högst fem decimaler i tkr (öre)');
  }
  const digits = groups.join('') + fracPart.padEnd(maxDecimals, '0');
  const magnitude = BigInt(digits);
  const value = negative ? -magnitude : magnitude;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    return fail('beloppet är för stort');
  }
  return ok(ore(Number(value)));
}
