// Issue 3: "a file of several GB is streamed with flat memory, never loaded whole". A generated SIE
// file far larger than the heap it is read in (a worker capped at 64 MB of heap) is read the way the
// import reads one: it finishes, every row is counted, and the heap never comes near the file's size,
// because only the current chunk and the sums per account × month × cost centre × project are kept.
// The same file through a reader that kept its lines would die of the cap.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'sie-flat-memory-worker.ts');
const HEAP_MB = 64;

type Result = { bytes: number; errors: number; rows: number; keys: number; peakHeap: number };

function readInCappedWorker(transactions: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { transactions }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 16 } });
    worker.once('message', (m: Result) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with ${String(code)}`)); });
  });
}

describe('reading a SIE file much larger than the memory it is read in', () => {
  it('reads 3 million rows (about 180 MB) in a 64 MB heap, every row summed', async () => {
    const r = await readInCappedWorker(3_000_000);
    expect(r.errors).toBe(0);
    expect(r.rows).toBe(3_000_000);
    expect(r.bytes).toBeGreaterThan(170 * 1024 * 1024);
    // Far below the file, and below the cap with room to spare.
    expect(r.peakHeap).toBeLessThan(HEAP_MB * 1024 * 1024 * 0.9);
    expect(r.keys).toBeGreaterThan(100_000);
  }, 120_000);
});
