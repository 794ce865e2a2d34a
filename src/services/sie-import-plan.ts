// From what a SIE file holds to what Ramplan stores: plan lines for the actuals and the budget, the
// accounts to add, and the reconciliation of vouchers, #PSALDO and #RES/#UB. Pure (no database): the
// service reads the tenant's chart and ranges, calls this, and writes the result.
//
// Decisions (README of this feature: src/services/sie-import.ts header):
// - Sign: SIE has debit positive, credit negative; Ramplan shows revenue and cost both positive. An
//   account whose category is a revenue category is negated, here and in the export, nowhere else.
// - Result accounts (#KTYP I/K, else classes 3–8) become plan lines. Balance accounts (classes 1–2,
//   #KTYP T/S) are not part of a plan: their movements and balances are kept in sie_balance.
// - An account no range maps is kept at account level under 'ej-mappad-intakt' (class 3) or
//   'ej-mappad-kostnad' and listed, so nothing is lost and the totals still add up.
// - Actuals come from the vouchers when the file has any, else from #PSALDO. In #PSALDO the `{}` row
//   is the account's total; object rows break it down by one shape only (cost centre + project, else
//   cost centre, else project); what the breakdown does not cover stays on the organisation itself.
import type { AccountRange, CategoryKind } from '../domain/category.ts';
import { categoryForAccount } from '../domain/category.ts';
import { formatKrExact } from '../domain/format.ts';
import type { Ore } from '../domain/money.ts';
import type { Day, Period } from '../domain/period.ts';
import type { AccountType, ObjectRef } from '../sie/index.ts';
import type { CollectedPeriodRow, SieCollected } from './sie-import-collect.ts';
import { createLineBuilder, type LineBuilder, type PlannedLine, type PlannedLines } from './sie-import-lines.ts';

export type { PlannedLine, PlannedLines } from './sie-import-lines.ts';

export const UNMAPPED_REVENUE = { code: 'ej-mappad-intakt', kind: 'revenue', name: 'Ej mappade intäktskonton', order: 990 } as const;
export const UNMAPPED_COST = { code: 'ej-mappad-kostnad', kind: 'cost', name: 'Ej mappade kostnadskonton', order: 991 } as const;

/** Ramplan's sign from the file's and back (the same negation both ways). */
export function ramplanSign(amount: Ore, kind: CategoryKind): Ore {
  return (kind === 'revenue' && amount !== 0 ? -amount : amount) as Ore;
}

export function isResultAccount(account: string, type: AccountType | null): boolean {
  if (type === 'I' || type === 'K') return true;
  if (type === 'T' || type === 'S') return false;
  const c = account.charCodeAt(0) - 48;
  return c >= 3 && c <= 8;
}

export type BalanceRow = {
  readonly kind: 'IB' | 'UB' | 'RES' | 'OIB' | 'OUB' | 'PSALDO' | 'VER';
  readonly yearIndex: number; readonly period: Period | null; readonly account: string; readonly objects: string; readonly amount: Ore;
};

export type ReconciliationCheck = { readonly name: string; readonly compared: number; readonly mismatches: number };

export type ImportPlan = {
  readonly fiscalYear: { readonly start: Day; readonly end: Day } | null;
  readonly actualsFrom: 'vouchers' | 'psaldo' | 'none';
  readonly actual: PlannedLines;
  readonly budget: PlannedLines;
  readonly newAccounts: ReadonlyArray<{ readonly code: string; readonly name: string; readonly category: string | null }>;
  readonly unmappedAccounts: ReadonlyArray<{ readonly code: string; readonly name: string; readonly category: string }>;
  readonly usedUnmapped: ReadonlyArray<typeof UNMAPPED_REVENUE | typeof UNMAPPED_COST>;
  readonly costCentres: ReadonlyMap<string, string>;
  readonly projects: ReadonlyMap<string, string>;
  readonly balanceRows: readonly BalanceRow[];
  readonly balanceAccountRows: number;
  readonly checks: readonly ReconciliationCheck[];
  /** Reconciliation mismatches and other notes, Swedish; warnings, never errors. */
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
  /** Each line of the actuals or the budget, as one reused object (copy what you keep). */
  forEachLine(which: 'actual' | 'budget', visit: (line: PlannedLine) => void): void;
};

