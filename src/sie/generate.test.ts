import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { generateSie4E } from './generate.ts';
import { parseSie } from './parse.ts';
import type { SieRecord } from './records.ts';

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of source) parts.push(c);
  return Buffer.concat(parts);
}

describe('generateSie4E', () => {
  it('makes a balanced 4E file with the asked number of rows, read without problems', async () => {
    const bytes = await collect(generateSie4E({ transactions: 5000, chunkBytes: 4096 }));
    let rows = 0;
    const r = await parseSie([bytes], (rec) => { if (rec.label === 'TRANS') rows++; });
    expect(r.problems).toEqual([]);
    expect(r.sieType).toBe('4E');
    expect(rows).toBe(5000);
  });

  it('the one-pass #TRANS path gives the same records as the general one', async () => {
    const bytes = await collect(generateSie4E({ transactions: 3000, seed: 7 }));
    const fast: SieRecord[] = [];
    await parseSie([bytes], (rec) => { fast.push(rec); });
    // With #KSUMMA open every record goes through the tokeniser (the checksum needs its fields).
    const text = bytes.toString('latin1').replace('#FLAGGA 0\r\n', '#FLAGGA 0\r\n#KSUMMA\r\n');
    const general: SieRecord[] = [];
    await parseSie([Buffer.from(text, 'latin1')], (rec) => { general.push(rec); }, { ignoreChecksum: true });
    expect(general.map((r) => ({ ...r, line: r.line > 1 ? r.line - 1 : r.line }))).toEqual(fast);
  });
});
