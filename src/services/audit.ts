// The tamper-evident audit trail: verifying the hash chain that the database writes.
import { createHash } from 'node:crypto';
import type { ServiceContext } from './context.ts';
import { readAuditChain } from '../db/repositories/audit.ts';

export type ChainBreak = { readonly seq: number; readonly problem: 'hash' | 'link' };
export type ChainReport = {
  readonly entries: number;
  /** The hash of the newest entry: record it elsewhere to anchor the chain against a rewrite of it all. */
  readonly headHash: string | null;
  readonly breaks: readonly ChainBreak[];
};

const GENESIS = '0'.repeat(64);
const BATCH = 5_000;

/** Recomputes every entry's hash from its content and checks that each links to the one before. */
export async function verifyAuditChain(ctx: ServiceContext): Promise<ChainReport> {
  let previous = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  const breaks: ChainBreak[] = [];
  for (let after = 0; ;) {
    const rows = await readAuditChain(ctx.db, after, BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      entries++;
      const recomputed = createHash('sha256').update(row.canonical, 'utf8').digest('hex');
      if (row.seq !== expectedSeq || row.prevHash !== previous) breaks.push({ seq: row.seq, problem: 'link' });
      if (recomputed !== row.hash) breaks.push({ seq: row.seq, problem: 'hash' });
      previous = row.hash;
      expectedSeq = row.seq + 1;
      after = row.seq;
    }
  }
  return { entries, headHash: entries === 0 ? null : previous, breaks };
}

export function describeChainBreak(b: ChainBreak): string {
  return b.problem === 'hash'
    ? `Post ${b.seq}: innehållet stämmer inte med sin hash (posten har ändrats).`
    : `Post ${b.seq}: länken till föregående post är bruten (en post saknas, har flyttats eller skrivits om).`;
}
