// THE rounding rule of Ramplan, used for every amount that is not a whole number of öre (uplift,
// PO-pålägg, rates, display in kr/tkr/mnkr): round half away from zero to a whole unit.
//
//    2.5 →  3     2.4999 →  2     −2.5 → −3     −2.4999 → −2
//
// Why this rule: it is what people do by hand and what Excel's ROUND does, so a controller who checks
// a figure in a spreadsheet gets the same öre; and it is symmetric (round(−x) = −round(x)), so
// a revenue and the matching cost round to the same magnitude. Banker's rounding was rejected because
// nobody in a Swedish finance office expects 2,5 → 2.
//
// The only place that performs a rounding division is this file; everything else calls it (or the
// exact-number fast path in rate.ts, which is proven equal to it and tested against it).

/** numerator / denominator rounded half away from zero. Throws RangeError on division by zero (a bug). */
export function divRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division med noll');
  // Work on magnitudes so that BigInt's truncating division and the half test are sign-free.
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  const r = n % d;
  if (2n * r >= d) q += 1n;
  return negative ? -q : q;
}

/**
 * The same rule for safe integers (numerator, denominator and 2 × denominator safe), without BigInt.
 * Exact: the float quotient only guesses q, and the integer remainder n − q·d (exact, since it is a
 * safe integer) corrects the guess. This avoids both float error and the slow float `%`.
 */
export function divRoundHalfAwayFromZeroNumber(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('Division med noll');
  const negative = numerator < 0 !== denominator < 0;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  if (n + d > Number.MAX_SAFE_INTEGER) {
    // q·d could then round in a double; take the exact path.
    return Number(divRoundHalfAwayFromZero(BigInt(numerator), BigInt(denominator)));
  }
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r >= d) q += 1;
  // `0 - q` rather than `-q`: a zero result must never be −0 (Object.is, formatting).
  return negative ? 0 - q : q;
}

/** Floor division for BigInt (BigInt's `/` truncates toward zero). */
export function floorDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division med noll');
  const q = numerator / denominator;
  const r = numerator % denominator;
  return r !== 0n && (r < 0n) !== (denominator < 0n) ? q - 1n : q;
}
