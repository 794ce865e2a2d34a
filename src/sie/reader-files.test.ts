// The reader against the real fixtures (../shared/fixtures/sie, SOURCES.tsv) and small made-up files.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSie } from './parse.ts';
import { parseAnySie } from './read-any.ts';
import { readSieModel } from './read.ts';

const FIXTURES = path.resolve('..', 'shared', 'fixtures', 'sie');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));
const sie = (text: string): Buffer => Buffer.from(text, 'latin1');
const codes = (r: { problems: readonly { code: string }[] }): string[] => r.problems.map((p) => p.code);

describe('encoding, detected from the bytes', () => {
  it.each([
    ['sieg_typ1_arsaldo_ovnbolag.se', 'cp437', 'Övningsbolaget AB (Ekonomi 60)'],
    ['sieg_typ4E_norstedts_ksumma.se', 'cp437', 'Datakonsulterna AB'],
    ['sie4j_typ4_utf8_declaresPC8.SE', 'utf-8', 'Övningsföretaget AB'],
    ['sie4sdk_typ4I_ksumma_escaped_quotes_STORED_UTF8.SI', 'utf-8', 'Målerifirman Axelsson & Johnsson AB'],
    ['sie4sdk_typ4I_ksumma_escaped_quotes_CONVERTED_CP437.SI', 'cp437', 'Målerifirman Axelsson & Johnsson AB'],
  ])('%s is %s', async (file, encoding, name) => {
    const r = await readSieModel(fixture(file));
    expect(r.encoding).toBe(encoding);
    expect(r.model.company.name).toBe(name);
  });

  it('reads UTF-8 with a BOM', async () => {
    const r = await readSieModel(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('#FLAGGA 0\n#SIETYP 1\n#FNAMN "Örebro läns landsting"\n', 'utf8')]));
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.model.company.name).toBe('Örebro läns landsting');
    expect(r.problems).toEqual([]);
  });

  it('reads Windows-1252/ISO-8859-1 (a converted fixture) by its letters', async () => {
    const latin1 = Buffer.from(fixture('sie4j_typ4_utf8_declaresPC8.SE').toString('utf8'), 'latin1');
    const r = await readSieModel(latin1);
    expect(r.encoding).toBe('windows-1252');
    expect(r.model.company.name).toBe('Övningsföretaget AB');
    expect(r.model.accounts.find((a) => a.account === '1119')?.name).toBe('Ackumulerade avskrivningar på byggnader');
  });

  it('decides on later bytes when the first 64 KiB are ASCII', async () => {
    const head = `#FLAGGA 0\n${'#KONTO 1910 "Kassa"\n'.repeat(5000)}`;
    const r = await readSieModel([sie(head), Buffer.from([...sie('#FNAMN "'), 0x99, ...sie('rebro"\n')])]);
    expect(r.encoding).toBe('cp437');
    expect(r.model.company.name).toBe('Örebro');
  });

  it('lists the lines of text already destroyed by U+FFFD, as an error', async () => {
    const r = await readSieModel(fixture('jsisie_typ4_underdim_MOJIBAKE_fffd.SE'));
    const p = r.problems.find((x) => x.code === 'text-destroyed');
    expect(p?.level).toBe('error');
    expect(p?.message).toContain('rad 6, 7, 15');
    expect(p?.message).toContain('(430 rader)');
    expect(r.problems.find((x) => x.code === 'format-mismatch')?.level).toBe('warning');
  });
});

describe('#KSUMMA', () => {
  // Expected values from SOURCES.tsv.
  it.each([
    ['alipsa_typ3_vismacompact_ksumma.se', 3786156381],
    ['sieg_typ1_vismacompact_ksumma.se', 909685525],
    ['sieg_typ4E_norstedts_ksumma.se', 854227682],
    ['sieg_typ4I_norstedts_ksumma.si', 1573150874],
    ['sie4sdk_typ4I_ksumma_escaped_quotes_CONVERTED_CP437.SI', 2089216536],
    // The UTF-8 copy matches too: its text is summed re-encoded to CP437, as the producer summed it.
    ['sie4sdk_typ4I_ksumma_escaped_quotes_STORED_UTF8.SI', 2089216536],
  ])('%s sums to %d', async (file, value) => {
    const r = await parseSie([fixture(file)], () => undefined);
    expect(r.checksum).toEqual({ state: 'ok', value });
    expect(r.hasErrors).toBe(false);
  });

  it('refuses a changed file with the written and the computed value', async () => {
    const text = fixture('sieg_typ4E_norstedts_ksumma.se').toString('latin1').replace('#TRANS\t2941 {}      17240', '#TRANS\t2941 {}      17241');
    const r = await parseSie([sie(text)], () => undefined);
    expect(r.checksum.state).toBe('mismatch');
    const p = r.problems.find((x) => x.code === 'checksum-mismatch');
    expect(p?.level).toBe('error');
    expect(p?.message).toContain('854227682');
    expect(p?.message).toMatch(/innehållet ger \d+/);
  });

  it('refuses a truncated file (opening #KSUMMA, no closing one) unless told to ignore it', async () => {
    const text = fixture('sieg_typ1_vismacompact_ksumma.se').toString('latin1').split('\n').slice(0, 400).join('\n');
    const strict = await parseSie([sie(text)], () => undefined);
    expect(strict.checksum.state).toBe('truncated');
    expect(strict.problems.find((p) => p.code === 'checksum-truncated')?.level).toBe('error');
    const lax = await parseSie([sie(text)], () => undefined, { ignoreChecksum: true });
    expect(lax.problems.find((p) => p.code === 'checksum-truncated')?.level).toBe('warning');
    expect(lax.hasErrors).toBe(false);
  });
});

