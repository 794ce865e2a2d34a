// The streaming reader: bytes in, typed records out one at a time to a visitor, every problem with
// its line in one list. Nothing of the file is kept but the current chunk and a few counters, so a
// file of several GB reads in flat memory; the importer can pipe the records straight into a COPY.
import type { Buffer } from 'node:buffer';
import type { Ore } from '../domain/money.ts';
import type { Period } from '../domain/period.ts';
import { fiscalYearFrom } from '../domain/period.ts';
import { crcRecord } from './checksum.ts';
import { CRC_START, crcValue } from './crc32.ts';
import { detectEncoding, encodingName, hasBom, sniffFile, utf8Verdict } from './encoding.ts';
import type { SieEncoding } from './encoding.ts';
import { forEachLine } from './line-source.ts';
import { createProblemList, lineList, tally, type Tally } from './problems.ts';
import type { ProblemLevel, SieProblem } from './problems.ts';
import { KNOWN_LABELS, QUIET_LABELS, createRecordDecoder, krText } from './record-decoder.ts';
import type { ObjectRef, PeriodRecord, SieLabel, SieRecord, TransRecord, VoucherRecord } from './records.ts';
import { sie5Message, summariseSie5 } from './sie5.ts';
import type { Sie5Summary } from './sie5.ts';
import { HIGH, createTokens, tokenise } from './tokenise.ts';
import { dayFromInt, parseDayInt } from './values.ts';

export type SieType = 1 | 2 | 3 | '4E' | '4I';

export type ChecksumState =
  | { readonly state: 'absent' }
  | { readonly state: 'ok'; readonly value: number }
  | { readonly state: 'mismatch'; readonly written: number; readonly computed: number }
  | { readonly state: 'truncated'; readonly computed: number };

export type SieReadOptions = {
  /** Report a wrong or missing #KSUMMA as a warning instead of an error (`--ignore-checksum`). */
  readonly ignoreChecksum?: boolean;
  /** Called after each chunk with the bytes read so far (for a progress bar). */
  readonly onProgress?: (bytesRead: number) => void;
  /** At most this many problems are kept (default 1000); the rest are counted. */
  readonly problemLimit?: number;
};

/**
 * Gets every record in file order. Records are immutable and may be kept. A returned promise
 * pauses reading after the current chunk until it settles, so a slow consumer (a COPY) sets the pace.
 */
export type SieVisitor = (record: SieRecord) => void | Promise<void>;

/**
 * The batch reader's voucher rows: counted #TRANS/#RTRANS rows in file order, as columns. Valid only
 * during the call (the arrays are reused); ids index `accounts` and `objectLists`, which only grow.
 */
export type SieTransBatch = {
  readonly count: number;
  readonly account: Int32Array;
  /** 0 is `{}`. */
  readonly objects: Int32Array;
  /** Öre. */
  readonly amount: Float64Array;
  /** The row's own date as YYYYMMDD, 0 when it has none. */
  readonly date: Int32Array;
  /** The date of the row's #VER as YYYYMMDD. */
  readonly voucherDate: Int32Array;
  readonly line: Int32Array;
  readonly accounts: readonly string[];
  readonly objectLists: ReadonlyArray<readonly ObjectRef[]>;
};

/**
 * parseSieBatch's consumer. Voucher rows that count go to `rows` in batches; #VER, #BTRANS and the end
 * of a voucher are only counted (the summary's `counts`); every other record goes to `record`, after
 * the rows that precede it in the file.
 */
export type SieBatchVisitor = {
  readonly rows: (batch: SieTransBatch) => void;
  readonly record: SieVisitor;
};

/** Rows per batch of the batch readers. */
export const BATCH_ROWS = 4096;

/** An empty batch of BATCH_ROWS rows whose ids index `accounts` and `objectLists` (both readers fill one). */
export function newTransBatch(accounts: readonly string[], objectLists: ReadonlyArray<readonly ObjectRef[]>) {
  return {
    count: 0,
    account: new Int32Array(BATCH_ROWS), objects: new Int32Array(BATCH_ROWS), amount: new Float64Array(BATCH_ROWS),
    date: new Int32Array(BATCH_ROWS), voucherDate: new Int32Array(BATCH_ROWS), line: new Int32Array(BATCH_ROWS),
    accounts, objectLists,
  };
}