export type ChartContext = {
  readonly ranges: readonly AccountRange[];
  readonly categoryKinds: ReadonlyMap<string, CategoryKind>;
  readonly accounts: ReadonlyMap<string, { readonly name: string; readonly category: string | null }>;
};

const objectsText = (objects: readonly ObjectRef[]): string => objects.map((o) => `${String(o.dim)}:${o.id}`).join(' ');
const kr = (o: number): string => formatKrExact(o as Ore);
const inYear = (p: Period, fy: { start: Day; end: Day } | null): boolean => fy === null || (p >= fy.start.slice(0, 7) && p <= fy.end.slice(0, 7));

/** The dimensions of an object list as a key ("1", "1 6", "7"), and how well it serves Ramplan (lower is better). */
function shapeOf(objects: readonly ObjectRef[]): string {
  return [...new Set(objects.map((o) => o.dim))].sort((a, b) => a - b).join(' ');
}
function shapeRank(shape: string): number {
  const dims = shape.split(' ');
  const unit = dims.includes('1');
  const project = dims.includes('6');
  return (unit && project ? 0 : unit ? 100 : project ? 200 : 300) + dims.length;
}

/**
 * Period rows of one year as lines in the file's sign. Producers differ in what `{}` and object rows
 * mean, so the reading is decided per account from the figures themselves:
 * - an object shape (set of dimensions) whose rows sum to the `{}` rows in every month is one of
 *   several complete breakdowns (BL, SIE-Gruppen's spec): the one with cost centre and project is used;
 * - `{}` rows plus all object rows summing to the year's #RES (or #UB − #IB) means `{}` holds only what
 *   has no object (Avendo): both are used;
 * - otherwise `{}` is the total and the object rows its disjoint parts (Ramplan's own export): the
 *   parts are used and the rest stays on the organisation itself.
 * Without `{}` rows, shapes with equal sums are alternatives (the best is used), else disjoint parts.
 * Dimensions other than 1 (cost centre) and 6 (project) are summed over.
 */
function periodLines(
  rows: readonly CollectedPeriodRow[], reference: ReadonlyMap<string, number>, notes: (m: string) => void, what: string,
): Array<Omit<PlannedLine, 'category'>> {
  const byAccount = new Map<string, CollectedPeriodRow[]>();
  for (const r of rows) {
    let list = byAccount.get(r.account);
    if (list === undefined) { list = []; byAccount.set(r.account, list); }
    list.push(r);
  }
  const sumsOf = (rs: readonly CollectedPeriodRow[]): Map<Period, number> => {
    const m = new Map<Period, number>();
    for (const r of rs) m.set(r.period, (m.get(r.period) ?? 0) + r.amount);
    return m;
  };
  const same = (a: ReadonlyMap<Period, number>, b: ReadonlyMap<Period, number>): boolean => {
    for (const p of new Set([...a.keys(), ...b.keys()])) if ((a.get(p) ?? 0) !== (b.get(p) ?? 0)) return false;
    return true;
  };
  const total = (m: ReadonlyMap<Period, number>): number => [...m.values()].reduce((x, y) => x + y, 0);
  const out: Array<Omit<PlannedLine, 'category'>> = [];
  let residualAccounts = 0;
  for (const [account, list] of byAccount) {
    const totalRows = list.filter((r) => r.objects.length === 0);
    const byShape = new Map<string, CollectedPeriodRow[]>();
    for (const r of list) {
      if (r.objects.length === 0) continue;
      const shape = shapeOf(r.objects);
      const l = byShape.get(shape);
      if (l) l.push(r); else byShape.set(shape, [r]);
    }
    const shapes = [...byShape.keys()].sort((a, b) => shapeRank(a) - shapeRank(b));
    const totals = sumsOf(totalRows);
    let parts: CollectedPeriodRow[] = [];
    let totalsArePart = false;
    if (shapes.length > 0) {
      const union = shapes.flatMap((s) => byShape.get(s) ?? []);
      const unionSums = sumsOf(union);
      const ref = reference.get(account);
      if (totalRows.length > 0) {
        const complete = shapes.find((s) => same(sumsOf(byShape.get(s) ?? []), totals));
        if (complete !== undefined) parts = byShape.get(complete) ?? [];
        else if (ref !== undefined && total(totals) !== ref && total(totals) + total(unionSums) === ref) { parts = union; totalsArePart = true; }
        else parts = union;
      } else {
        const first = byShape.get(shapes[0] ?? '') ?? [];
        const alternatives = shapes.length > 1 && shapes.every((s) => same(sumsOf(byShape.get(s) ?? []), sumsOf(first)));
        parts = alternatives ? first : union;
      }
    }
    const merged = new Map<string, { period: Period; unit: string; project: string | null; amount: number }>();
    const add = (period: Period, unit: string, project: string | null, amount: number): void => {
      const key = `${period}\u0000${unit}\u0000${project ?? ''}`;
      const p = merged.get(key);
      if (p) p.amount += amount; else merged.set(key, { period, unit, project, amount });
    };
    for (const r of parts) add(r.period, r.objects.find((o) => o.dim === 1)?.id ?? '', r.objects.find((o) => o.dim === 6)?.id ?? null, r.amount);
    const partSums = sumsOf(parts);
    let residual = false;
    for (const [period, t] of totals) {
      const rest = totalsArePart ? t : t - (partSums.get(period) ?? 0);
      if (rest === 0) continue;
      if (!totalsArePart && partSums.has(period)) residual = true;
      add(period, '', null, rest);
    }
    for (const p of merged.values()) if (p.amount !== 0) out.push({ account, period: p.period, unit: p.unit, project: p.project, amount: p.amount as Ore });
    if (residual) residualAccounts++;
  }
  if (residualAccounts > 0) {
    notes(`${what}: för ${String(residualAccounts)} konton täcker objektraderna inte hela kontots total ({}); resten ligger på organisationen utan kostnadsställe.`);
  }
  return out;
}

