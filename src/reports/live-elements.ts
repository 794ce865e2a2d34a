// Live tables and charts of the underlag, computed from the data: revenue and costs by category,
// the multi-year plan (per category, and the scenarios side by side), the result history, municipal
// contributions, goals and project financing. Missing data gives a placeholder, never a crash.
import { formatNumberSv, NBSP } from '../domain/format.ts';
import type { Ore } from '../domain/money.ts';
import { sumOre, ZERO_ORE } from '../domain/money.ts';
import { sharesOfTotal } from '../domain/summary.ts';
import { findSummary, rangeOfYears } from './figures.ts';
import type { ReportBlock, ReportRow } from './report-model.ts';
import type { LiveElement } from './rich-text.ts';
import { countWord, joinSv } from './rounding-words.ts';
import {
  bodyRow, emptyCell, integerCell, integerColumn, makeChart, makeTable, moneyCell, moneyColumn, Numbering, percentCell,
  percentColumn, textCell, textColumn, tkrText, tkrValue, totalRow,
} from './table-kit.ts';
import type { GoalData, GoalIndicatorData, MultiYearPlanData, PlanScenarioData, SummaryEntry, UnderlagData } from './underlag-input.ts';

export type LiveResult = { readonly blocks: ReportBlock[]; readonly problems: string[] };

const placeholder = (what: string): LiveResult => ({
  blocks: [{ type: 'placeholder', text: `[uppgift saknas: ${what}]` }],
  problems: [`Uppgift saknas: ${what}`],
});
/** A value label in a chart whose axis carries the unit. */
const moneyText = (o: Ore): string => moneyCell(o).text;
const pct = (v: number): string => `${formatNumberSv(v, 1)}${NBSP}%`;

export function buildLiveElement(el: LiveElement, data: UnderlagData, numbering: Numbering): LiveResult {
  switch (el.kind) {
    case 'revenue-by-category':
    case 'costs-by-category': {
      const entry = findSummary(data, el.year, el.version);
      const sideName = el.kind === 'revenue-by-category' ? 'intäkter' : 'kostnader';
      if (!entry) return placeholder(`${sideName} per kategori ${String(el.year)}`);
      return { blocks: [categoryBlock(entry, el.kind === 'revenue-by-category' ? 'revenue' : 'cost', el.chart ?? false, numbering)], problems: [] };
    }
    case 'multi-year-plan': {
      const plan = data.multiYearPlan;
      if (!plan || plan.scenarios.length === 0) return placeholder('flerårsplan med scenarier');
      const code = el.scenario ?? plan.mainScenario;
      const scenario = code === undefined ? plan.scenarios[0] : plan.scenarios.find((s) => s.code === code);
      if (!scenario) return placeholder(`flerårsplan för scenariot ${code ?? ''}`);
      return { blocks: [el.view === 'categories' ? planCategoriesBlock(plan, scenario, numbering) : scenariosBlock(plan, el.chart ?? true, numbering)], problems: [] };
    }
    case 'result-history':
      if (!data.resultHistory || data.resultHistory.length === 0) return placeholder('resultathistorik');
      return { blocks: [resultHistoryBlock(data.resultHistory, el.chart ?? true, numbering)], problems: [] };
    case 'municipal-contributions':
      if (!data.municipalContributions || data.municipalContributions.rows.length === 0) return placeholder('kommunernas bidrag');
      return { blocks: [contributionsBlock(data.municipalContributions, numbering)], problems: [] };
    case 'goals':
      if (!data.goals || data.goals.length === 0) return placeholder('mål och indikatorer');
      return { blocks: [goalsBlock(data.goals, numbering)], problems: [] };
    case 'project-financing':
      if (!data.projectFinancing || data.projectFinancing.length === 0) return placeholder('projektfinansiering');
      return { blocks: [projectsBlock(data.projectFinancing, numbering)], problems: [] };
  }
}

