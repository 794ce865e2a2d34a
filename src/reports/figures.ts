// Live figures: a reference in a sentence ("the share of revenue of kultursamverkan in 2018") resolved
// against the data into its printed text and raw value. A reference the data cannot answer is not an
// error that stops the document: it resolves to a visible placeholder "[uppgift saknas: …]" and a
// problem the writer sees (issue 5).
import { formatKr, formatMnkr, formatPercent, formatTkr } from '../domain/format.ts';
import type { Ore } from '../domain/money.ts';
import { absOre, ORE_PER_TKR, sumOre } from '../domain/money.ts';
import type { CategoryAmount } from '../domain/summary.ts';
import type { ReportRun } from './report-model.ts';
import type { FigureRef, MoneyFormat, PercentFormat } from './rich-text.ts';
import { approxPercent, countWord, joinSv } from './rounding-words.ts';
import type { SummaryEntry, UnderlagData } from './underlag-input.ts';

export type ResolvedFigure = Extract<ReportRun, { type: 'figure' }>;

export function formatMoney(o: Ore, format: MoneyFormat = 'tkr'): string {
  switch (format) {
    case 'tkr':
      return formatTkr(o, 0);
    case 'tkr1':
      return formatTkr(o, 1);
    case 'mnkr':
      return formatMnkr(o, 1);
    case 'kr':
      return formatKr(o);
  }
}

export function formatShare(percent: number, format: PercentFormat = 'approx'): string {
  switch (format) {
    case 'approx':
      return approxPercent(percent).text;
    case 'whole':
      return formatPercent(percent, 0);
    case 'one-decimal':
      return formatPercent(percent, 1);
  }
}

/** The summary of a year: the given version, else the first summary of that year in the input. */
export function findSummary(data: UnderlagData, year: number, version?: string): SummaryEntry | undefined {
  return data.summaries.find((s) => s.year === year && (version === undefined || s.versionCode === version));
}

const found = (text: string, value: number, unit: ResolvedFigure['unit'], label: string): ResolvedFigure => ({
  type: 'figure', text, value, unit, label, missing: false,
});
const missing = (what: string): ResolvedFigure => ({
  type: 'figure', text: `[uppgift saknas: ${what}]`, value: null, unit: null, label: `Uppgift saknas: ${what}`, missing: true,
});
const money = (o: Ore, format: MoneyFormat | undefined, label: string): ResolvedFigure => found(formatMoney(o, format), o, 'ore', label);

const asList = (c: string | readonly string[]): readonly string[] => (typeof c === 'string' ? [c] : c);
const versionText = (version: string | undefined): string => (version === undefined ? '' : ` (version ${version})`);

/** Picks the categories of a side; the codes not found are returned apart. */
function pickCategories(side: readonly CategoryAmount[], codes: readonly string[]): { rows: CategoryAmount[]; unknown: string[] } {
  const rows: CategoryAmount[] = [];
  const unknown: string[] = [];
  for (const code of codes) {
    const row = side.find((r) => r.category === code);
    if (row) rows.push(row);
    else unknown.push(code);
  }
  return { rows, unknown };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('sv') + s.slice(1);
}

