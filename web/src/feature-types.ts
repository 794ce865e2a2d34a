// Shapes of the API of the collaboration agreement, projects and goals (src/api/*-schemas.ts).
// Money is integer öre in every field ending in `Ore`.
import type { Ore } from './domain.ts';

export type KeySource = 'entered' | 'csv' | 'kolada';

export interface AgreementSummary {
  id: number;
  name: string;
  firstYear: number;
  lastYear: number;
  upliftPercent: number;
  keySource: KeySource;
  isExample: boolean;
  totals: { year: number; totalOre: Ore }[];
}

export interface Contribution {
  municipalityCode: string;
  name: string;
  population: number;
  amountOre: Ore;
}

/** What the agreement's terms form sends (POST and PUT /api/orgs/{orgCode}/agreements…). */
export interface AgreementTermsBody {
  name: string;
  description?: string;
  firstYear: number;
  lastYear: number;
  upliftPercent: string;
  municipalityCodes: string[];
}

export interface AgreementDetail {
  id: number;
  name: string;
  description: string;
  firstYear: number;
  lastYear: number;
  upliftPercent: number;
  isExample: boolean;
  canEdit: boolean;
  parties: { code: string; name: string }[];
  years: { year: number; totalOre: Ore; keySource: KeySource | null; contributions: Contribution[] | null; problems: string[] }[];
  forums: { id: number; name: string; kind: 'politicians' | 'officials'; meetings: { id: number; day: string; subject: string; notes: string }[] }[];
  followups: { id: number; period: string; label: string; municipalityCode: string | null; text: string }[];
  evaluation: { day: string; text: string } | null;
}

export type ProjectStatus = 'planerat' | 'ansokt' | 'beviljat' | 'avslutat';
export type FlatRate = 'none' | '15' | '40';
export type FinancingType = 'eu' | 'public-cash' | 'public-in-kind' | 'private' | 'income';

export interface ProjectListItem {
  code: string;
  name: string;
  programme: string;
  status: ProjectStatus;
  statusLabel: string;
  startPeriod: string;
  endPeriod: string;
  totalCostOre: Ore;
  financingOre: Ore;
  issueCount: number;
  isExample: boolean;
}

export interface ProjectDetail {
  code: string;
  name: string;
  programme: string;
  status: ProjectStatus;
  statusLabel: string;
  startPeriod: string;
  endPeriod: string;
  flatRate: FlatRate;
  flatRateLabel: string;
  claimIntervalMonths: number;
  paymentLagDays: number;
  revision: number;
  isExample: boolean;
  canEdit: boolean;
  staffUpliftPercent: number;
  funderShares: { funder: string; name: string; maxSharePercent: number; defaultPercent: number; ceilingPercent: number; own: boolean }[];
  staff: { role: string; year: number; monthlySalaryOre: Ore; hours: number; hourlyRateOre: Ore; costOre: Ore }[];
  costs: { year: number; category: string; categoryName: string; amountOre: Ore }[];
  financing: { funder: string; funderName: string; type: FinancingType; typeName: string; year: number; amountOre: Ore }[];
  years: {
    year: number; staffOre: Ore; directOtherOre: Ore; flatRateOre: Ore; totalOre: Ore; financingOre: Ore; inKindCostOre: Ore; cashCostOre: Ore;
    byType: Record<FinancingType, Ore>; externalOre: Ore;
  }[];
  issues: { field: string; message: string }[];
  cashFlow: {
    months: { period: string; costOre: Ore; externalShareOre: Ore; claimedOre: Ore; paidOre: Ore; preFinancedOre: Ore }[];
    claims: { number: number; fromPeriod: string; toPeriod: string; amountOre: Ore; claimDay: string; paymentDay: string }[];
    maxPreFinancedOre: Ore;
    maxPreFinancedPeriod: string | null;
  };
}

export interface Funder {
  code: string;
  name: string;
  maxSharePercent: number;
  ceilingPercent: number;
  external: boolean;
  sector: 'eu' | 'public' | 'private' | 'own';
  /** The financing types this funder can give; the first is its default. */
  financingTypes: FinancingType[];
}

export interface ProjectPlanFeed {
  years: { year: number; revenueOre: Ore; costOre: Ore; flags: { project: string; message: string; amountOre: Ore }[] }[];
}

export interface StrategiesView {
  strategies: { code: string; name: string; firstYear: number; lastYear: number; subStrategies: { number: number; name: string }[] }[];
  periods: { fromYear: number; strategyCode: string }[];
  current: string | null;
}

export interface GoalView {
  id: number;
  title: string;
  description: string;
  isExample: boolean;
  strategyCode: string;
  subStrategies: number[];
  subStrategyNames: string[];
  indicators: {
    id: number;
    name: string;
    unit: string;
    direction: 'higher' | 'lower';
    koladaKpi: string | null;
    genderSplit: boolean;
    baselineYear: number | null;
    baselineValue: number | null;
    targets: { year: number; target: number }[];
    targetThisYear: number | null;
    latestOutcome: { period: string; total: number | null; women: number | null; men: number | null } | null;
    progress: 'reached' | 'not-reached' | 'no-target' | 'no-outcome';
    progressLabel: string;
    kolada: { kpi: string; area: string; year: number; gender: 'T' | 'K' | 'M'; value: number | null; fetchedAt: string }[];
    outcomes: { period: string; total: number | null; women: number | null; men: number | null }[];
  }[];
  activities: { id: number; title: string; owner: string; dueDay: string; done: boolean; doneBy: string | null; doneAt: string | null }[];
  assessments: { period: string; assessment: 'met' | 'partly' | 'not'; label: string; comment: string }[];
}
