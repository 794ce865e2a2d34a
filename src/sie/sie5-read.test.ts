// The SIE 5 reader: the two real samples read into the same model as a SIE 4 file (figures checked by
// hand against the XML), small files for each mapping rule, and every problem with its line.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSie5, parseDecimalOre } from './sie5-read.ts';
import { readSieModel } from './read.ts';
import type { SieReadResult } from './read.ts';
import type { SieRecord } from './records.ts';

const FIXTURES = path.resolve('..', 'shared', 'fixtures', 'sie');
const fixture = (f: string): Buffer => fs.readFileSync(path.join(FIXTURES, f));
const FULL = 'sie5_full_Sample_edison.sie';

const sumOf = (r: SieReadResult, account: string): number =>
  r.model.vouchers.flatMap((v) => v.rows).filter((x) => x.account === account && x.label !== 'BTRANS').reduce((s, x) => s + x.amount, 0);
const balance = (r: SieReadResult, label: string, account: string, yearIndex = 0): number | undefined =>
  r.model.balances.find((b) => b.label === label && b.account === account && b.yearIndex === yearIndex)?.amount;
const codes = (r: { problems: readonly { code: string }[] }): string[] => r.problems.map((p) => p.code);

/** A small SIE 5 file: line 1 the declaration, line 2 <Sie>, lines 3–9 FileInfo (fiscal years 2024 and 2025), then `body`. */
function sie5(body: string, encoding = 'utf-8'): Buffer {
  return Buffer.from([
    `<?xml version="1.0" encoding="${encoding}"?>`,
    '<Sie xmlns="http://www.sie.se/sie5">',
    '  <FileInfo>',
    '    <SoftwareProduct name="Test" version="1" />',
    '    <Company organizationId="212000-1234" name="Region Test" />',
    '    <FiscalYears>',
    '      <FiscalYear start="2024-01" end="2024-12" />',
    '      <FiscalYear start="2025-01" end="2025-12" primary="true" />',
    '    </FiscalYears>',
    '  </FileInfo>',
    body,
    '</Sie>',
    '',
  ].join('\n'), encoding === 'utf-8' ? 'utf8' : 'latin1');
}