function categoryBlock(entry: SummaryEntry, kind: 'revenue' | 'cost', chart: boolean, numbering: Numbering): ReportBlock {
  const s = entry.summary;
  const rows = kind === 'revenue' ? s.revenue : s.costs;
  const total = kind === 'revenue' ? s.totalRevenueOre : s.totalCostOre;
  const noun = kind === 'revenue' ? 'Intäkter' : 'Kostnader';
  const year = String(entry.year);
  const caption = `${noun} per kategori ${year} (${entry.versionName.toLocaleLowerCase('sv')})`;
  const table = {
    caption,
    shortName: `${noun} ${year}`,
    columns: [textColumn('category', 'Kategori'), moneyColumn('amount', 'Belopp'), percentColumn('share', 'Andel')],
    rows: [
      ...rows.map((r) => bodyRow(textCell(r.name), moneyCell(r.amountOre), percentCell(r.sharePercent))),
      totalRow(textCell(`Summa ${noun.toLocaleLowerCase('sv')}`), moneyCell(total), percentCell(total === 0 ? 0 : 100)),
    ],
  };
  if (!chart) return { type: 'table', table: makeTable(numbering, table) };
  const sorted = [...rows].sort((a, b) => b.amountOre - a.amountOre);
  const described = sorted.map((r) => `${r.name} ${tkrText(r.amountOre)} (${pct(r.sharePercent)})`);
  const textAlternative = `Stapeldiagram över ${noun.toLocaleLowerCase('sv')}na ${year} per kategori, totalt ${tkrText(total)}. `
    + `Störst till minst: ${joinSv(described)}.`;
  return {
    type: 'chart',
    chart: makeChart(numbering, {
      title: caption,
      kind: 'bar-horizontal',
      unit: 'tkr',
      categories: rows.map((r) => r.name),
      series: [{ name: 'Belopp', values: rows.map((r) => tkrValue(r.amountOre)) }],
      labels: [rows.map((r) => `${tkrText(r.amountOre)} (${pct(r.sharePercent)})`)],
      textAlternative,
    }, table),
  };
}

const yearHeader = (plan: MultiYearPlanData, year: number): string => (year === plan.years[0] ? `Budget ${String(year)}` : `Plan ${String(year)}`);

function planCategoriesBlock(plan: MultiYearPlanData, scenario: PlanScenarioData, numbering: Numbering): ReportBlock {
  const years = plan.years;
  const amountsOf = (amounts: ReadonlyArray<{ year: number; amountOre: Ore }>) =>
    years.map((y) => {
      const a = amounts.find((x) => x.year === y);
      return a ? moneyCell(a.amountOre) : emptyCell();
    });
  const sideRows = (kind: 'revenue' | 'cost'): ReportRow[] => scenario.rows.filter((r) => r.kind === kind).map((r) => bodyRow(textCell(r.name), ...amountsOf(r.amounts)));
  const totalsRow = (label: string, pick: (t: PlanScenarioData['totals'][number]) => Ore | null, role: 'body' | 'total' = 'total'): ReportRow => {
    const cells = years.map((y) => {
      const t = scenario.totals.find((x) => x.year === y);
      const v = t ? pick(t) : null;
      return v === null ? emptyCell() : moneyCell(v);
    });
    return { cells: [textCell(label), ...cells], role };
  };
  const balanceRow = bodyRow(textCell('Budget i balans'), ...years.map((y) => {
    const t = scenario.totals.find((x) => x.year === y);
    return t ? textCell(t.inBalance ? 'Ja' : 'Nej') : emptyCell();
  }));
  const table = makeTable(numbering, {
    caption: `Flerårsplan ${rangeOfYears(years)} per kategori, ${scenario.name.toLocaleLowerCase('sv')}`,
    shortName: `Flerårsplan ${rangeOfYears(years)}`,
    columns: [textColumn('category', 'Kategori'), ...years.map((y) => moneyColumn(String(y), yearHeader(plan, y)))],
    rows: [
      ...sideRows('revenue'),
      totalsRow('Summa intäkter', (t) => t.revenueOre),
      ...sideRows('cost'),
      totalsRow('Summa kostnader', (t) => t.costOre),
      totalsRow('Resultat', (t) => t.resultOre),
      totalsRow('Nettokostnad', (t) => t.netCostOre, 'body'),
      totalsRow('Ram', (t) => t.frameOre, 'body'),
      balanceRow,
    ],
    note: `Planåren är budgetåret uppräknat med ${formatNumberSv(scenario.upliftPercent, 1)}${NBSP}% per år på intäkter och ram.`,
  });
  return { type: 'table', table };
}

