import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSie } from './parse.ts';
import { readSieModel } from './read.ts';
import type { SieRecord } from './records.ts';

const FIXTURES = path.resolve('..', 'shared', 'fixtures', 'sie');
const sie = (text: string): Buffer => Buffer.from(text, 'latin1');
const HEAD = '#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n';

describe('vouchers', () => {
  it('counts an #RTRANS once with the #TRANS copy after it (even with another date), and not a #BTRANS', async () => {
    const text = `${HEAD}#VER A 1 20250105 "Rättad"\n{\n#TRANS 1930 {} -100.00\n#BTRANS 6110 {} 100.00\n#RTRANS 6120 {} 100.00 20250107\n#TRANS 6120 {} 100.00 20250105\n}\n`;
    const seen: SieRecord[] = [];
    const r = await parseSie([sie(text)], (rec) => { seen.push(rec); });
    expect(r.problems).toEqual([]);
    expect(seen.filter((x) => x.label === 'TRANS' || x.label === 'RTRANS' || x.label === 'BTRANS').map((x) => x.label)).toEqual(['TRANS', 'BTRANS', 'RTRANS']);
    expect(seen.find((x) => x.label === 'VER_END')).toEqual({ label: 'VER_END', line: 10, sum: 0, rows: 2 });
    expect(r.counts.TRANS).toBe(1);
  });

  it('warns when the row after an #RTRANS is another row, and counts both', async () => {
    const text = `${HEAD}#VER A 1 20250105\n{\n#RTRANS 6120 {} 100.00\n#TRANS 1930 {} -100.00\n}\n`;
    const r = await readSieModel(sie(text));
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['rtrans-copy', 7]]);
    expect(r.model.vouchers[0]?.rows).toHaveLength(2);
  });

  it('refuses a voucher that does not balance, at the line of its #VER', async () => {
    const r = await readSieModel(sie(`${HEAD}#VER B 7 20250105 "Fel"\n{\n#TRANS 1930 {} -100.00\n#TRANS 6110 {} 99.50\n}\n`));
    expect(r.problems).toEqual([{
      level: 'error', line: 4, code: 'voucher-unbalanced',
      message: 'Rad 4: verifikation B 7 den 2025-01-05 balanserar inte: raderna summerar till −0,50\u00a0kr.',
    }]);
  });

  it('reports rows outside a voucher, a missing } and a file that ends inside a voucher', async () => {
    const r = await readSieModel(sie(`${HEAD}#TRANS 1930 {} 1\n#VER A 1 20250101\n{\n#TRANS 1930 {} 0\n#VER A 2 20250101\n{\n#TRANS 1930 {} 0\n`));
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['trans-outside-voucher', 4], ['voucher-unclosed', 5], ['voucher-unclosed', 8],
    ]);
    expect(r.model.vouchers).toHaveLength(2);
  });

  it('infers 4I for a type 4 file without balances, 4E with them', async () => {
    expect((await parseSie([fs.readFileSync(path.join(FIXTURES, 'sieg_typ4I_urval_ovnbolag.si'))], () => undefined)).sieType).toBe('4I');
    expect((await parseSie([fs.readFileSync(path.join(FIXTURES, 'sieg_typ4E_transaktioner_ovnbolag.se'))], () => undefined)).sieType).toBe('4E');
  });
});

describe('balances', () => {
  it('keeps type 3 account totals and object rows apart (never added together)', async () => {
    const mamut = await readSieModel(fs.readFileSync(path.join(FIXTURES, 'sieg_typ3_mamut_tabs.SE')));
    const jan1510 = (rows: readonly { period: string; account: string; amount: number }[]): number[] =>
      rows.filter((p) => p.period === '2010-01' && p.account === '1510').map((p) => p.amount);
    // #PSALDO 0 201001 1510 {} 902769.14, then {1 "2"} 2148941.57, {6 "2"} 150000.00, {1 "2"} 150000.00
    expect(jan1510(mamut.model.periodBalances)).toEqual([90276914]);
    expect(jan1510(mamut.model.objectPeriodBalances)).toEqual([214894157, 15000000, 15000000]);
    const r = await readSieModel(fs.readFileSync(path.join(FIXTURES, 'sieg_typ3_objektsaldo_ovnbolag.se')));
    const multi = r.model.objectPeriodBalances.find((p) => p.objects.length === 3);
    expect(multi?.objects).toEqual([{ dim: 1, id: 'Syd' }, { dim: 6, id: '0001' }, { dim: 7, id: '4' }]);
  });

  it('keys period rows by YYYYMM and warns once when the year index disagrees (BL Administration)', async () => {
    const r = await readSieModel(fs.readFileSync(path.join(FIXTURES, 'sie4j_typ2_bl_psaldo_wrong_year_index.SE')));
    const warnings = r.problems.filter((p) => p.code === 'period-outside-year');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('276 rader');
    expect(r.model.periodBalances.filter((p) => p.period.startsWith('2016'))).toHaveLength(276);
    expect(r.hasErrors).toBe(false);
  });

  it('reads the per-period changes so that IB + ΣPSALDO = UB (SIE-Gruppen type 2)', async () => {
    const r = await readSieModel(fs.readFileSync(path.join(FIXTURES, 'sieg_typ2_periodsaldo_ovnbolag.se')));
    expect(r.problems.filter((p) => p.code === 'psaldo-ub-mismatch')).toEqual([]);
    const sum = r.model.periodBalances.filter((p) => p.account === '1460' && p.yearIndex === 0).reduce((s, p) => s + p.amount, 0);
    const ib = r.model.balances.find((b) => b.label === 'IB' && b.yearIndex === 0 && b.account === '1460')?.amount ?? 0;
    const ub = r.model.balances.find((b) => b.label === 'UB' && b.yearIndex === 0 && b.account === '1460')?.amount;
    expect(ib + sum).toBe(ub);
  });

  it('warns about keys given twice (Mamut) and keeps both rows', async () => {
    const r = await readSieModel(fs.readFileSync(path.join(FIXTURES, 'sieg_typ3_mamut_tabs.SE')));
    expect(r.problems.find((p) => p.code === 'duplicate-key')?.level).toBe('warning');
  });

  it('reads broken and long fiscal years, and warns past 18 months', async () => {
    const r = await readSieModel(sie('#FLAGGA 0\n#SIETYP 2\n#RAR 0 20240701 20251231\n#RAR -1 20230701 20240630\n#RAR -2 20200101 20230630\n#PSALDO 0 202507 1910 {} 1\n'));
    expect(r.model.fiscalYears.map((y) => [y.start, y.end])).toEqual([['2024-07-01', '2025-12-31'], ['2023-07-01', '2024-06-30'], ['2020-01-01', '2023-06-30']]);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['fiscal-year', 5]]);
  });
});
