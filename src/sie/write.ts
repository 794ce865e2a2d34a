// SieModel → a SIE file of type 1, 2, 3 or 4E in CP437 (the only encoding the specification allows),
// with #KSUMMA unless turned off. What the chosen type cannot hold is left out and counted, and every
// character CP437 lacks is replaced and reported, so the caller can tell the user.
import type { Ore } from '../domain/money.ts';
import type { Day } from '../domain/period.ts';
import { createSieEncoder } from './encode.ts';
import type { SieReplacement } from './encode.ts';
import type { SieModel } from './model.ts';
import type { SieLabel, SieRecord } from './records.ts';

export type SieWriteType = 1 | 2 | 3 | '4E';

export type SieWriteOptions = {
  readonly type: SieWriteType;
  /** #KSUMMA (default true). */
  readonly checksum?: boolean;
  readonly program: { readonly name: string; readonly version: string };
  /** #GEN: passed in, since the library has no clock. */
  readonly generatedAt: Day;
  readonly generatedBy?: string;
};

export type SieWriteResult = {
  readonly bytes: Uint8Array;
  readonly replacements: readonly SieReplacement[];
  /** Rows of the model the chosen type has no place for (e.g. #PSALDO in type 1). */
  readonly omitted: Readonly<Partial<Record<SieLabel, number>>>;
};

const at = { line: 0 } as const;

/** The records of the model in the order the specification lists them, for the given type. */
export function* modelRecords(
  model: SieModel, options: SieWriteOptions, omitted: Partial<Record<SieLabel, number>> = {},
): Generator<SieRecord> {
  const type = options.type;
  const level = type === '4E' ? 4 : type;
  const skip = (label: SieLabel, n: number): void => {
    if (n > 0) omitted[label] = (omitted[label] ?? 0) + n;
  };
  const c = model.company;
  yield { ...at, label: 'FLAGGA', flag: 0 };
  yield { ...at, label: 'PROGRAM', name: options.program.name, version: options.program.version };
  yield { ...at, label: 'FORMAT', format: 'PC8' };
  yield { ...at, label: 'GEN', date: options.generatedAt, sign: options.generatedBy ?? '' };
  yield { ...at, label: 'SIETYP', sieType: level };
  if (c.comment !== null) yield { ...at, label: 'PROSA', text: c.comment };
  if (c.companyType !== null) yield { ...at, label: 'FTYP', companyType: c.companyType };
  if (c.companyId !== null) yield { ...at, label: 'FNR', companyId: c.companyId };
  if (c.orgNumber !== null) yield { ...at, label: 'ORGNR', orgNumber: c.orgNumber };
  if (c.name !== null) yield { ...at, label: 'FNAMN', name: c.name };
  if (c.address !== null) yield { ...at, label: 'ADRESS', ...c.address };
  for (const y of model.fiscalYears) yield { ...at, label: 'RAR', ...y };
  if (c.taxYear !== null) yield { ...at, label: 'TAXAR', year: c.taxYear };
  if (model.cutoff !== null) yield { ...at, label: 'OMFATTN', date: model.cutoff };
  if (c.chartType !== null) yield { ...at, label: 'KPTYP', chartType: c.chartType };
  if (c.currency !== null) yield { ...at, label: 'VALUTA', currency: c.currency };

  for (const a of model.accounts) {
    if (a.name !== null) yield { ...at, label: 'KONTO', account: a.account, name: a.name };
    if (a.type !== null) yield { ...at, label: 'KTYP', account: a.account, accountType: a.type };
    if (a.unit !== null) yield { ...at, label: 'ENHET', account: a.account, unit: a.unit };
    if (a.sru !== null) yield { ...at, label: 'SRU', account: a.account, sru: a.sru };
  }
  if (level >= 3) {
    for (const d of model.dimensions) {
      if (d.parent === null) yield { ...at, label: 'DIM', dim: d.dim, name: d.name };
      else yield { ...at, label: 'UNDERDIM', dim: d.dim, name: d.name, parent: d.parent };
    }
    for (const o of model.objects) yield { ...at, label: 'OBJEKT', ...o };
  } else {
    skip('DIM', model.dimensions.length);
    skip('OBJEKT', model.objects.length);
  }

  for (const b of model.balances) yield { ...at, ...b };
  if (level >= 3) {
    for (const b of model.objectBalances) yield { ...at, ...b, label: b.label === 'IB' ? 'OIB' : 'OUB' };
  } else {
    skip('OIB', model.objectBalances.filter((b) => b.label === 'IB').length);
    skip('OUB', model.objectBalances.filter((b) => b.label === 'UB').length);
  }

  if (level >= 2) {
    for (const p of model.periodBalances) yield { ...at, label: 'PSALDO', ...p };
    if (level >= 3) for (const p of model.objectPeriodBalances) yield { ...at, label: 'PSALDO', ...p };
    else skip('PSALDO', model.objectPeriodBalances.length);
    for (const p of model.periodBudgets) yield { ...at, label: 'PBUDGET', ...p };
    if (level >= 3) for (const p of model.objectPeriodBudgets) yield { ...at, label: 'PBUDGET', ...p };
    else skip('PBUDGET', model.objectPeriodBudgets.length);
  } else {
    skip('PSALDO', model.periodBalances.length + model.objectPeriodBalances.length);
    skip('PBUDGET', model.periodBudgets.length + model.objectPeriodBudgets.length);
  }

  if (level === 4) {
    for (const v of model.vouchers) {
      const { rows, ...head } = v;
      yield { ...at, label: 'VER', ...head };
      let sum = 0;
      for (const row of rows) {
        if (row.label !== 'BTRANS') sum += row.amount;
        yield { ...at, ...row };
      }
      yield { ...at, label: 'VER_END', sum: sum as Ore, rows: rows.length };
    }
  } else {
    skip('VER', model.vouchers.length);
  }
}

export function writeSie(model: SieModel, options: SieWriteOptions): SieWriteResult {
  const chunks: Uint8Array[] = [];
  const omitted: Partial<Record<SieLabel, number>> = {};
  const encoder = createSieEncoder({ checksum: options.checksum ?? true, onChunk: (c) => chunks.push(c) });
  for (const r of modelRecords(model, options, omitted)) encoder.write(r);
  encoder.end();
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return { bytes, replacements: encoder.replacements, omitted };
}
