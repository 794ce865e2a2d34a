// An import's planned lines as columns: each text (account, month, cost centre, project, category)
// once in a dictionary, each line as small integers into them plus its amount. A million-row file
// folds into some 400 000 lines; as objects they cost four allocations each on their way to the
// COPY, as columns none. Pure.
import type { Ore } from '../domain/money.ts';
import type { Period } from '../domain/period.ts';

export type PlannedLine = {
  readonly account: string;
  readonly period: Period;
  /** The cost centre id; '' for the organisation itself. */
  readonly unit: string;
  readonly project: string | null;
  readonly category: string;
  /** Ramplan's sign. */
  readonly amount: Ore;
};

export type PlannedLines = {
  readonly length: number;
  readonly accounts: readonly string[];
  readonly periods: readonly Period[];
  /** Cost centre ids; '' is the organisation itself. */
  readonly units: readonly string[];
  readonly projects: ReadonlyArray<string | null>;
  readonly categories: readonly string[];
  /** Per line, an index into the dictionary of the same name; only the first `length` entries count. */
  readonly account: Int32Array;
  readonly period: Int32Array;
  readonly unit: Int32Array;
  readonly project: Int32Array;
  readonly category: Int32Array;
  readonly amount: Float64Array;
  /** Each line as one reused object (copy what you keep). */
  forEach(visit: (line: PlannedLine) => void): void;
};

export type LineBuilder = {
  accountId(code: string): number;
  periodId(period: Period): number;
  unitId(unit: string): number;
  projectId(project: string | null): number;
  categoryId(category: string): number;
  /** A line by dictionary ids (from the functions above). */
  push(account: number, period: number, unit: number, project: number, category: number, amount: number): void;
  finish(): PlannedLines;
};

function interner<T>(): { ids: Map<T, number>; list: T[]; id: (value: T) => number } {
  const ids = new Map<T, number>();
  const list: T[] = [];
  return {
    ids, list,
    id(value) {
      let id = ids.get(value);
      if (id === undefined) {
        id = list.length;
        ids.set(value, id);
        list.push(value);
      }
      return id;
    },
  };
}

export function createLineBuilder(expected = 1024): LineBuilder {
  const accounts = interner<string>();
  const periods = interner<Period>();
  const units = interner<string>();
  const projects = interner<string | null>();
  const categories = interner<string>();
  let capacity = Math.max(16, expected);
  let length = 0;
  let account: Int32Array = new Int32Array(capacity);
  let period: Int32Array = new Int32Array(capacity);
  let unit: Int32Array = new Int32Array(capacity);
  let project: Int32Array = new Int32Array(capacity);
  let category: Int32Array = new Int32Array(capacity);
  let amount: Float64Array = new Float64Array(capacity);
  const int = (a: Int32Array): Int32Array => {
    const b = new Int32Array(capacity);
    b.set(a);
    return b;
  };
  const grow = (): void => {
    capacity *= 2;
    account = int(account);
    period = int(period);
    unit = int(unit);
    project = int(project);
    category = int(category);
    const more = new Float64Array(capacity);
    more.set(amount);
    amount = more;
  };
  return {
    accountId: accounts.id,
    periodId: periods.id,
    unitId: units.id,
    projectId: projects.id,
    categoryId: categories.id,
    push(a, p, u, pr, c, v) {
      if (length === capacity) grow();
      account[length] = a;
      period[length] = p;
      unit[length] = u;
      project[length] = pr;
      category[length] = c;
      amount[length] = v;
      length++;
    },
    finish() {
      const lines: PlannedLines = {
        length, accounts: accounts.list, periods: periods.list, units: units.list, projects: projects.list, categories: categories.list,
        account, period, unit, project, category, amount,
        forEach(visit) {
          const at = { account: '', period: '' as Period, unit: '', project: null as string | null, category: '', amount: 0 as Ore };
          for (let i = 0; i < length; i++) {
            at.account = accounts.list[account[i]!]!;
            at.period = periods.list[period[i]!]!;
            at.unit = units.list[unit[i]!]!;
            at.project = projects.list[project[i]!]!;
            at.category = categories.list[category[i]!]!;
            at.amount = amount[i]! as Ore;
            visit(at);
          }
        },
      };
      return lines;
    },
  };
}

/** The first and last year the lines' months fall in, or null without lines. */
export function yearsOf(lines: PlannedLines): { first: number; last: number } | null {
  if (lines.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const p of lines.periods) {
    const y = Number(p.slice(0, 4));
    if (y < first) first = y;
    if (y > last) last = y;
  }
  return { first, last };
}
