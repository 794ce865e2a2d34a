// CRC-32 (the zlib polynomial) kept as a running state, so the reader can feed the bytes of each
// field where they lie in the chunk: calling zlib.crc32 per field would cost a native call per field
// and a copy to drop the backslash of `\"`. The tests check it against zlib.crc32.

const TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c;
}

/** The state before any byte. */
export const CRC_START = -1;

export function crcUpdate(state: number, bytes: Uint8Array, start: number, end: number): number {
  let c = state;
  for (let i = start; i < end; i++) c = (TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return c;
}

export function crcUpdateByte(state: number, byte: number): number {
  return (TABLE[(state ^ byte) & 0xff] ?? 0) ^ (state >>> 8);
}

/** The unsigned CRC-32 value, as SIE writes it in #KSUMMA. */
export function crcValue(state: number): number {
  return (state ^ -1) >>> 0;
}
