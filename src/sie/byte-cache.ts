// A direct-mapped cache from a run of bytes to a value made from them. A large file repeats the same
// accounts, object lists, texts and signatures millions of times; making a new string or array for
// each costs more than the rest of the parse, so a hit hands back the one made before. A miss only
// replaces the slot, so memory stays bounded whatever the file holds.

export type ByteCache<T> = {
  /** The value for these bytes, or undefined; after undefined, `store` fills the same slot. */
  lookup(b: Uint8Array, s: number, e: number): T | undefined;
  store(b: Uint8Array, s: number, e: number, value: T): void;
};

const MAX_KEY_BYTES = 64;

export function createByteCache<T>(bits = 12): ByteCache<T> {
  const size = 1 << bits;
  const mask = size - 1;
  const keys: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(size).fill(undefined);
  const values: (T | undefined)[] = new Array<T | undefined>(size).fill(undefined);
  let lastSlot = -1;
  return {
    lookup(b, s, e) {
      const len = e - s;
      if (len > MAX_KEY_BYTES) { lastSlot = -1; return undefined; }
      let h = len;
      for (let i = s; i < e; i++) h = Math.imul(h ^ (b[i] ?? 0), 0x01000193);
      const slot = (h ^ (h >>> 15)) & mask;
      lastSlot = slot;
      const key = keys[slot];
      if (key === undefined || key.length !== len) return undefined;
      for (let i = 0; i < len; i++) if (key[i] !== b[s + i]) return undefined;
      return values[slot];
    },
    store(b, s, e, value) {
      if (lastSlot < 0) return;
      keys[lastSlot] = b.slice(s, e);
      values[lastSlot] = value;
      lastSlot = -1;
    },
  };
}