describe('the full sample (Edison Ekonomi 6.0B, SIE-Gruppen)', () => {
  it('reads company, fiscal years, chart, objects, balances and journal entries', async () => {
    const r = await readSieModel(fixture(FULL));
    expect(r.format).toBe('sie5');
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.hasErrors).toBe(false);
    expect(r.model.company).toMatchObject({ name: 'Övningsbolaget AB', orgNumber: '555555-5555', currency: 'SEK' });
    expect(r.model.program).toEqual({ name: 'Edison Ekonomi', version: '6.0B' });
    expect(r.model.generated).toEqual({ date: '2016-12-21', sign: 'LH' });
    // <FiscalYear start="2013-01" end="2013-12" closed="true"/> and the primary 2014: #RAR -1 and 0.
    expect(r.model.fiscalYears).toEqual([
      { yearIndex: -1, start: '2013-01-01', end: '2013-12-31' },
      { yearIndex: 0, start: '2014-01-01', end: '2014-12-31' },
    ]);
    // Counted in the XML: 316 <Account>, 11 <Object>, 91 <JournalEntry>, 353 <LedgerEntry> of which 10 have <Overstrike>.
    expect(r.model.accounts).toHaveLength(316);
    expect(r.model.accounts.find((a) => a.account === '1219')).toMatchObject({ name: 'Ack avskr mask/andra tekn anl', type: 'T' });
    expect(r.model.accounts.find((a) => a.account === '3010')?.type).toBe('I');
    expect(r.model.accounts.find((a) => a.account === '2081')?.type).toBe('S');
    expect(r.model.dimensions).toEqual([{ dim: 1, name: 'Kostnadsställe', parent: null }, { dim: 6, name: 'Projekt', parent: null }]);
    expect(r.model.objects).toHaveLength(11);
    expect(r.model.objects).toContainEqual({ dim: 6, id: '200', name: 'Nyetablering Söder' });
    expect(r.model.vouchers).toHaveLength(91);
    expect(r.counts).toMatchObject({ VER: 91, TRANS: 343, BTRANS: 10, VER_END: 91 });
    // The signature is there and is said not to be checked.
    expect(r.problems.map((p) => [p.level, p.code, p.line])).toEqual([['warning', 'sie5-signature', 1749]]);
    expect(r.problems[0]?.message).toMatch(/signaturen kontrolleras inte/);
  });

  it('gives account totals that agree with the XML, checked by hand', async () => {
    const r = await readSieModel(fixture(FULL));
    // 1940 Bank: <OpeningBalance month="2014-01" amount="387000"/>, <ClosingBalance month="2014-12" amount="604582.78"/>;
    // its 29 ledger entries (summed with awk over the XML) are 217582.78 = 604582.78 − 387000.
    expect(balance(r, 'IB', '1940')).toBe(38_700_000);
    expect(balance(r, 'UB', '1940')).toBe(60_458_278);
    expect(sumOf(r, '1940')).toBe(21_758_278);
    // 7830 (cost): 8 entries summing to 7400.83, and <ClosingBalance month="2014-12" amount="7400.83"/> → #RES 0.
    expect(sumOf(r, '7830')).toBe(740_083);
    expect(balance(r, 'RES', '7830')).toBe(740_083);
    // 3010 (income): 18 entries, −259535; closing 2013-12 −1870000 is last year's #RES −1.
    expect(sumOf(r, '3010')).toBe(-25_953_500);
    expect(balance(r, 'RES', '3010')).toBe(-25_953_500);
    expect(balance(r, 'RES', '3010', -1)).toBe(-187_000_000);
    // 1219: opening −143321, closing −150721.83 (two decimals to öre, no float).
    expect(balance(r, 'IB', '1219')).toBe(-14_332_100);
    expect(balance(r, 'UB', '1219')).toBe(-15_072_183);
    // The balance sheet: #UB 0 and #RES 0 cancel, #IB 0 sums to zero.
    const total = (label: string): number => r.model.balances.filter((b) => b.label === label && b.yearIndex === 0).reduce((s, b) => s + b.amount, 0);
    expect(total('UB') + total('RES')).toBe(0);
    expect(total('IB')).toBe(0);
  });

  it('maps journals to series, struck-out rows to #BTRANS and object references to dimensions 1 and 6', async () => {
    const r = await readSieModel(fixture(FULL));
    // Journal 1, entry 5: two rows with <Overstrike> (−1400 on 2441, 240632 on 2440); without them the entry balances.
    const v5 = r.model.vouchers.find((v) => v.series === '1' && v.number === '5');
    expect(v5).toMatchObject({ date: '2014-01-04', text: 'Ombokning äldre leverantörssku', registered: '2014-07-15', sign: 'TH' });
    expect(v5?.rows.filter((x) => x.label === 'BTRANS').map((x) => [x.account, x.amount, x.sign])).toEqual([['2441', -140_000, 'TH'], ['2440', 24_063_200, 'TH']]);
    expect(v5?.rows.filter((x) => x.label !== 'BTRANS').reduce((s, x) => s + x.amount, 0)).toBe(0);
    // Journal 1, entry 22: <ObjectReference dimId="1" objectId="BN"/> on 2820 −379.75.
    const v22 = r.model.vouchers.find((v) => v.series === '1' && v.number === '22');
    expect(v22?.rows[0]).toMatchObject({ label: 'TRANS', account: '2820', amount: -37_975, objects: [{ dim: 1, id: 'BN' }] });
    // Journal 4101, entry 115: project 200 on two 3010 rows (−6750, −27000) and one 3990 row.
    const v115 = r.model.vouchers.find((v) => v.series === '4101' && v.number === '115');
    expect(v115?.rows.filter((x) => x.objects.some((o) => o.dim === 6 && o.id === '200')).map((x) => x.amount)).toEqual([-675_000, -2_700_000, -6_750]);
    // Customer and supplier invoice references are a sub-ledger, not a dimension.
    expect(r.model.vouchers.flatMap((v) => v.rows).flatMap((x) => x.objects).every((o) => o.dim === 1 || o.dim === 6)).toBe(true);
  });

  it('reads the same records whatever the chunks (a byte at a time across UTF-8 letters)', async () => {
    const bytes = fixture(FULL).subarray(0, 40_000);
    const whole: SieRecord[] = [];
    const a = await parseSie5([bytes], (rec) => { whole.push(rec); });
    const split: SieRecord[] = [];
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const b = await parseSie5(chunks, (rec) => { split.push(rec); });
    expect(split).toEqual(whole);
    expect(b.problems).toEqual(a.problems);
    expect(whole.find((x) => x.label === 'FNAMN')).toMatchObject({ name: 'Övningsbolaget AB' });
  });
});

describe('the import sample (SieEntry)', () => {
  it('reads its company and chart', async () => {
    const r = await readSieModel(fixture('sie5_entry_SampleEntry.sie'));
    expect(r.format).toBe('sie5');
    expect(r.sie5?.root).toBe('SieEntry');
    expect(r.problems).toEqual([]);
    expect(r.model.company).toMatchObject({ name: 'Universal Exports AB', orgNumber: '56334-3689' });
    expect(r.model.accounts).toEqual([
      { account: '1910', name: 'Kassa', type: 'T', sru: null, unit: null },
      { account: '1930', name: 'Bank', type: 'T', sru: null, unit: null },
    ]);
  });
});

