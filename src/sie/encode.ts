// Records → SIE lines in CP437, with #KSUMMA. Streams: bytes leave in chunks through `onChunk`, so an
// export of millions of rows never builds one string. The checksum is computed by running the
// reader's own tokeniser over each written line, so writer and reader cannot disagree on it.
import { Buffer } from 'node:buffer';
import { crcRecord } from './checksum.ts';
import { CRC_START, crcValue } from './crc32.ts';
import { cp437Byte, toCp437Text } from './cp437.ts';
import type { ObjectRef, SieRecord } from './records.ts';
import { createTokens, tokenise } from './tokenise.ts';
import { sieAmount, sieDate, siePeriod } from './values.ts';

/** A character the file could not hold, and what was written instead. */
export type SieReplacement = {
  readonly line: number;
  /** Which field: the label and the record's key, e.g. "#KONTO 3010". */
  readonly field: string;
  readonly original: string;
  readonly replacement: string;
};

export type SieEncoderOptions = {
  /** Write #KSUMMA (default true). */
  readonly checksum?: boolean;
  readonly onChunk: (bytes: Uint8Array) => void;
  readonly chunkBytes?: number;
};

export type SieEncoder = {
  write(r: SieRecord): void;
  /** Writes the closing #KSUMMA (when on) and the last chunk. */
  end(): void;
  readonly replacements: readonly SieReplacement[];
};

const SAFE_BARE = /^[A-Za-z0-9.,:;_+\-/=%&()*!?åäöÅÄÖ]+$/;

