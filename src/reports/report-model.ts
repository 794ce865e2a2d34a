// The report model: the underlag computed once as data (docs/STYLE.md, habit 9). Every figure is
// already resolved and formatted in Swedish here, with its raw value beside the text, so the HTML,
// DOCX, PDF and XLSX renderers only draw: none of them formats a number on its own, and all of them
// say the same thing.
import type { UnderlagStatus } from './underlag-input.ts';

export type FigureUnit = 'ore' | 'percent' | 'count';

export type ReportRun =
  | {
      readonly type: 'text';
      readonly text: string;
      readonly strong: boolean;
      readonly em: boolean;
      readonly href: string | null;
    }
  | {
      readonly type: 'figure';
      /** As printed: "drygt 50 %", "3 tkr", or "[uppgift saknas: …]". */
      readonly text: string;
      /** The raw value (öre, percent or a count); null when missing or not a number. */
      readonly value: number | null;
      readonly unit: FigureUnit | null;
      /** What the figure is, for screen readers and the editor: "Andel av intäkterna 2018: …". */
      readonly label: string;
      readonly missing: boolean;
    };

export type ColumnKind = 'text' | 'money' | 'percent' | 'integer';

export type ReportColumn = {
  readonly key: string;
  /** Header text including the unit: "Belopp, tkr". */
  readonly header: string;
  readonly kind: ColumnKind;
  /** For money: the unit the text shows (the raw value is always öre). */
  readonly moneyUnit: 'tkr' | 'kr' | null;
};

export type ReportCell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'money'; readonly ore: number; readonly text: string }
  | { readonly kind: 'percent'; readonly value: number; readonly text: string }
  | { readonly kind: 'integer'; readonly value: number; readonly text: string }
  | { readonly kind: 'empty'; readonly text: string };

export type ReportRow = {
  /** The first cell heads the row (a row header in HTML). */
  readonly cells: readonly ReportCell[];
  readonly role: 'body' | 'total';
};

export type ReportTable = {
  readonly id: string;
  /** Numbered in document order: "Tabell 3". */
  readonly number: number;
  readonly caption: string;
  /** A short unique name (XLSX sheet, ≤ 31 characters with its number). */
  readonly shortName: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly note: string | null;
};

export type ChartSeries = { readonly name: string; readonly values: readonly number[] };

export type ReportChart = {
  readonly id: string;
  /** Numbered in document order: "Diagram 1". */
  readonly number: number;
  readonly title: string;
  /** Horizontal bars for categories; vertical (grouped) bars for years. */
  readonly kind: 'bar-horizontal' | 'bar-vertical';
  /** The unit of the values ('tkr' or '%'). */
  readonly unit: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Value labels as printed (same shape as series × categories). */
  readonly labels: ReadonlyArray<readonly string[]>;
  /** A Swedish text alternative that says what the chart shows. */
  readonly textAlternative: string;
  /** The chart's data as a table (printed with the chart). */
  readonly table: ReportTable;
};

export type ReportBlock =
  | { readonly type: 'heading'; readonly level: 3 | 4; readonly runs: readonly ReportRun[] }
  | { readonly type: 'paragraph'; readonly runs: readonly ReportRun[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: ReadonlyArray<readonly ReportRun[]> }
  | { readonly type: 'table'; readonly table: ReportTable }
  | { readonly type: 'chart'; readonly chart: ReportChart }
  | { readonly type: 'placeholder'; readonly text: string };

export type ReportSection = {
  readonly key: string;
  /** A unique id for anchors and bookmarks ("s-inledning"). */
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
};

export type ReportProblem = { readonly section: string | null; readonly message: string };

export type UnderlagReport = {
  readonly title: string;
  readonly organisation: { readonly name: string; readonly code: string; readonly parentName: string | null };
  readonly budgetYear: number;
  readonly planYears: readonly number[];
  /** "Budget 2020, plan 2021–2022". */
  readonly periodLabel: string;
  readonly version: {
    readonly code: string;
    readonly name: string;
    readonly status: UnderlagStatus;
    readonly statusLabel: string;
    readonly diarienummer: string | null;
    readonly decisionDate: string | null;
  };
  /** "2019-05-20 kl. 10.00". */
  readonly generatedAtLabel: string;
  readonly generatedAt: string;
  readonly isExample: boolean;
  /** The text after the heading "Exempeldata" when isExample. */
  readonly exampleNotice: string | null;
  readonly sections: readonly ReportSection[];
  readonly problems: readonly ReportProblem[];
};

/** Every table of the report in document order, chart data tables included. */
export function reportTables(report: UnderlagReport): ReportTable[] {
  const out: ReportTable[] = [];
  for (const s of report.sections) {
    for (const b of s.blocks) {
      if (b.type === 'table') out.push(b.table);
      else if (b.type === 'chart') out.push(b.chart.table);
    }
  }
  return out;
}

/** Every chart of the report in document order. */
export function reportCharts(report: UnderlagReport): ReportChart[] {
  return report.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : [])));
}

/** The plain text of a run sequence (figures as printed). */
export function runsText(runs: readonly ReportRun[]): string {
  return runs.map((r) => r.text).join('');
}
