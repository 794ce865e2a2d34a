// The collector sums the same voucher rows whether they arrive as records (parseAnySie) or as batches
// (parseAnySieBatch), SIE 1–4 and SIE 5 alike, and its typed sum table agrees with a plain Map.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSie4E, parseAnySie, parseAnySieBatch } from '../sie/index.ts';
import { createSieCollector, createSumTable, type SieCollected } from './sie-import-collect.ts';

/** The collected voucher sums as objects (account, month, cost centre, project, öre), for comparing. */
function voucherSums(c: SieCollected): Array<{ account: string; period: string; unit: string; project: string; amount: number }> {
  const t = c.voucherTable();
  const out: Array<{ account: string; period: string; unit: string; project: string; amount: number }> = [];
  t.forEach((account, period, objectKey, amount) => {
    const o = t.objectKeys[objectKey];
    out.push({ account: t.accounts[account] ?? '', period: t.periods[period] ?? '', unit: o?.unit ?? '', project: o?.project ?? '', amount });
  });
  return out;
}

const dir = path.resolve('..', 'shared', 'fixtures', 'sie');

async function both(b: Buffer): Promise<ReturnType<ReturnType<typeof createSieCollector>['finish']>> {
  const a = createSieCollector();
  const sa = await parseAnySie([b], a.visit);
  const c = createSieCollector();
  const sc = await parseAnySieBatch([b], { rows: c.rows, record: c.visit });
  const ca = a.finish();
  const cc = c.finish(sc.counts.VER ?? 0);
  const sorted = (x: typeof ca): string[] => voucherSums(x).map((s) => JSON.stringify(s)).sort();
  expect(sc.counts).toEqual(sa.counts);
  expect(cc.vouchers).toBe(ca.vouchers);
  expect(cc.voucherRows).toBe(ca.voucherRows);
  expect(cc.voucherKeys).toBe(ca.voucherKeys);
  // One entry per key, each summed once.
  expect(voucherSums(cc)).toHaveLength(cc.voucherKeys);
  expect(sorted(cc)).toEqual(sorted(ca));
  expect({ ...cc, voucherTable: null }).toEqual({ ...ca, voucherTable: null });
  return cc;
}

describe('collector', () => {
  it('gives the same sums from records and from batches (fixtures and a generated file)', async () => {
    for (const f of fs.readdirSync(dir).filter((x) => x !== 'SOURCES.tsv')) await both(fs.readFileSync(path.join(dir, f)));
    // SIE 5: 91 journal entries, 343 counted rows (10 struck out); project 200 on 3010 in February 2014: −6750 − 27000 in entry 4101/115 and −5000 in 4101/117 (by hand from the XML).
    const sie5 = await both(fs.readFileSync(path.join(dir, 'sie5_full_Sample_edison.sie')));
    expect([sie5.vouchers, sie5.voucherRows]).toEqual([91, 343]);
    expect(voucherSums(sie5).filter((x) => x.account === '3010' && x.project === '200').map((x) => [x.period, x.unit, x.amount]))
      .toEqual([['2014-02', '', -3_875_000]]);
    const parts: Uint8Array[] = [];
    for await (const c of generateSie4E({ transactions: 20_000, seed: 2 })) parts.push(c);
    await both(Buffer.concat(parts));
  });

  it('sum table equals a Map (property)', () => {
    // Small ranges as often as the whole range, so that keys repeat and sums accumulate.
    const key = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2 ** 31 - 1 })),
      fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 ** 22 - 1 })));
    fc.assert(fc.property(fc.array(fc.tuple(key, fc.integer({ min: -1e9, max: 1e9 })), { maxLength: 3000 }), (ops) => {
      const t = createSumTable(2);
      const m = new Map<string, number>();
      for (const [[hi, lo], v] of ops) { t.addPair(hi, lo, v); m.set(`${String(hi)}:${String(lo)}`, (m.get(`${String(hi)}:${String(lo)}`) ?? 0) + v); }
      const got = new Map<string, number>();
      t.forEachPair((hi, lo, v) => got.set(`${String(hi)}:${String(lo)}`, v));
      expect(got).toEqual(m);
      expect(t.size()).toBe(m.size);
    }), { numRuns: 50 });
  });
});
