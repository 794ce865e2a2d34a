// Bytes in, lines out, with flat memory: a line is handed over as (buffer, start, end) inside the
// chunk it lies in; only a line that straddles two chunks is copied. The first SNIFF_BYTES are
// gathered before anything else so the file can be recognised (or refused) and its encoding guessed.
import { Buffer } from 'node:buffer';
import { SNIFF_BYTES } from './encoding.ts';

/** A line longer than this is not SIE (a binary or a file without line breaks): it is skipped. */
export const MAX_LINE_BYTES = 1 << 20;

export type LineSink = {
  /** Called once with the first bytes (or the whole file when shorter); false stops reading. */
  prefix(bytes: Buffer): boolean;
  /** Called before the lines of each chunk, with the whole chunk. */
  chunk(bytes: Buffer): void;
  /** A line without its CR/LF; `lineNo` counts from 1. */
  line(b: Buffer, start: number, end: number, lineNo: number): void;
  /** After each chunk: a promise here pauses reading until it settles (backpressure of the consumer). */
  drain(): Promise<void> | undefined;
  /** A line over MAX_LINE_BYTES was skipped. */
  tooLong(lineNo: number): void;
};

export type LineStats = { readonly bytes: number; readonly lines: number };

function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

export async function forEachLine(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  sink: LineSink,
  onProgress?: (bytesRead: number) => void,
): Promise<LineStats> {
  let bytes = 0;
  let lineNo = 0;
  let carry: Buffer | null = null; // the unfinished last line of the previous chunk
  let skipping = false; // inside a line that was too long
  let head: Buffer[] | null = [];
  let headBytes = 0;

  const emit = (b: Buffer, s: number, e: number): void => {
    lineNo++;
    if (skipping) { skipping = false; return; }
    if (e > s && b[e - 1] === 0x0d) e--;
    sink.line(b, s, e, lineNo);
  };

  const feed = (chunk: Buffer): void => {
    sink.chunk(chunk);
    let pos = 0;
    const n = chunk.length;
    if (carry !== null) {
      const lf = chunk.indexOf(0x0a);
      if (lf < 0) {
        if (carry.length + n > MAX_LINE_BYTES) {
          if (!skipping) sink.tooLong(lineNo + 1);
          skipping = true;
          carry = Buffer.alloc(0);
        } else {
          carry = Buffer.concat([carry, chunk]);
        }
        return;
      }
      const joined: Buffer = carry.length === 0 ? chunk.subarray(0, lf) : Buffer.concat([carry, chunk.subarray(0, lf)]);
      carry = null;
      emit(joined, 0, joined.length);
      pos = lf + 1;
    }
    for (;;) {
      const lf = chunk.indexOf(0x0a, pos);
      if (lf < 0) break;
      emit(chunk, pos, lf);
      pos = lf + 1;
    }
    if (pos < n) {
      if (n - pos > MAX_LINE_BYTES) {
        if (!skipping) sink.tooLong(lineNo + 1);
        skipping = true;
        carry = Buffer.alloc(0);
      } else {
        // A copy, so the (large) chunk can be collected; only the tail of one line is kept.
        carry = Buffer.from(chunk.subarray(pos));
      }
    }
  };

  for await (const raw of source) {
    if (raw.length === 0) continue;
    const chunk = asBuffer(raw);
    bytes += chunk.length;
    if (head !== null) {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < SNIFF_BYTES) continue;
      const first = Buffer.concat(head);
      head = null;
      if (!sink.prefix(first)) return { bytes, lines: 0 };
      feed(first);
    } else {
      feed(chunk);
    }
    onProgress?.(bytes);
    const pause = sink.drain();
    if (pause !== undefined) await pause;
  }
  if (head !== null) {
    const first = Buffer.concat(head);
    if (!sink.prefix(first)) return { bytes, lines: 0 };
    feed(first);
    onProgress?.(bytes);
  }
  const rest = carry as Buffer | null; // assigned inside feed()
  if (rest !== null && rest.length > 0) emit(rest, 0, rest.length);
  else if (skipping) lineNo++;
  const pause = sink.drain();
  if (pause !== undefined) await pause;
  return { bytes, lines: lineNo };
}
