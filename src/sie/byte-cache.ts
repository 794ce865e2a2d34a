// A direct-mapped cache from a run of bytes to a value made from them. A large file repeats the same
// accounts, object lists, texts and signatures millions of times; making a new string or array for
// each costs more than the rest of the parse, so a hit hands back the one made before. Keys live in
// one preallocated arena (no allocation per miss, which matters for the many unique voucher numbers
// and texts), a miss only replaces its slot, and keys over MAX_KEY_BYTES are not cached at all, so
// memory stays bounded whatever the file holds.

export type ByteCache<T> = {
  /** The value for these bytes, or undefined; after undefined, `store` fills the same slot. */
  lookup(b: Uint8Array, s: number, e: number): T | undefined;
  /** The same with the hash already computed by the caller's own scan (see hashStep). */
  lookupHashed(b: Uint8Array, s: number, e: number, h: number): T | undefined;
  store(b: Uint8Array, s: number, e: number, value: T): void;
};

export const MAX_KEY_BYTES = 32;

/** One step of the key hash (FNV-1a style), so a scanner can hash the bytes as it passes them. */
export const HASH_PRIME = 0x01000193;

export function createByteCache<T>(bits = 12): ByteCache<T> {
  const size = 1 << bits;
  const mask = size - 1;
  const arena = new Uint8Array(size * MAX_KEY_BYTES);
  const lengths = new Int32Array(size).fill(-1);
  const values: (T | undefined)[] = new Array<T | undefined>(size).fill(undefined);
  let lastSlot = -1;
  const lookupHashed = (b: Uint8Array, s: number, e: number, hash: number): T | undefined => {
      const len = e - s;
      if (len > MAX_KEY_BYTES) { lastSlot = -1; return undefined; }
      const h = hash ^ len;
      const slot = (h ^ (h >>> 15)) & mask;
      lastSlot = slot;
      if (lengths[slot] !== len) return undefined;
      const base = slot * MAX_KEY_BYTES - s;
      for (let i = s; i < e; i++) if (arena[base + i] !== b[i]) return undefined;
      return values[slot];
  };
  return {
    lookupHashed,
    lookup(b, s, e) {
      let h = 0;
      for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, HASH_PRIME);
      return lookupHashed(b, s, e, h);
    },
    store(b, s, e, value) {
      if (lastSlot < 0) return;
      const base = lastSlot * MAX_KEY_BYTES - s;
      for (let i = s; i < e; i++) arena[base + i] = b[i]!;
      lengths[lastSlot] = e - s;
      values[lastSlot] = value;
      lastSlot = -1;
    },
  };
}