export function planSieImport(c: SieCollected, chart: ChartContext): ImportPlan {
  const warnings: string[] = [];
  const notes: string[] = [];
  const fy0 = c.fiscalYears.get(0) ?? null;

  // Actuals in the file's sign: the vouchers' sums (a table of ids, read twice below, never as
  // objects), else #PSALDO rows.
  const actualsFrom: ImportPlan['actualsFrom'] = c.vouchers > 0 ? 'vouchers' : c.psaldo.length > 0 ? 'psaldo' : 'none';
  const rawActuals: Array<Omit<PlannedLine, 'category'>> = [];
  const vouchers = actualsFrom === 'vouchers' ? c.voucherTable() : null;
  const voucherByAccountPeriod = new Map<string, number>();
  const voucherAccountUsed: boolean[] = [];
  if (vouchers !== null) {
    const movement = new Map<number, number>(); // account id × 1024 + period id → sum
    vouchers.forEach((account, period, _objects, amount) => {
      const k = account * 1024 + period;
      movement.set(k, (movement.get(k) ?? 0) + amount);
      if (amount !== 0) voucherAccountUsed[account] = true;
    });
    for (const [k, amount] of movement) {
      const period = k % 1024;
      voucherByAccountPeriod.set(`${vouchers.accounts[(k - period) / 1024] ?? ''}\u0000${vouchers.periods[period] ?? ''}`, amount);
    }
  } else if (actualsFrom === 'psaldo') {
    const thisYear = c.psaldo.filter((r) => (fy0 === null ? r.yearIndex === 0 : inYear(r.period, fy0)));
    const other = c.psaldo.length - thisYear.length;
    if (other > 0) notes.push(`${String(other)} #PSALDO-rader för andra räkenskapsår än år 0 sparas för avstämning men läses inte in som utfall.`);
    // What each account's year must sum to, where the file says: #RES 0, or #UB 0 − #IB 0.
    const reference = new Map<string, number>();
    for (const b of c.balances) if (b.yearIndex === 0 && b.kind === 'RES') reference.set(b.account, b.amount);
    const ib = new Map(c.balances.filter((b) => b.yearIndex === 0 && b.kind === 'IB').map((b) => [b.account, b.amount as number]));
    for (const b of c.balances) if (b.yearIndex === 0 && b.kind === 'UB') reference.set(b.account, b.amount - (ib.get(b.account) ?? 0));
    rawActuals.push(...periodLines(thisYear, reference, (m) => notes.push(m), '#PSALDO'));
  }
  const budgetRows = c.pbudget.filter((r) => (fy0 === null ? r.yearIndex === 0 : inYear(r.period, fy0)));
  if (budgetRows.length < c.pbudget.length) {
    notes.push(`${String(c.pbudget.length - budgetRows.length)} #PBUDGET-rader för andra räkenskapsår än år 0 läses inte in.`);
  }
  const rawBudget = periodLines(budgetRows, new Map(), (m) => notes.push(m), '#PBUDGET');

  // The chart: every account the file names or uses.
  const newAccounts: Array<{ code: string; name: string; category: string | null }> = [];
  const unmapped = new Map<string, { code: string; name: string; category: string }>();
  const categoryOf = new Map<string, { category: string; kind: CategoryKind } | null>();
  const nameOf = (code: string): string => c.accounts.get(code)?.name ?? chart.accounts.get(code)?.name ?? `Konto ${code}`;
  const accountCodes = new Set<string>([...c.accounts.keys(), ...rawActuals.map((l) => l.account), ...rawBudget.map((l) => l.account)]);
  if (vouchers !== null) vouchers.accounts.forEach((code, id) => { if (voucherAccountUsed[id] === true) accountCodes.add(code); });
  const usedUnmapped = new Set<typeof UNMAPPED_REVENUE | typeof UNMAPPED_COST>();
  for (const code of [...accountCodes].sort()) {
    if (!/^[0-9]{1,10}$/.test(code)) continue;
    const existing = chart.accounts.get(code);
    const mapped = existing?.category ?? categoryForAccount(code, chart.ranges) ?? null;
    if (existing === undefined) newAccounts.push({ code, name: nameOf(code), category: mapped });
    const type = c.accounts.get(code)?.type ?? null;
    if (!isResultAccount(code, type)) { categoryOf.set(code, null); continue; }
    const kind = mapped === null ? undefined : chart.categoryKinds.get(mapped);
    if (mapped !== null && kind !== undefined) { categoryOf.set(code, { category: mapped, kind }); continue; }
    const fallback = code.startsWith('3') ? UNMAPPED_REVENUE : UNMAPPED_COST;
    categoryOf.set(code, { category: fallback.code, kind: fallback.kind });
    unmapped.set(code, { code, name: nameOf(code), category: fallback.code });
  }

  let balanceAccountRows = 0;
  let badAccounts = 0;
  const noteUnmapped = (category: string): void => {
    if (category === UNMAPPED_REVENUE.code) usedUnmapped.add(UNMAPPED_REVENUE);
    else if (category === UNMAPPED_COST.code) usedUnmapped.add(UNMAPPED_COST);
  };
  const toLines = (raw: ReadonlyArray<Omit<PlannedLine, 'category'>>): PlannedLines => {
    const out = createLineBuilder(raw.length);
    for (const l of raw) {
      const cat = categoryOf.get(l.account);
      if (cat === undefined) { badAccounts++; continue; }
      if (cat === null) { balanceAccountRows++; continue; }
      noteUnmapped(cat.category);
      out.push(out.accountId(l.account), out.periodId(l.period), out.unitId(l.unit), out.projectId(l.project), out.categoryId(cat.category),
        ramplanSign(l.amount, cat.kind));
    }
    return out.finish();
  };
  const actual = vouchers !== null ? voucherLines(vouchers, categoryOf, noteUnmapped, (bad, balance) => { badAccounts += bad; balanceAccountRows += balance; })
    : toLines(rawActuals);
  const budget = toLines(rawBudget);
  const costCentres = new Map<string, string>();
  const projects = new Map<string, string>();
  for (const lines of [actual, budget]) {
    for (const u of lines.units) if (u !== '') costCentres.set(u, c.objects.get(1)?.get(u) ?? u);
    for (const p of lines.projects) if (p !== null) projects.set(p, c.objects.get(6)?.get(p) ?? p);
  }
  const usedAccounts = new Set([...actual.accounts, ...budget.accounts]);
  if (badAccounts > 0) warnings.push(`${String(badAccounts)} rader har ett kontonummer som inte är siffror och har inte lästs in.`);

  // What is kept for reconciliation, in the file's sign.
  const balanceRows: BalanceRow[] = [];
  for (const b of c.balances) balanceRows.push({ kind: b.kind, yearIndex: b.yearIndex, period: null, account: b.account, objects: objectsText(b.objects), amount: b.amount });
  for (const r of c.psaldo) balanceRows.push({ kind: 'PSALDO', yearIndex: r.yearIndex, period: r.period, account: r.account, objects: objectsText(r.objects), amount: r.amount });
  for (const [k, amount] of voucherByAccountPeriod) {
    const [account = '', period = ''] = k.split('\u0000');
    balanceRows.push({ kind: 'VER', yearIndex: 0, period: period as Period, account, objects: '', amount: amount as Ore });
  }

  const checks = reconcile(c, fy0, actualsFrom, voucherByAccountPeriod, rawActuals, warnings);
  if (balanceAccountRows > 0) {
    notes.push(`Balanskonton (klass 1–2) är inte utfall i en plan: deras ${String(balanceAccountRows)} summor per månad sparas för avstämning.`);
  }
  return {
    fiscalYear: fy0, actualsFrom, actual, budget, newAccounts, unmappedAccounts: [...unmapped.values()].filter((a) => usedAccounts.has(a.code)), usedUnmapped: [...usedUnmapped],
    costCentres, projects, balanceRows, balanceAccountRows, checks, warnings, notes,
    forEachLine(which, visit) { (which === 'actual' ? actual : budget).forEach(visit); },
  };
}