describe('mapping rules', () => {
  it('monthly closing balances become #PSALDO changes, budgets #PBUDGET, with objects', async () => {
    const r = await readSieModel(sie5([
      '  <Accounts>',
      '    <Account id="1930" name="Bank" type="asset">',
      '      <OpeningBalance month="2025-01" amount="1000" />',
      '      <ClosingBalance month="2025-01" amount="1500.50" />',
      '      <ClosingBalance month="2025-02" amount="1200" />',
      '    </Account>',
      '    <Account id="5010" name="Lokalhyra" type="cost">',
      '      <ClosingBalance month="2025-01" amount="300" />',
      '      <ClosingBalance month="2025-02" amount="700" />',
      '      <Budget month="2025-03" amount="450.25"><ObjectReference dimId="1" objectId="K1" /></Budget>',
      '      <BudgetMultidim month="2025-03" amount="50"><ObjectReference dimId="1" objectId="K1" /><ObjectReference dimId="6" objectId="P1" /></BudgetMultidim>',
      '    </Account>',
      '  </Accounts>',
    ].join('\n')));
    expect(r.hasErrors).toBe(false);
    expect(balance(r, 'IB', '1930')).toBe(100_000);
    expect(r.model.periodBalances.map((p) => [p.account, p.period, p.amount])).toEqual([
      ['1930', '2025-01', 50_050], ['1930', '2025-02', -30_050],
      // A result account's year starts from zero: January is its closing balance.
      ['5010', '2025-01', 30_000], ['5010', '2025-02', 40_000],
    ]);
    expect(r.model.objectPeriodBudgets.map((p) => [p.account, p.period, p.amount, p.objects.map((o) => `${String(o.dim)}:${o.id}`).join(' ')])).toEqual([
      ['5010', '2025-03', 45_025, '1:K1'], ['5010', '2025-03', 5_000, '1:K1 6:P1'],
    ]);
  });

  it('tolerates blank lines before the XML declaration, lines still counted from the file', async () => {
    const r = await readSieModel(Buffer.concat([Buffer.from('\n\n'), sie5('  <Journal id="A"><JournalEntry id="1" journalDate="2025-01-02"><LedgerEntry accountId="1930" amount="1" /></JournalEntry></Journal>')]));
    expect(r.format).toBe('sie5');
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['voucher-unbalanced', 13]]);
  });

  it('reads ISO-8859-1 when the declaration says so', async () => {
    const r = await readSieModel(sie5('  <Accounts><Account id="3010" name="Försäljning åäö" type="income" /></Accounts>', 'ISO-8859-1'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.model.accounts[0]?.name).toBe('Försäljning åäö');
  });
});

