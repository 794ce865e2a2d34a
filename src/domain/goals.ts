// Strategy → goals → indicators → activities, and their follow-up. A region's development strategy
// (RUS) has sub-strategies or priorities; which strategy applies is recorded per year, so moving to a
// new RUS keeps the old one in the history. Goals link to sub-strategies; indicators have a unit, a
// baseline, a target per year, a direction and a source (a Kolada KPI or manual entry).
import type { FieldError } from './agreement.ts';
import { err, ok, type Result } from './result.ts';

export type Direction = 'higher' | 'lower';
export type Assessment = 'met' | 'partly' | 'not';
export type Gender = 'T' | 'K' | 'M';

export function assessmentLabel(a: Assessment): string {
  switch (a) {
    case 'met': return 'Uppfyllt';
    case 'partly': return 'Delvis uppfyllt';
    case 'not': return 'Ej uppfyllt';
  }
}

export function directionLabel(d: Direction): string {
  return d === 'higher' ? 'Högre är bättre' : 'Lägre är bättre';
}

export type StrategyPeriod = { readonly fromYear: number; readonly strategyCode: string };

/** The strategy that applies in `year`: the latest adoption from that year or before. */
export function strategyForYear(periods: readonly StrategyPeriod[], year: number): string | undefined {
  let best: StrategyPeriod | undefined;
  for (const p of periods) if (p.fromYear <= year && (best === undefined || p.fromYear > best.fromYear)) best = p;
  return best?.strategyCode;
}

export type NewStrategy = { readonly code: string; readonly name: string; readonly firstYear: number; readonly lastYear: number; readonly subStrategies: readonly string[] };

export function validateStrategy(s: NewStrategy): FieldError[] {
  const e: FieldError[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(s.code)) e.push({ field: 'code', message: 'Kod: 1–40 tecken, bokstäver, siffror, punkt, - och _.' });
  if (s.name.trim() === '') e.push({ field: 'name', message: 'Namn: ange strategins namn.' });
  if (!Number.isSafeInteger(s.firstYear) || !Number.isSafeInteger(s.lastYear) || s.lastYear < s.firstYear) {
    e.push({ field: 'lastYear', message: `Sista år: ${s.lastYear} kan inte ligga före första år ${s.firstYear}.` });
  }
  if (s.subStrategies.length === 0) e.push({ field: 'subStrategies', message: 'Delstrategier: ange minst en delstrategi eller prioritering.' });
  if (s.subStrategies.some((x) => x.trim() === '')) e.push({ field: 'subStrategies', message: 'Delstrategier: en delstrategi saknar namn.' });
  return e;
}

export type IndicatorInput = {
  readonly name: string; readonly unit: string; readonly direction: Direction; readonly koladaKpi: string | null; readonly genderSplit: boolean;
  readonly baselineYear: number | null; readonly baselineValue: number | null; readonly targets: ReadonlyArray<{ year: number; target: number }>;
};

export const KOLADA_KPI_PATTERN = /^[NU][0-9]{5}$/;

export function validateIndicator(i: IndicatorInput): FieldError[] {
  const e: FieldError[] = [];
  if (i.name.trim() === '') e.push({ field: 'name', message: 'Namn: ange indikatorns namn.' });
  if (i.unit.trim() === '') e.push({ field: 'unit', message: 'Enhet: ange enheten, t.ex. procent, antal eller kronor.' });
  if (i.koladaKpi !== null && !KOLADA_KPI_PATTERN.test(i.koladaKpi)) {
    e.push({ field: 'koladaKpi', message: `Kolada-id: "${i.koladaKpi}" är inget nyckeltal i Kolada (skrivs t.ex. N00914).` });
  }
  if ((i.baselineYear === null) !== (i.baselineValue === null)) {
    e.push({ field: 'baselineValue', message: 'Utgångsvärde: ange både år och värde, eller inget av dem.' });
  }
  if (i.baselineValue !== null && !Number.isFinite(i.baselineValue)) e.push({ field: 'baselineValue', message: 'Utgångsvärde: ange ett tal.' });
  const years = new Set<number>();
  for (const t of i.targets) {
    if (!Number.isFinite(t.target)) e.push({ field: 'targets', message: `Målvärde: ${t.year} saknar ett tal.` });
    if (years.has(t.year)) e.push({ field: 'targets', message: `Målvärde: ${t.year} förekommer två gånger.` });
    years.add(t.year);
  }
  return e;
}

export type Progress = 'reached' | 'not-reached' | 'no-target' | 'no-outcome';

/** Whether an outcome reaches the year's target, in the indicator's direction. */
export function indicatorProgress(direction: Direction, target: number | undefined, outcome: number | undefined): Progress {
  if (target === undefined) return 'no-target';
  if (outcome === undefined) return 'no-outcome';
  return (direction === 'higher' ? outcome >= target : outcome <= target) ? 'reached' : 'not-reached';
}

export function progressLabel(p: Progress): string {
  switch (p) {
    case 'reached': return 'Målvärdet nått';
    case 'not-reached': return 'Målvärdet inte nått';
    case 'no-target': return 'Inget målvärde';
    case 'no-outcome': return 'Inget utfall';
  }
}

/** A follow-up period: tertial T1–T3, delår D, year Å; the year is its first four digits. */
export const periodYearOf = (period: string): number => Number(period.slice(0, 4));

export function parseOutcomeValue(text: string): Result<number> {
  const t = text.trim().replace(/[\s\u00a0]/g, '').replace(',', '.').replace(/^\u2212/, '-');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return err(`"${text}" är inget tal (skriv t.ex. 78,5).`);
  return ok(Number(t));
}

/** "2 indikatorer", "1 aktivitet". */
export const countSv = (n: number, one: string, many: string): string => `${String(n)} ${n === 1 ? one : many}`;

/** A Swedish list: "a, b och c". */
export const listSv = (parts: readonly string[]): string => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} och ${parts.at(-1) ?? ''}`);

/**
 * What deleting a goal takes with it, in words ("2 indikatorer (med 3 utfall), 1 aktivitet och 1
 * bedömning"); '' when nothing. The service refuses with it and the web asks with it.
 */
export function goalContentsText(c: { indicators: number; outcomes: number; activities: number; assessments: number }): string {
  return listSv([
    ...(c.indicators > 0 ? [`${countSv(c.indicators, 'indikator', 'indikatorer')}${c.outcomes > 0 ? ` (med ${String(c.outcomes)} utfall)` : ''}`] : []),
    ...(c.activities > 0 ? [countSv(c.activities, 'aktivitet', 'aktiviteter')] : []),
    ...(c.assessments > 0 ? [countSv(c.assessments, 'bedömning', 'bedömningar')] : []),
  ]);
}