export function createSieEncoder(options: SieEncoderOptions): SieEncoder {
  const withChecksum = options.checksum !== false;
  const size = options.chunkBytes ?? 64 * 1024;
  let buf = Buffer.allocUnsafe(size);
  let used = 0;
  let line = 0;
  let crc = CRC_START;
  let crcOn = false;
  let started = false;
  const replacements: SieReplacement[] = [];
  const tokens = createTokens();
  let fieldName = '';

  const flush = (): void => {
    if (used === 0) return;
    options.onChunk(Uint8Array.prototype.slice.call(buf, 0, used));
    used = 0;
  };

  const clean = (text: string): string => {
    const r = toCp437Text(text);
    for (const x of r.replacements) replacements.push({ line: line + 1, field: fieldName, original: x.original, replacement: x.replacement });
    return r.text;
  };

  /** Always quoted (names and texts), `"` escaped as `\"`. */
  const q = (raw: string): string => {
    let text = clean(raw);
    if (text.endsWith('\\')) {
      // `"…\"` would read as an escaped quote: a trailing backslash cannot be quoted in SIE.
      if (text !== '' && SAFE_BARE.test(text.replaceAll('\\', 'a'))) return text;
      replacements.push({ line: line + 1, field: fieldName, original: '\\', replacement: '/' });
      text = `${text.slice(0, -1)}/`;
    }
    return `"${text.replaceAll('"', '\\"')}"`;
  };
  /** Bare when it is a plain token (numbers, codes), else quoted. */
  const r = (raw: string): string => {
    const text = clean(raw);
    return text !== '' && SAFE_BARE.test(text) ? text : q(text);
  };
  const objs = (list: readonly ObjectRef[]): string => `{${list.map((o) => `${String(o.dim)} ${q(o.id)}`).join(' ')}}`;
  /** Optional trailing fields: empty ones at the end are left out, inner ones written as "". */
  const optional = (fields: string[]): string => {
    let n = fields.length;
    while (n > 0 && (fields[n - 1] === '' || fields[n - 1] === '""')) n--;
    return fields.slice(0, n).map((f) => (f === '' ? '""' : f)).join(' ');
  };

  const put = (text: string, summed: boolean): void => {
    line++;
    const need = text.length + 2;
    if (used + need > buf.length) {
      flush();
      if (need > buf.length) buf = Buffer.allocUnsafe(need * 2);
    }
    const start = used;
    for (let i = 0; i < text.length; i++) {
      const b = cp437Byte(text.charCodeAt(i));
      buf[used++] = b < 0 ? 0x3f : b;
    }
    if (summed && crcOn) {
      let s = start;
      while (s < used && (buf[s] ?? 0) <= 0x20) s++;
      tokenise(buf, s, used, tokens);
      crc = crcRecord(crc, buf, tokens, 'cp437');
    }
    buf[used++] = 0x0d;
    buf[used++] = 0x0a;
  };

  const start = (): void => {
    if (started) return;
    started = true;
    put('#FLAGGA 0', false);
    if (withChecksum) {
      put('#KSUMMA', false);
      crcOn = true;
    }
  };

  const fields = (rec: SieRecord): string => {
    fieldName = `#${rec.label}`;
    switch (rec.label) {
      case 'FLAGGA': return '';
      case 'FORMAT': return `#FORMAT ${r(rec.format)}`;
      case 'SIETYP': return `#SIETYP ${String(rec.sieType)}`;
      case 'PROGRAM': return `#PROGRAM ${q(rec.name)} ${r(rec.version)}`;
      case 'GEN': return `#GEN ${optional([sieDate(rec.date), rec.sign === '' ? '' : q(rec.sign)])}`;
      case 'FNAMN': return `#FNAMN ${q(rec.name)}`;
      case 'ORGNR': return `#ORGNR ${r(rec.orgNumber)}`;
      case 'FTYP': return `#FTYP ${r(rec.companyType)}`;
      case 'FNR': return `#FNR ${r(rec.companyId)}`;
      case 'ADRESS': return `#ADRESS ${q(rec.contact)} ${q(rec.street)} ${q(rec.postal)} ${q(rec.phone)}`;
      case 'RAR': return `#RAR ${String(rec.yearIndex)} ${sieDate(rec.start)} ${sieDate(rec.end)}`;
      case 'TAXAR': return `#TAXAR ${String(rec.year)}`;
      case 'OMFATTN': return `#OMFATTN ${sieDate(rec.date)}`;
      case 'VALUTA': return `#VALUTA ${r(rec.currency)}`;
      case 'KPTYP': return `#KPTYP ${r(rec.chartType)}`;
      case 'PROSA': return `#PROSA ${q(rec.text)}`;
      case 'KONTO': fieldName += ` ${rec.account}`; return `#KONTO ${r(rec.account)} ${q(rec.name)}`;
      case 'KTYP': return `#KTYP ${r(rec.account)} ${rec.accountType}`;
      case 'SRU': fieldName += ` ${rec.account}`; return `#SRU ${r(rec.account)} ${r(rec.sru)}`;
      case 'ENHET': fieldName += ` ${rec.account}`; return `#ENHET ${r(rec.account)} ${q(rec.unit)}`;
      case 'DIM': return `#DIM ${String(rec.dim)} ${q(rec.name)}`;
      case 'UNDERDIM': return `#UNDERDIM ${String(rec.dim)} ${q(rec.name)} ${String(rec.parent)}`;
      case 'OBJEKT': fieldName += ` ${String(rec.dim)} ${rec.id}`; return `#OBJEKT ${String(rec.dim)} ${q(rec.id)} ${q(rec.name)}`;
      case 'IB': case 'UB': case 'RES':
        return `#${rec.label} ${optional([String(rec.yearIndex), r(rec.account), sieAmount(rec.amount), rec.quantity === null ? '' : r(rec.quantity)])}`;
      case 'OIB': case 'OUB':
        return `#${rec.label} ${optional([String(rec.yearIndex), r(rec.account), objs(rec.objects), sieAmount(rec.amount), rec.quantity === null ? '' : r(rec.quantity)])}`;
      case 'PSALDO': case 'PBUDGET':
        return `#${rec.label} ${optional([
          String(rec.yearIndex), siePeriod(rec.period), r(rec.account), objs(rec.objects), sieAmount(rec.amount), rec.quantity === null ? '' : r(rec.quantity),
        ])}`;
      case 'VER':
        fieldName += ` ${rec.series} ${rec.number}`;
        return `#VER ${optional([r(rec.series), r(rec.number), sieDate(rec.date), q(rec.text), rec.registered === null ? '' : sieDate(rec.registered), rec.sign === '' ? '' : q(rec.sign)])}`;
      case 'TRANS': case 'RTRANS': case 'BTRANS':
        return `\t#${rec.label} ${optional([
          r(rec.account), objs(rec.objects), sieAmount(rec.amount), rec.date === null ? '' : sieDate(rec.date),
          rec.text === '' ? '' : q(rec.text), rec.quantity === null ? '' : r(rec.quantity), rec.sign === '' ? '' : q(rec.sign),
        ])}`;
      case 'VER_END': return '}';
    }
  };

  return {
    replacements,
    write(rec) {
      start();
      if (rec.label === 'FLAGGA') return;
      const text = fields(rec);
      put(text, rec.label !== 'VER_END');
      if (rec.label === 'VER') put('{', false);
      // The copy of an added row for readers that do not know #RTRANS (SIE 4B); ours drops it again.
      if (rec.label === 'RTRANS') put(text.replace('#RTRANS', '#TRANS'), true);
    },
    end() {
      start();
      if (crcOn) {
        crcOn = false;
        put(`#KSUMMA ${String(crcValue(crc))}`, false);
      }
      flush();
    },
  };
}
