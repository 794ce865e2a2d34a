// What an import keeps of a SIE file while it streams past: the header, the chart, the objects, the
// balances and period rows (small in every real file), and the voucher rows summed per account ×
// month × cost centre × project (the one part that can be millions of rows, folded into sums as it
// arrives, so memory grows with the distinct keys, not with the rows). Pure: records in, data out.
import type { Ore } from '../domain/money.ts';
import type { Day, Period } from '../domain/period.ts';
import type { AccountType, ObjectRef, SieRecord, SieTransBatch } from '../sie/index.ts';

export type CollectedPeriodRow = {
  readonly yearIndex: number; readonly period: Period; readonly account: string; readonly objects: readonly ObjectRef[]; readonly amount: Ore;
};
export type CollectedBalance = {
  readonly kind: 'IB' | 'UB' | 'RES' | 'OIB' | 'OUB'; readonly yearIndex: number; readonly account: string;
  readonly objects: readonly ObjectRef[]; readonly amount: Ore;
};

export type SieCollected = {
  readonly program: string | null;
  readonly generated: Day | null;
  readonly companyName: string | null;
  readonly orgNumber: string | null;
  readonly fiscalYears: ReadonlyMap<number, { readonly start: Day; readonly end: Day }>;
  readonly accounts: ReadonlyMap<string, { readonly name: string | null; readonly type: AccountType | null }>;
  readonly dimensions: ReadonlyMap<number, string>;
  /** dim → id → name */
  readonly objects: ReadonlyMap<number, ReadonlyMap<string, string>>;
  readonly balances: readonly CollectedBalance[];
  readonly psaldo: readonly CollectedPeriodRow[];
  readonly pbudget: readonly CollectedPeriodRow[];
  readonly vouchers: number;
  readonly voucherRows: number;
  /** The voucher rows' sums in the file's sign (debit positive), as ids into the table's lists. */
  readonly voucherTable: () => VoucherTable;
  readonly voucherKeys: number;
};

export type VoucherTable = {
  readonly accounts: readonly string[];
  readonly periods: readonly Period[];
  /** Cost centre and project of each object key ('' when absent); key 0 has neither. */
  readonly objectKeys: ReadonlyArray<{ readonly unit: string; readonly project: string }>;
  forEach(visit: (account: number, period: number, objectKey: number, amount: number) => void): void;
};


export type SieCollector = {
  readonly visit: (r: SieRecord) => void;
  /** The batch reader's voucher rows (parseSieBatch); the same sums as TRANS records through visit. */
  readonly rows: (batch: SieTransBatch) => void;
  /** `vouchers`: the reader's count of #VER, which the batch reader does not hand over. */
  readonly finish: (vouchers?: number) => SieCollected;
};

/**
 * Sums keyed by (account, month, cost centre + project), in an open-addressing table of typed arrays:
 * half a million keys cost 16 bytes each, not a Map entry and a boxed number. A key is a pair of
 * small integers (`hi` < 2^31, `lo` < 2^22), hashed with integer multiplies.
 */
export type SumTable = {
  addPair(hi: number, lo: number, amount: number): void;
  readonly size: () => number;
  forEachPair(visit: (hi: number, lo: number, amount: number) => void): void;
};

export function createSumTable(initialBits = 12): SumTable {
  // One array, three numbers per slot (hi, lo, sum): a probe touches one cache line, not three arrays.
  let bits = initialBits;
  let mask = (1 << bits) - 1;
  let cells = new Float64Array(3 << bits).fill(-1);
  let size = 0;
  const slotOf = (hi: number, lo: number): number => {
    let h = Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h & mask;
  };
  const grow = (): void => {
    const old = cells;
    bits++;
    mask = (1 << bits) - 1;
    cells = new Float64Array(3 << bits).fill(-1);
    for (let i = 0; i < old.length; i += 3) {
      const hi = old[i]!;
      if (hi < 0) continue;
      const lo = old[i + 1]!;
      let slot = slotOf(hi, lo);
      while (cells[slot * 3] !== -1) slot = (slot + 1) & mask;
      const c = slot * 3;
      cells[c] = hi;
      cells[c + 1] = lo;
      cells[c + 2] = old[i + 2]!;
    }
  };
  const addPair = (hi: number, lo: number, amount: number): void => {
    let c = slotOf(hi, lo) * 3;
    for (;;) {
      const h = cells[c]!;
      if (h === hi && cells[c + 1] === lo) { cells[c + 2] = cells[c + 2]! + amount; return; }
      if (h === -1) break;
      c = c + 3 === cells.length ? 0 : c + 3;
    }
    cells[c] = hi;
    cells[c + 1] = lo;
    cells[c + 2] = amount;
    size++;
    if (size * 6 > cells.length) grow();
  };
  const forEachPair = (visit: (hi: number, lo: number, amount: number) => void): void => {
    for (let i = 0; i < cells.length; i += 3) {
      const hi = cells[i]!;
      if (hi >= 0) visit(hi, cells[i + 1]!, cells[i + 2]!);
    }
  };
  return { addPair, size: () => size, forEachPair };
}

