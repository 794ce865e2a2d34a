// What an import keeps of a SIE file while it streams past: the header, the chart, the objects, the
// balances and period rows (small in every real file), and the voucher rows summed per account ×
// month × cost centre × project (the one part that can be millions of rows, folded into sums as it
// arrives, so memory grows with the distinct keys, not with the rows). Pure: records in, data out.
import type { Ore } from '../domain/money.ts';
import type { Day, Period } from '../domain/period.ts';
import type { AccountType, ObjectRef, SieRecord } from '../sie/index.ts';

export type CollectedPeriodRow = {
  readonly yearIndex: number; readonly period: Period; readonly account: string; readonly objects: readonly ObjectRef[]; readonly amount: Ore;
};
export type CollectedBalance = {
  readonly kind: 'IB' | 'UB' | 'RES' | 'OIB' | 'OUB'; readonly yearIndex: number; readonly account: string;
  readonly objects: readonly ObjectRef[]; readonly amount: Ore;
};
/** One sum of voucher rows, in the file's sign (debit positive). `unit`/`project`: '' when absent. */
export type VoucherSum = { readonly account: string; readonly period: Period; readonly unit: string; readonly project: string; readonly amount: Ore };

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
  readonly voucherSums: () => Iterable<VoucherSum>;
  readonly voucherKeys: number;
};

const MAX_OBJECT_KEYS = 1 << 22;

export type SieCollector = { readonly visit: (r: SieRecord) => void; readonly finish: () => SieCollected };

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
  const periodIds = new Map<string, number>();
  const periodList: Period[] = [];
  const objectKeyIds = new Map<string, number>();
  const objectKeyList: Array<{ unit: string; project: string }> = [];
  // The reader hands out the same array for the same object list bytes (its cache): remember by identity.
  let objectsSeen = new Map<readonly ObjectRef[], number>();
  const sums = new Map<number, Map<number, number>>();
  let periodId = -1;
  let vouchers = 0;
  let voucherRows = 0;
  let voucherKeys = 0;

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
      if (id >= MAX_OBJECT_KEYS) throw new RangeError('För många olika kombinationer av kostnadsställe och projekt.');
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
        let accountId = accountIds.get(r.account);
        if (accountId === undefined) {
          accountId = accountList.length;
          accountIds.set(r.account, accountId);
          accountList.push(r.account);
        }
        const outer = accountId * 1024 + periodId;
        let inner = sums.get(outer);
        if (inner === undefined) { inner = new Map(); sums.set(outer, inner); }
        const objectKey = r.objects.length === 0 ? 0 : objectKeyOf(r.objects);
        const before = inner.get(objectKey);
        if (before === undefined) { voucherKeys++; inner.set(objectKey, r.amount); } else inner.set(objectKey, before + r.amount);
        return;
      }
      case 'VER': {
        vouchers++;
        const period = r.date.slice(0, 7);
        let id = periodIds.get(period);
        if (id === undefined) {
          id = periodList.length;
          if (id >= 1024) throw new RangeError('Verifikationerna spänner över fler än 1024 månader.');
          periodIds.set(period, id);
          periodList.push(period as Period);
        }
        periodId = id;
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

  objectKeyIds.set('\u0000', 0);
  objectKeyList.push({ unit: '', project: '' });

  const finish = (): SieCollected => ({
    program, generated, companyName, orgNumber, fiscalYears, accounts, dimensions, objects, balances, psaldo, pbudget,
    vouchers, voucherRows, voucherKeys,
    voucherSums: function* () {
      for (const [outer, inner] of sums) {
        const account = accountList[Math.floor(outer / 1024)] ?? '';
        const period = periodList[outer % 1024] ?? ('' as Period);
        for (const [objectKey, amount] of inner) {
          const o = objectKeyList[objectKey] ?? { unit: '', project: '' };
          yield { account, period, unit: o.unit, project: o.project, amount: amount as Ore };
        }
      }
    },
  });
  return { visit, finish };
}
