// The SIE 5 (XML) reader: bytes in, the same records as the SIE 1–4 reader out (records.ts), so the
// collector, the model builder and the import take a SIE 5 file as they take a SIE 4E file. The XML
// is streamed through saxes a chunk at a time (never the whole file as one string; element text such
// as an embedded PDF is not even collected), and every problem comes with its line in one list.
// Mapping decisions: docs/decisions (SIE 5) and the README of this folder.
import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import type { Ore } from '../domain/money.ts';
import type { Day, Period } from '../domain/period.ts';
import { fiscalYearFrom, nextPeriod, parseDay, parsePeriod, previousPeriod } from '../domain/period.ts';
import type { SieEncoding } from './encoding.ts';
import type { SieBatchVisitor, SieReadOptions, SieReadSummary, SieTransBatch, SieVisitor } from './parse.ts';
import { BATCH_ROWS, newTransBatch } from './parse.ts';
import { createProblemList, lineList, tally, type Tally } from './problems.ts';
import type { ProblemLevel } from './problems.ts';
import { krText } from './record-decoder.ts';
import type { AccountType, ObjectRef, SieLabel, SieRecord, TransRecord } from './records.ts';
import { NO_OBJECTS } from './records.ts';
import type { Sie5Summary } from './sie5.ts';

export const SIE5_NAMESPACE = 'http://www.sie.se/sie5';
const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';

/** Elements deeper than this are not SIE 5 (its deepest is six levels). */
const MAX_DEPTH = 64;
/** One start tag (its attributes) longer than this many characters is not SIE 5: refused, not held. */
const MAX_TAG_CHARS = 16 << 20;

/** SIE 5 account types → SIE 4 #KTYP (statistics accounts have none). */
const ACCOUNT_TYPES: Readonly<Record<string, AccountType | null>> = {
  asset: 'T', liability: 'S', equity: 'S', cost: 'K', income: 'I', statistics: null,
};

/** Sections of a full file that hold nothing the records carry (customer and supplier ledgers, assets, documents). */
const IGNORED_SECTIONS = new Set([
  'CustomerInvoices', 'SupplierInvoices', 'FixedAssets', 'GeneralSubdividedAccount', 'Customers', 'Suppliers', 'AccountAggregations', 'Documents',
]);
/** Children that are known and carry nothing for the records. */
const QUIET = new Set([
  'LockingInfo', 'VoucherReference', 'CorrectedBy', 'OriginalEntryInfo', 'ForeignCurrencyAmount', 'SubdividedAccountObjectReference',
]);

