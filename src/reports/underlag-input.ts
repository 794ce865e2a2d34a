// What the underlag is built from: the document as the writer left it (sections of narrative with
// live figures, tables and charts) and the numbers the service layer gathered for it. Everything is
// plain data, so the input can be stored as JSON, frozen with an adopted version and tested as a
// fixture. The narrative format is a small ProseMirror-like tree (rich-text.ts).
import type { CategoryCode, CategoryKind } from '../domain/category.ts';
import type { Ore } from '../domain/money.ts';
import type { ResultHistoryRow } from '../domain/result-history.ts';
import type { Summary } from '../domain/summary.ts';
import type { Block } from './rich-text.ts';

/** utkast → för granskning → inlämnat → beslutat (issue 5). */
export type UnderlagStatus = 'draft' | 'review' | 'submitted' | 'adopted';

export type UnderlagSectionInput = {
  /** Stable key of the section ('inledning', 'ekonomi', …); the organisation may add its own. */
  readonly key: string;
  readonly title: string;
  readonly blocks: readonly Block[];
};

/** One year's summary of one version (actual 2018, budget 2020, …). */
export type SummaryEntry = {
  readonly year: number;
  readonly versionCode: string;
  /** Shown in captions: "Utfall", "Budgetförslag". */
  readonly versionName: string;
  readonly summary: Summary;
};

export type PlanYearTotalsData = {
  readonly year: number;
  readonly revenueOre: Ore;
  readonly costOre: Ore;
  readonly resultOre: Ore;
  readonly netCostOre: Ore;
  readonly frameOre: Ore | null;
  readonly inBalance: boolean;
};

export type PlanCategoryRowData = {
  readonly category: CategoryCode;
  readonly name: string;
  readonly kind: CategoryKind;
  readonly amounts: ReadonlyArray<{ readonly year: number; readonly amountOre: Ore }>;
};

export type PlanScenarioData = {
  readonly code: string;
  readonly name: string;
  readonly upliftPercent: number;
  /** Per category and year, the budget year first (as the service's PlanView gives them). */
  readonly rows: readonly PlanCategoryRowData[];
  readonly totals: readonly PlanYearTotalsData[];
};

/** The multi-year plan: the budget year and the plan years under each uplift scenario. */
export type MultiYearPlanData = {
  readonly years: readonly number[];
  /** The scenario whose category rows the plan table shows; default the first. */
  readonly mainScenario?: string;
  readonly scenarios: readonly PlanScenarioData[];
};

export type MunicipalContributionRow = {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly amountOre: Ore;
};

export type MunicipalContributionsData = {
  /** The year the contributions are paid for. */
  readonly year: number;
  /** The year of the population figures (SCB, 31 December) the key uses; absent when no stored figures match it. */
  readonly populationYear?: number;
  readonly rows: readonly MunicipalContributionRow[];
};

export type GoalIndicatorData = {
  readonly name: string;
  readonly baseline: string | null;
  readonly target: string | null;
  /** The latest outcome with its period, women and men beside it where the indicator is split by sex ("80,9 % (2019-Å); kvinnor 79,7 %, män 82,0 %"). */
  readonly outcome: string | null;
  readonly source: string | null;
};

export type GoalData = {
  readonly goal: string;
  /** The RUS sub-strategy the goal derives from. */
  readonly strategy: string | null;
  /** The year's latest assessment ("Delvis uppfyllt (2020-T1)"), or null when the goal is not assessed yet. */
  readonly assessment: string | null;
  readonly indicators: readonly GoalIndicatorData[];
};

export type ProjectFinancingRow = {
  readonly project: string;
  readonly funder: string;
  /** The financing type in words (EU-stöd, offentlig kontant medfinansiering, … projektintäkter). */
  readonly financingType: string;
  readonly period: string;
  readonly status: string;
  readonly amountOre: Ore;
};

export type UnderlagData = {
  readonly summaries: readonly SummaryEntry[];
  readonly multiYearPlan?: MultiYearPlanData;
  readonly resultHistory?: readonly ResultHistoryRow[];
  readonly municipalContributions?: MunicipalContributionsData;
  readonly goals?: readonly GoalData[];
  readonly projectFinancing?: readonly ProjectFinancingRow[];
};

export type UnderlagInput = {
  readonly organisation: { readonly name: string; readonly code: string; readonly parentName?: string };
  readonly budgetYear: number;
  readonly planYears: readonly number[];
  readonly version: {
    readonly code: string;
    readonly name: string;
    readonly status: UnderlagStatus;
    /** Set once the document is decided (beslutat). */
    readonly diarienummer?: string;
    readonly decisionDate?: string;
  };
  /** Local date and time 'YYYY-MM-DDTHH:MM' (the caller reads the clock and the time zone). */
  readonly generatedAt: string;
  readonly isExample: boolean;
  readonly sections: readonly UnderlagSectionInput[];
  readonly data: UnderlagData;
};