export type SieReadSummary = {
  /** 'refused': not read at all (empty, binary, ZIP, PDF, not SIE); 'sie5': an XML file. */
  readonly format: 'sie' | 'sie5' | 'refused';
  readonly sieType: SieType | null;
  readonly encoding: SieEncoding | null;
  readonly checksum: ChecksumState;
  /** Errors stop an import, warnings do not; sorted by line. */
  readonly problems: readonly SieProblem[];
  readonly hasErrors: boolean;
  /** Records handed to the visitor, per label (a TRANS copy of an RTRANS is not one). */
  readonly counts: Readonly<Partial<Record<SieLabel, number>>>;
  readonly unknownLabels: readonly { readonly label: string; readonly count: number; readonly firstLine: number }[];
  readonly bytes: number;
  readonly lines: number;
  readonly sie5: Sie5Summary | null;
};


export async function parseSie(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  visitor: SieVisitor,
  options: SieReadOptions = {},
): Promise<SieReadSummary> {
  return parseCore(source, visitor, null, options);
}

/**
 * The same reading as parseSie (the same problems, counts and summary), but the voucher rows arrive
 * as columns of ids and numbers per batch instead of one record each, and #VER is not decoded beyond
 * its date: for an importer that sums millions of rows.
 */
export async function parseSieBatch(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  visitor: SieBatchVisitor,
  options: SieReadOptions = {},
): Promise<SieReadSummary> {
  return parseCore(source, visitor.record, visitor.rows, options);
}

const dayInt = (d: string): number => Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));

