// parseSieBatch is parseSie with the voucher rows as columns: on the fixtures, on generated files (one
// chunk or many small ones) and on mutated fixtures, both give the same summary, the same rows (account,
// objects, öre, date, the voucher's date, line) and the same other records, in the same order.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSie4E } from './generate.ts';
import { parseSie, parseSieBatch } from './parse.ts';
import type { SieRecord } from './records.ts';

const dir = path.resolve('..', 'shared', 'fixtures', 'sie');
const fixtures = fs.readdirSync(dir).filter((f) => f !== 'SOURCES.tsv').sort();

type Item = { row: string } | { record: SieRecord };
const dayInt = (d: string | null): number => (d === null ? 0 : Number(d.replaceAll('-', '')));
const rowText = (account: string, objects: unknown, amount: number, date: number, voucherDate: number, line: number): string =>
  `${account}|${JSON.stringify(objects)}|${String(amount)}|${String(date)}|${String(voucherDate)}|${String(line)}`;

async function byRecords(chunks: readonly Uint8Array[], ignoreChecksum: boolean): Promise<{ items: Item[]; summary: unknown }> {
  const items: Item[] = [];
  let voucherDate = 0;
  const summary = await parseSie(chunks, (r) => {
    if (r.label === 'VER') { voucherDate = dayInt(r.date); return; }
    if (r.label === 'TRANS' || r.label === 'RTRANS') { items.push({ row: rowText(r.account, r.objects, r.amount, dayInt(r.date), voucherDate, r.line) }); return; }
    if (r.label === 'BTRANS' || r.label === 'VER_END') return;
    items.push({ record: r });
  }, { ignoreChecksum });
  return { items, summary };
}

async function byBatches(chunks: readonly Uint8Array[], ignoreChecksum: boolean): Promise<{ items: Item[]; summary: unknown }> {
  const items: Item[] = [];
  const summary = await parseSieBatch(chunks, {
    rows(b) {
      for (let i = 0; i < b.count; i++) {
        items.push({ row: rowText(b.accounts[b.account[i]!] ?? '?', b.objectLists[b.objects[i]!] ?? '?', b.amount[i]!, b.date[i]!, b.voucherDate[i]!, b.line[i]!) });
      }
    },
    record(r) { items.push({ record: r }); },
  }, { ignoreChecksum });
  return { items, summary };
}

async function same(chunks: readonly Uint8Array[], ignoreChecksum = false): Promise<void> {
  const a = await byRecords(chunks, ignoreChecksum);
  const b = await byBatches(chunks, ignoreChecksum);
  expect(b.summary).toEqual(a.summary);
  expect(b.items).toEqual(a.items);
}

const split = (b: Buffer, size: number): Buffer[] => {
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) out.push(b.subarray(i, i + size));
  return out;
};

async function generated(transactions: number, seed: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of generateSie4E({ transactions, seed, chunkBytes: 4096 })) parts.push(c);
  return Buffer.concat(parts);
}

describe('parseSieBatch equals parseSie', () => {
  it.each(fixtures)('on %s, whole and in 97-byte chunks', async (f) => {
    const b = fs.readFileSync(path.join(dir, f));
    await same([b]);
    await same(split(b, 97));
    await same([b], true);
  });

  it('on generated files (rows past one batch), whole and in odd chunks', async () => {
    const b = await generated(12_000, 3);
    await same([b]);
    await same(split(b, 1013));
  });

  it('on a generated file with a checksum, RTRANS, BTRANS, an unbalanced and an unclosed voucher', async () => {
    const text = (await generated(300, 5)).toString('latin1')
      .replace('#FLAGGA 0\r\n', '#FLAGGA 0\r\n#KSUMMA\r\n')
      .replace(/(#VER A 7 .*\r\n\{\r\n)/, '$1\t#RTRANS 4000 {} 10.00\r\n\t#TRANS 4000 {} 10.00\r\n\t#BTRANS 4010 {} 5.00\r\n\t#TRANS 4010 {} 2.50 20250101 "x \\"y\\"" 3 sign\r\n')
      .replace(/(#VER A 9 .*\r\n)\{\r\n/, '$1');
    await same([Buffer.from(text, 'latin1')], true);
    await same([Buffer.from(text.replace('#KSUMMA\r\n', ''), 'latin1')]);
  });

  it('on mutated fixtures and generated files (property)', async () => {
    const bases = [...fixtures.map((f) => fs.readFileSync(path.join(dir, f)).subarray(0, 5000)), (await generated(200, 9)).subarray(0, 8000)];
    await fc.assert(fc.asyncProperty(
      fc.nat({ max: bases.length - 1 }),
      fc.array(fc.record({ at: fc.nat(), byte: fc.constantFrom(0x22, 0x5c, 0x7b, 0x7d, 0x20, 0x0a, 0x23, 0x2e, 0x30, 0x8e, 0x41) }), { maxLength: 6 }),
      fc.integer({ min: 1, max: 5000 }),
      async (k, edits, size) => {
        const b = Buffer.from(bases[k] ?? Buffer.alloc(0));
        for (const e of edits) if (b.length > 0) b[e.at % b.length] = e.byte;
        await same(split(b, size));
      },
    ), { numRuns: 150 });
  });
});
