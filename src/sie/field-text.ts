// Field bytes → text in the file's encoding. Only fields with bytes ≥ 0x80 need the encoding; the rest
// are ASCII. Short fields come from a cache (byte-cache.ts): a file repeats them millions of times.
import type { Buffer } from 'node:buffer';
import { createByteCache } from './byte-cache.ts';
import { decodeCp437 } from './cp437.ts';
import type { SieEncoding } from './encoding.ts';
import { ESCAPED, HIGH } from './tokenise.ts';
import type { Tokens } from './tokenise.ts';

const windows1252 = new TextDecoder('windows-1252');

export function decodeBytes(b: Buffer, s: number, e: number, encoding: SieEncoding | null): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return b.toString('utf8', s, e);
    case 'windows-1252':
      return windows1252.decode(b.subarray(s, e));
    case 'cp437':
    case null:
      return decodeCp437(b, s, e);
  }
}

/**
 * ASCII/Latin-1 bytes as text. Short fields are made in one fromCharCode call (a loop of `+=` would
 * leave a string per character for the garbage collector); longer ones by one native call.
 */
export function ascii(b: Buffer, s: number, e: number): string {
  switch (e - s) {
    case 0: return '';
    case 1: return String.fromCharCode(b[s]!);
    case 2: return String.fromCharCode(b[s]!, b[s + 1]!);
    case 3: return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!);
    case 4: return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!);
    case 5: return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!);
    case 6: return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!);
    case 7: return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!);
    case 8: return String.fromCharCode(b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!);
    default: return b.toString('latin1', s, e);
  }
}

export function decodeField(b: Buffer, s: number, e: number, f: number, encoding: SieEncoding | null): string {
  const text = (f & HIGH) === 0 ? ascii(b, s, e) : decodeBytes(b, s, e, encoding);
  // Every supported encoding keeps `\` and `"` as they are, so unescaping after decoding is exact.
  return (f & ESCAPED) === 0 ? text : text.replaceAll('\\"', '"');
}

export type FieldReader = {
  /** The text of field k ('' when absent), cached. */
  text(b: Buffer, t: Tokens, k: number): string;
  /** The text of the bytes b[s, e) with tokeniser flags `f`, cached. */
  range(b: Buffer, s: number, e: number, f: number): string;
  /** An unquoted ASCII account number, from a cache of its own so unique texts never evict it. */
  account(b: Buffer, s: number, e: number, hash: number): string;
  setEncoding(e: SieEncoding | null): void;
};

export function createFieldReader(): FieldReader {
  let encoding: SieEncoding | null = null;
  // One cache per encoding decision: the same bytes mean other text in another encoding.
  let cache = createByteCache<string>(13);
  const accounts = createByteCache<string>(12);
  const range = (b: Buffer, s: number, e: number, f: number): string => {
    if (s === e) return '';
    // `a\"b` means another text quoted than bare, so escaped fields bypass the cache.
    if ((f & ESCAPED) !== 0) return decodeField(b, s, e, f, encoding);
    const hit = cache.lookup(b, s, e);
    if (hit !== undefined) return hit;
    const text = decodeField(b, s, e, f, encoding);
    cache.store(b, s, e, text);
    return text;
  };
  return {
    range,
    account(b, s, e, hash) {
      const hit = accounts.lookupHashed(b, s, e, hash);
      if (hit !== undefined) return hit;
      const text = ascii(b, s, e);
      accounts.store(b, s, e, text);
      return text;
    },
    text(b, t, k) {
      return k < t.count ? range(b, t.start[k]!, t.end[k]!, t.flags[k]!) : '';
    },
    setEncoding(e) {
      if (e !== encoding) cache = createByteCache<string>(13);
      encoding = e;
    },
  };
}
