// Any SIE file, whatever its version: the first bytes decide between the SIE 1–4 reader (parse.ts,
// untouched) and the SIE 5 reader (sie5-read.ts); both hand the same records to the same visitor.
// The bytes looked at are handed on as they came, so nothing is read twice and nothing is joined.
import { SNIFF_BYTES, sniffFile } from './encoding.ts';
import { parseSie, parseSieBatch } from './parse.ts';
import type { SieBatchVisitor, SieReadOptions, SieReadSummary, SieVisitor } from './parse.ts';
import { parseSie5, parseSie5Batch } from './sie5-read.ts';

type Source = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** The first SNIFF_BYTES (or the whole source when shorter), and a source that yields everything from the start. */
export async function peekSource(source: Source): Promise<{ prefix: Uint8Array; source: AsyncIterable<Uint8Array> }> {
  const it: Iterator<Uint8Array> | AsyncIterator<Uint8Array> = Symbol.asyncIterator in source
    ? (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
    : (source as Iterable<Uint8Array>)[Symbol.iterator]();
  const head: Uint8Array[] = [];
  let bytes = 0;
  let done = false;
  while (bytes < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done === true) { done = true; break; }
    head.push(r.value);
    bytes += r.value.length;
  }
  const prefix = new Uint8Array(Math.min(bytes, SNIFF_BYTES));
  let at = 0;
  for (const h of head) {
    if (at >= prefix.length) break;
    const part = h.subarray(0, prefix.length - at);
    prefix.set(part, at);
    at += part.length;
  }
  let i = 0;
  const replay: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<Uint8Array>> => {
        if (i < head.length) return { value: head[i++] as Uint8Array, done: false };
        if (done) return { value: undefined, done: true };
        return it.next();
      },
      return: async (): Promise<IteratorResult<Uint8Array>> => {
        if (!done) await it.return?.();
        done = true;
        return { value: undefined, done: true };
      },
    }),
  };
  return { prefix, source: replay };
}

/** Whether the first bytes of a file (up to SNIFF_BYTES) are SIE 5: a caller that can read them apart picks the reader itself. */
export function isSie5(prefix: Uint8Array): boolean {
  return sniffFile(prefix).kind === 'sie5';
}

/** parseSie for SIE 1–4 and SIE 5 alike: a SIE 5 file's summary has `format: 'sie5'` and the same records. */
export async function parseAnySie(source: Source, visitor: SieVisitor, options: SieReadOptions = {}): Promise<SieReadSummary> {
  const peeked = await peekSource(source);
  return sniffFile(peeked.prefix).kind === 'sie5' ? parseSie5(peeked.source, visitor, options) : parseSie(peeked.source, visitor, options);
}

/** parseSieBatch for SIE 1–4 and SIE 5 alike. */
export async function parseAnySieBatch(source: Source, visitor: SieBatchVisitor, options: SieReadOptions = {}): Promise<SieReadSummary> {
  const peeked = await peekSource(source);
  return sniffFile(peeked.prefix).kind === 'sie5' ? parseSie5Batch(peeked.source, visitor, options) : parseSieBatch(peeked.source, visitor, options);
}
