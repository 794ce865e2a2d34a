// Splitting a total over parts (municipalities by population, a year over months, a sum over units)
// by the largest-remainder method (Hamilton): every part gets the floor of its exact share, and the
// units left over go one each to the parts with the largest remainders. So the parts always add up
// to the total exactly, and each part differs from its exact share by less than one unit.
//
// Decisions:
// - Ties in the remainder go to the lower index, so the result is deterministic and independent of
//   sorting stability.
// - A negative total is split as its magnitude and negated, so allocate(−T) = −allocate(T): a reduction
//   lands on the same parts as the matching increase.
// - All-zero (or no) weights cannot split a non-zero total: that is a bug in the caller (validate the
//   weights first, e.g. that some municipality has a population), so it throws a RangeError. A zero
//   total with zero weights is fine and gives all zeros.
import type { Ore } from './money.ts';
import { oreFromBigInt } from './money.ts';
import { floorDiv } from './rounding.ts';

function toBigWeights(weights: readonly (number | bigint)[], allowNegative: boolean): bigint[] {
  return weights.map((w, i) => {
    if (typeof w === 'number' && !Number.isSafeInteger(w)) {
      throw new RangeError(`Vikt ${String(i)} är inte ett heltal: ${String(w)}`);
    }
    const b = BigInt(w);
    if (!allowNegative && b < 0n) throw new RangeError(`Vikt ${String(i)} är negativ: ${b.toString()}`);
    return b;
  });
}

// The indexes that get one more unit: the `left` largest remainders, ties to the lower index.
// 0 ≤ left < number of parts, because each floor loses less than one unit.
function indexesForRest(remainders: readonly (number | bigint)[], left: number): number[] {
  if (left <= 0) return [];
  return remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
    .slice(0, left)
    .map((x) => x.i);
}

// Core on exact rationals: part_i = floor(total × w_i / W) with W > 0, then hand out the rest.
function largestRemainder(total: bigint, weights: readonly bigint[], weightSum: bigint): bigint[] {
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let assigned = 0n;
  for (const w of weights) {
    const numerator = total * w;
    const part = floorDiv(numerator, weightSum);
    parts.push(part);
    remainders.push(numerator - part * weightSum);
    assigned += part;
  }
  for (const i of indexesForRest(remainders, Number(total - assigned))) parts[i] = (parts[i] ?? 0n) + 1n;
  return parts;
}

// The same on plain numbers, used only when every product total × w_i and W are safe integers: the
// floor comes from an exact integer remainder (never from a float quotient), so the result equals the
// BigInt core (tested), and splitting thousands of lines needs no BigInt.
function largestRemainderNumber(total: number, weights: readonly number[], weightSum: number): number[] {
  const parts: number[] = [];
  const remainders: number[] = [];
  let assigned = 0;
  for (const w of weights) {
    const numerator = total * w;
    let r = numerator % weightSum;
    if (r < 0) r += weightSum;
    const part = (numerator - r) / weightSum;
    parts.push(part);
    remainders.push(r);
    assigned += part;
  }
  for (const i of indexesForRest(remainders, total - assigned)) parts[i] = (parts[i] ?? 0) + 1;
  return parts;
}

/**
 * Splits `total` units over non-negative integer weights by largest remainder. Throws RangeError on
 * negative or non-integer weights, or on all-zero weights with a non-zero total.
 */
export function allocateUnits(total: bigint, weights: readonly (number | bigint)[]): bigint[] {
  const ws = toBigWeights(weights, false);
  const weightSum = ws.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) {
    if (total === 0n) return ws.map(() => 0n);
    throw new RangeError('Kan inte fördela ett belopp när alla vikter är noll');
  }
  if (total < 0n) return largestRemainder(-total, ws, weightSum).map((p) => -p);
  return largestRemainder(total, ws, weightSum);
}

/**
 * Like allocateUnits but the weights may be negative as long as their sum is not zero (shares of a
 * side where one category is negative). Returns undefined when the weights sum to zero.
 */
export function allocateUnitsSigned(total: bigint, weights: readonly (number | bigint)[]): bigint[] | undefined {
  let ws = toBigWeights(weights, true);
  let weightSum = ws.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) return undefined;
  if (weightSum < 0n) {
    ws = ws.map((w) => -w);
    weightSum = -weightSum;
  }
  if (total < 0n) return largestRemainder(-total, ws, weightSum).map((p) => -p);
  return largestRemainder(total, ws, weightSum);
}

/**
 * allocateUnitsSigned on safe integers, without BigInt when the products stay exact (the hot path of
 * the multi-year plan); falls back to the BigInt core otherwise. Same results either way.
 */
export function allocateSigned(total: number, weights: readonly number[]): number[] | undefined {
  if (!Number.isSafeInteger(total)) throw new RangeError(`Inte ett heltal: ${String(total)}`);
  let weightSum = 0;
  let maxWeight = 0;
  let sumIsExact = true;
  for (const [i, w] of weights.entries()) {
    if (!Number.isSafeInteger(w)) throw new RangeError(`Vikt ${String(i)} är inte ett heltal: ${String(w)}`);
    weightSum += w;
    // Every partial sum must be safe, or a later one could look safe after a rounding.
    if (!Number.isSafeInteger(weightSum)) sumIsExact = false;
    maxWeight = Math.max(maxWeight, Math.abs(w));
  }
  const magnitude = Math.abs(total);
  const exact = sumIsExact && Number.isSafeInteger(magnitude * maxWeight);
  if (!exact) return allocateUnitsSigned(BigInt(total), weights)?.map((p) => Number(p));
  if (weightSum === 0) return undefined;
  const ws = weightSum < 0 ? weights.map((w) => -w) : weights;
  const parts = largestRemainderNumber(magnitude, ws, Math.abs(weightSum));
  // `0 - p` keeps a zero part from becoming −0.
  return total < 0 ? parts.map((p) => 0 - p) : parts;
}

/** Splits an amount in öre over non-negative integer weights (e.g. population); parts sum to total. */
export function allocateLargestRemainder(total: Ore, weights: readonly number[]): Ore[] {
  return allocateUnits(BigInt(total), weights).map((p) => oreFromBigInt(p));
}

/** Splits an amount evenly over `count` parts (e.g. a year over 12 months); earlier parts get the extra öre. */
export function allocateEvenly(total: Ore, count: number): Ore[] {
  return allocateLargestRemainder(total, Array.from({ length: count }, () => 1));
}