describe('problems, each with its line', () => {
  const entry = (rows: string): string => [
    '  <Journal id="A" name="Löpande">',
    '    <JournalEntry id="7" journalDate="2025-03-05" text="Test">',
    rows,
    '    </JournalEntry>',
    '  </Journal>',
  ].join('\n');

  it('an entry that does not balance is an error at its line', async () => {
    const r = await readSieModel(sie5(entry('      <LedgerEntry accountId="1930" amount="-100" />\n      <LedgerEntry accountId="5010" amount="99.50" />')));
    expect(codes(r)).toEqual(['voucher-unbalanced']);
    expect(r.problems[0]).toMatchObject({ level: 'error', line: 12 });
    expect(r.problems[0]?.message).toMatch(/^Rad 12: verifikation A 7 den 2025-03-05 balanserar inte: raderna summerar till −0,50\skr/);
  });

  it('amounts that are not numbers, or need more than öre, are errors at their lines', async () => {
    const r = await readSieModel(sie5(entry([
      '      <LedgerEntry accountId="1930" amount="12,50" />',
      '      <LedgerEntry accountId="5010" amount="1e3" />',
      '      <LedgerEntry accountId="5010" amount="0.125" />',
      '      <LedgerEntry accountId="5010" />',
    ].join('\n'))));
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['amount-invalid', 13], ['amount-invalid', 14], ['amount-decimals', 15], ['amount-missing', 16]]);
    expect(r.problems[0]?.message).toBe('Rad 13: ogiltigt belopp "12,50" i LedgerEntry (skrivs som -1234.50).');
    expect(r.model.vouchers).toEqual([]);
  });

  it('a truncated file is an error at the line where it stops', async () => {
    const whole = sie5(entry('      <LedgerEntry accountId="1930" amount="-100" />\n      <LedgerEntry accountId="5010" amount="100" />'));
    const cut = whole.subarray(0, whole.indexOf('<LedgerEntry accountId="5010"'));
    const r = await readSieModel(cut);
    expect(r.hasErrors).toBe(true);
    expect(r.problems.filter((p) => p.level === 'error').map((p) => [p.code, p.line])).toEqual([['xml-invalid', 14]]);
    expect(r.problems[0]?.message).toMatch(/^Rad 14: filen slutar innan elementet <JournalEntry> avslutas: den är avkortad/);
  });

  it('bad dates, dimensions, months and unknown elements', async () => {
    const r = await readSieModel(sie5([
      '  <Accounts><Account id="1930" name="Bank" type="asset"><ClosingBalance month="2025-13" amount="1" /></Account></Accounts>',
      '  <Dimensions><Dimension id="x" name="Fel" /></Dimensions>',
      '  <Journal id="A"><JournalEntry id="1" journalDate="2025-02-30" /></Journal>',
      '  <Extra />',
    ].join('\n')));
    expect(r.problems.map((p) => [p.level, p.code, p.line])).toEqual([
      ['error', 'month-invalid', 11], ['error', 'dimension-invalid', 12], ['error', 'date-invalid', 13], ['warning', 'unknown-element', 14],
    ]);
  });

  it('a visitor that throws fails the call, as with parseSie; it is not reported as bad XML', async () => {
    await expect(parseSie5([fixture(FULL)], (rec) => { if (rec.label === 'VER') throw new RangeError('för många'); })).rejects.toThrow('för många');
  });

  it('malformed XML is one error in Swedish at its line, and the rest is not interpreted', async () => {
    const r = await readSieModel(sie5('  <Accounts>\n    <Account id="1930" name="Bank & co" type="asset" />\n  </Accounts>'));
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['xml-invalid', 12]]);
    expect(r.problems[0]?.message).toMatch(/^Rad 12: ett & som inte inleder en teckenreferens/);
    const bytes = sie5('  <Accounts>\n    <Account id="1930" name="Bank & co" type="asset" />\n  </Accounts>');
    const inThrees = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, i) => bytes.subarray(i * 3, i * 3 + 3));
    expect((await readSieModel(inThrees)).problems.map((p) => [p.code, p.line])).toEqual([['xml-invalid', 12]]);
    // A reference split between chunks is no bare `&`: a later error is named as itself.
    const good = sie5('  <Accounts>\n    <Account id="1930" name="Bank &amp; co" type="asset" />\n  <Accounts>');
    const split = Array.from({ length: Math.ceil(good.length / 3) }, (_, i) => good.subarray(i * 3, i * 3 + 3));
    expect((await readSieModel(split)).problems.find((p) => p.level === 'error')?.message).toBe('Rad 14: en sluttagg utan öppnad tagg.');
  });

  it('deep nesting and a start tag of many megabytes are refused without being held', async () => {
    const deep = await parseSie5([sie5(`${'<Accounts>'.repeat(100)}`)], () => undefined);
    expect(deep.problems.filter((p) => p.level === 'error').map((p) => [p.code, p.line])).toEqual([['xml-too-deep', 11]]);
    const big = Buffer.alloc(1 << 20, 0x61);
    const chunks = [Buffer.from('<?xml version="1.0"?>\n<Sie xmlns="http://www.sie.se/sie5">\n<Accounts><Account id="1" name="'), ...Array.from({ length: 20 }, () => big)];
    const huge = await parseSie5(chunks, () => undefined);
    expect(huge.problems.map((p) => [p.code, p.line])).toEqual([['line-too-long', 3]]);
    expect(huge.bytes).toBe(chunks.reduce((n, c) => n + c.length, 0));
  });

  it('XML that is not SIE 5 is refused', async () => {
    const r = await parseSie5([Buffer.from('<?xml version="1.0"?>\n<Sie2 />\n')], () => undefined);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['refused-xml', 2]]);
  });
});

describe('amounts to öre', () => {
  it.each([
    ['0', 0], ['-0.00', 0], ['+5', 500], ['303.8', 30_380], ['-150721.83', -15_072_183], ['.5', 50], ['7.', 700], [' 12.100 ', 1_210],
    ['90071992547409.91', 9_007_199_254_740_991],
  ])('%s → %d öre', (text, ore) => {
    expect(parseDecimalOre(text)).toEqual({ ore });
  });
  it.each([['', 'invalid'], ['.', 'invalid'], ['1,5', 'invalid'], ['1e3', 'invalid'], ['0x10', 'invalid'], ['1.005', 'decimals'], ['90071992547409.92', 'large']])(
    '%s is refused (%s)', (text, error) => {
      expect(parseDecimalOre(text)).toEqual({ error });
    });
});
