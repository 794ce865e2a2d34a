// Bad input never throws or hangs: mutations of the real fixtures and random bytes always give a
// summary (a result or a list of problems). Bounded: a few hundred cases, each on a small input.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSieModel } from './read.ts';

const dir = path.resolve('..', 'shared', 'fixtures', 'sie');
const fixtures = fs.readdirSync(dir).filter((f) => f !== 'SOURCES.tsv').map((f) => fs.readFileSync(path.join(dir, f)).subarray(0, 6000));
const INTERESTING = [0x22, 0x5c, 0x7b, 0x7d, 0x23, 0x20, 0x09, 0x0a, 0x0d, 0x00, 0xef, 0xbf, 0xbd, 0x2d, 0x2e, 0x30, 0x39, 0x8e, 0xc4];

type Mutation = { at: number; kind: 'set' | 'delete' | 'insert' | 'cut' | 'split'; byte: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'delete', 'insert', 'cut', 'split'),
  byte: fc.oneof(fc.constantFrom(...INTERESTING), fc.integer({ min: 0, max: 255 })),
});

function mutate(base: Buffer, ms: readonly Mutation[]): { chunks: Buffer[] } {
  let b = Buffer.from(base);
  const cuts: number[] = [];
  for (const m of ms) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'set') b[at] = m.byte;
    else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1)]);
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from([m.byte]), b.subarray(at)]);
    else if (m.kind === 'cut') b = b.subarray(0, at);
    else cuts.push(at);
  }
  // Chunk boundaries anywhere, also inside a line or a UTF-8 sequence.
  const points = [...new Set(cuts.filter((c) => c < b.length))].sort((x, y) => x - y);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of points) { chunks.push(b.subarray(from, p)); from = p; }
  chunks.push(b.subarray(from));
  return { chunks };
}

async function answers(chunks: Buffer[]): Promise<void> {
  const r = await readSieModel(chunks);
  expect(['sie', 'sie5', 'refused']).toContain(r.format);
  expect(Array.isArray(r.problems)).toBe(true);
  if (r.format === 'refused') expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) expect(p.message.length).toBeGreaterThan(0);
}

describe('fuzz', () => {
  it('mutated fixtures always answer', async () => {
    await fc.assert(fc.asyncProperty(fc.nat({ max: fixtures.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), async (i, ms) => {
      await answers(mutate(fixtures[i] ?? Buffer.alloc(0), ms).chunks);
    }), { numRuns: 300 });
  }, 60_000);

  it('random bytes and random SIE-like text always answer', async () => {
    const sieText = fc.array(fc.constantFrom('#TRANS', '#VER', '{', '}', '#PSALDO', '#KSUMMA', '"', '\\"', ' ', '\n', '1910', '-1.5', '{1 "a"}', '20250101', '202501', '#RAR', '0', 'Ö'), { maxLength: 200 })
      .map((parts) => Buffer.from(`#FLAGGA 0\n${parts.join(' ')}`, 'latin1'));
    await fc.assert(fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 3000 }).map((u) => Buffer.from(u)), sieText), async (b) => {
      await answers([b]);
    }), { numRuns: 300 });
  }, 60_000);

  it('mutated SIE 5 files (the whole full sample: XML, UTF-8 with BOM, a signature) always answer, and quickly', async () => {
    const full = fs.readFileSync(path.join(dir, 'sie5_full_Sample_edison.sie'));
    const XML = [0x3c, 0x3e, 0x2f, 0x22, 0x3d, 0x26, 0x20, 0x0a, 0x2e, 0x2d, 0x31, 0x61, 0x00, 0xc3, 0xa5, 0xff];
    const xmlMutation: fc.Arbitrary<Mutation> = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('set', 'delete', 'insert', 'cut', 'split'),
      byte: fc.oneof(fc.constantFrom(...XML), fc.integer({ min: 0, max: 255 })),
    });
    await fc.assert(fc.asyncProperty(fc.array(xmlMutation, { minLength: 1, maxLength: 6 }), async (ms) => {
      const { chunks } = mutate(full, ms);
      const started = performance.now();
      await answers(chunks);
      expect(performance.now() - started).toBeLessThan(5_000);
      // Cut anywhere before its end, the file is refused as truncated; never read as if whole.
      const whole = Buffer.concat(chunks);
      const cutAt = ms[0]!.at % Math.max(1, whole.length - 30);
      if (whole.subarray(0, 3).equals(full.subarray(0, 3)) && cutAt > 0) {
        const r = await readSieModel([whole.subarray(0, cutAt)]);
        expect(r.hasErrors).toBe(true);
      }
    }), { numRuns: 150 });
  }, 120_000);

  it('a line of 3 MB without a break is skipped with a problem, not held', async () => {
    const r = await readSieModel([Buffer.from('#FLAGGA 0\n#SIETYP 1\n#FNAMN "'), Buffer.alloc(3 << 20, 0x41), Buffer.from('"\n#KONTO 1910 Kassa\n')]);
    expect(r.problems.map((p) => p.code)).toEqual(['line-too-long']);
    expect(r.model.accounts).toHaveLength(1);
  });
});