/** "-1234.5" → -123450 öre, exactly (no float); null when it is not an xsd:decimal with at most two non-zero decimals. */
export function parseDecimalOre(text: string): { ore: number } | { error: 'invalid' | 'decimals' | 'large' } {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (m === null) return { error: 'invalid' };
  const whole = m[2] ?? '';
  const fraction = m[3] ?? '';
  if (whole === '' && fraction === '') return { error: 'invalid' };
  if (/[^0]/.test(fraction.slice(2))) return { error: 'decimals' };
  const digits = `${whole}${fraction.slice(0, 2).padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return { error: 'large' };
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { error: 'large' };
  return { ore: m[1] === '-' && value !== 0 ? -value : value };
}

type FiscalYearSeen = { start: Period; end: Period; primary: boolean; line: number };
type YearSpan = { index: number; first: Period; last: Period };
type BalancePoint = {
  kind: 'open' | 'close' | 'budget'; month: Period; amount: Ore; quantity: string | null; objects: ObjectRef[]; line: number; ok: boolean;
};
type Entry = {
  series: string; number: string; date: Day; text: string; line: number; registered: Day | null; sign: string;
  emitted: boolean; sum: number; rows: number; broken: boolean;
};
type Row = {
  account: string; amount: number; objects: ObjectRef[]; date: Day | null; text: string; quantity: string | null; sign: string;
  removed: boolean; added: boolean; line: number; ok: boolean;
};
type Frame =
  | { kind: 'root' | 'fileinfo' | 'fiscalyears' | 'accounts' | 'dimensions' | 'skip' | 'leaf' }
  | { kind: 'account'; id: string; result: boolean; points: BalancePoint[] }
  | { kind: 'balance'; point: BalancePoint }
  | { kind: 'dimension'; dim: number }
  | { kind: 'journal'; series: string }
  | { kind: 'entry'; entry: Entry }
  | { kind: 'ledger'; row: Row };

/** Reads a SIE 5 file (`<Sie>` or `<SieEntry>`), handing every record to `visitor` in file order. */
export async function parseSie5(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, visitor: SieVisitor, options: SieReadOptions = {},
): Promise<SieReadSummary> {
  return parseSie5Core(source, visitor, null, options);
}

/** The same, with counted voucher rows as columns per batch (parseSieBatch's contract). */
export async function parseSie5Batch(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, visitor: SieBatchVisitor, options: SieReadOptions = {},
): Promise<SieReadSummary> {
  return parseSie5Core(source, visitor.record, visitor.rows, options);
}

const attr = (tag: SaxesTagNS, name: string): string | null => tag.attributes[name]?.value ?? null;

function declaredEncoding(head: Uint8Array): { encoding: SieEncoding; label: string } | { refused: string } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', label: 'utf-8' };
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) {
    return { refused: 'Filen är kodad som UTF-16; Ramplan läser SIE 5 i UTF-8 (eller ISO-8859-1). Exportera den igen i UTF-8.' };
  }
  const text = new TextDecoder('latin1').decode(head.subarray(0, 512));
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(text)?.[1]?.toLowerCase();
  if (declared === undefined || declared === 'utf-8' || declared === 'utf8') return { encoding: 'utf-8', label: 'utf-8' };
  if (['iso-8859-1', 'iso-8859-15', 'latin1', 'latin-1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii'].includes(declared)) {
    return { encoding: 'windows-1252', label: 'windows-1252' };
  }
  return { refused: `Filen anger teckenkodningen ${declared}, som Ramplan inte läser; SIE 5 ska vara UTF-8. Exportera den igen i UTF-8.` };
}

/** saxes' English messages, in Swedish where they are common (the detail kept otherwise). */
function xmlMessage(raw: string): string {
  const m = raw.replace(/^[^:]*:?\d+:\d+: /, '');
  let r: RegExpExecArray | null;
  if ((r = /^unclosed tag: (.*)$/.exec(m)) !== null) return `filen slutar innan elementet <${r[1] ?? ''}> avslutas: den är avkortad`;
  if (m === 'unexpected end.' || m.startsWith('document must contain a root element')) return 'filen slutar mitt i XML-strukturen: den är avkortad';
  if ((r = /^unmatched closing tag: (.*)\.?$/.exec(m)) !== null) return `sluttaggen </${(r[1] ?? '').replace(/\.$/, '')}> passar inte ihop med någon öppnad tagg`;
  if ((r = /^duplicate attribute: (.*?)\.?$/.exec(m)) !== null) return `attributet ${r[1] ?? ''} står två gånger i samma element`;
  if ((r = /^unbound namespace prefix: (.*?)\.?$/.exec(m)) !== null) return `namnrymdsprefixet ${r[1] ?? ''} är inte deklarerat`;
  const known: Record<string, string> = {
    'text data outside of root node.': 'text utanför rotelementet <Sie>',
    'documents may contain only one root.': 'mer än ett rotelement',
    'attribute without value.': 'ett attribut saknar värde',
    'unquoted attribute value.': 'ett attributvärde står utan citattecken',
    'value must be quoted.': 'ett attributvärde står utan citattecken',
    'no whitespace between attributes.': 'attributen skiljs inte åt av mellanslag',
    'malformed character entity.': 'felaktig teckenreferens (&#…;)',
    'empty entity name.': 'ett & som inte inleder en teckenreferens (skrivs &amp;)',
    'malformed comment.': 'felaktig kommentar',
    'unexpected close tag.': 'en sluttagg utan öppnad tagg',
    'disallowed character.': 'otillåtet tecken',
    'disallowed character in tag name.': 'otillåtet tecken i ett elementnamn',
    'disallowed character in attribute name.': 'otillåtet tecken i ett attributnamn',
    'disallowed character in closing tag.': 'otillåtet tecken i en sluttagg',
  };
  const sv = known[m];
  if (sv !== undefined) return sv;
  if (m.startsWith('disallowed character')) return `otillåtet tecken (${m})`;
  return `XML-filen är inte korrekt (${m})`;
}

async function parseSie5Core(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  visitor: SieVisitor,
  rowsVisitor: ((batch: SieTransBatch) => void) | null,
  options: SieReadOptions,
): Promise<SieReadSummary> {
  const problems = createProblemList(options.problemLimit);
  const report = (level: ProblemLevel, code: string, line: number | null, message: string): void => problems.add(level, code, line, message);
  const counts: Partial<Record<SieLabel, number>> = {};
  const unknown = new Map<string, Tally>();
  const aggregated = new Map<string, Tally>();
  let pending: Promise<void>[] = [];

  // Batch mode: counted rows as columns with interned accounts and object lists (0 is `{}`).
  const accountIds = new Map<string, number>();
  const accountNames: string[] = [];
  const listIds = new Map<readonly ObjectRef[], number>([[NO_OBJECTS, 0]]);
  const objectLists: Array<readonly ObjectRef[]> = [NO_OBJECTS];
  const batch = newTransBatch(accountNames, objectLists);
  let inVisitor = false;
  const flush = (): void => {
    if (batch.count === 0 || rowsVisitor === null) return;
    inVisitor = true;
    rowsVisitor(batch);
    inVisitor = false;
    batch.count = 0;
  };
  const dayInt = (d: string): number => Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));
  let voucherDate = 0;

  const emit = (r: SieRecord): void => {
    counts[r.label] = (counts[r.label] ?? 0) + 1;
    if (rowsVisitor !== null) {
      switch (r.label) {
        case 'TRANS': case 'RTRANS': {
          let a = accountIds.get(r.account);
          if (a === undefined) { a = accountNames.length; accountIds.set(r.account, a); accountNames.push(r.account); }
          let o = listIds.get(r.objects);
          if (o === undefined) { o = objectLists.length; listIds.set(r.objects, o); objectLists.push(r.objects); }
          const n = batch.count;
          batch.account[n] = a; batch.objects[n] = o; batch.amount[n] = r.amount;
          batch.date[n] = r.date === null ? 0 : dayInt(r.date); batch.voucherDate[n] = voucherDate; batch.line[n] = r.line;
          batch.count = n + 1;
          if (n + 1 === BATCH_ROWS) flush();
          return;
        }
        case 'VER': voucherDate = dayInt(r.date); return;
        case 'BTRANS': case 'VER_END': return;
        default: flush();
      }
    }
    inVisitor = true;
    const p = visitor(r);
    inVisitor = false;
    if (p !== undefined) pending.push(p);
  };

  // The same object list is the same frozen array (the collector remembers lists by identity).
  const lists = new Map<string, readonly ObjectRef[]>();
  const internList = (objects: readonly ObjectRef[]): readonly ObjectRef[] => {
    if (objects.length === 0) return NO_OBJECTS;
    const key = internKey(objects);
    let l = lists.get(key);
    if (l === undefined) {
      l = Object.freeze(objects.map((o) => Object.freeze({ dim: o.dim, id: o.id })));
      if (lists.size < 100_000) lists.set(key, l);
    }
    return l;
  };

  let root = null as 'Sie' | 'SieEntry' | null;
  let rootUri = SIE5_NAMESPACE;
  let broken = false as boolean;
  let companyName: string | null = null;
  let orgNumber: string | null = null;
  let software: string | null = null;
  const fiscalSeen: FiscalYearSeen[] = [];
  let years: YearSpan[] = [];
  let signatureLine = null as number | null;

  const yearOf = (p: Period): YearSpan | undefined => years.find((y) => p >= y.first && p <= y.last);

  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Frame[] = [];
  let tagLine = 1;
  let tagStartChars = -1;
  let chars = 0;

  const fail = (code: string, line: number | null, message: string): void => {
    report('error', code, line, line === null ? message : `Rad ${String(line)}: ${message}`);
  };
  const warn = (code: string, line: number, message: string): void => report('warning', code, line, `Rad ${String(line)}: ${message}`);

  const amountOf = (text: string | null, what: string, line: number): number | null => {
    if (text === null) { fail('amount-missing', line, `${what} saknar belopp (amount).`); return null; }
    const a = parseDecimalOre(text);
    if ('ore' in a) return a.ore;
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    if (a.error === 'decimals') fail('amount-decimals', line, `beloppet "${shown}" i ${what} har fler än två decimaler (öre).`);
    else if (a.error === 'large') fail('amount-too-large', line, `beloppet "${shown}" i ${what} är för stort.`);
    else fail('amount-invalid', line, `ogiltigt belopp "${shown}" i ${what} (skrivs som -1234.50).`);
    return null;
  };
  const monthOf = (text: string | null, what: string, line: number): Period | null => {
    const p = text === null ? null : parsePeriod(text.trim());
    if (p !== null && p.ok) return p.value;
    fail('month-invalid', line, `${what} har ${text === null ? 'ingen månad' : `ogiltig månad "${text.slice(0, 20)}"`} (skrivs ÅÅÅÅ-MM).`);
    return null;
  };
  const dimOf = (text: string | null, what: string, line: number): number | null => {
    const t = (text ?? '').trim();
    if (/^\d{1,9}$/.test(t) && Number(t) > 0) return Number(t);
    fail('dimension-invalid', line, `${what} har ${text === null ? 'ingen dimension' : `ogiltig dimension "${t.slice(0, 20)}"`} (ett heltal, t.ex. 1 för kostnadsställe, 6 för projekt).`);
    return null;
  };

  const finishYears = (): void => {
    const valid = fiscalSeen.filter((y) => y.start <= y.end).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    let primary = valid.findIndex((y) => y.primary);
    if (primary < 0) primary = valid.length - 1;
    years = valid.map((y, i) => ({ index: i - primary, first: y.start, last: y.end }));
    for (const [i, y] of valid.entries()) {
      const fy = fiscalYearFrom(y.start, y.end);
      if (!fy.ok) warn('fiscal-year', y.line, `${fy.error}.`);
      emit({ label: 'RAR', line: y.line, yearIndex: i - primary, start: `${y.start}-01` as Day, end: lastDay(y.end) });
    }
  };

  const finishAccount = (a: Extract<Frame, { kind: 'account' }>): void => {
    // Budgets: one month each. Balances: opening at a year's first month → #IB, closing at its last
    // month → #UB (#RES for result accounts); a month's change → #PSALDO where both ends are known.
    const groups = new Map<string, BalancePoint[]>();
    for (const p of a.points) {
      if (!p.ok) continue;
      if (p.kind === 'budget') {
        const y = yearOf(p.month);
        if (y === undefined) tally(aggregated, 'warning|period-outside-year|Budget för månader utanför filens räkenskapsår har årsindex 0; månaden på raden gäller', p.line, 10);
        emit({ label: 'PBUDGET', line: p.line, yearIndex: y?.index ?? 0, period: p.month, account: a.id, objects: internList(p.objects), amount: p.amount as Ore, quantity: p.quantity });
        continue;
      }
      const key = internKey(p.objects);
      const g = groups.get(key);
      if (g) g.push(p); else groups.set(key, [p]);
    }
    for (const points of groups.values()) {
      const objects = internList(points[0]?.objects ?? []);
      const endOf = new Map<Period, { amount: number; used: boolean }>(); // balance at the end of a month
      const closings: BalancePoint[] = [];
      for (const p of points) {
        if (p.kind === 'open') {
          const y = years.find((s) => s.first === p.month);
          if (y !== undefined) {
            emit(objects.length === 0
              ? { label: 'IB', line: p.line, yearIndex: y.index, account: a.id, amount: p.amount, quantity: p.quantity }
              : { label: 'OIB', line: p.line, yearIndex: y.index, account: a.id, objects, amount: p.amount, quantity: p.quantity });
          }
          endOf.set(previousPeriod(p.month), { amount: p.amount, used: y !== undefined });
        } else {
          closings.push(p);
          const before = endOf.get(p.month);
          endOf.set(p.month, { amount: p.amount, used: before?.used ?? false });
        }
      }
      for (const p of closings) {
        const y = years.find((s) => s.last === p.month);
        let used = false;
        if (y !== undefined) {
          used = true;
          if (objects.length > 0) emit({ label: 'OUB', line: p.line, yearIndex: y.index, account: a.id, objects, amount: p.amount, quantity: p.quantity });
          else emit({ label: a.result ? 'RES' : 'UB', line: p.line, yearIndex: y.index, account: a.id, amount: p.amount, quantity: p.quantity });
        }
        const inYear = yearOf(p.month);
        const base = a.result && inYear !== undefined && inYear.first === p.month ? { amount: 0, used: true } : endOf.get(previousPeriod(p.month));
        if (base !== undefined && inYear !== undefined) {
          used = true;
          base.used = true;
          emit({ label: 'PSALDO', line: p.line, yearIndex: inYear.index, period: p.month, account: a.id, objects, amount: (p.amount - base.amount) as Ore, quantity: null });
        }
        if (!used) tally(aggregated, 'warning|balance-unused|Utgående saldon för månader som varken är räkenskapsårets sista eller följer på en känd månad har inte lästs in', p.line, 10);
      }
    }
  };

  const emitVoucher = (e: Entry): void => {
    if (e.emitted) return;
    e.emitted = true;
    emit({ label: 'VER', line: e.line, series: e.series, number: e.number, date: e.date, text: e.text, registered: e.registered, sign: e.sign });
  };

  const finishRow = (entry: Entry | null, r: Row): void => {
    if (entry === null || entry.broken) return;
    if (!r.ok) { entry.broken = true; return; }
    emitVoucher(entry);
    const label: TransRecord['label'] = r.removed ? 'BTRANS' : r.added ? 'RTRANS' : 'TRANS';
    if (!r.removed) { entry.sum += r.amount; entry.rows++; }
    emit({ label, line: r.line, account: r.account, objects: internList(r.objects), amount: r.amount as Ore, date: r.date, text: r.text, quantity: r.quantity, sign: r.sign });
  };

  const finishEntry = (e: Entry, line: number): void => {
    if (e.broken) {
      if (e.emitted) emit({ label: 'VER_END', line, sum: e.sum as Ore, rows: e.rows });
      return;
    }
    emitVoucher(e);
    if (e.sum !== 0) {
      fail('voucher-unbalanced', e.line,
        `verifikation ${[e.series, e.number].filter((x) => x !== '').join(' ') || '(utan nummer)'} den ${e.date} balanserar inte: raderna summerar till ${krText(e.sum as Ore)}.`);
    }
    emit({ label: 'VER_END', line, sum: e.sum as Ore, rows: e.rows });
  };

  const unknownElement = (name: string, line: number): Frame => {
    if (unknown.size < 200 || unknown.has(name)) tally(unknown, name, line, 10);
    return { kind: 'skip' };
  };

  /** The frame of a new element inside `parent`; records of elements without children are emitted here. */
  const open = (tag: SaxesTagNS, parent: Frame | undefined, line: number): Frame => {
    const name = tag.local;
    if (parent === undefined) {
      if (name !== 'Sie' && name !== 'SieEntry') {
        fail('refused-xml', line, `filen är XML men inte SIE 5: rotelementet är <${tag.name.slice(0, 60)}>, inte <Sie> eller <SieEntry>.`);
        broken = true;
        return { kind: 'skip' };
      }
      root = name;
      rootUri = tag.uri;
      if (tag.uri !== SIE5_NAMESPACE) warn('sie5-namespace', line, `rotelementet har namnrymden "${tag.uri.slice(0, 80)}", inte ${SIE5_NAMESPACE}; filen läses ändå som SIE 5.`);
      return { kind: 'root' };
    }
    if (parent.kind === 'skip' || parent.kind === 'leaf') return { kind: 'skip' };
    if (tag.uri !== rootUri) {
      if (name === 'Signature' && tag.uri === XMLDSIG_NAMESPACE) {
        signatureLine ??= line;
        return { kind: 'skip' };
      }
      return unknownElement(tag.name, line);
    }
    switch (parent.kind) {
      case 'root':
        switch (name) {
          case 'FileInfo': return { kind: 'fileinfo' };
          case 'Accounts': return { kind: 'accounts' };
          case 'Dimensions': return { kind: 'dimensions' };
          case 'Journal': return { kind: 'journal', series: (attr(tag, 'id') ?? '').trim() };
          default: return IGNORED_SECTIONS.has(name) ? { kind: 'skip' } : unknownElement(name, line);
        }
      case 'fileinfo':
        switch (name) {
          case 'SoftwareProduct': {
            const n = attr(tag, 'name') ?? '';
            const v = attr(tag, 'version') ?? '';
            software = [n, v].filter((x) => x !== '').join(' ') || null;
            emit({ label: 'PROGRAM', line, name: n, version: v });
            return { kind: 'leaf' };
          }
          case 'FileCreation': {
            const time = attr(tag, 'time') ?? '';
            const d = parseDay(time.slice(0, 10));
            if (d.ok) emit({ label: 'GEN', line, date: d.value, sign: attr(tag, 'by') ?? '' });
            else warn('date-invalid', line, `FileCreation har ogiltig tid "${time.slice(0, 40)}"; skapandedatumet saknas.`);
            return { kind: 'leaf' };
          }
          case 'Company': {
            const n = attr(tag, 'name');
            const o = attr(tag, 'organizationId');
            const c = attr(tag, 'clientId');
            if (n !== null) { companyName = n.trim() || null; emit({ label: 'FNAMN', line, name: n }); }
            if (o !== null) { orgNumber = o.trim() || null; emit({ label: 'ORGNR', line, orgNumber: o }); }
            if (c !== null) emit({ label: 'FNR', line, companyId: c });
            return { kind: 'leaf' };
          }
          case 'FiscalYears': return { kind: 'fiscalyears' };
          case 'AccountingCurrency': {
            const c = attr(tag, 'currency');
            if (c !== null) emit({ label: 'VALUTA', line, currency: c });
            return { kind: 'leaf' };
          }
          default: return unknownElement(name, line);
        }
      case 'fiscalyears': {
        if (name !== 'FiscalYear') return unknownElement(name, line);
        const start = monthOf(attr(tag, 'start'), 'FiscalYear', line);
        const end = monthOf(attr(tag, 'end'), 'FiscalYear', line);
        if (start !== null && end !== null) {
          if (end < start) fail('fiscal-year', line, `räkenskapsåret slutar (${end}) före det börjar (${start}).`);
          else fiscalSeen.push({ start, end, primary: attr(tag, 'primary') === 'true' || attr(tag, 'primary') === '1', line });
        }
        return { kind: 'leaf' };
      }
      case 'accounts': {
        if (name !== 'Account') return unknownElement(name, line);
        const id = (attr(tag, 'id') ?? '').trim();
        if (id === '') { fail('account-missing', line, 'kontot (Account) saknar nummer (id).'); return { kind: 'skip' }; }
        const typeText = attr(tag, 'type');
        const type = typeText === null ? undefined : ACCOUNT_TYPES[typeText];
        if (typeText !== null && type === undefined) warn('account-type', line, `kontot ${id} har en okänd typ "${typeText.slice(0, 20)}"; typen bestäms av kontonumret.`);
        emit({ label: 'KONTO', line, account: id, name: attr(tag, 'name') ?? '' });
        if (type !== undefined && type !== null) emit({ label: 'KTYP', line, account: id, accountType: type });
        const unit = attr(tag, 'unit');
        if (unit !== null) emit({ label: 'ENHET', line, account: id, unit });
        const c = id.charCodeAt(0) - 48;
        const result = type === 'I' || type === 'K' || ((type === undefined || type === null) && c >= 3 && c <= 8);
        return { kind: 'account', id, result, points: [] };
      }
      case 'account': {
        const kind = name === 'OpeningBalance' || name === 'OpeningBalanceMultidim' ? 'open'
          : name === 'ClosingBalance' || name === 'ClosingBalanceMultidim' ? 'close'
            : name === 'Budget' || name === 'BudgetMultidim' ? 'budget' : null;
        if (kind === null) return unknownElement(name, line);
        const month = monthOf(attr(tag, 'month'), name, line);
        const amount = amountOf(attr(tag, 'amount'), name, line);
        const point: BalancePoint = {
          kind, month: month ?? ('' as Period), amount: (amount ?? 0) as Ore, quantity: attr(tag, 'quantity'), objects: [], line,
          ok: month !== null && amount !== null,
        };
        parent.points.push(point);
        return { kind: 'balance', point };
      }
      case 'balance': {
        if (name === 'ObjectReference') {
          const dim = dimOf(attr(tag, 'dimId'), 'ObjectReference', line);
          if (dim === null) parent.point.ok = false;
          else parent.point.objects.push({ dim, id: attr(tag, 'objectId') ?? '' });
          return { kind: 'leaf' };
        }
        return QUIET.has(name) ? { kind: 'skip' } : unknownElement(name, line);
      }
      case 'dimensions': {
        if (name !== 'Dimension') return unknownElement(name, line);
        const dim = dimOf(attr(tag, 'id'), 'Dimension', line);
        if (dim === null) return { kind: 'skip' };
        emit({ label: 'DIM', line, dim, name: attr(tag, 'name') ?? '' });
        return { kind: 'dimension', dim };
      }
      case 'dimension': {
        if (name !== 'Object') return unknownElement(name, line);
        emit({ label: 'OBJEKT', line, dim: parent.dim, id: attr(tag, 'id') ?? '', name: attr(tag, 'name') ?? '' });
        return { kind: 'leaf' };
      }
      case 'journal': {
        if (name !== 'JournalEntry') return unknownElement(name, line);
        const dateText = attr(tag, 'journalDate');
        const d = parseDay(dateText ?? '');
        const entry: Entry = {
          series: parent.series, number: (attr(tag, 'id') ?? '').trim(), date: (d.ok ? d.value : '') as Day, text: attr(tag, 'text') ?? '', line,
          registered: null, sign: '', emitted: false, sum: 0, rows: 0, broken: !d.ok,
        };
        if (!d.ok) fail('date-invalid', line, `verifikationen (JournalEntry) har ${dateText === null ? 'inget datum (journalDate)' : `ogiltigt datum "${dateText.slice(0, 30)}"`} (skrivs ÅÅÅÅ-MM-DD).`);
        return { kind: 'entry', entry };
      }
      case 'entry': {
        const e = parent.entry;
        if (name === 'EntryInfo') {
          const d = parseDay(attr(tag, 'date') ?? '');
          if (d.ok) e.registered = d.value;
          e.sign = attr(tag, 'by') ?? '';
          return { kind: 'leaf' };
        }
        if (name === 'LedgerEntry') {
          const account = (attr(tag, 'accountId') ?? '').trim();
          if (account === '') fail('account-missing', line, 'raden (LedgerEntry) saknar konto (accountId).');
          const amount = amountOf(attr(tag, 'amount'), 'LedgerEntry', line);
          const dateText = attr(tag, 'ledgerDate');
          let date: Day | null = null;
          if (dateText !== null) {
            const d = parseDay(dateText);
            if (d.ok) date = d.value;
            else warn('date-invalid', line, `raden har ogiltigt datum "${dateText.slice(0, 30)}" (ledgerDate); verifikationens datum gäller.`);
          }
          const row: Row = {
            account, amount: amount ?? 0, objects: [], date, text: attr(tag, 'text') ?? '', quantity: attr(tag, 'quantity'), sign: '',
            removed: false, added: false, line, ok: account !== '' && amount !== null,
          };
          return { kind: 'ledger', row };
        }
        return QUIET.has(name) ? { kind: 'skip' } : unknownElement(name, line);
      }
      case 'ledger': {
        const r = parent.row;
        switch (name) {
          case 'ObjectReference': {
            const dim = dimOf(attr(tag, 'dimId'), 'ObjectReference', line);
            if (dim === null) r.ok = false;
            else r.objects.push({ dim, id: attr(tag, 'objectId') ?? '' });
            return { kind: 'leaf' };
          }
          // A struck-out row (#BTRANS): kept as history, not counted.
          case 'Overstrike': r.removed = true; r.sign = attr(tag, 'by') ?? r.sign; return { kind: 'leaf' };
          // A row registered apart from its entry (#RTRANS): counted.
          case 'EntryInfo': r.added = true; if (!r.removed) r.sign = attr(tag, 'by') ?? ''; return { kind: 'leaf' };
          default: return QUIET.has(name) ? { kind: 'skip' } : unknownElement(name, line);
        }
      }
      default: return { kind: 'skip' };
    }
  };

  const close = (frame: Frame, line: number): void => {
    switch (frame.kind) {
      case 'fiscalyears': finishYears(); return;
      case 'account': finishAccount(frame); return;
      case 'ledger': {
        const parent = stack[stack.length - 1];
        finishRow(parent?.kind === 'entry' ? parent.entry : null, frame.row);
        return;
      }
      case 'entry': finishEntry(frame.entry, line); return;
      default: return;
    }
  };

  // saxes reads a bare `&` as the start of an entity and reports only where the file ends; the first
  // one that is not a reference is remembered, and named when the parser then fails.
  let bareAmpersand = null as number | null;
  const ENTITY = /^&(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);/;
  let ampersandTail = null as { text: string; line: number } | null; // an `&` at the end of a chunk, judged with the next
  const watchAmpersands = (s: string, final: boolean): void => {
    if (ampersandTail !== null) {
      const t = ampersandTail;
      ampersandTail = null;
      if (!ENTITY.test(t.text + s.slice(0, 64))) { bareAmpersand = t.line; return; }
    }
    for (let i = s.indexOf('&'); i >= 0 && bareAmpersand === null; i = s.indexOf('&', i + 1)) {
      const line = parser.line + countNewlines(s, i);
      if (!final && i + 64 > s.length) { ampersandTail = { text: s.slice(i), line }; return; }
      if (!ENTITY.test(s.slice(i, i + 64))) bareAmpersand = line;
    }
  };
  parser.on('error', (e) => {
    if (broken) return;
    broken = true;
    if (bareAmpersand !== null) fail('xml-invalid', bareAmpersand, 'ett & som inte inleder en teckenreferens (skrivs &amp;).');
    else fail('xml-invalid', parser.line, `${xmlMessage(e.message)}.`);
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
    tagStartChars = chars;
  });
  parser.on('opentag', (tag) => {
    tagStartChars = -1;
    if (broken) return;
    if (stack.length >= MAX_DEPTH) {
      broken = true;
      fail('xml-too-deep', tagLine, `elementen är nästlade djupare än ${String(MAX_DEPTH)} nivåer: filen är inte SIE 5.`);
      return;
    }
    stack.push(open(tag, stack[stack.length - 1], tagLine));
  });
  parser.on('closetag', () => {
    if (broken) return;
    const frame = stack.pop();
    if (frame !== undefined) close(frame, parser.line);
  });

  // saxes reports through the error handler; anything it throws all the same becomes one error, never a crash.
  const write = (s: string | null): void => {
    try {
      if (s === null) parser.close(); else parser.write(s);
    } catch (error) {
      if (inVisitor) throw error; // the consumer's own failure goes to the caller, as from parseSie
      if (!broken) fail('xml-invalid', parser.line, `${xmlMessage(error instanceof Error ? error.message : String(error))}.`);
      broken = true;
    }
  };

  // Bytes → text → parser, a chunk at a time. The first bytes decide the encoding.
  let bytes = 0;
  let newlines = 0;
  let lastByte = -1;
  let text = null as TextDecoder | null;
  let encoding = null as SieEncoding | null;
  let head: Uint8Array[] | null = [];
  let headBytes = 0;
  const fffd: Tally = { count: 0, firstLine: 0, lines: [] };
  const badText: Tally = { count: 0, firstLine: 0, lines: [] };

  const feed = (chunk: Uint8Array, final: boolean): void => {
    if (text === null) {
      const e = declaredEncoding(chunk);
      if ('refused' in e) { report('error', 'encoding-unsupported', null, e.refused); broken = true; }
      else { encoding = e.encoding; text = new TextDecoder(e.label); }
    }
    if (broken || text === null) return;
    let s = text.decode(chunk, { stream: !final });
    if (chars === 0) {
      // Blank lines before the declaration (XML allows none): the declaration is blanked out instead, lines kept.
      const m = /^(\s+)(<\?xml[^>]*>)/.exec(s);
      if (m !== null) s = `${m[1] ?? ''}${' '.repeat((m[2] ?? '').length)}${s.slice(m[0].length)}`;
    }
    if (s.includes('\uFFFD')) {
      const line = parser.line + countNewlines(s, s.indexOf('\uFFFD'));
      const already = hasReplacementBytes(chunk);
      const t = already ? fffd : badText;
      t.count++;
      if (t.lines.length < 10) t.lines.push(line);
    }
    chars += s.length;
    if (bareAmpersand === null && (ampersandTail !== null || s.includes('&'))) watchAmpersands(s, final);
    write(s);
    if (tagStartChars >= 0 && chars - tagStartChars > MAX_TAG_CHARS && !broken) {
      broken = true;
      fail('line-too-long', tagLine, `elementet är längre än ${String(MAX_TAG_CHARS >> 20)} MiB: filen är inte SIE 5 eller är skadad.`);
    }
  };

  for await (const raw of source) {
    if (raw.length === 0) continue;
    bytes += raw.length;
    for (let i = raw.indexOf(0x0a); i >= 0; i = raw.indexOf(0x0a, i + 1)) newlines++;
    lastByte = raw[raw.length - 1] ?? -1;
    if (head !== null) {
      head.push(raw);
      headBytes += raw.length;
      if (headBytes < 1024) continue;
      const first = concat(head);
      head = null;
      feed(first, false);
    } else {
      feed(raw, false);
    }
    flush();
    options.onProgress?.(bytes);
    if (pending.length > 0) {
      const all = pending;
      pending = [];
      await Promise.all(all);
    }
  }
  if (head !== null) { feed(concat(head), false); options.onProgress?.(bytes); }
  if (!broken && text !== null) {
    const rest = text.decode();
    if (rest !== '') write(rest);
  }
  if (bareAmpersand === null && ampersandTail !== null) watchAmpersands('', true);
  if (!broken) write(null);
  if (!broken && root === null) fail('xml-invalid', null, 'Filen innehåller inget SIE 5-element (<Sie> eller <SieEntry>).');

  if (signatureLine !== null) {
    warn('sie5-signature', signatureLine, 'filen är signerad (XMLDSig), men signaturen kontrolleras inte: att innehållet är oförändrat sedan exporten är inte intygat.');
  }
  if (fffd.count > 0) {
    report('error', 'text-destroyed', fffd.lines[0] ?? null,
      `Texten är redan förstörd (ersättningstecknet U+FFFD) på rad ${lineList(fffd.lines, fffd.count)}: tecken som å, ä och ö har gått förlorade före exporten och kan inte återskapas. Be om en ny export från bokföringssystemet.`);
  }
  if (badText.count > 0) report('warning', 'utf8-invalid', badText.lines[0] ?? null, `Ogiltig UTF-8 på rad ${lineList(badText.lines, badText.count)}; tecknen har ersatts.`);
  for (const [key, a] of aggregated) {
    const [level, code, message] = key.split('|') as [ProblemLevel, string, string];
    report(level, code, a.firstLine, `${message} (${String(a.count)} ${a.count === 1 ? 'rad' : 'rader'}, första på rad ${String(a.firstLine)}).`);
  }
  for (const [name, u] of unknown) {
    report('warning', 'unknown-element', u.firstLine, `Okänt element <${name}> ignoreras (${String(u.count)} ${u.count === 1 ? 'gång' : 'gånger'}, första på rad ${String(u.firstLine)}).`);
  }
  flush();
  if (pending.length > 0) await Promise.all(pending);

  const sie5: Sie5Summary | null = root === null ? null : {
    root, companyName, orgNumber, software, fiscalYears: fiscalSeen.map((y) => ({ start: y.start, end: y.end })),
  };
  return {
    format: 'sie5',
    sieType: null,
    encoding,
    checksum: { state: 'absent' },
    problems: problems.finish(),
    hasErrors: problems.errorCount() > 0,
    counts,
    unknownLabels: [...unknown].map(([label, u]) => ({ label, count: u.count, firstLine: u.firstLine })),
    bytes,
    lines: newlines + (lastByte >= 0 && lastByte !== 0x0a ? 1 : 0),
    sie5,
  };
}

function internKey(objects: readonly ObjectRef[]): string {
  return objects.map((o) => `${String(o.dim)}\u0000${o.id}`).join('\u0001');
}

function lastDay(p: Period): Day {
  return dayBefore(`${nextPeriod(p)}-01`);
}

function dayBefore(first: string): Day {
  const d = new Date(`${first}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10) as Day;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] ?? new Uint8Array(0);
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0 && i < end; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function hasReplacementBytes(b: Uint8Array): boolean {
  for (let i = 0; i + 2 < b.length; i++) if (b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) return true;
  return false;
}
