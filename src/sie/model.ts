// The whole file as plain data, for small files, inspection and tests; a large file's vouchers and
// period rows should be streamed with parseSie instead. In type 3 the account totals (`{}` rows) and
// their breakdown by object are kept in separate lists, so that nobody adds the two together.
import type { Ore } from '../domain/money.ts';
import type { Day, Period } from '../domain/period.ts';
import type { AccountType, ObjectRef, SieRecord } from './records.ts';
import type { SieType } from './parse.ts';

export type SieCompany = {
  readonly name: string | null;
  readonly orgNumber: string | null;
  readonly companyType: string | null;
  readonly companyId: string | null;
  readonly address: { readonly contact: string; readonly street: string; readonly postal: string; readonly phone: string } | null;
  readonly chartType: string | null;
  readonly currency: string | null;
  readonly taxYear: number | null;
  readonly comment: string | null;
};

/** `name` null: the file has no #KONTO for it (only #SRU, #KTYP or balances). */
export type SieAccount = {
  readonly account: string;
  readonly name: string | null;
  readonly type: AccountType | null;
  readonly sru: string | null;
  readonly unit: string | null;
};

export type SieFiscalYear = { readonly yearIndex: number; readonly start: Day; readonly end: Day };
export type SieDimension = { readonly dim: number; readonly name: string; readonly parent: number | null };
export type SieObject = { readonly dim: number; readonly id: string; readonly name: string };

export type SieBalance = {
  readonly label: 'IB' | 'UB' | 'RES';
  readonly yearIndex: number;
  readonly account: string;
  readonly amount: Ore;
  readonly quantity: string | null;
};

export type SieObjectBalance = {
  readonly label: 'IB' | 'UB';
  readonly yearIndex: number;
  readonly account: string;
  readonly objects: readonly ObjectRef[];
  readonly amount: Ore;
  readonly quantity: string | null;
};

/** One month's change of an account (`objects` empty) or of an object slice of it. */
export type SiePeriodAmount = {
  readonly yearIndex: number;
  readonly period: Period;
  readonly account: string;
  readonly objects: readonly ObjectRef[];
  readonly amount: Ore;
  readonly quantity: string | null;
};

export type SieVoucherRow = {
  readonly label: 'TRANS' | 'RTRANS' | 'BTRANS';
  readonly account: string;
  readonly objects: readonly ObjectRef[];
  readonly amount: Ore;
  readonly date: Day | null;
  readonly text: string;
  readonly quantity: string | null;
  readonly sign: string;
};

export type SieVoucher = {
  readonly series: string;
  readonly number: string;
  readonly date: Day;
  readonly text: string;
  readonly registered: Day | null;
  readonly sign: string;
  readonly rows: readonly SieVoucherRow[];
};

export type SieModel = {
  readonly sieType: SieType | null;
  readonly program: { readonly name: string; readonly version: string } | null;
  readonly generated: { readonly date: Day; readonly sign: string } | null;
  readonly company: SieCompany;
  readonly fiscalYears: readonly SieFiscalYear[];
  /** #OMFATTN: the date up to which the actuals run. */
  readonly cutoff: Day | null;
  readonly accounts: readonly SieAccount[];
  readonly dimensions: readonly SieDimension[];
  readonly objects: readonly SieObject[];
  readonly balances: readonly SieBalance[];
  readonly objectBalances: readonly SieObjectBalance[];
  /** #PSALDO {}: account totals per month. */
  readonly periodBalances: readonly SiePeriodAmount[];
  /** #PSALDO with objects: the breakdown of those totals (never to be added to them). */
  readonly objectPeriodBalances: readonly SiePeriodAmount[];
  readonly periodBudgets: readonly SiePeriodAmount[];
  readonly objectPeriodBudgets: readonly SiePeriodAmount[];
  readonly vouchers: readonly SieVoucher[];
};

export function emptyCompany(): SieCompany {
  return {
    name: null, orgNumber: null, companyType: null, companyId: null, address: null,
    chartType: null, currency: null, taxYear: null, comment: null,
  };
}

