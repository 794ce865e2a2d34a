// Checks that need more than one record: repeated keys, and IB + Σ #PSALDO = UB for balance
// accounts. Both only warn: producers differ (docs/SIE.md: two of ten SIE-Gruppen type-2 files
// disagree with themselves), and the rows are kept exactly as written.
import { formatKrExact } from '../domain/format.ts';
import type { Ore } from '../domain/money.ts';
import type { SieModel } from './model.ts';
import type { SieProblem } from './problems.ts';
import type { ObjectRef, SieRecord } from './records.ts';

const objectKey = (objects: readonly ObjectRef[]): string => objects.map((o) => `${String(o.dim)}:${o.id}`).join(',');

/** Watches the records for a key given twice (e.g. Mamut's #PSALDO); one warning per label. */
export function createDuplicateWatch(): { visit: (r: SieRecord) => void; problems: () => SieProblem[] } {
  const seen = new Set<string>();
  const dup = new Map<string, { count: number; firstLine: number }>();
  return {
    visit(r) {
      let key: string;
      switch (r.label) {
        case 'PSALDO': case 'PBUDGET':
          key = `${r.label} ${String(r.yearIndex)} ${r.period} ${r.account} ${objectKey(r.objects)}`; break;
        case 'IB': case 'UB': case 'RES':
          key = `${r.label} ${String(r.yearIndex)} ${r.account}`; break;
        case 'OIB': case 'OUB':
          key = `${r.label} ${String(r.yearIndex)} ${r.account} ${objectKey(r.objects)}`; break;
        default: return;
      }
      if (!seen.has(key)) { seen.add(key); return; }
      const d = dup.get(r.label);
      if (d === undefined) dup.set(r.label, { count: 1, firstLine: r.line });
      else d.count++;
    },
    problems: () => [...dup].map(([label, d]) => ({
      level: 'warning' as const, line: d.firstLine, code: 'duplicate-key',
      message: `${String(d.count)} #${label}-rader upprepar en nyckel som redan förekommit (första på rad ${String(d.firstLine)}); raderna behålls var för sig.`,
    })),
  };
}

/** Balance accounts (class 1–2): opening balance plus the months' changes must give the closing one. */
export function checkPeriodBalances(model: SieModel): SieProblem[] {
  const sums = new Map<string, number>();
  for (const p of model.periodBalances) {
    const fy = model.fiscalYears.find((y) => y.yearIndex === p.yearIndex);
    if (fy === undefined || p.period < fy.start.slice(0, 7) || p.period > fy.end.slice(0, 7)) continue;
    const key = `${String(p.yearIndex)} ${p.account}`;
    sums.set(key, (sums.get(key) ?? 0) + p.amount);
  }
  const ib = new Map<string, number>();
  const ub = new Map<string, number>();
  for (const b of model.balances) {
    if (b.label === 'IB') ib.set(`${String(b.yearIndex)} ${b.account}`, b.amount);
    if (b.label === 'UB') ub.set(`${String(b.yearIndex)} ${b.account}`, b.amount);
  }
  const off: string[] = [];
  for (const [key, sum] of sums) {
    const account = key.split(' ')[1] ?? '';
    if (!/^[12]/.test(account)) continue;
    const closing = ub.get(key);
    if (closing === undefined) continue;
    const diff = (ib.get(key) ?? 0) + sum - closing;
    if (diff !== 0) off.push(`${account} (årsindex ${key.split(' ')[0] ?? ''}: ${formatKrExact(diff as Ore)})`);
  }
  if (off.length === 0) return [];
  return [{
    level: 'warning', line: null, code: 'psaldo-ub-mismatch',
    message: `IB + summan av #PSALDO blir inte UB för ${String(off.length)} balanskonton: ${off.slice(0, 5).join(', ')}${off.length > 5 ? ' …' : ''}. Raderna läses som de står.`,
  }];
}
