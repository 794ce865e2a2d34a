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

// Core on exact rationals: part_i = total × w_i / W with W > 0; floor, then hand out the rest.
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
  let left = total - assigned;
  // 0 ≤ left < number of parts, because each floor loses less than one unit.
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
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

/** Splits an amount in öre over non-negative integer weights (e.g. population); parts sum to total. */
export function allocateLargestRemainder(total: Ore, weights: readonly number[]): Ore[] {
  return allocateUnits(BigInt(total), weights).map((p) => oreFromBigInt(p));
}

/** Splits an amount evenly over `count` parts (e.g. a year over 12 months); earlier parts get the extra öre. */
export function allocateEvenly(total: Ore, count: number): Ore[] {
  return allocateLargestRemainder(total, Array.from({ length: count }, () => 1));
}