const PERIODS = 1024;
const OBJECT_KEYS = 1 << 22;

/**
 * `fileBytes`, when known, sizes the sum table from the start instead of doubling it from 4 096 slots:
 * about one distinct key per 150 bytes of file (the benchmark's file: 402 454 keys in 59.5 MB), at most
 * 2^20 slots (24 MiB); a file with more keys grows it as before.
 */
export function createSieCollector(fileBytes = 0): SieCollector {
  let program: string | null = null;
  let generated: Day | null = null;
  let companyName: string | null = null;
  let orgNumber: string | null = null;
  const fiscalYears = new Map<number, { start: Day; end: Day }>();
  const accounts = new Map<string, { name: string | null; type: AccountType | null }>();
  const dimensions = new Map<number, string>();
  const objects = new Map<number, Map<string, string>>();
  const balances: CollectedBalance[] = [];
  const psaldo: CollectedPeriodRow[] = [];
  const pbudget: CollectedPeriodRow[] = [];

  // Voucher sums: (account, month) → (cost centre, project) → öre, all keys small integers.
  const accountIds = new Map<string, number>();
  const accountList: string[] = [];
  const periodList: Period[] = [];
  // YYYYMM → period id: an array indexed by year × 12 + month − 1 (one read per row, no Map); a month
  // outside 1–12, which no valid date gives, in a Map.
  const periodByMonth = new Int32Array(10_000 * 12).fill(-1);
  const otherPeriods = new Map<number, number>();
  let lastMonth = -1;
  let lastPeriodId = -1;
  const periodIdOf = (yyyymm: number): number => {
    if (yyyymm === lastMonth) return lastPeriodId;
    const year = (yyyymm / 100) | 0;
    const month = yyyymm - year * 100;
    const slot = month >= 1 && month <= 12 && year >= 0 && year < 10_000 ? year * 12 + month - 1 : -1;
    let id = slot >= 0 ? periodByMonth[slot]! : (otherPeriods.get(yyyymm) ?? -1);
    if (id < 0) {
      id = periodList.length;
      if (id >= PERIODS) throw new RangeError('Verifikationerna spänner över fler än 1024 månader.');
      if (slot >= 0) periodByMonth[slot] = id;
      else otherPeriods.set(yyyymm, id);
      periodList.push(`${String(Math.floor(yyyymm / 100))}-${String(yyyymm % 100).padStart(2, '0')}` as Period);
    }
    lastMonth = yyyymm;
    lastPeriodId = id;
    return id;
  };
  // The batch reader's ids → this collector's: accounts and object lists (-1: not yet seen).
  let batchAccounts: Int32Array = new Int32Array(256).fill(-1);
  let batchLists: Int32Array = new Int32Array(256).fill(-1);
  const widened = (a: Int32Array, n: number): Int32Array => {
    if (n < a.length) return a;
    let size = a.length;
    while (size <= n) size *= 2;
    const b = new Int32Array(size).fill(-1);
    b.set(a);
    return b;
  };
  const objectKeyIds = new Map<string, number>();
  const objectKeyList: Array<{ unit: string; project: string }> = [];
  // The reader hands out the same array for the same object list bytes (its cache): remember by identity.
  let objectsSeen = new Map<readonly ObjectRef[], number>();
  const sums = createSumTable(Math.min(20, Math.max(12, Math.ceil(Math.log2(Math.max(1, (2 * fileBytes) / 150))))));
  let periodId = -1;
  let vouchers = 0;
  let voucherRows = 0;

  const objectKeyOf = (list: readonly ObjectRef[]): number => {
    const seen = objectsSeen.get(list);
    if (seen !== undefined) return seen;
    let unit = '';
    let project = '';
    for (const o of list) {
      if (o.dim === 1) unit = o.id;
      else if (o.dim === 6) project = o.id;
    }
    const key = `${unit}\u0000${project}`;
    let id = objectKeyIds.get(key);
    if (id === undefined) {
      id = objectKeyList.length;
      if (id >= OBJECT_KEYS) throw new RangeError('För många olika kombinationer av kostnadsställe och projekt.');
      objectKeyIds.set(key, id);
      objectKeyList.push({ unit, project });
    }
    if (objectsSeen.size > 100_000) objectsSeen = new Map();
    objectsSeen.set(list, id);
    return id;
  };

  const visit = (r: SieRecord): void => {
    switch (r.label) {
      case 'TRANS':
      case 'RTRANS': {
        if (periodId < 0) return;
        voucherRows++;
        const accountId = accountIdOf(r.account);
        const objectKey = r.objects.length === 0 ? 0 : objectKeyOf(r.objects);
        sums.addPair(accountId * PERIODS + periodId, objectKey, r.amount);
        return;
      }
      case 'VER': {
        vouchers++;
        periodId = periodIdOf(Number(r.date.slice(0, 4)) * 100 + Number(r.date.slice(5, 7)));
        return;
      }
      case 'VER_END': periodId = -1; return;
      case 'BTRANS': return;
      case 'PSALDO': case 'PBUDGET':
        (r.label === 'PSALDO' ? psaldo : pbudget).push({ yearIndex: r.yearIndex, period: r.period, account: r.account, objects: r.objects, amount: r.amount });
        return;
      case 'IB': case 'UB': case 'RES':
        balances.push({ kind: r.label, yearIndex: r.yearIndex, account: r.account, objects: [], amount: r.amount });
        return;
      case 'OIB': case 'OUB':
        balances.push({ kind: r.label, yearIndex: r.yearIndex, account: r.account, objects: r.objects, amount: r.amount });
        return;
      case 'PROGRAM': program = [r.name, r.version].filter((x) => x !== '').join(' ') || null; return;
      case 'GEN': generated = r.date; return;
      case 'FNAMN': companyName = r.name.trim() || null; return;
      case 'ORGNR': orgNumber = r.orgNumber.trim() || null; return;
      case 'RAR': fiscalYears.set(r.yearIndex, { start: r.start, end: r.end }); return;
      case 'KONTO': {
        const a = accounts.get(r.account);
        accounts.set(r.account, { name: r.name, type: a?.type ?? null });
        return;
      }
      case 'KTYP': {
        const a = accounts.get(r.account);
        accounts.set(r.account, { name: a?.name ?? null, type: r.accountType });
        return;
      }
      case 'DIM': dimensions.set(r.dim, r.name); return;
      case 'OBJEKT': {
        let m = objects.get(r.dim);
        if (m === undefined) { m = new Map(); objects.set(r.dim, m); }
        m.set(r.id, r.name);
        return;
      }
      default: return;
    }
  };

  const accountIdOf = (account: string): number => {
    let id = accountIds.get(account);
    if (id === undefined) {
      id = accountList.length;
      accountIds.set(account, id);
      accountList.push(account);
    }
    return id;
  };

  const rows = (batch: SieTransBatch): void => {
    const n = batch.count;
    const accounts = batch.account;
    const lists = batch.objects;
    const dates = batch.voucherDate;
    const amounts = batch.amount;
    let byAccount = batchAccounts;
    let byList = batchLists;
    for (let i = 0; i < n; i++) {
      const a = accounts[i]!;
      const o = lists[i]!;
      if (a >= byAccount.length) byAccount = batchAccounts = widened(byAccount, a);
      if (o >= byList.length) byList = batchLists = widened(byList, o);
      let accountId = byAccount[a]!;
      if (accountId < 0) { accountId = accountIdOf(batch.accounts[a] ?? ''); byAccount[a] = accountId; }
      let objectKey = byList[o]!;
      if (objectKey < 0) {
        const list = batch.objectLists[o] ?? [];
        objectKey = list.length === 0 ? 0 : objectKeyOf(list);
        byList[o] = objectKey;
      }
      const period = periodIdOf((dates[i]! / 100) | 0); // YYYYMMDD → YYYYMM
      sums.addPair(accountId * PERIODS + period, objectKey, amounts[i]!);
    }
    voucherRows += n;
  };

  objectKeyIds.set('\u0000', 0);
  objectKeyList.push({ unit: '', project: '' });

  const finish = (voucherCount?: number): SieCollected => ({
    program, generated, companyName, orgNumber, fiscalYears, accounts, dimensions, objects, balances, psaldo, pbudget,
    vouchers: voucherCount ?? vouchers, voucherRows, voucherKeys: sums.size(),
    voucherTable: () => ({
      accounts: accountList, periods: periodList, objectKeys: objectKeyList,
      forEach(visit) {
        sums.forEachPair((outer, objectKey, amount) => {
          const period = outer % PERIODS;
          visit((outer - period) / PERIODS, period, objectKey, amount);
        });
      },
    }),
  });
  return { visit, rows, finish };
}
