// Worker for src/services/sie-import-memory.test.ts: a generated SIE 4E stream of `transactions` rows
// (never on disk, never whole in memory) read the way an import reads a file, parseSieBatch into the
// import's collector, inside a worker whose heap the test has capped. Posts what it read and the
// largest heap it saw.
import { parentPort, workerData } from 'node:worker_threads';
import { generateSie4E, parseSieBatch } from '../src/sie/index.ts';
import { createSieCollector } from '../src/services/sie-import-collect.ts';

const { transactions } = workerData as { transactions: number };
let bytes = 0;
let peakHeap = 0;
async function* counted(): AsyncGenerator<Uint8Array> {
  for await (const chunk of generateSie4E({ transactions, seed: 7 })) {
    bytes += chunk.length;
    yield chunk;
  }
}
const collector = createSieCollector();
const summary = await parseSieBatch(counted(), {
  rows: (batch) => {
    collector.rows(batch);
    const heap = process.memoryUsage().heapUsed;
    if (heap > peakHeap) peakHeap = heap;
  },
  record: collector.visit,
});
const collected = collector.finish(summary.counts.VER ?? 0);
parentPort?.postMessage({ bytes, errors: summary.problems.filter((p) => p.level === 'error').length, rows: collected.voucherRows, keys: collected.voucherKeys, peakHeap });
