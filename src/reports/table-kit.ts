// Building blocks of report tables and charts: typed cells (the raw value with its Swedish text),
// columns, numbering in document order, and the chart with its text alternative and data table.
import { formatNumberSv, formatScaledSv, formatTkr } from '../domain/format.ts';
import type { Ore } from '../domain/money.ts';
import { ORE_PER_KRONA, ORE_PER_TKR, scaledUnits } from '../domain/money.ts';
import type { ChartSeries, ReportCell, ReportChart, ReportColumn, ReportRow, ReportTable } from './report-model.ts';

export const textCell = (text: string): ReportCell => ({ kind: 'text', text });
export const emptyCell = (): ReportCell => ({ kind: 'empty', text: '–' });
/** Money in a table: the raw öre and the text in whole tkr (or kr); the unit is in the header. */
export const moneyCell = (o: Ore, unit: 'tkr' | 'kr' = 'tkr'): ReportCell => ({
  kind: 'money',
  ore: o,
  text: formatScaledSv(scaledUnits(o, unit === 'tkr' ? ORE_PER_TKR : ORE_PER_KRONA, 0), 0),
});
export const percentCell = (percent: number, decimals = 1): ReportCell => ({ kind: 'percent', value: percent, text: formatNumberSv(percent, decimals) });
export const integerCell = (n: number): ReportCell => ({ kind: 'integer', value: n, text: formatNumberSv(n, 0) });

export const textColumn = (key: string, header: string): ReportColumn => ({ key, header, kind: 'text', moneyUnit: null });
export const moneyColumn = (key: string, header: string, unit: 'tkr' | 'kr' = 'tkr'): ReportColumn => ({ key, header: `${header}, ${unit}`, kind: 'money', moneyUnit: unit });
export const percentColumn = (key: string, header: string): ReportColumn => ({ key, header: `${header}, %`, kind: 'percent', moneyUnit: null });
export const integerColumn = (key: string, header: string): ReportColumn => ({ key, header, kind: 'integer', moneyUnit: null });

export const bodyRow = (...cells: ReportCell[]): ReportRow => ({ cells, role: 'body' });
export const totalRow = (...cells: ReportCell[]): ReportRow => ({ cells, role: 'total' });

/** A chart value in tkr with one decimal (charts need numbers, not öre). */
export const tkrValue = (o: Ore): number => Number(scaledUnits(o, ORE_PER_TKR, 1)) / 10;
export const tkrText = (o: Ore): string => formatTkr(o, 0);

/** Numbers tables and charts in document order. */
export class Numbering {
  private tables = 0;
  private charts = 0;
  nextTable(): number {
    this.tables += 1;
    return this.tables;
  }
  nextChart(): number {
    this.charts += 1;
    return this.charts;
  }
}

export type TableSpec = {
  readonly caption: string;
  readonly shortName: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly note?: string;
};

export function makeTable(numbering: Numbering, spec: TableSpec): ReportTable {
  const number = numbering.nextTable();
  return {
    id: `tabell-${String(number)}`,
    number,
    caption: spec.caption,
    shortName: spec.shortName,
    columns: spec.columns,
    rows: spec.rows,
    note: spec.note ?? null,
  };
}

export type ChartSpec = {
  readonly title: string;
  readonly kind: ReportChart['kind'];
  readonly unit: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly labels: ReadonlyArray<readonly string[]>;
  readonly textAlternative: string;
};

/** A chart and its data table; the chart is numbered first, its table right after. */
export function makeChart(numbering: Numbering, spec: ChartSpec, table: TableSpec): ReportChart {
  const number = numbering.nextChart();
  return { id: `diagram-${String(number)}`, number, ...spec, table: makeTable(numbering, table) };
}
