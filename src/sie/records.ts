// The records of a SIE 1–4 file as the reader hands them over one at a time and the writer takes
// them. The discriminant is the SIE label itself, so the code reads like the specification.
import type { Ore } from '../domain/money.ts';
import type { Day, Period } from '../domain/period.ts';

/** One dimension/object pair of an object list: `{1 "100" 6 "P1"}` is two. Ids are text ("0012"). */
export type ObjectRef = { readonly dim: number; readonly id: string };

/** `{}`: the same frozen array every time, so account-level rows cost no allocation. */
export const NO_OBJECTS: readonly ObjectRef[] = Object.freeze([]);

type At = { readonly line: number };

export type SieHeaderRecord =
  | At & { readonly label: 'FLAGGA'; readonly flag: number }
  | At & { readonly label: 'FORMAT'; readonly format: string }
  | At & { readonly label: 'SIETYP'; readonly sieType: number }
  | At & { readonly label: 'PROGRAM'; readonly name: string; readonly version: string }
  | At & { readonly label: 'GEN'; readonly date: Day; readonly sign: string }
  | At & { readonly label: 'FNAMN'; readonly name: string }
  | At & { readonly label: 'ORGNR'; readonly orgNumber: string }
  | At & { readonly label: 'FTYP'; readonly companyType: string }
  | At & { readonly label: 'FNR'; readonly companyId: string }
  | At & { readonly label: 'ADRESS'; readonly contact: string; readonly street: string; readonly postal: string; readonly phone: string }
  | At & { readonly label: 'RAR'; readonly yearIndex: number; readonly start: Day; readonly end: Day }
  | At & { readonly label: 'TAXAR'; readonly year: number }
  | At & { readonly label: 'OMFATTN'; readonly date: Day }
  | At & { readonly label: 'VALUTA'; readonly currency: string }
  | At & { readonly label: 'KPTYP'; readonly chartType: string }
  | At & { readonly label: 'PROSA'; readonly text: string };

export type AccountType = 'T' | 'S' | 'K' | 'I';

export type SieChartRecord =
  | At & { readonly label: 'KONTO'; readonly account: string; readonly name: string }
  | At & { readonly label: 'KTYP'; readonly account: string; readonly accountType: AccountType }
  | At & { readonly label: 'SRU'; readonly account: string; readonly sru: string }
  | At & { readonly label: 'ENHET'; readonly account: string; readonly unit: string }
  | At & { readonly label: 'DIM'; readonly dim: number; readonly name: string }
  | At & { readonly label: 'UNDERDIM'; readonly dim: number; readonly name: string; readonly parent: number }
  | At & { readonly label: 'OBJEKT'; readonly dim: number; readonly id: string; readonly name: string };

/** #IB/#UB/#RES: account totals of year `yearIndex` (0 this year, -1 the one before). */
export type BalanceRecord = At & {
  readonly label: 'IB' | 'UB' | 'RES';
  readonly yearIndex: number;
  readonly account: string;
  readonly amount: Ore;
  readonly quantity: string | null;
};

/** #OIB/#OUB: the same per object; a breakdown of the account total, never added to it. */
export type ObjectBalanceRecord = At & {
  readonly label: 'OIB' | 'OUB';
  readonly yearIndex: number;
  readonly account: string;
  readonly objects: readonly ObjectRef[];
  readonly amount: Ore;
  readonly quantity: string | null;
};

/**
 * #PSALDO/#PBUDGET: the change of one month (not a running total). `objects` empty: the account
 * total; otherwise a breakdown of it. The period is the row's own YYYYMM: some producers tag earlier
 * years' months with year index 0, so the period, not the index, says which month it is.
 */
export type PeriodRecord = At & {
  readonly label: 'PSALDO' | 'PBUDGET';
  readonly yearIndex: number;
  readonly period: Period;
  readonly account: string;
  readonly objects: readonly ObjectRef[];
  readonly amount: Ore;
  readonly quantity: string | null;
};

/** #VER: opens a voucher; its rows follow, then VER_END. */
export type VoucherRecord = At & {
  readonly label: 'VER';
  readonly series: string;
  readonly number: string;
  readonly date: Day;
  readonly text: string;
  readonly registered: Day | null;
  readonly sign: string;
};

/**
 * A voucher row. TRANS counts; RTRANS (added afterwards) counts, and the TRANS copy that follows it
 * for old readers has already been dropped by the reader; BTRANS (removed) does not count.
 */
export type TransRecord = At & {
  readonly label: 'TRANS' | 'RTRANS' | 'BTRANS';
  readonly account: string;
  readonly objects: readonly ObjectRef[];
  readonly amount: Ore;
  readonly date: Day | null;
  readonly text: string;
  readonly quantity: string | null;
  readonly sign: string;
};

/** Not a SIE label: the `}` closing a voucher, with the sum of its counted rows (0 when balanced). */
export type VoucherEndRecord = At & { readonly label: 'VER_END'; readonly sum: Ore; readonly rows: number };

export type SieRecord =
  | SieHeaderRecord
  | SieChartRecord
  | BalanceRecord
  | ObjectBalanceRecord
  | PeriodRecord
  | VoucherRecord
  | TransRecord
  | VoucherEndRecord;

export type SieLabel = SieRecord['label'];

/** Whether a row counts in the ledger (BTRANS is a removed row, kept only as history). */
export function counts(t: TransRecord): boolean {
  return t.label !== 'BTRANS';
}
