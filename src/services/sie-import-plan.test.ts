// The import plan of every SIE fixture (and a generated file) against a committed golden digest: the
// lines (as canonical text, sorted, hashed), their count and sum, the accounts, cost centres, projects,
// the rows kept for reconciliation, the checks, warnings and notes. It guards the plan's shape-changing
// optimisations: a changed line, sign or category changes the digest. `UPDATE_GOLDEN=1` rewrites it.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_RANGES, DEFAULT_CATEGORIES } from '../domain/category.ts';
import { generateSie4E, parseAnySieBatch } from '../sie/index.ts';
import { createSieCollector } from './sie-import-collect.ts';
import { planSieImport, type ImportPlan } from './sie-import-plan.ts';

const dir = path.resolve('..', 'shared', 'fixtures', 'sie');
const GOLDEN = path.resolve('src', 'services', 'fixtures', 'sie-import-plan.golden.json');

const chart = {
  ranges: DEFAULT_ACCOUNT_RANGES,
  categoryKinds: new Map(DEFAULT_CATEGORIES.map((c) => [c.code, c.kind])),
  accounts: new Map([['5010', { name: 'Lokalhyra', category: null }]]),
};

const digest = (rows: readonly string[]): string => createHash('sha256').update([...rows].sort().join('\n')).digest('hex').slice(0, 16);

function lineTexts(plan: ImportPlan, which: 'actual' | 'budget'): string[] {
  const out: string[] = [];
  plan.forEachLine(which, (l) => { out.push(`${l.account}|${l.period}|${l.unit}|${l.project ?? ''}|${l.category}|${String(l.amount)}`); });
  return out;
}

function summary(plan: ImportPlan): unknown {
  const lines = (which: 'actual' | 'budget'): unknown => {
    const texts = lineTexts(plan, which);
    let sum = 0;
    plan.forEachLine(which, (l) => { sum += l.amount; });
    return { count: texts.length, sum, digest: digest(texts) };
  };
  return {
    fiscalYear: plan.fiscalYear, actualsFrom: plan.actualsFrom, actual: lines('actual'), budget: lines('budget'),
    newAccounts: plan.newAccounts.length, newAccountsDigest: digest(plan.newAccounts.map((a) => JSON.stringify(a))),
    unmapped: plan.unmappedAccounts, usedUnmapped: plan.usedUnmapped.map((u) => u.code),
    costCentres: [...plan.costCentres].sort(), projects: [...plan.projects].sort(),
    balanceRows: plan.balanceRows.length, balanceDigest: digest(plan.balanceRows.map((b) => JSON.stringify(b))),
    balanceAccountRows: plan.balanceAccountRows, checks: plan.checks, warnings: plan.warnings, notes: plan.notes,
  };
}

async function planOf(bytes: Buffer): Promise<ImportPlan> {
  const collector = createSieCollector();
  const read = await parseAnySieBatch([bytes], { rows: collector.rows, record: collector.visit }, { ignoreChecksum: true });
  return planSieImport(collector.finish(read.counts.VER ?? 0), chart);
}

describe('import plan', () => {
  it('equals the committed golden digest for every fixture and a generated file (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const got: Record<string, unknown> = {};
    for (const f of readdirSync(dir).filter((x) => x !== 'SOURCES.tsv').sort()) {
      got[f] = summary(await planOf(readFileSync(path.join(dir, f))));
    }
    const parts: Uint8Array[] = [];
    for await (const c of generateSie4E({ transactions: 30_000, seed: 3 })) parts.push(c);
    got['generated-30000'] = summary(await planOf(Buffer.concat(parts)));
    const json = `${JSON.stringify(got, null, 1)}\n`;
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, json);
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
