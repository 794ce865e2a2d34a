// One tokenised line → one typed record (records.ts), or a problem with its line. Which fields a
// label has follows the specification; a missing optional field is '' or null, extra trailing
// fields are ignored, and a record whose required fields are wrong is reported and skipped.
import type { Buffer } from 'node:buffer';
import type { Ore } from '../domain/money.ts';
import type { Day } from '../domain/period.ts';
import { formatKrExact } from '../domain/format.ts';
import { HASH_PRIME, createByteCache } from './byte-cache.ts';
import { ascii, createFieldReader } from './field-text.ts';
import type { FieldReader } from './field-text.ts';
import type { ProblemLevel } from './problems.ts';
import { NO_OBJECTS } from './records.ts';
import type { AccountType, ObjectRef, SieRecord, TransRecord } from './records.ts';
import { HIGH, OBJECTS, UNCLOSED, createTokens, tokenise } from './tokenise.ts';
import type { Tokens } from './tokenise.ts';
import {
  AMOUNT_TOO_LARGE, AMOUNT_TOO_PRECISE, parseAmountBytes, parseDayBytes, parseDayInt, parseIntBytes, parsePeriodBytes,
} from './values.ts';

export type Report = (level: ProblemLevel, code: string, line: number | null, message: string) => void;

/** The labels this reader understands (and the writer writes). */
export const KNOWN_LABELS = [
  'FLAGGA', 'FORMAT', 'SIETYP', 'PROGRAM', 'GEN', 'FNAMN', 'ORGNR', 'FTYP', 'FNR', 'ADRESS', 'RAR', 'TAXAR',
  'OMFATTN', 'VALUTA', 'KPTYP', 'PROSA', 'KONTO', 'KTYP', 'SRU', 'ENHET', 'DIM', 'UNDERDIM', 'OBJEKT', 'IB', 'UB',
  'RES', 'OIB', 'OUB', 'PSALDO', 'PBUDGET', 'VER', 'TRANS', 'RTRANS', 'BTRANS', 'KSUMMA',
] as const;
export type KnownLabel = (typeof KNOWN_LABELS)[number];

/** Labels of the specification that carry nothing Ramplan keeps: skipped without a warning. */
export const QUIET_LABELS: ReadonlySet<string> = new Set(['BKOD']);

// The label constants themselves (internalised strings), so that switches and `counts[label]` compare
// by identity instead of by content.
const KNOWN: ReadonlyMap<string, KnownLabel> = new Map(KNOWN_LABELS.map((l) => [l, l]));

export type RecordDecoder = {
  /** The known label of the first token (without `#`), or null with the label text in `unknownLabel`. */
  label(b: Buffer, t: Tokens): KnownLabel | null;
  unknownLabel: string;
  decode(label: KnownLabel, b: Buffer, t: Tokens, line: number): SieRecord | null;
  /** #TRANS from the bytes after its label, when it has the common shape; else undefined. */
  transFast(b: Buffer, s: number, e: number, line: number): TransRecord | undefined;
  /**
   * The batch reader's #TRANS: the same shapes as transFast, but nothing made per row. On true the
   * row is in `row` (account id, object list id, öre, date as YYYYMMDD or 0); on false the general
   * path reads the line. Text, quantity and signature are skipped unread (the general path never
   * refuses them either).
   */
  transRow(b: Buffer, s: number, e: number, line: number): boolean;
  readonly row: Float64Array;
  /** Interned ids of accounts and object lists, shared by both paths of the batch reader. */
  accountId(account: string): number;
  objectsId(list: readonly ObjectRef[]): number;
  readonly accountNames: readonly string[];
  readonly objectLists: ReadonlyArray<readonly ObjectRef[]>;
  readonly fields: FieldReader;
};