/**
 * The vouchers' sums as lines: each account's category and sign decided once per account, each cost
 * centre and project once per object key, so a line costs a few integer lookups and no allocation.
 */
function voucherLines(
  table: ReturnType<SieCollected['voucherTable']>, categoryOf: ReadonlyMap<string, { category: string; kind: CategoryKind } | null>,
  noteUnmapped: (category: string) => void, count: (badAccounts: number, balanceRows: number) => void,
): PlannedLines {
  const out: LineBuilder = createLineBuilder(1 << 16);
  // Per collector account: builder account id, category id and sign; -1 balance account, -2 not an account.
  const accountOf = new Int32Array(table.accounts.length);
  const categoryIdOf = new Int32Array(table.accounts.length);
  const negate = new Uint8Array(table.accounts.length);
  table.accounts.forEach((code, id) => {
    const cat = categoryOf.get(code);
    if (cat === undefined) { categoryIdOf[id] = -2; return; }
    if (cat === null) { categoryIdOf[id] = -1; return; }
    categoryIdOf[id] = -3; // mapped, interned at its first line
    negate[id] = ramplanSign(1 as Ore, cat.kind) < 0 ? 1 : 0;
  });
  const periodOf = new Int32Array(table.periods.length).fill(-1);
  const unitOf = new Int32Array(table.objectKeys.length).fill(-1);
  const projectOf = new Int32Array(table.objectKeys.length).fill(-1);
  let bad = 0;
  let balance = 0;
  table.forEach((account, period, objectKey, amount) => {
    if (amount === 0) return;
    let category = categoryIdOf[account]!;
    if (category === -2) { bad++; return; }
    if (category === -1) { balance++; return; }
    if (category === -3) {
      const code = table.accounts[account]!;
      const cat = categoryOf.get(code)!;
      noteUnmapped(cat.category);
      category = out.categoryId(cat.category);
      categoryIdOf[account] = category;
      accountOf[account] = out.accountId(code);
    }
    let p = periodOf[period]!;
    if (p < 0) { p = out.periodId(table.periods[period]!); periodOf[period] = p; }
    let u = unitOf[objectKey]!;
    if (u < 0) {
      const o = table.objectKeys[objectKey]!;
      u = out.unitId(o.unit);
      unitOf[objectKey] = u;
      projectOf[objectKey] = out.projectId(o.project === '' ? null : o.project);
    }
    out.push(accountOf[account]!, p, u, projectOf[objectKey]!, category, negate[account] === 1 ? -amount : amount);
  });
  count(bad, balance);
  return out.finish();
}