describe('refused at once', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'refused-empty'],
    ['only blank lines', sie('\r\n\n  \n'), 'refused-empty'],
    ['an XLSX renamed .se', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 1, 2, 3]), 'refused-zip'],
    ['a PDF', sie('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'refused-pdf'],
    ['a binary file', Buffer.from([0x23, 0x46, 0, 1, 2, 3, 0xff, 0xfe]), 'refused-binary'],
    ['a CSV file', sie('konto;belopp\n1910;100\n'), 'refused-not-sie'],
    ['HTML', sie('<!doctype html><html></html>'), 'refused-xml'],
  ])('%s', async (_, bytes, code) => {
    const r = await parseSie([bytes], () => undefined);
    expect(r.format).toBe('refused');
    expect(codes(r)).toEqual([code]);
    expect(r.problems[0]?.level).toBe('error');
    expect(r.lines).toBe(0);
  });

  it.each(['sie5_full_Sample_edison.sie', 'sie5_entry_SampleEntry.sie'])('SIE 5 (%s): the SIE 1–4 reader stops at once, parseAnySie reads it', async (file) => {
    const r = await parseSie([fixture(file)], () => undefined);
    expect(r.format).toBe('sie5');
    expect(r.lines).toBe(0);
    expect(r.problems[0]?.message).toMatch(/SIE 5.*SIE 5-läsaren/);
    const any = await parseAnySie([fixture(file)], () => undefined);
    expect(any.format).toBe('sie5');
    expect(any.hasErrors).toBe(false);
    expect(any.counts.KONTO).toBeGreaterThan(0);
  });
});

describe('tolerance and problems', () => {
  it('ignores unknown labels, listed once with count and first line, and extra trailing fields', async () => {
    const r = await readSieModel(sie('#FLAGGA 0\n#SIETYP 1\n#NYTT a\n#KONTO 1910 Kassa extra fält\n#NYTT b\n#BKOD 123\n'));
    expect(r.unknownLabels).toEqual([{ label: 'NYTT', count: 2, firstLine: 3 }]);
    expect(r.problems).toEqual([{ level: 'warning', line: 3, code: 'unknown-label', message: 'Okänd post #NYTT ignoreras (2 gånger, första på rad 3).' }]);
    expect(r.model.accounts).toEqual([{ account: '1910', name: 'Kassa', type: null, sru: null, unit: null }]);
  });

  it('collects every problem with its line, not only the first', async () => {
    const r = await readSieModel(sie('#FLAGGA 0\n#SIETYP 2\n#RAR 0 20250101 20251231\n#PSALDO 0 202501 1910 {} 1.005\n#PSALDO 0 2025-1 1910 {} 1\n#IB x 1910 1\n'));
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([[4, 'amount-decimals'], [5, 'period-invalid'], [6, 'year-index']]);
    expect(r.problems[0]?.message).toBe('Rad 4: beloppet "1.005" i #PSALDO har fler än två decimaler (öre).');
  });

  it('caps the list of problems and says how many more there were', async () => {
    const r = await parseSie([sie(`#FLAGGA 0\n#SIETYP 1\n${'#IB x 1 1\n'.repeat(1500)}`)], () => undefined, { problemLimit: 100 });
    expect(r.problems).toHaveLength(101);
    expect(r.problems.at(-1)?.message).toBe('… och 1400 problem till (1400 fel) som inte visas.');
    expect(r.hasErrors).toBe(true);
  });

  it('reads CRLF, TABs, indentation and a missing {} in #PBUDGET (BL Administration)', async () => {
    const r = await readSieModel(sie('#FLAGGA 0\r\n#SIETYP\t2\r\n#RAR 0 20170101 20171231\r\n  #PBUDGET 0 201701 1119 -1666.00\r\n'));
    expect(r.problems).toEqual([]);
    expect(r.model.periodBudgets).toEqual([{ yearIndex: 0, period: '2017-01', account: '1119', objects: [], amount: -166600, quantity: null }]);
  });
});
