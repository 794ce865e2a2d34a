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

/** ASCII/Latin-1 bytes as text; for short fields a JS loop beats the native call of toString. */
export function ascii(b: Buffer, s: number, e: number): string {
  if (e - s > 24) return b.toString('latin1', s, e);
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(b[i] ?? 0);
  return out;
}

export function decodeField(b: Buffer, s: number, e: number, f: number, encoding: SieEncoding | null): string {
  const text = (f & HIGH) === 0 ? ascii(b, s, e) : decodeBytes(b, s, e, encoding);
  // Every supported encoding keeps `\` and `"` as they are, so unescaping after decoding is exact.
  return (f & ESCAPED) === 0 ? text : text.replaceAll('\\"', '"');
}

export type FieldReader = {
  /** The text of field k ('' when absent), cached. */
  text(b: Buffer, t: Tokens, k: number): string;
  setEncoding(e: SieEncoding | null): void;
};

export function createFieldReader(): FieldReader {
  let encoding: SieEncoding | null = null;
  // One cache per encoding decision: the same bytes mean other text in another encoding.
  let cache = createByteCache<string>(13);
  return {
    text(b, t, k) {
      if (k >= t.count) return '';
      const s = t.start[k] ?? 0;
      const e = t.end[k] ?? 0;
      if (s === e) return '';
      const f = t.flags[k] ?? 0;
      // `a\"b` means another text quoted than bare, so escaped fields bypass the cache.
      if ((f & ESCAPED) !== 0) return decodeField(b, s, e, f, encoding);
      const hit = cache.lookup(b, s, e);
      if (hit !== undefined) return hit;
      const text = decodeField(b, s, e, f, encoding);
      cache.store(b, s, e, text);
      return text;
    },
    setEncoding(e) {
      if (e !== encoding) cache = createByteCache<string>(13);
      encoding = e;
    },
  };
}