/** The printed text and value of a live figure, or a placeholder when the data lacks it. */
export function resolveFigure(ref: FigureRef, data: UnderlagData): ResolvedFigure {
  switch (ref.kind) {
    case 'revenue-share':
    case 'cost-share':
    case 'category-amount': {
      const codes = asList(ref.category);
      const sideName = ref.kind === 'cost-share' ? 'kostnaderna' : 'intäkterna';
      const what = ref.kind === 'category-amount' ? 'belopp' : `andel av ${sideName}`;
      const entry = findSummary(data, ref.year, ref.version);
      if (!entry) return missing(`${what} ${String(ref.year)}${versionText(ref.version)} för ${joinSv([...codes])}`);
      const side = ref.kind === 'cost-share' ? entry.summary.costs : [...entry.summary.revenue, ...entry.summary.costs];
      const { rows, unknown } = pickCategories(side, codes);
      if (unknown.length > 0 || rows.length === 0) return missing(`${what} ${String(ref.year)} för ${joinSv(unknown)}`);
      const names = joinSv(rows.map((r) => r.name).map((n, i) => (i === 0 ? n : lowerFirst(n))));
      if (ref.kind === 'category-amount') {
        return money(sumOre(rows.map((r) => r.amountOre)), ref.format, `Belopp ${String(ref.year)}: ${names}`);
      }
      // Shares are tenths of a percent that add up exactly; summing tenths keeps that.
      const share = rows.reduce((a, r) => a + Math.round(r.sharePercent * 10), 0) / 10;
      const label = `Andel av ${sideName} ${String(ref.year)}: ${names} (${formatPercent(share, 1)})`;
      return found(formatShare(share, ref.format), share, 'percent', label);
    }
    case 'result':
    case 'frame':
    case 'net-cost':
    case 'total-revenue':
    case 'total-cost': {
      const names = { result: 'resultat', frame: 'ram', 'net-cost': 'nettokostnad', 'total-revenue': 'summa intäkter', 'total-cost': 'summa kostnader' } as const;
      const name = names[ref.kind];
      const entry = findSummary(data, ref.year, ref.version);
      if (!entry) return missing(`${name} ${String(ref.year)}${versionText(ref.version)}`);
      const s = entry.summary;
      const value = ref.kind === 'result' ? s.resultOre : ref.kind === 'frame' ? s.frameOre
        : ref.kind === 'net-cost' ? s.netCostOre : ref.kind === 'total-revenue' ? s.totalRevenueOre : s.totalCostOre;
      if (value === null) return missing(`${name} ${String(ref.year)} (ingen ram är satt)`);
      return money(value, ref.format, `${name.charAt(0).toUpperCase()}${name.slice(1)} ${String(ref.year)}, ${entry.versionName.toLocaleLowerCase('sv')}`);
    }
    case 'result-outcome': {
      const entry = findSummary(data, ref.year, ref.version);
      if (!entry) return missing(`resultat ${String(ref.year)}${versionText(ref.version)}`);
      const r = entry.summary.resultOre;
      return found(resultOutcomePhrase(r), r, 'ore', `Resultat ${String(ref.year)}, ${entry.versionName.toLocaleLowerCase('sv')}`);
    }
    case 'accumulated-surplus': {
      const row = data.resultHistory?.find((h) => h.year === ref.year);
      if (!row) return missing(`balanserat överskott ${String(ref.year)}`);
      return money(row.accumulatedSurplusOre, ref.format, `Balanserat överskott vid utgången av ${String(ref.year)}`);
    }
    case 'history-years': {
      const rows = data.resultHistory;
      if (!rows || rows.length === 0) return missing('resultathistorik');
      return found(String(rows.length), rows.length, 'count', `Antal år i resultathistoriken (${rangeOfYears(rows.map((r) => r.year))})`);
    }
    case 'deficit-years': {
      const rows = data.resultHistory;
      if (!rows || rows.length === 0) return missing('resultathistorik');
      const deficits = rows.filter((r) => r.resultOre < 0);
      return found(countWord(deficits.length), deficits.length, 'count', `Antal underskottsår ${rangeOfYears(rows.map((r) => r.year))}`);
    }
    case 'scenario-result': {
      const scenario = data.multiYearPlan?.scenarios.find((s) => s.code === ref.scenario);
      const totals = scenario?.totals.find((t) => t.year === ref.year);
      if (!scenario || !totals) return missing(`resultat ${String(ref.year)} i scenariot ${ref.scenario}`);
      return money(totals.resultOre, ref.format, `Resultat ${String(ref.year)}, ${scenario.name}`);
    }
    case 'municipal-contributions-total': {
      const c = data.municipalContributions;
      if (!c) return missing('kommunernas bidrag');
      return money(sumOre(c.rows.map((r) => r.amountOre)), ref.format, `Kommunernas bidrag ${String(c.year)}, summa`);
    }
  }
}

/** "ett positivt resultatutfall på 3 tkr", in kronor below one tkr so a small result never reads 0. */
export function resultOutcomePhrase(resultOre: Ore): string {
  if (resultOre === 0) return 'ett nollresultat';
  const magnitude = absOre(resultOre);
  const amount = magnitude < ORE_PER_TKR ? formatKr(magnitude) : formatTkr(magnitude, 0);
  return `ett ${resultOre > 0 ? 'positivt' : 'negativt'} resultatutfall på ${amount}`;
}

/** "2009–2018". */
export function rangeOfYears(years: readonly number[]): string {
  if (years.length === 0) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? String(lo) : `${String(lo)}–${String(hi)}`;
}