function scenariosBlock(plan: MultiYearPlanData, chart: boolean, numbering: Numbering): ReportBlock {
  const years = plan.years;
  const resultOf = (s: PlanScenarioData, y: number): Ore | undefined => s.totals.find((t) => t.year === y)?.resultOre;
  const caption = `Resultat per år i uppräkningsscenarierna ${rangeOfYears(years)}`;
  const table = {
    caption,
    shortName: 'Scenarier',
    columns: [textColumn('scenario', 'Scenario'), percentColumn('uplift', 'Uppräkning'), ...years.map((y) => moneyColumn(String(y), `Resultat ${yearHeader(plan, y).toLocaleLowerCase('sv')}`))],
    rows: plan.scenarios.map((s) => bodyRow(textCell(s.name), percentCell(s.upliftPercent), ...years.map((y) => {
      const r = resultOf(s, y);
      return r === undefined ? emptyCell() : moneyCell(r);
    }))),
  };
  if (!chart) return { type: 'table', table: makeTable(numbering, table) };
  const last = years[years.length - 1] ?? 0;
  const lastResults = plan.scenarios.map((s) => `${tkrText(resultOf(s, last) ?? ZERO_ORE)} med ${s.name.toLocaleLowerCase('sv')}`);
  const deficits = plan.scenarios.filter((s) => s.totals.some((t) => t.resultOre < 0)).map((s) => s.name.toLocaleLowerCase('sv'));
  const textAlternative = `Stapeldiagram över resultatet per år ${rangeOfYears(years)} i ${countWord(plan.scenarios.length)} uppräkningsscenarier. `
    + `${String(last)} blir resultatet ${joinSv(lastResults)}. `
    + (deficits.length === 0 ? 'Inget scenario visar underskott.' : `Underskott uppstår med ${joinSv(deficits)}.`);
  return {
    type: 'chart',
    chart: makeChart(numbering, {
      title: caption,
      kind: 'bar-vertical',
      unit: 'tkr',
      categories: years.map(String),
      series: plan.scenarios.map((s) => ({ name: s.name, values: years.map((y) => tkrValue(resultOf(s, y) ?? ZERO_ORE)) })),
      labels: plan.scenarios.map((s) => years.map((y) => moneyText(resultOf(s, y) ?? ZERO_ORE))),
      textAlternative,
    }, table),
  };
}

function resultHistoryBlock(rows: NonNullable<UnderlagData['resultHistory']>, chart: boolean, numbering: Numbering): ReportBlock {
  const years = rangeOfYears(rows.map((r) => r.year));
  const anyUncovered = rows.some((r) => r.uncoveredDeficitOre !== 0);
  const caption = `Resultat och balanserat överskott ${years}`;
  const notes = rows.flatMap((r) => (r.note === null ? [] : [`${String(r.year)}: ${r.note}`]));
  const table = {
    caption,
    shortName: `Resultat ${years}`,
    columns: [
      textColumn('year', 'År'), moneyColumn('result', 'Årets resultat'), moneyColumn('covered', 'Täckt ur balanserat överskott'),
      moneyColumn('surplus', 'Balanserat överskott'),
      ...(anyUncovered ? [moneyColumn('uncovered', 'Ej återställt underskott')] : []),
      textColumn('action', 'Åtgärdspaket'),
    ],
    rows: [
      ...rows.map((r) => bodyRow(
        textCell(String(r.year)), moneyCell(r.resultOre), r.coveredFromSurplusOre === 0 ? emptyCell() : moneyCell(r.coveredFromSurplusOre),
        moneyCell(r.accumulatedSurplusOre), ...(anyUncovered ? [moneyCell(r.uncoveredDeficitOre)] : []),
        textCell(r.actionPackage ? 'Ja' : '–'),
      )),
      totalRow(textCell(`Summa ${years}`), moneyCell(sumOre(rows.map((r) => r.resultOre))), moneyCell(sumOre(rows.map((r) => r.coveredFromSurplusOre))),
        emptyCell(), ...(anyUncovered ? [emptyCell()] : []), emptyCell()),
    ],
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
  if (!chart) return { type: 'table', table: makeTable(numbering, table) };
  const deficits = rows.filter((r) => r.resultOre < 0);
  const last = rows[rows.length - 1];
  const textAlternative = `Stapeldiagram över årets resultat och det balanserade överskottet ${years}. `
    + (deficits.length === 0 ? 'Alla år visar överskott eller nollresultat. '
      : `${capitalize(countWord(deficits.length))} år visar underskott: ${joinSv(deficits.map((d) => `${String(d.year)} (${tkrText(d.resultOre)})`))}. `)
    + (last ? `Det balanserade överskottet var ${tkrText(last.accumulatedSurplusOre)} vid utgången av ${String(last.year)}.` : '');
  return {
    type: 'chart',
    chart: makeChart(numbering, {
      title: caption,
      kind: 'bar-vertical',
      unit: 'tkr',
      categories: rows.map((r) => String(r.year)),
      series: [
        { name: 'Årets resultat', values: rows.map((r) => tkrValue(r.resultOre)) },
        { name: 'Balanserat överskott', values: rows.map((r) => tkrValue(r.accumulatedSurplusOre)) },
      ],
      labels: [rows.map((r) => moneyText(r.resultOre)), rows.map((r) => moneyText(r.accumulatedSurplusOre))],
      textAlternative,
    }, table),
  };
}

const capitalize = (s: string): string => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);