function reconcile(
  c: SieCollected, fy0: { start: Day; end: Day } | null, actualsFrom: ImportPlan['actualsFrom'],
  voucherByAccountPeriod: ReadonlyMap<string, number>, rawActuals: ReadonlyArray<Omit<PlannedLine, 'category'>>, warnings: string[],
): ReconciliationCheck[] {
  const checks: ReconciliationCheck[] = [];
  const report = (name: string, diffs: string[], compared: number): void => {
    checks.push({ name, compared, mismatches: diffs.length });
    if (diffs.length === 0) return;
    const shown = diffs.slice(0, 5).join('; ');
    warnings.push(`Avstämning ${name}: ${String(diffs.length)} av ${String(compared)} skiljer sig, t.ex. ${shown}${diffs.length > 5 ? ' …' : ''}.`);
  };

  // 1. Vouchers against #PSALDO {} per account and month (year 0).
  const psaldoTotals = new Map<string, number>();
  for (const r of c.psaldo) {
    if (r.objects.length > 0 || !inYear(r.period, fy0) || (fy0 === null && r.yearIndex !== 0)) continue;
    const k = `${r.account}\u0000${r.period}`;
    psaldoTotals.set(k, (psaldoTotals.get(k) ?? 0) + r.amount);
  }
  if (actualsFrom === 'vouchers' && psaldoTotals.size > 0) {
    const keys = new Set([...voucherByAccountPeriod.keys(), ...psaldoTotals.keys()]);
    const diffs: string[] = [];
    for (const k of [...keys].sort()) {
      const v = voucherByAccountPeriod.get(k) ?? 0;
      const p = psaldoTotals.get(k) ?? 0;
      const [account = '', period = ''] = k.split('\u0000');
      if (v !== p && inYear(period as Period, fy0)) diffs.push(`${account} ${period}: verifikationer ${kr(v)}, #PSALDO ${kr(p)}`);
    }
    report('verifikationer mot #PSALDO', diffs, keys.size);
  }

  // 2. The year's movement per account (from the source of the actuals) against #RES 0 and IB + movement against #UB 0.
  const yearMovement = new Map<string, number>();
  for (const l of rawActuals) yearMovement.set(l.account, (yearMovement.get(l.account) ?? 0) + l.amount);
  if (actualsFrom === 'vouchers') {
    // Balance accounts' movements are in the voucher sums, not in rawActuals' result lines only.
    yearMovement.clear();
    for (const [k, v] of voucherByAccountPeriod) {
      const account = k.slice(0, k.indexOf('\u0000'));
      yearMovement.set(account, (yearMovement.get(account) ?? 0) + v);
    }
  }
  const res = c.balances.filter((b) => b.kind === 'RES' && b.yearIndex === 0);
  if (actualsFrom !== 'none' && res.length > 0) {
    const diffs: string[] = [];
    for (const b of res) {
      const m = yearMovement.get(b.account) ?? 0;
      if (m !== b.amount) diffs.push(`${b.account}: ${actualsFrom === 'vouchers' ? 'verifikationer' : '#PSALDO'} ${kr(m)}, #RES ${kr(b.amount)}`);
    }
    report(`${actualsFrom === 'vouchers' ? 'verifikationer' : '#PSALDO'} mot #RES`, diffs, res.length);
  }
  const ib = new Map(c.balances.filter((b) => b.kind === 'IB' && b.yearIndex === 0).map((b) => [b.account, b.amount as number]));
  const ub = c.balances.filter((b) => b.kind === 'UB' && b.yearIndex === 0);
  if (actualsFrom !== 'none' && ub.length > 0) {
    const diffs: string[] = [];
    for (const b of ub) {
      const expected = (ib.get(b.account) ?? 0) + (yearMovement.get(b.account) ?? 0);
      if (expected !== b.amount) diffs.push(`${b.account}: #IB + rörelser ${kr(expected)}, #UB ${kr(b.amount)}`);
    }
    report('#IB + rörelser mot #UB', diffs, ub.length);
  }
  return checks;
}