async function parseCore(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  visitor: SieVisitor,
  rowsVisitor: ((batch: SieTransBatch) => void) | null,
  options: SieReadOptions,
): Promise<SieReadSummary> {
  const problems = createProblemList(options.problemLimit);
  const report = (level: ProblemLevel, code: string, line: number | null, message: string): void =>
    problems.add(level, code, line, message);
  const checksumLevel: ProblemLevel = options.ignoreChecksum === true ? 'warning' : 'error';
  const decoder = createRecordDecoder(report);
  const t = createTokens();

  let format: SieReadSummary['format'] = 'sie';
  let sie5: Sie5Summary | null = null;
  let encoding: SieEncoding | null = null;
  // Every label present from the start, so the object keeps one shape and counting stays cheap.
  const counts = Object.fromEntries([...KNOWN_LABELS, 'VER_END'].map((l) => [l, 0])) as Record<SieLabel, number>;
  const unknown = new Map<string, Tally>();
  const aggregated = new Map<string, Tally>(); // code|message → occurrences
  let pending: Promise<void>[] = [];

  // #KSUMMA
  let crcOn = false;
  let crc = CRC_START;
  let checksum: ChecksumState = { state: 'absent' };
  let afterChecksum = false;

  // Vouchers: 0 none, 1 #VER seen and `{` awaited, 2 inside `{ … }`.
  let voucherState = 0;
  let voucher: VoucherRecord | null = null;
  let voucherSum = 0;
  let voucherRows = 0;
  let shadow: TransRecord | null = null; // an RTRANS whose TRANS copy may follow

  // Semantics that need the whole file.
  const years = new Map<number, { first: Period; last: Period }>();
  let declaredType: number | null = null;
  let declaredFormat: string | null = null;
  let hasBalances = false;
  let hasObjectRows = false;
  let hasPeriodRows = false;

  // The hot labels are counted in plain variables: a keyed store on `counts` per row costs more
  // than the rest of a #TRANS.
  let transCount = 0;
  let voucherEnds = 0;

  // Batch mode: rows as columns, flushed when full, at the end of a chunk, and before any record.
  const batching = rowsVisitor !== null;
  const batch = newTransBatch(decoder.accountNames, decoder.objectLists);
  let voucherDate = 0;
  const flush = (): void => {
    if (batch.count === 0 || rowsVisitor === null) return;
    rowsVisitor(batch);
    batch.count = 0;
  };
  const pushRow = (account: number, objects: number, amount: number, date: number, lineNo: number): void => {
    const n = batch.count;
    batch.account[n] = account;
    batch.objects[n] = objects;
    batch.amount[n] = amount;
    batch.date[n] = date;
    batch.voucherDate[n] = voucherDate;
    batch.line[n] = lineNo;
    batch.count = n + 1;
    if (n + 1 === BATCH_ROWS) flush();
  };

  const emit = (r: SieRecord): void => {
    if (r.label === 'TRANS') transCount++;
    else if (r.label === 'VER_END') voucherEnds++;
    else counts[r.label]++;
    if (batching) {
      switch (r.label) {
        case 'TRANS': case 'RTRANS':
          pushRow(decoder.accountId(r.account), decoder.objectsId(r.objects), r.amount, r.date === null ? 0 : dayInt(r.date), r.line);
          return;
        case 'VER': voucherDate = dayInt(r.date); return;
        case 'BTRANS': case 'VER_END': return;
        default: flush();
      }
    }
    const p = visitor(r);
    if (p !== undefined) pending.push(p);
  };

  // A #VER read by the batch path keeps only where its fields are; they are decoded for a message.
  // Plain variables, not an object: this runs once per voucher.
  let lazyVoucher: Buffer | null = null;
  let lazyLine = 0;
  let lazyDate = 0;
  let lazySeriesStart = 0; let lazySeriesEnd = 0; let lazySeriesFlags = 0;
  let lazyNumberStart = 0; let lazyNumberEnd = 0; let lazyNumberFlags = 0;
  const voucherOf = (): VoucherRecord | null => {
    if (voucher !== null || lazyVoucher === null) return voucher;
    const z = lazyVoucher;
    return {
      label: 'VER', line: lazyLine, series: decoder.fields.range(z, lazySeriesStart, lazySeriesEnd, lazySeriesFlags),
      number: decoder.fields.range(z, lazyNumberStart, lazyNumberEnd, lazyNumberFlags), date: dayFromInt(lazyDate), text: '', registered: null, sign: '',
    };
  };

  const closeVoucher = (line: number): void => {
    if (voucher === null && lazyVoucher === null) return;
    if (voucherSum !== 0) {
      const v = voucherOf() as VoucherRecord;
      report('error', 'voucher-unbalanced', v.line,
        `Rad ${String(v.line)}: verifikation ${[v.series, v.number].filter((x) => x !== '').join(' ') || '(utan nummer)'} den ${v.date} balanserar inte: raderna summerar till ${krText(voucherSum as Ore)}.`);
    }
    if (batching) voucherEnds++;
    else emit({ label: 'VER_END', line, sum: voucherSum as Ore, rows: voucherRows });
    voucher = null;
    lazyVoucher = null;
    voucherState = 0;
    shadow = null;
  };

  const unclosed = (line: number): void => {
    const v = voucherOf();
    if (v === null) return;
    report('error', 'voucher-unclosed', v.line, `Rad ${String(v.line)}: verifikationen avslutas inte med } (nästa post på rad ${String(line)}).`);
    closeVoucher(line);
  };

  const periodCheck = (r: PeriodRecord): void => {
    const y = years.get(r.yearIndex);
    if (y === undefined) {
      tally(aggregated, `warning|year-missing|#${r.label} har årsindex ${String(r.yearIndex)} men filen har ingen #RAR ${String(r.yearIndex)}`, r.line);
    } else if (r.period < y.first || r.period > y.last) {
      tally(aggregated, `warning|period-outside-year|#${r.label} med årsindex ${String(r.yearIndex)} har perioder utanför räkenskapsåret ${y.first} – ${y.last}; perioden (ÅÅÅÅMM) på raden gäller`, r.line);
    }
  };

  const record = (r: SieRecord): void => {
    switch (r.label) {
      case 'TRANS':
      case 'RTRANS':
      case 'BTRANS': {
        if (voucherState === 0) {
          report('error', 'trans-outside-voucher', r.line, `Rad ${String(r.line)}: #${r.label} står utanför en verifikation (#VER … { … }).`);
          return;
        }
        if (voucherState === 1) {
          const vl = voucherOf()?.line ?? r.line;
          report('error', 'voucher-no-brace', vl, `Rad ${String(vl)}: verifikationens rader ska stå inom { och }.`);
          voucherState = 2;
        }
        if (r.label === 'TRANS' && shadow !== null) {
          const s = shadow;
          shadow = null;
          // The copy for readers that do not know #RTRANS (SIE 4B 5.10); some producers change its date.
          if (s.account === r.account && s.amount === r.amount) return;
          report('warning', 'rtrans-copy', r.line, `Rad ${String(r.line)}: #RTRANS på rad ${String(s.line)} följs inte av samma rad som #TRANS; båda räknas.`);
        }
        shadow = r.label === 'RTRANS' ? r : null;
        if (r.label !== 'BTRANS') { voucherSum += r.amount; voucherRows++; }
        emit(r);
        return;
      }
      case 'VER':
        if (voucherState !== 0) unclosed(r.line);
        voucher = r;
        lazyVoucher = null;
        voucherState = 1;
        voucherSum = 0;
        voucherRows = 0;
        emit(r);
        return;
      case 'PSALDO':
      case 'PBUDGET':
        hasBalances = true;
        hasPeriodRows = true;
        if (r.objects.length > 0) hasObjectRows = true;
        periodCheck(r);
        break;
      case 'IB': case 'UB': case 'RES':
        hasBalances = true;
        break;
      case 'OIB': case 'OUB':
        hasBalances = true;
        hasObjectRows = true;
        break;
      case 'RAR': {
        const first = r.start.slice(0, 7) as Period;
        const last = r.end.slice(0, 7) as Period;
        const fy = fiscalYearFrom(first, last);
        if (!fy.ok) report(r.end < r.start ? 'error' : 'warning', 'fiscal-year', r.line, `Rad ${String(r.line)}: ${fy.error}.`);
        years.set(r.yearIndex, { first, last });
        break;
      }
      case 'SIETYP': declaredType = r.sieType; break;
      case 'FORMAT': declaredFormat = r.format; break;
      default: break;
    }
    if (voucherState !== 0) unclosed(r.line);
    emit(r);
  };

  const checksumRecord = (line: number, b: Buffer): void => {
    if (t.count === 1) {
      if (crcOn || checksum.state !== 'absent') {
        report('warning', 'checksum-reopened', line, `Rad ${String(line)}: #KSUMMA öppnas en andra gång; den första gäller.`);
        return;
      }
      crcOn = true;
      crc = CRC_START;
      return;
    }
    const writtenText = decoder.fields.text(b, t, 1);
    const written = /^\d{1,10}$/.test(writtenText) ? Number(writtenText) : Number.NaN;
    if (!crcOn) {
      report(checksumLevel, 'checksum-unopened', line, `Rad ${String(line)}: #KSUMMA ${writtenText} saknar den inledande tomma #KSUMMA efter #FLAGGA; kontrollsumman kan inte kontrolleras.`);
      return;
    }
    const computed = crcValue(crc);
    crcOn = false;
    afterChecksum = true;
    if (written === computed) {
      checksum = { state: 'ok', value: computed };
    } else {
      checksum = { state: 'mismatch', written: Number.isNaN(written) ? -1 : written, computed };
      report(checksumLevel, 'checksum-mismatch', line,
        `Rad ${String(line)}: kontrollsumman stämmer inte: filen anger #KSUMMA ${writtenText}, innehållet ger ${String(computed)}. Filen har ändrats eller skadats efter exporten; exportera den igen${options.ignoreChecksum === true ? '' : ' (eller läs in med --ignore-checksum om du vet att ändringen är avsiktlig)'}.`);
    }
  };

  const line = (b: Buffer, start: number, end: number, lineNo: number): void => {
    let i = lineNo === 1 && hasBom(b.subarray(start, end)) ? start + 3 : start;
    while (i < end && (b[i] ?? 0) <= 0x20) i++;
    if (i === end) return;
    const c = b[i];
    if (c === 0x7b /* { */) {
      if (voucherState === 1) voucherState = 2;
      else report('error', 'brace-without-voucher', lineNo, `Rad ${String(lineNo)}: { utan en #VER före.`);
      return;
    }
    if (c === 0x7d /* } */) {
      if (voucherState !== 0) closeVoucher(lineNo);
      else report('error', 'brace-without-voucher', lineNo, `Rad ${String(lineNo)}: } utan en öppen verifikation.`);
      return;
    }
    if (c !== 0x23 /* # */) {
      tally(aggregated, 'warning|not-a-record|Rader som inte börjar med en etikett (#…), { eller } ignoreras', lineNo);
      return;
    }
    if (!crcOn && end - i >= 6 && b[i + 1] === 0x54 && b[i + 2] === 0x52 && b[i + 3] === 0x41 && b[i + 4] === 0x4e && b[i + 5] === 0x53 && (i + 6 === end || b[i + 6]! <= 0x20)
      && (encoding === 'cp437' || encoding === null || encoding === 'windows-1252')) {
      if (batching) {
        if (voucherState === 2 && shadow === null && decoder.transRow(b, i + 6, end, lineNo)) {
          const row = decoder.row;
          const amount = row[2]!;
          voucherSum += amount;
          voucherRows++;
          transCount++;
          pushRow(row[0]!, row[1]!, amount, row[3]!, lineNo);
          return;
        }
      } else {
      const fast = decoder.transFast(b, i + 6, end, lineNo);
      if (fast !== undefined) {
        // The common case in full here, without the general dispatch of record().
        if (voucherState === 2 && shadow === null) {
          voucherSum += fast.amount;
          voucherRows++;
          transCount++;
          const p = visitor(fast);
          if (p !== undefined) pending.push(p);
        } else {
          record(fast);
        }
        return;
      }
      }
    }
    tokenise(b, i, end, t);
    let high = false;
    for (let k = 0; k < t.count; k++) if (((t.flags[k] ?? 0) & HIGH) !== 0) { high = true; break; }
    if (high && (encoding === 'utf-8' || encoding === 'utf-8-bom')) utf8Line(b, i, end, lineNo);
    const label = decoder.label(b, t);
    if (label === 'KSUMMA') { checksumRecord(lineNo, b); return; }
    if (crcOn) crc = crcRecord(crc, b, t, encoding);
    else if (afterChecksum) { afterChecksum = false; report('warning', 'after-checksum', lineNo, `Rad ${String(lineNo)}: poster efter den avslutande #KSUMMA omfattas inte av kontrollsumman.`); }
    if (label === 'VER' && batching && voucherState === 0 && !crcOn && verRow(b, lineNo)) return;
    if (label === null) {
      if (!QUIET_LABELS.has(decoder.unknownLabel) && (unknown.size < 200 || unknown.has(decoder.unknownLabel))) tally(unknown, decoder.unknownLabel, lineNo);
      return;
    }
    const r = decoder.decode(label, b, t, lineNo);
    if (r !== null) record(r);
  };

  /** #VER in the batch path: its date (and a valid registration date) read, the rest left for a message. */
  const verRow = (b: Buffer, lineNo: number): boolean => {
    if (t.count < 4) return false;
    const date = parseDayInt(b, t.start[3]!, t.end[3]!);
    if (date < 0) return false;
    if (t.count > 5 && t.start[5] !== t.end[5] && parseDayInt(b, t.start[5]!, t.end[5]!) < 0) return false;
    counts.VER++;
    voucher = null;
    lazyVoucher = b;
    lazyLine = lineNo;
    lazyDate = date;
    lazySeriesStart = t.start[1]!; lazySeriesEnd = t.end[1]!; lazySeriesFlags = t.flags[1]!;
    lazyNumberStart = t.start[2]!; lazyNumberEnd = t.end[2]!; lazyNumberFlags = t.flags[2]!;
    voucherDate = date;
    voucherState = 1;
    voucherSum = 0;
    voucherRows = 0;
    return true;
  };

  const fffd: Tally = { count: 0, firstLine: 0, lines: [] };
  const badUtf8: Tally = { count: 0, firstLine: 0, lines: [] };
  const utf8Line = (b: Buffer, s: number, e: number, lineNo: number): void => {
    for (let i = s; i + 2 < e; i++) {
      if (b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) {
        fffd.count++;
        if (fffd.lines.length < 10) fffd.lines.push(lineNo);
        return;
      }
    }
    if (utf8Verdict(b.subarray(s, e)) === 'invalid') {
      badUtf8.count++;
      if (badUtf8.lines.length < 10) badUtf8.lines.push(lineNo);
    }
  };

  const stats = await forEachLine(source, {
    prefix(bytes) {
      const sniffed = sniffFile(bytes);
      if (sniffed.kind === 'refused') {
        format = 'refused';
        report('error', sniffed.code, null, sniffed.message);
        return false;
      }
      if (sniffed.kind === 'sie5') {
        format = 'sie5';
        sie5 = summariseSie5(bytes);
        report('error', 'sie5', null, sie5Message(sie5));
        return false;
      }
      encoding = detectEncoding(bytes, true);
      decoder.fields.setEncoding(encoding);
      return true;
    },
    chunk(bytes) {
      if (encoding !== null) return;
      encoding = detectEncoding(bytes, false);
      decoder.fields.setEncoding(encoding);
    },
    line,
    tooLong(lineNo) {
      report('error', 'line-too-long', lineNo, `Rad ${String(lineNo)} är längre än 1 MiB utan radbrytning; filen är inte SIE eller är skadad.`);
    },
    drain() {
      flush();
      if (pending.length === 0) return undefined;
      const all = Promise.all(pending).then(() => undefined);
      pending = [];
      return all;
    },
  }, options.onProgress);

  if (format === 'sie') {
    if (voucherState !== 0) {
      const v = voucherOf();
      report('error', 'voucher-unclosed', v === null ? null : v.line, 'Filen slutar mitt i en verifikation: den är avkortad.');
      closeVoucher(stats.lines);
    }
    if (crcOn) {
      checksum = { state: 'truncated', computed: crcValue(crc) };
      report(checksumLevel, 'checksum-truncated', null, 'Filen har en inledande #KSUMMA men ingen avslutande: den är avkortad. Exportera den igen.');
    }
    if (fffd.count > 0) {
      report('error', 'text-destroyed', fffd.lines[0] ?? null,
        `Texten är redan förstörd (ersättningstecknet U+FFFD) på rad ${lineList(fffd.lines, fffd.count)}: tecken som å, ä och ö har gått förlorade före exporten och kan inte återskapas. Be om en ny export från bokföringssystemet.`);
    }
    if (badUtf8.count > 0) {
      report('warning', 'utf8-invalid', badUtf8.lines[0] ?? null, `Ogiltig UTF-8 på rad ${lineList(badUtf8.lines, badUtf8.count)}; tecknen har ersatts.`);
    }
    for (const [key, a] of aggregated) {
      const [level, code, message] = key.split('|') as [ProblemLevel, string, string];
      report(level, code, a.firstLine, `${message} (${String(a.count)} ${a.count === 1 ? 'rad' : 'rader'}, första på rad ${String(a.firstLine)}).`);
    }
    for (const [label, u] of unknown) {
      report('warning', 'unknown-label', u.firstLine, `Okänd post #${label} ignoreras (${String(u.count)} ${u.count === 1 ? 'gång' : 'gånger'}, första på rad ${String(u.firstLine)}).`);
    }
    const isUtf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
    if (isUtf8 && (declaredFormat ?? '').toUpperCase() === 'PC8') {
      report('warning', 'format-mismatch', null, `Filen anger #FORMAT PC8 men är kodad som ${encodingName(encoding ?? 'utf-8')}; den har lästs som ${encodingName(encoding ?? 'utf-8')}.`);
    }
    if (declaredType === null && stats.lines > 0) report('warning', 'sietyp-missing', null, '#SIETYP saknas; typen har bestämts av innehållet.');
  }

  flush();
  counts.TRANS += transCount;
  counts.VER_END += voucherEnds;
  const inferred = counts.VER > 0 ? 4 : hasObjectRows ? 3 : hasPeriodRows ? 2 : 1;
  const base = declaredType !== null && declaredType >= 1 && declaredType <= 4 ? declaredType : inferred;
  const sieType: SieType | null = format !== 'sie' ? null : base === 4 ? (hasBalances ? '4E' : '4I') : (base as 1 | 2 | 3);

  const list = problems.finish();
  return {
    format,
    sieType,
    encoding,
    checksum,
    problems: list,
    hasErrors: problems.errorCount() > 0,
    counts: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)),
    unknownLabels: [...unknown].map(([label, u]) => ({ label, count: u.count, firstLine: u.firstLine })),
    bytes: stats.bytes,
    lines: stats.lines,
    sie5,
  };
}
