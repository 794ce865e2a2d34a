// #KSUMMA (docs/SIE.md): CRC-32 over the CP437 bytes of each record's label and field contents, with
// no separators, line breaks, delimiting quotes or braces, and `\"` counted as `"`. A CP437 file is
// summed over its own bytes; a file in another encoding over its text re-encoded to CP437, which is
// what the producer summed before the file was converted.
import type { Buffer } from 'node:buffer';
import { encodeCp437 } from './cp437.ts';
import { crcUpdate, crcUpdateByte } from './crc32.ts';
import type { SieEncoding } from './encoding.ts';
import { decodeField } from './field-text.ts';
import { ESCAPED, HIGH, OBJECTS, createTokens, tokenise } from './tokenise.ts';
import type { Tokens } from './tokenise.ts';

const inner = createTokens();

function crcField(state: number, b: Buffer, s: number, e: number, f: number, encoding: SieEncoding | null): number {
  if ((f & HIGH) !== 0 && encoding !== 'cp437' && encoding !== null) {
    const cp437 = encodeCp437(decodeField(b, s, e, f, encoding));
    return crcUpdate(state, cp437, 0, cp437.length);
  }
  if ((f & ESCAPED) === 0) return crcUpdate(state, b, s, e);
  let c = state;
  for (let i = s; i < e; i++) {
    const byte = b[i] ?? 0;
    if (byte === 0x5c && b[i + 1] === 0x22 && i + 1 < e) continue;
    c = crcUpdateByte(c, byte);
  }
  return c;
}

/** Adds one record (its tokens, label first) to the running CRC state. */
export function crcRecord(state: number, b: Buffer, t: Tokens, encoding: SieEncoding | null): number {
  let c = state;
  for (let k = 0; k < t.count; k++) {
    const s = t.start[k] ?? 0;
    const e = t.end[k] ?? 0;
    const f = t.flags[k] ?? 0;
    if ((f & OBJECTS) === 0) {
      c = crcField(c, b, s, e, f, encoding);
      continue;
    }
    tokenise(b, s, e, inner, true);
    for (let j = 0; j < inner.count; j++) {
      c = crcField(c, b, inner.start[j] ?? 0, inner.end[j] ?? 0, inner.flags[j] ?? 0, encoding);
    }
  }
  return c;
}