export function createRecordDecoder(report: Report): RecordDecoder {
  const fields = createFieldReader();
  const labels = createByteCache<KnownLabel | null>(8);
  const objectLists = createByteCache<readonly ObjectRef[]>(14);
  const inner = createTokens();

  const fail = (line: number, code: string, message: string): null => {
    report('error', code, line, `Rad ${String(line)}: ${message}`);
    return null;
  };
  const text = (b: Buffer, t: Tokens, k: number): string => fields.text(b, t, k);

  const int = (b: Buffer, t: Tokens, k: number): number =>
    k < t.count ? parseIntBytes(b, t.start[k] ?? 0, t.end[k] ?? 0) : Number.NaN;

  function amount(b: Buffer, t: Tokens, k: number, label: string, line: number): Ore | null {
    if (k >= t.count) return fail(line, 'missing-amount', `#${label} saknar belopp.`);
    const s = t.start[k] ?? 0;
    const e = t.end[k] ?? 0;
    const v = parseAmountBytes(b, s, e);
    if (Number.isSafeInteger(v)) return v as Ore; // parseAmountBytes returns whole öre or a marker
    const shown = ascii(b, s, Math.min(e, s + 40));
    if (v === AMOUNT_TOO_PRECISE) return fail(line, 'amount-decimals', `beloppet "${shown}" i #${label} har fler än två decimaler (öre).`);
    if (v === AMOUNT_TOO_LARGE) return fail(line, 'amount-too-large', `beloppet "${shown}" i #${label} är för stort.`);
    return fail(line, 'amount-invalid', `ogiltigt belopp "${shown}" i #${label} (skrivs som -1234.50).`);
  }

  function day(b: Buffer, t: Tokens, k: number, label: string, line: number, required: boolean): Day | null | undefined {
    if (k >= t.count || t.start[k] === t.end[k]) {
      if (required) { fail(line, 'missing-date', `#${label} saknar datum.`); return undefined; }
      return null;
    }
    const d = parseDayBytes(b, t.start[k] ?? 0, t.end[k] ?? 0);
    if (d !== null) return d;
    fail(line, 'date-invalid', `ogiltigt datum "${text(b, t, k)}" i #${label} (skrivs ÅÅÅÅMMDD).`);
    return undefined;
  }

  function objects(b: Buffer, t: Tokens, k: number, label: string, line: number): readonly ObjectRef[] | null {
    if ((t.flags[k]! & UNCLOSED) !== 0) return fail(line, 'objects-unclosed', `objektlistan i #${label} saknar }.`);
    return objectRange(b, t.start[k]!, t.end[k]!, label, line);
  }

  function objectRange(b: Buffer, s: number, e: number, label: string, line: number): readonly ObjectRef[] | null {
    let only = true;
    for (let i = s; i < e; i++) if ((b[i] ?? 0) > 0x20) { only = false; break; }
    if (only) return NO_OBJECTS;
    const hit = objectLists.lookup(b, s, e);
    if (hit !== undefined) return hit;
    tokenise(b, s, e, inner, true);
    if (inner.count % 2 !== 0) {
      return fail(line, 'objects-odd', `objektlistan {${fields.range(b, s, e, 0)}} i #${label} ska bestå av par: dimension och objekt.`);
    }
    const list: ObjectRef[] = [];
    for (let j = 0; j < inner.count; j += 2) {
      const dim = int(b, inner, j);
      if (!(dim >= 1)) return fail(line, 'objects-dim', `dimensionen "${text(b, inner, j)}" i #${label} är inget positivt heltal.`);
      list.push({ dim, id: text(b, inner, j + 1) });
    }
    Object.freeze(list);
    objectLists.store(b, s, e, list);
    return list;
  }

  const isObjects = (t: Tokens, k: number): boolean => k < t.count && ((t.flags[k] ?? 0) & OBJECTS) !== 0;
  const quantity = (b: Buffer, t: Tokens, k: number): string | null => {
    const q = text(b, t, k);
    return q === '' ? null : q;
  };

  function need(t: Tokens, n: number, label: string, line: number, what: string): boolean {
    if (t.count > n) return true;
    fail(line, 'missing-field', `#${label} saknar fält (väntade ${what}).`);
    return false;
  }

  function decode(label: KnownLabel, b: Buffer, t: Tokens, line: number): SieRecord | null {
    switch (label) {
      case 'TRANS':
      case 'RTRANS':
      case 'BTRANS': {
        if (!need(t, 2, label, line, 'konto, objektlista och belopp')) return null;
        const account = text(b, t, 1);
        if (account === '') return fail(line, 'missing-account', `#${label} saknar konto.`);
        // A missing object list (`#TRANS 1910 -100.00`) is read as `{}`: old producers write it so.
        const o = isObjects(t, 2) ? 3 : 2;
        const objs = o === 3 ? objects(b, t, 2, label, line) : NO_OBJECTS;
        const amt = amount(b, t, o, label, line);
        const date = day(b, t, o + 1, label, line, false);
        if (objs === null || amt === null || date === undefined) return null;
        return {
          label, line, account, objects: objs, amount: amt, date,
          text: text(b, t, o + 2), quantity: quantity(b, t, o + 3), sign: text(b, t, o + 4),
        };
      }
      case 'VER': {
        if (!need(t, 3, label, line, 'serie, nummer och datum')) return null;
        const date = day(b, t, 3, label, line, true);
        const registered = day(b, t, 5, label, line, false);
        if (date === undefined || date === null || registered === undefined) return null;
        return {
          label, line, series: text(b, t, 1), number: text(b, t, 2), date, text: text(b, t, 4), registered, sign: text(b, t, 6),
        };
      }
      case 'PSALDO':
      case 'PBUDGET': {
        if (!need(t, 4, label, line, 'årsindex, period, konto, objektlista och belopp')) return null;
        const yearIndex = int(b, t, 1);
        if (Number.isNaN(yearIndex)) return fail(line, 'year-index', `årsindex "${text(b, t, 1)}" i #${label} är inget heltal.`);
        const period = parsePeriodBytes(b, t.start[2] ?? 0, t.end[2] ?? 0);
        if (period === null) return fail(line, 'period-invalid', `ogiltig period "${text(b, t, 2)}" i #${label} (skrivs ÅÅÅÅMM).`);
        const account = text(b, t, 3);
        // Some producers leave out `{}` here (BL Administration's #PBUDGET): the amount then comes at once.
        const o = isObjects(t, 4) ? 5 : 4;
        const objs = o === 5 ? objects(b, t, 4, label, line) : NO_OBJECTS;
        const amt = amount(b, t, o, label, line);
        if (objs === null || amt === null) return null;
        return { label, line, yearIndex, period, account, objects: objs, amount: amt, quantity: quantity(b, t, o + 1) };
      }
      case 'IB':
      case 'UB':
      case 'RES': {
        if (!need(t, 3, label, line, 'årsindex, konto och belopp')) return null;
        const yearIndex = int(b, t, 1);
        if (Number.isNaN(yearIndex)) return fail(line, 'year-index', `årsindex "${text(b, t, 1)}" i #${label} är inget heltal.`);
        const amt = amount(b, t, 3, label, line);
        if (amt === null) return null;
        return { label, line, yearIndex, account: text(b, t, 2), amount: amt, quantity: quantity(b, t, 4) };
      }
      case 'OIB':
      case 'OUB': {
        if (!need(t, 4, label, line, 'årsindex, konto, objektlista och belopp')) return null;
        const yearIndex = int(b, t, 1);
        if (Number.isNaN(yearIndex)) return fail(line, 'year-index', `årsindex "${text(b, t, 1)}" i #${label} är inget heltal.`);
        if (!isObjects(t, 3)) return fail(line, 'missing-objects', `#${label} saknar objektlista.`);
        const objs = objects(b, t, 3, label, line);
        const amt = amount(b, t, 4, label, line);
        if (objs === null || amt === null) return null;
        return { label, line, yearIndex, account: text(b, t, 2), objects: objs, amount: amt, quantity: quantity(b, t, 5) };
      }
      case 'KONTO':
        if (!need(t, 1, label, line, 'konto och namn')) return null;
        return { label, line, account: text(b, t, 1), name: text(b, t, 2) };
      case 'KTYP': {
        if (!need(t, 2, label, line, 'konto och kontotyp')) return null;
        const type = text(b, t, 2).toUpperCase();
        if (type !== 'T' && type !== 'S' && type !== 'K' && type !== 'I') {
          report('warning', 'account-type', line, `Rad ${String(line)}: okänd kontotyp "${type}" i #KTYP (T, S, K eller I); raden ignoreras.`);
          return null;
        }
        return { label, line, account: text(b, t, 1), accountType: type satisfies AccountType };
      }
      case 'SRU':
        if (!need(t, 2, label, line, 'konto och SRU-kod')) return null;
        return { label, line, account: text(b, t, 1), sru: text(b, t, 2) };
      case 'ENHET':
        if (!need(t, 2, label, line, 'konto och enhet')) return null;
        return { label, line, account: text(b, t, 1), unit: text(b, t, 2) };
      case 'DIM':
      case 'UNDERDIM': {
        if (!need(t, label === 'DIM' ? 1 : 3, label, line, label === 'DIM' ? 'dimension och namn' : 'dimension, namn och överdimension')) return null;
        const dim = int(b, t, 1);
        if (!(dim >= 1)) return fail(line, 'dim-invalid', `dimensionen "${text(b, t, 1)}" i #${label} är inget positivt heltal.`);
        if (label === 'DIM') return { label, line, dim, name: text(b, t, 2) };
        const parent = int(b, t, 3);
        if (!(parent >= 1)) return fail(line, 'dim-invalid', `överdimensionen "${text(b, t, 3)}" i #UNDERDIM är inget positivt heltal.`);
        return { label, line, dim, name: text(b, t, 2), parent };
      }
      case 'OBJEKT': {
        if (!need(t, 2, label, line, 'dimension, objekt och namn')) return null;
        const dim = int(b, t, 1);
        if (!(dim >= 1)) return fail(line, 'dim-invalid', `dimensionen "${text(b, t, 1)}" i #OBJEKT är inget positivt heltal.`);
        return { label, line, dim, id: text(b, t, 2), name: text(b, t, 3) };
      }
      case 'RAR': {
        if (!need(t, 3, label, line, 'årsindex, startdatum och slutdatum')) return null;
        const yearIndex = int(b, t, 1);
        if (Number.isNaN(yearIndex)) return fail(line, 'year-index', `årsindex "${text(b, t, 1)}" i #RAR är inget heltal.`);
        const start = day(b, t, 2, label, line, true);
        const end = day(b, t, 3, label, line, true);
        if (start == null || end == null) return null;
        return { label, line, yearIndex, start, end };
      }
      case 'GEN': {
        if (!need(t, 1, label, line, 'datum')) return null;
        const date = day(b, t, 1, label, line, true);
        if (date == null) return null;
        return { label, line, date, sign: text(b, t, 2) };
      }
      case 'OMFATTN': {
        if (!need(t, 1, label, line, 'datum')) return null;
        const date = day(b, t, 1, label, line, true);
        if (date == null) return null;
        return { label, line, date };
      }
      case 'FLAGGA':
      case 'SIETYP':
      case 'TAXAR': {
        const n = int(b, t, 1);
        if (Number.isNaN(n)) return fail(line, 'int-invalid', `#${label} ska följas av ett heltal, inte "${text(b, t, 1)}".`);
        if (label === 'FLAGGA') return { label, line, flag: n };
        if (label === 'SIETYP') return { label, line, sieType: n };
        return { label, line, year: n };
      }
      case 'FORMAT': return { label, line, format: text(b, t, 1) };
      case 'PROGRAM': return { label, line, name: text(b, t, 1), version: text(b, t, 2) };
      case 'FNAMN': return { label, line, name: text(b, t, 1) };
      case 'ORGNR': return { label, line, orgNumber: text(b, t, 1) };
      case 'FTYP': return { label, line, companyType: text(b, t, 1) };
      case 'FNR': return { label, line, companyId: text(b, t, 1) };
      case 'ADRESS':
        return { label, line, contact: text(b, t, 1), street: text(b, t, 2), postal: text(b, t, 3), phone: text(b, t, 4) };
      case 'VALUTA': return { label, line, currency: text(b, t, 1) };
      case 'KPTYP': return { label, line, chartType: text(b, t, 1) };
      case 'PROSA': return { label, line, text: text(b, t, 1) };
      case 'KSUMMA': return null; // handled by the reader, which owns the checksum
    }
  }

  /**
   * The head every common-shape #TRANS shares (`account {objects} amount`), scanned once for both
   * the record path and the batch path into a reused scratch (no allocation per row). False when
   * the line is not in the common shape; the caller then leaves it to the general path.
   */
  const head = { as: 0, ae: 0, accountHash: 0, os: 0, oe: 0, objectsHash: 0, amount: 0, next: 0 };
  function scanTransHead(b: Buffer, s: number, e: number): boolean {
    let i = s;
    let c = 0;
    while (i < e && b[i]! <= 0x20) i++;
    const as = i;
    let h = 0;
    while (i < e && (c = b[i]!) > 0x20) {
      if (c >= 0x80 || c === 0x22 || c === 0x7b) return false;
      h = Math.imul(h ^ c, HASH_PRIME);
      i++;
    }
    head.accountHash = h;
    const ae = i;
    while (i < e && b[i]! <= 0x20) i++;
    if (ae === as || i === e || b[i] !== 0x7b) return false;
    const os = ++i;
    let inQuote = false;
    h = 0;
    for (; i < e; i++) {
      c = b[i]!;
      if (c === 0x22) inQuote = !inQuote;
      else if (c === 0x5c || c >= 0x80) return false;
      else if (c === 0x7d && !inQuote) break;
      h = Math.imul(h ^ c, HASH_PRIME);
    }
    head.objectsHash = h;
    if (i === e) return false;
    const oe = i++;
    while (i < e && b[i]! <= 0x20) i++;
    const ms = i;
    while (i < e && b[i]! > 0x20) i++;
    const amount = parseAmountBytes(b, ms, i);
    if (!Number.isSafeInteger(amount)) return false;
    while (i < e && b[i]! <= 0x20) i++;
    head.as = as; head.ae = ae; head.os = os; head.oe = oe; head.amount = amount; head.next = i;
    return true;
  }

  /**
   * #TRANS in its common shape (`account {objects} amount [date] ["text"]`) read in one pass over the
   * bytes, without the tokeniser: this one record is most of a large file. Anything else (quoted
   * account, escapes, quantity or signature, a problem to report) returns undefined, and the general
   * path reads the line instead, so both paths give the same record.
   */
  function transFast(b: Buffer, s: number, e: number, line: number): TransRecord | undefined {
    if (!scanTransHead(b, s, e)) return undefined;
    const { as, ae, accountHash, os, oe, objectsHash, amount } = head;
    let i = head.next;
    let c = 0;
    let date: Day | null = null;
    let text = '';
    if (i < e) {
      const ds = i;
      if (b[i] === 0x22 && b[i + 1] === 0x22) i += 2;
      else {
        while (i < e && b[i]! > 0x20) i++;
        date = parseDayBytes(b, ds, i);
        if (date === null) return undefined;
      }
      while (i < e && b[i]! <= 0x20) i++;
      if (i < e) {
        if (b[i] !== 0x22) return undefined;
        const ts = ++i;
        let high = 0;
        while (i < e && (c = b[i]!) !== 0x22) {
          if (c === 0x5c) return undefined;
          if (c >= 0x80) high = HIGH;
          i++;
        }
        if (i === e) return undefined;
        text = fields.range(b, ts, i, high);
        i++;
        while (i < e && b[i]! <= 0x20) i++;
        if (i < e) return undefined;
      }
    }
    const objs = os === oe ? NO_OBJECTS : (objectLists.lookupHashed(b, os, oe, objectsHash) ?? objectRange(b, os, oe, 'TRANS', line));
    if (objs === null) return undefined;
    return {
      label: 'TRANS', line, account: fields.account(b, as, ae, accountHash), objects: objs, amount: amount as Ore, date, text, quantity: null, sign: '',
    };
  }

  // Batch path: ids instead of strings and arrays.
  const row = new Float64Array(4);
  const accountNames: string[] = [];
  const accountIds = new Map<string, number>();
  const accountIdCache = createByteCache<number>(12);
  const fourDigitIds = new Int32Array(10_000).fill(-1);
  const listIds = new Map<string, number>([['', 0]]);
  const listById: Array<readonly ObjectRef[]> = [NO_OBJECTS];
  const listIdOf = new Map<readonly ObjectRef[], number>([[NO_OBJECTS, 0]]);
  const listIdCache = createByteCache<number>(16);

  function accountId(account: string): number {
    let id = accountIds.get(account);
    if (id === undefined) {
      id = accountNames.length;
      accountIds.set(account, id);
      accountNames.push(account);
    }
    return id;
  }
  function objectsId(list: readonly ObjectRef[]): number {
    const known = listIdOf.get(list);
    if (known !== undefined) return known;
    let key = '';
    for (const o of list) key += `${String(o.dim)}\u0000${o.id}\u0000`;
    let id = listIds.get(key);
    if (id === undefined) {
      id = listById.length;
      listIds.set(key, id);
      listById.push(list);
    }
    if (listIdOf.size < 100_000) listIdOf.set(list, id);
    return id;
  }

  function transRow(b: Buffer, s: number, e: number, line: number): boolean {
    if (!scanTransHead(b, s, e)) return false;
    const { as, ae, accountHash, os, oe, objectsHash, amount } = head;
    let i = head.next;
    let date = 0;
    if (i < e && !(b[i] === 0x22 && b[i + 1] === 0x22)) {
      const ds = i;
      while (i < e && b[i]! > 0x20) i++;
      date = parseDayInt(b, ds, i);
      if (date < 0) return false;
    }
    let objects = 0;
    if (os !== oe) {
      const hit = listIdCache.lookupHashed(b, os, oe, objectsHash);
      if (hit !== undefined) objects = hit;
      else {
        const list = objectLists.lookupHashed(b, os, oe, objectsHash) ?? objectRange(b, os, oe, 'TRANS', line);
        if (list === null) return false;
        objects = objectsId(list);
        listIdCache.lookupHashed(b, os, oe, objectsHash);
        listIdCache.store(b, os, oe, objects);
      }
    }
    // A four-digit account (the BAS chart's, nearly every row) straight from its digits: no hashing.
    let account: number | undefined;
    let four = -1;
    if (ae - as === 4) {
      const d0 = b[as]! - 0x30;
      const d1 = b[as + 1]! - 0x30;
      const d2 = b[as + 2]! - 0x30;
      const d3 = b[as + 3]! - 0x30;
      if (d0 >>> 0 <= 9 && d1 >>> 0 <= 9 && d2 >>> 0 <= 9 && d3 >>> 0 <= 9) four = ((d0 * 10 + d1) * 10 + d2) * 10 + d3;
    }
    if (four >= 0) {
      account = fourDigitIds[four]!;
      if (account < 0) {
        account = accountId(ascii(b, as, ae));
        fourDigitIds[four] = account;
      }
    } else {
      account = accountIdCache.lookupHashed(b, as, ae, accountHash);
      if (account === undefined) {
        account = accountId(ascii(b, as, ae));
        accountIdCache.store(b, as, ae, account);
      }
    }
    row[0] = account;
    row[1] = objects;
    row[2] = amount;
    row[3] = date;
    return true;
  }

  const decoder: RecordDecoder = {
    transFast,
    transRow,
    row,
    accountId,
    objectsId,
    accountNames,
    objectLists: listById,
    unknownLabel: '',
    fields,
    label(b, t) {
      const s = (t.start[0] ?? 0) + 1;
      const e = t.end[0] ?? 0;
      const known = labels.lookup(b, s, e);
      if (known !== undefined) {
        if (known === null) decoder.unknownLabel = ascii(b, s, e);
        return known;
      }
      const name = ascii(b, s, e).toUpperCase();
      const found = KNOWN.get(name) ?? null;
      labels.store(b, s, e, found);
      if (found === null) decoder.unknownLabel = name;
      return found;
    },
    decode,
  };
  return decoder;
}

/** "12 345,00 kr" for messages about amounts. */
export function krText(o: Ore): string {
  return formatKrExact(o);
}
