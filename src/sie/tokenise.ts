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

function push(t: Tokens, start: number, end: number, flags: number): void {
  if (t.count === t.start.length) {
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    t.start = grow(t.start);
    t.end = grow(t.end);
    t.flags = grow(t.flags);
  }
  t.start[t.count] = start;
  t.end[t.count] = end;
  t.flags[t.count] = flags;
  t.count++;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

/**
 * Fields of `b[start, end)` into `t`. With `insideBraces` the fields of an object list are split
 * (no nested lists there: a `{` is then an ordinary character).
 */
export function tokenise(b: Uint8Array, start: number, end: number, t: Tokens, insideBraces = false): void {
  t.count = 0;
  let i = start;
  while (i < end) {
    let c = b[i] ?? 0;
    if (c <= 0x20) { i++; continue; }
    if (c === QUOTE) {
      const s = ++i;
      let flags = QUOTED | UNCLOSED;
      while (i < end) {
        c = b[i] ?? 0;
        if (c === QUOTE) { flags &= ~UNCLOSED; break; }
        if (c === BACKSLASH && b[i + 1] === QUOTE && i + 1 < end) { flags |= ESCAPED; i += 2; continue; }
        if (c >= 0x80) flags |= HIGH;
        i++;
      }
      push(t, s, i, flags);
      i++;
      continue;
    }
    if (c === OPEN && !insideBraces) {
      const s = ++i;
      let flags = OBJECTS | UNCLOSED;
      let inQuote = false;
      while (i < end) {
        c = b[i] ?? 0;
        if (inQuote) {
          if (c === BACKSLASH && b[i + 1] === QUOTE && i + 1 < end) { i += 2; continue; }
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
      push(t, s, i, flags);
      i++;
      continue;
    }
    const s = i;
    let flags = 0;
    while (i < end) {
      c = b[i] ?? 0;
      if (c <= 0x20) break;
      if (c >= 0x80) flags |= HIGH;
      i++;
    }
    push(t, s, i, flags);
  }
}

/** Whether field k is present and not an empty `""` (or empty list). */
export function hasValue(t: Tokens, k: number): boolean {
  return k < t.count && (t.end[k] ?? 0) > (t.start[k] ?? 0);
}
