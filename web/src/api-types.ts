// Shapes of the JSON API (src/api). Money is integer öre in every field ending in `Ore`.
import type { Ore } from './domain.ts';

export type Role = 'admin' | 'region-controller' | 'committee-controller' | 'writer' | 'reader' | 'municipality';

export interface SessionUser {
  username: string;
  displayName: string;
  demo: boolean;
  roles: { orgCode: string; role: Role; roleName: string }[];
}

export type OrgKind = 'region' | 'committee' | 'administration' | 'unit';

export interface Org {
  code: string;
  name: string;
  kind: OrgKind;
  parentCode: string | null;
  canEdit: boolean;
  role: Role;
  /** What the user may do here: 'read', 'plan.edit', 'text.edit', 'workflow.submit', 'workflow.decide', … */
  permissions: string[];
}

export type VersionKind = 'actual' | 'budget' | 'forecast' | 'scenario';
export type VersionStatus = 'draft' | 'review' | 'submitted' | 'adopted';

export interface PlanVersion {
  code: string;
  name: string;
  kind: VersionKind;
  status: VersionStatus;
  firstYear: number;
  lastYear: number;
  isExample: boolean;
  adoptedAt: string | null;
}

export interface CategoryAmount {
  category: string;
  name: string;
  amountOre: Ore;
  sharePercent: number;
}

export interface BalanceReason {
  code: 'deficit' | 'over-frame' | 'no-frame';
  message: string;
  amountOre: Ore;
}

export interface Summary {
  org: { code: string; name: string };
  year: number;
  version: { code: string; name: string; kind: VersionKind; status: VersionStatus };
  revenue: CategoryAmount[];
  costs: CategoryAmount[];
  totalRevenueOre: Ore;
  totalCostOre: Ore;
  resultOre: Ore;
  netCostOre: Ore;
  frameOre: Ore | null;
  inBalance: boolean;
  balanceReasons: BalanceReason[];
  isExample: boolean;
}

export interface PlanLine {
  id: string | number;
  year: number;
  period: string | null;
  unitCode: string;
  unitName: string;
  accountCode: string;
  accountName: string;
  category: string;
  categoryName: string;
  kind: 'revenue' | 'cost';
  amountOre: Ore;
  revision: number;
  projectCode: string | null;
  funderCode: string | null;
}

export interface LinesResponse {
  version: { code: string; name: string; kind: VersionKind; status: VersionStatus; editable: boolean };
  lines: PlanLine[];
}

export interface Scenario {
  code: string;
  name: string;
  upliftPercent: number;
}

export interface PlanResponse {
  baseYear: number;
  years: number[];
  scenarios: Scenario[];
  scenario: string;
  rows: { category: string; name: string; kind: 'revenue' | 'cost'; amounts: { year: number; amountOre: Ore }[] }[];
  totals: {
    year: number;
    revenueOre: Ore;
    costOre: Ore;
    resultOre: Ore;
    netCostOre: Ore;
    frameOre: Ore | null;
    inBalance: boolean;
  }[];
  comparison: { scenario: string; name: string; results: { year: number; resultOre: Ore; netCostOre: Ore }[] }[];
  isExample: boolean;
}

export interface ResultRow {
  year: number;
  resultOre: Ore;
  coveredFromSurplusOre: Ore;
  accumulatedSurplusOre: Ore;
  uncoveredDeficitOre: Ore;
  actionPackage: boolean;
  note: string | null;
}

export interface ResultsResponse {
  rows: ResultRow[];
  isExample: boolean;
}

export interface ApiErrorBody {
  error: string;
  message: string;
  field?: string;
  current?: PlanLine;
  /** Each problem on its own (a file's lines, "Rad 3: …"), when the server lists them. */
  problems?: string[];
}
