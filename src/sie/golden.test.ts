// Golden tests: every fixture → its expected figures in golden/<file>.json. Regenerate with
// `UPDATE_GOLDEN=1 npx vitest run --project unit src/sie/golden.test.ts`, then check the diff by hand
// against the raw file (README.md lists the values that were checked so).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSieModel } from './read.ts';
import type { SieReadResult } from './read.ts';

const dir = path.resolve('..', 'shared', 'fixtures', 'sie');
const goldenDir = path.resolve('src', 'sie', 'golden');
const files = fs.readdirSync(dir).filter((f) => f !== 'SOURCES.tsv').sort();

const sum = (xs: readonly { amount: number }[]): number => xs.reduce((s, x) => s + x.amount, 0);

function figures(r: SieReadResult): unknown {
  const m = r.model;
  const ub0 = m.balances.filter((b) => b.label === 'UB' && b.yearIndex === 0);
  const rows = m.vouchers.flatMap((v) => v.rows);
  return {
    format: r.format,
    sieType: r.sieType,
    encoding: r.encoding,
    checksum: r.checksum,
    company: m.company.name,
    orgNumber: m.company.orgNumber,
    program: m.program,
    fiscalYears: m.fiscalYears.map((y) => `${String(y.yearIndex)}: ${y.start} – ${y.end}`),
    lines: r.lines,
    counts: r.counts,
    accounts: m.accounts.length,
    accountsNamed: m.accounts.filter((a) => a.name !== null).length,
    dimensions: m.dimensions.map((d) => `${String(d.dim)} ${d.name}${d.parent === null ? '' : ` < ${String(d.parent)}`}`),
    objects: m.objects.length,
    vouchers: m.vouchers.length,
    voucherRows: rows.length,
    voucherRowsSum: sum(rows.filter((x) => x.label !== 'BTRANS')),
    firstUb0: ub0.slice(0, 3).map((b) => `${b.account} ${String(b.amount)}`),
    ub0Sum: sum(ub0),
    ib0Sum: sum(m.balances.filter((b) => b.label === 'IB' && b.yearIndex === 0)),
    res0Sum: sum(m.balances.filter((b) => b.label === 'RES' && b.yearIndex === 0)),
    psaldoTotals: { rows: m.periodBalances.length, sum: sum(m.periodBalances) },
    psaldoObjects: { rows: m.objectPeriodBalances.length, sum: sum(m.objectPeriodBalances) },
    pbudgetTotals: { rows: m.periodBudgets.length, sum: sum(m.periodBudgets) },
    pbudgetObjects: { rows: m.objectPeriodBudgets.length, sum: sum(m.objectPeriodBudgets) },
    objectBalances: m.objectBalances.length,
    unknownLabels: r.unknownLabels,
    problems: r.problems.map((p) => `${p.level} ${p.code} @${String(p.line)}: ${p.message}`),
  };
}

describe('golden figures of every fixture', () => {
  it.each(files)('%s', async (file) => {
    const r = await readSieModel(fs.readFileSync(path.join(dir, file)));
    const actual = figures(r);
    const goldenFile = path.join(goldenDir, `${file}.json`);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(goldenFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(fs.readFileSync(goldenFile, 'utf8')));
  });
});
