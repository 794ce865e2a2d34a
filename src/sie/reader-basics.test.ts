import { Buffer } from 'node:buffer';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CP437_CHARS, decodeCp437, encodeCp437, toCp437Text } from './cp437.ts';
import { CRC_START, crcUpdate, crcValue } from './crc32.ts';
import { ESCAPED, HIGH, OBJECTS, QUOTED, UNCLOSED, createTokens, tokenise } from './tokenise.ts';
import { AMOUNT_INVALID, AMOUNT_TOO_LARGE, AMOUNT_TOO_PRECISE, parseAmountBytes, parseDayBytes, parsePeriodBytes, sieAmount } from './values.ts';

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');
const amount = (s: string): number => parseAmountBytes(bytes(s), 0, s.length);

function fields(line: string): { text: string; flags: number }[] {
  const b = bytes(line);
  const t = createTokens();
  tokenise(b, 0, b.length, t);
  return Array.from({ length: t.count }, (_, k) => ({ text: b.toString('latin1', t.start[k], t.end[k]), flags: t.flags[k] ?? 0 }));
}

describe('CP437', () => {
  it('maps the Swedish letters as the table in SIE.md says', () => {
    expect(decodeCp437(Uint8Array.from([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]))).toBe('åäöÅÄÖ');
    expect([...encodeCp437('åäöÅÄÖ')]).toEqual([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]);
  });
  it('round-trips every byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...encodeCp437(decodeCp437(all))]).toEqual([...all]);
    expect(new Set(CP437_CHARS).size).toBe(256);
  });
  it('replaces characters CP437 lacks and says which', () => {
    const r = toCp437Text('Bidrag – 5 € ”x” ∑\t');
    expect(r.text).toBe('Bidrag - 5 EUR "x" ? ');
    expect(r.replacements.map((x) => x.original)).toEqual(['–', '€', '”', '”', '∑', '\t']);
  });
});

describe('CRC-32', () => {
  it('equals zlib.crc32, also when fed in pieces', () => {
    const b = bytes('#FNAMNÖvningsbolaget AB 123');
    expect(crcValue(crcUpdate(CRC_START, b, 0, b.length))).toBe(zlib.crc32(b));
    const half = crcUpdate(CRC_START, b, 0, 10);
    expect(crcValue(crcUpdate(half, b, 10, b.length))).toBe(zlib.crc32(b));
  });
});

describe('tokeniser', () => {
  it('splits on spaces and TABs, with indentation', () => {
    expect(fields('\t#TRANS\t1910  {}   -128.00').map((f) => f.text)).toEqual(['#TRANS', '1910', '', '-128.00']);
  });
  it('reads quoted fields, also quoted numbers, and `\\"` as a quote', () => {
    const f = fields('#VER "A" "12" 20250101 "Sa \\"hej\\" da" ""');
    expect(f.map((x) => x.text)).toEqual(['#VER', 'A', '12', '20250101', 'Sa \\"hej\\" da', '']);
    expect(f[4]?.flags).toBe(QUOTED | ESCAPED);
    expect(f[5]?.flags).toBe(QUOTED);
  });
  it('keeps a lone backslash as itself', () => {
    const f = fields('#FNR "C:\\Program\\F\\"');
    expect(f[1]?.text).toBe('C:\\Program\\F\\"');
    expect(f[1]?.flags).toBe(QUOTED | ESCAPED | UNCLOSED);
    expect(fields('#KONTO "1820\\A012" x')[1]?.text).toBe('1820\\A012');
  });
  it('reads object lists: empty, with a space, several pairs, quoted or bare, with } inside quotes', () => {
    expect(fields('#TRANS 1 {} 1')[2]).toEqual({ text: '', flags: OBJECTS });
    expect(fields('#TRANS 1 { } 1')[2]).toEqual({ text: ' ', flags: OBJECTS });
    expect(fields('#PSALDO 0 201101 1460 {"1" "Nord" "7" "1"} 8550.00')[4]?.text).toBe('"1" "Nord" "7" "1"');
    expect(fields('#TRANS 1 {1 "a}b"} 1')[2]?.text).toBe('1 "a}b"');
    expect(fields('#TRANS 1 {1 "x" 1')[2]?.flags).toBe(OBJECTS | UNCLOSED);
  });
  it('marks fields with bytes over 0x7F', () => {
    expect(fields('#FNAMN "\x99vning" AB')[1]?.flags).toBe(QUOTED | HIGH);
  });
});

describe('amounts to öre, exactly', () => {
  it.each([
    ['-1234.5', -123450], ['1234.50', 123450], ['17240', 1724000], ['0.01', 1], ['-0.00', 0], ['+5', 500],
    ['12.500', 1250], ['.5', 50], ['90071992547409.91', 9007199254740991],
  ])('%s → %d öre', (text, expected) => {
    expect(amount(text)).toBe(expected);
  });
  it('refuses more than two decimals that are not zeros, and garbage', () => {
    expect(amount('1.005')).toBe(AMOUNT_TOO_PRECISE);
    expect(amount('1,50')).toBeNaN();
    expect(Number.isNaN(AMOUNT_INVALID)).toBe(true);
    expect(amount('')).toBeNaN();
    expect(amount('-')).toBeNaN();
    expect(amount('1e5')).toBeNaN();
    expect(amount('99999999999999999')).toBe(AMOUNT_TOO_LARGE);
  });
  it('writes öre back with two decimals', () => {
    expect(sieAmount(-123450)).toBe('-1234.50');
    expect(sieAmount(7)).toBe('0.07');
    expect(sieAmount(0)).toBe('0.00');
  });
});

describe('dates and periods', () => {
  it('checks the calendar', () => {
    expect(parseDayBytes(bytes('20240229'), 0, 8)).toBe('2024-02-29');
    expect(parseDayBytes(bytes('20230229'), 0, 8)).toBeNull();
    expect(parseDayBytes(bytes('2024022'), 0, 7)).toBeNull();
    expect(parsePeriodBytes(bytes('201613'), 0, 6)).toBeNull();
    expect(parsePeriodBytes(bytes('201612'), 0, 6)).toBe('2016-12');
  });
});