function contributionsBlock(c: NonNullable<UnderlagData['municipalContributions']>, numbering: Numbering): ReportBlock {
  const shares = sharesOfTotal(c.rows.map((r) => r.amountOre));
  const total = sumOre(c.rows.map((r) => r.amountOre));
  const population = c.rows.reduce((a, r) => a + r.population, 0);
  const populationYear = c.populationYear === undefined ? '' : ` ${String(c.populationYear)}`;
  const table = makeTable(numbering, {
    caption: `Kommunernas bidrag ${String(c.year)} enligt samverkansöverenskommelsen, fördelat efter invånarantal${populationYear}`,
    shortName: `Kommunbidrag ${String(c.year)}`,
    columns: [textColumn('name', 'Kommun'), textColumn('code', 'Kommunkod'), integerColumn('population', `Invånare${populationYear}`),
      percentColumn('share', 'Andel'), moneyColumn('amount', 'Bidrag', 'kr')],
    rows: [
      ...c.rows.map((r, i) => bodyRow(textCell(r.name), textCell(r.code), integerCell(r.population), percentCell(shares[i] ?? 0), moneyCell(r.amountOre, 'kr'))),
      totalRow(textCell('Summa'), emptyCell(), integerCell(population), percentCell(total === 0 ? 0 : 100), moneyCell(total, 'kr')),
    ],
    note: 'Fördelningen följer invånarantalet (SCB, 31 december) med största-rest-metoden, så att bidragen summerar exakt till totalen.',
  });
  return { type: 'table', table };
}

/** The indicator with its source in parentheses ("Förvärvsarbetande invånare 20–64 år (Kolada N00914)"), unless its name already says it. */
function indicatorWithSource(i: GoalIndicatorData): string {
  return i.source === null || i.source === '' || i.name.includes(i.source) ? i.name : `${i.name} (${i.source})`;
}

function goalsBlock(goals: NonNullable<UnderlagData['goals']>, numbering: Numbering): ReportBlock {
  const rows = goals.flatMap((g) => (g.indicators.length === 0 ? [{ g, i: null }] : g.indicators.map((i): { g: GoalData; i: GoalIndicatorData | null } => ({ g, i }))))
    .map(({ g, i }) => bodyRow(textCell(g.goal), textCell(g.strategy ?? '–'), textCell(i === null ? '–' : indicatorWithSource(i)), textCell(i?.baseline ?? '–'),
      textCell(i?.target ?? '–'), textCell(i?.outcome ?? '–'), textCell(g.assessment ?? 'Ej bedömt')));
  const table = makeTable(numbering, {
    caption: 'Mål och indikatorer',
    shortName: 'Mål och indikatorer',
    columns: [textColumn('goal', 'Mål'), textColumn('strategy', 'Delstrategi'), textColumn('indicator', 'Indikator'),
      textColumn('baseline', 'Utgångsvärde'), textColumn('target', 'Målvärde'), textColumn('outcome', 'Utfall'), textColumn('assessment', 'Bedömning')],
    rows,
  });
  return { type: 'table', table };
}

function projectsBlock(projects: NonNullable<UnderlagData['projectFinancing']>, numbering: Numbering): ReportBlock {
  const table = makeTable(numbering, {
    caption: 'Projektfinansiering per projekt, finansiär och finansieringstyp',
    shortName: 'Projektfinansiering',
    columns: [
      textColumn('project', 'Projekt'), textColumn('funder', 'Finansiär'), textColumn('type', 'Finansieringstyp'), textColumn('period', 'Period'),
      textColumn('status', 'Status'), moneyColumn('amount', 'Belopp'),
    ],
    rows: [
      ...projects.map((p) => bodyRow(textCell(p.project), textCell(p.funder), textCell(p.financingType), textCell(p.period), textCell(p.status), moneyCell(p.amountOre))),
      totalRow(textCell('Summa'), emptyCell(), emptyCell(), emptyCell(), emptyCell(), moneyCell(sumOre(projects.map((p) => p.amountOre)))),
    ],
  });
  return { type: 'table', table };
}