export function emptyModel(): SieModel {
  return {
    sieType: null, program: null, generated: null, company: emptyCompany(), fiscalYears: [], cutoff: null,
    accounts: [], dimensions: [], objects: [], balances: [], objectBalances: [], periodBalances: [],
    objectPeriodBalances: [], periodBudgets: [], objectPeriodBudgets: [], vouchers: [],
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** A visitor that builds the model; `finish` hands it over. */
export function createModelBuilder(): { visit: (r: SieRecord) => void; finish: (sieType: SieType | null) => SieModel } {
  const m = emptyModel() as Mutable<SieModel>;
  const company = emptyCompany() as Mutable<SieCompany>;
  const accounts = new Map<string, Mutable<SieAccount>>();
  let voucher: (Omit<SieVoucher, 'rows'> & { rows: SieVoucherRow[] }) | null = null;

  const account = (id: string): Mutable<SieAccount> => {
    let a = accounts.get(id);
    if (a === undefined) {
      a = { account: id, name: null, type: null, sru: null, unit: null };
      accounts.set(id, a);
    }
    return a;
  };

  const visit = (r: SieRecord): void => {
    switch (r.label) {
      case 'FLAGGA': case 'FORMAT': case 'SIETYP': return;
      case 'PROGRAM': m.program = { name: r.name, version: r.version }; return;
      case 'GEN': m.generated = { date: r.date, sign: r.sign }; return;
      case 'FNAMN': company.name = r.name; return;
      case 'ORGNR': company.orgNumber = r.orgNumber; return;
      case 'FTYP': company.companyType = r.companyType; return;
      case 'FNR': company.companyId = r.companyId; return;
      case 'ADRESS': company.address = { contact: r.contact, street: r.street, postal: r.postal, phone: r.phone }; return;
      case 'KPTYP': company.chartType = r.chartType; return;
      case 'VALUTA': company.currency = r.currency; return;
      case 'TAXAR': company.taxYear = r.year; return;
      case 'PROSA': company.comment = r.text; return;
      case 'RAR': m.fiscalYears.push({ yearIndex: r.yearIndex, start: r.start, end: r.end }); return;
      case 'OMFATTN': m.cutoff = r.date; return;
      case 'KONTO': account(r.account).name = r.name; return;
      case 'KTYP': account(r.account).type = r.accountType; return;
      case 'SRU': account(r.account).sru = r.sru; return;
      case 'ENHET': account(r.account).unit = r.unit; return;
      case 'DIM': m.dimensions.push({ dim: r.dim, name: r.name, parent: null }); return;
      case 'UNDERDIM': m.dimensions.push({ dim: r.dim, name: r.name, parent: r.parent }); return;
      case 'OBJEKT': m.objects.push({ dim: r.dim, id: r.id, name: r.name }); return;
      case 'IB': case 'UB': case 'RES':
        m.balances.push({ label: r.label, yearIndex: r.yearIndex, account: r.account, amount: r.amount, quantity: r.quantity });
        return;
      case 'OIB': case 'OUB':
        m.objectBalances.push({
          label: r.label === 'OIB' ? 'IB' : 'UB', yearIndex: r.yearIndex, account: r.account, objects: r.objects, amount: r.amount, quantity: r.quantity,
        });
        return;
      case 'PSALDO': case 'PBUDGET': {
        const row: SiePeriodAmount = {
          yearIndex: r.yearIndex, period: r.period, account: r.account, objects: r.objects, amount: r.amount, quantity: r.quantity,
        };
        const totals = r.objects.length === 0;
        if (r.label === 'PSALDO') (totals ? m.periodBalances : m.objectPeriodBalances).push(row);
        else (totals ? m.periodBudgets : m.objectPeriodBudgets).push(row);
        return;
      }
      case 'VER':
        voucher = { series: r.series, number: r.number, date: r.date, text: r.text, registered: r.registered, sign: r.sign, rows: [] };
        m.vouchers.push(voucher);
        return;
      case 'TRANS': case 'RTRANS': case 'BTRANS':
        voucher?.rows.push({
          label: r.label, account: r.account, objects: r.objects, amount: r.amount, date: r.date, text: r.text, quantity: r.quantity, sign: r.sign,
        });
        return;
      case 'VER_END': voucher = null; return;
    }
  };

  return {
    visit,
    finish(sieType) {
      m.sieType = sieType;
      m.company = company;
      m.accounts = [...accounts.values()];
      return m;
    },
  };
}
