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
  let bits = initialBits;
  let mask = (1 << bits) - 1;
  let his = new Int32Array(1 << bits).fill(-1);
  let los = new Int32Array(1 << bits);
  let sums = new Float64Array(1 << bits);
  let size = 0;
  const slotOf = (hi: number, lo: number): number => {
    let h = Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h & mask;
  };
  const grow = (): void => {
    const oldHis = his;
    const oldLos = los;
    const oldSums = sums;
    bits++;
    mask = (1 << bits) - 1;
    his = new Int32Array(1 << bits).fill(-1);
    los = new Int32Array(1 << bits);
    sums = new Float64Array(1 << bits);
    for (let i = 0; i < oldHis.length; i++) {
      const hi = oldHis[i]!;
      if (hi < 0) continue;
      const lo = oldLos[i]!;
      let slot = slotOf(hi, lo);
      while (his[slot] !== -1) slot = (slot + 1) & mask;
      his[slot] = hi;
      los[slot] = lo;
      sums[slot] = oldSums[i]!;
    }
  };
  const addPair = (hi: number, lo: number, amount: number): void => {
    let slot = slotOf(hi, lo);
    for (;;) {
      const h = his[slot]!;
      if (h === hi && los[slot] === lo) { sums[slot] = sums[slot]! + amount; return; }
      if (h === -1) break;
      slot = (slot + 1) & mask;
    }
    his[slot] = hi;
    los[slot] = lo;
    sums[slot] = amount;
    size++;
    if (size * 2 > his.length) grow();
  };
  const forEachPair = (visit: (hi: number, lo: number, amount: number) => void): void => {
    for (let i = 0; i < his.length; i++) {
      const hi = his[i]!;
      if (hi >= 0) visit(hi, los[i]!, sums[i]!);
    }
  };
  return { addPair, size: () => size, forEachPair };
}

const PERIODS = 1024;
const OBJECT_KEYS = 1 << 22;

export function createSieCollector(): SieCollector {
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
  const periodIds = new Map<number, number>(); // YYYYMM → id
  const periodList: Period[] = [];
  let lastMonth = -1;
  let lastPeriodId = -1;
  const periodIdOf = (yyyymm: number): number => {
    if (yyyymm === lastMonth) return lastPeriodId;
    let id = periodIds.get(yyyymm);
    if (id === undefined) {
      id = periodList.length;
      if (id >= PERIODS) throw new RangeError('Verifikationerna spänner över fler än 1024 månader.');
      periodIds.set(yyyymm, id);
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
  const sums = createSumTable();
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
    for (let i = 0; i < batch.count; i++) {
      const a = batch.account[i]!;
      const o = batch.objects[i]!;
      if (a >= batchAccounts.length) batchAccounts = widened(batchAccounts, a);
      if (o >= batchLists.length) batchLists = widened(batchLists, o);
      let accountId = batchAccounts[a]!;
      if (accountId < 0) { accountId = accountIdOf(batch.accounts[a] ?? ''); batchAccounts[a] = accountId; }
      let objectKey = batchLists[o]!;
      if (objectKey < 0) {
        const list = batch.objectLists[o] ?? [];
        objectKey = list.length === 0 ? 0 : objectKeyOf(list);
        batchLists[o] = objectKey;
      }
      const vd = batch.voucherDate[i]!;
      const period = periodIdOf((vd - (vd % 100)) / 100);
      voucherRows++;
      sums.addPair(accountId * PERIODS + period, objectKey, batch.amount[i]!);
    }
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
