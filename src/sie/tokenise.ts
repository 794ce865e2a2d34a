// Splits one record (a line of bytes) into fields without allocating: field boundaries go into
// reused typed arrays, and only the fields a record needs are later turned into strings or numbers.
// Rules (docs/SIE.md, Syntax): blanks are spaces/TABs (any control byte is tolerated as one); a field
// may be quoted, where `\"` is a quote and any other backslash is itself; `{…}` is an object list.

/** The field was quoted (so `""` is an empty field, not a missing one). */
export const QUOTED = 1;
/** The field holds `\"`, to be unescaped. */
export const ESCAPED = 2;
/** The field holds bytes ≥ 0x80, so it needs the file's encoding to decode. */
export const HIGH = 4;
/** The field is an object list; start/end are the bytes between the braces. */
export const OBJECTS = 8;
/** A quote or brace was opened but not closed on the line. */
export const UNCLOSED = 16;

export type Tokens = {
  count: number;
  start: Int32Array;
  end: Int32Array;
  flags: Int32Array;
};

const INITIAL_CAPACITY = 32;

export function createTokens(): Tokens {
  return {
    count: 0,
    start: new Int32Array(INITIAL_CAPACITY),
    end: new Int32Array(INITIAL_CAPACITY),
    flags: new Int32Array(INITIAL_CAPACITY),
  };
}

function grow(t: Tokens): void {
  const twice = (a: Int32Array): Int32Array => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  t.start = twice(t.start);
  t.end = twice(t.end);
  t.flags = twice(t.flags);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

/**
 * Fields of `b[start, end)` into `t`. With `insideBraces` the fields of an object list are split
 * (no nested lists there: a `{` is then an ordinary character). This is the hottest loop of the
 * reader: plain indexing within bounds, no calls but the rare growth of the arrays.
 */
export function tokenise(b: Uint8Array, start: number, end: number, t: Tokens, insideBraces = false): void {
  let n = 0;
  let starts = t.start;
  let ends = t.end;
  let flagArray = t.flags;
  let i = start;
  while (i < end) {
    let c = b[i]!;
    if (c <= 0x20) { i++; continue; }
    let s: number;
    let flags: number;
    if (c === QUOTE) {
      s = ++i;
      flags = QUOTED | UNCLOSED;
      while (i < end) {
        c = b[i]!;
        if (c === QUOTE) { flags &= ~UNCLOSED; break; }
        if (c === BACKSLASH && i + 1 < end && b[i + 1] === QUOTE) { flags |= ESCAPED; i += 2; continue; }
        if (c >= 0x80) flags |= HIGH;
        i++;
      }
    } else if (c === OPEN && !insideBraces) {
      s = ++i;
      flags = OBJECTS | UNCLOSED;
      let inQuote = false;
      while (i < end) {
        c = b[i]!;
        if (inQuote) {
          if (c === BACKSLASH && i + 1 < end && b[i + 1] === QUOTE) { i += 2; continue; }
          if (c === QUOTE) inQuote = false;
        } else if (c === QUOTE) {
          inQuote = true;
        } else if (c === CLOSE) {
          flags &= ~UNCLOSED;
          break;
        }
        if (c >= 0x80) flags |= HIGH;
        i++;
      }
    } else {
      s = i;
      flags = 0;
      while (i < end) {
        c = b[i]!;
        if (c <= 0x20) break;
        if (c >= 0x80) flags |= HIGH;
        i++;
      }
      if (n === starts.length) {
        t.count = n;
        grow(t);
        starts = t.start; ends = t.end; flagArray = t.flags;
      }
      starts[n] = s; ends[n] = i; flagArray[n] = flags; n++;
      continue;
    }
    if (n === starts.length) {
      t.count = n;
      grow(t);
      starts = t.start; ends = t.end; flagArray = t.flags;
    }
    starts[n] = s; ends[n] = i; flagArray[n] = flags; n++;
    i++; // past the closing quote or brace
  }
  t.count = n;
}

/** Whether field k is present and not an empty `""` (or empty list). */
export function hasValue(t: Tokens, k: number): boolean {
  return k < t.count && (t.end[k] ?? 0) > (t.start[k] ?? 0);
}
