// Kysely table types. bigint columns arrive from `pg` as strings (we never let pg guess);
// repositories convert them with `toSafeNumber`/`toOre` (src/db/convert.ts).
import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../domain/access.ts';

type Int8 = ColumnType<string, string | number | bigint, string | number | bigint>;
type GeneratedInt8 = ColumnType<string, string | number | bigint | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationTable {
  id: GeneratedInt8;
  tenant_id: Int8;
  code: string;
  name: string;
  kind: 'region' | 'committee' | 'administration' | 'unit';
  parent_id: Int8 | null;
  org_number: string | null;
  is_example: Generated<boolean>;
}

export interface CategoryTable {
  tenant_id: Int8;
  code: string;
  kind: 'revenue' | 'cost';
  name: string;
  sort_order: number;
}

export interface AccountRangeTable {
  tenant_id: Int8;
  from_account: string;
  to_account: string;
  category_code: string;
}

export interface AccountTable {
  tenant_id: Int8;
  code: string;
  name: string;
  category_code: string | null;
}

export interface PlanVersionTable {
  id: GeneratedInt8;
  tenant_id: Int8;
  org_id: Int8;
  code: string;
  name: string;
  kind: 'actual' | 'budget' | 'forecast' | 'scenario';
  status: Generated<'draft' | 'review' | 'submitted' | 'adopted'>;
  first_year: number;
  last_year: number;
  cost_uplift_ppm: Generated<number>;
  is_example: Generated<boolean>;
  adopted_at: Timestamp | null;
  adopted_by: string | null;
  diarienummer: Generated<string | null>;
  decision_date: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

export interface VersionTransitionTable {
  id: GeneratedInt8;
  tenant_id: Int8;
  version_id: Int8;
  from_status: string;
  to_status: string;
  actor: string;
  at: Generated<Date>;
  comment: string | null;
}

export interface ScenarioTable {
  tenant_id: Int8;
  version_id: Int8;
  code: string;
  name: string;
  uplift_ppm: number;
  sort_order: number;
}

export interface FrameTable {
  tenant_id: Int8;
  org_id: Int8;
  year: number;
  amount_ore: Int8;
  uplift_ppm: Generated<number>;
}

export interface PoRateTable {
  tenant_id: Int8;
  year: number;
  rate_ppm: number;
}

export interface PlanLineTable {
  id: GeneratedInt8;
  tenant_id: Int8;
  org_id: Int8;
  version_id: Int8;
  year: number;
  period: string | null;
  unit_id: Int8;
  account_code: string;
  category_code: string;
  project_code: string | null;
  funder_code: string | null;
  amount_ore: Int8;
  revision: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
  /** 0002: the SIE import that wrote the line (null: entered or loaded otherwise). */
  sie_import_id: ColumnType<string | null, string | number | null | undefined, string | number | null>;
}

/** 0018: every line, typed (plan_line) or imported actual (actual_line), in plan_line's shape; read only. */
export interface PlanLineAllView {
  id: ColumnType<string, never, never>;
  tenant_id: ColumnType<string, never, never>;
  org_id: ColumnType<string, never, never>;
  version_id: ColumnType<string, never, never>;
  year: ColumnType<number, never, never>;
  period: ColumnType<string | null, never, never>;
  unit_id: ColumnType<string, never, never>;
  account_code: ColumnType<string, never, never>;
  category_code: ColumnType<string, never, never>;
  project_code: ColumnType<string | null, never, never>;
  funder_code: ColumnType<string | null, never, never>;
  amount_ore: ColumnType<string, never, never>;
  revision: ColumnType<number, never, never>;
  updated_by: ColumnType<string | null, never, never>;
  sie_import_id: ColumnType<string | null, never, never>;
}

/** 0018: an import's accounts, numbered; its actual lines refer to them by number. */
export interface ActualAccountTable { sie_import_id: Int8; idx: number; tenant_id: Int8; account_code: string; category_code: string }

/** 0018: actuals imported from a SIE file, one per account × month × unit × project (written by COPY only). */
export interface ActualLineTable {
  sie_import_id: Int8; line_no: number; version_id: Int8; year: number; month: number; unit_id: Int8; account_idx: number;
  project_code: string | null; amount_ore: Int8;
}

export interface PlanSummaryTable {
  tenant_id: Int8;
  version_id: Int8;
  year: number;
  category_code: string;
  amount_ore: Int8;
  line_count: Int8;
}

export interface ResultNoteTable {
  tenant_id: Int8;
  org_id: Int8;
  year: number;
  action_package: boolean;
  note: string | null;
}

export interface ResultOpeningTable {
  tenant_id: Int8;
  org_id: Int8;
  year: number;
  surplus_ore: Int8;
}

export interface MunicipalityTable {
  tenant_id: Int8;
  code: string;
  name: string;
}

export interface PopulationTable {
  tenant_id: Int8;
  municipality_code: string;
  year: number;
  population: number;
}

export interface StrategyTable {
  id: GeneratedInt8;
  tenant_id: Int8;
  code: string;
  name: string;
  first_year: number;
  last_year: number;
}

export interface SubStrategyTable {
  tenant_id: Int8;
  strategy_id: Int8;
  number: number;
  name: string;
}

export interface AppUserTable {
  id: GeneratedInt8;
  tenant_id: Int8;
  username: string;
  display_name: string;
  password_hash: string;
  created_at: Generated<Date>;
  disabled: Generated<boolean>;
  email: Generated<string | null>;
  oidc_issuer: Generated<string | null>;
  oidc_subject: Generated<string | null>;
}

export interface UserRoleTable {
  tenant_id: Int8;
  user_id: Int8;
  org_id: Int8;
  role: Role;
  municipality_code: Generated<string | null>;
}

export interface AppSessionTable {
  token_hash: string;
  tenant_id: Int8;
  user_id: Int8;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: GeneratedInt8;
  tenant_id: Int8;
  at: Generated<Date>;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  /** Set by the chaining trigger. */
  chain_seq: ColumnType<string, never, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

// 0003: agreement, projects, goals (src/db/migrations/0003-goals-agreements-projects.ts).
type DateCol = ColumnType<string, string, string>;

export interface AgreementTable {
  id: GeneratedInt8; tenant_id: Int8; org_id: Int8; name: string; first_year: number; last_year: number;
  uplift_ppm: number; key_source: 'entered' | 'csv' | 'kolada'; description: Generated<string>; is_example: Generated<boolean>;
  created_at: Generated<Date>;
}
export interface AgreementPartyTable { tenant_id: Int8; agreement_id: Int8; municipality_code: string }
export interface AgreementYearTable { tenant_id: Int8; agreement_id: Int8; year: number; total_ore: Int8 }
export interface AgreementKeyTable {
  tenant_id: Int8; agreement_id: Int8; year: number; municipality_code: string; population: number; source: 'entered' | 'csv' | 'kolada';
}
export interface AgreementForumTable { id: GeneratedInt8; tenant_id: Int8; agreement_id: Int8; name: string; kind: 'politicians' | 'officials' }
export interface AgreementMeetingTable { id: GeneratedInt8; tenant_id: Int8; forum_id: Int8; day: DateCol; subject: string; notes: Generated<string> }
export interface AgreementFollowupTable {
  id: GeneratedInt8; tenant_id: Int8; agreement_id: Int8; period: string; municipality_code: string | null; text: string;
}
export interface AgreementEvaluationTable { agreement_id: Int8; tenant_id: Int8; day: DateCol; text: string }

export interface ProjectTable {
  id: GeneratedInt8; tenant_id: Int8; org_id: Int8; code: string; name: string; programme: string;
  status: 'planerat' | 'ansokt' | 'beviljat' | 'avslutat'; start_period: string; end_period: string;
  flat_rate: 'none' | '15' | '40'; claim_interval_months: number; payment_lag_days: number;
  is_example: Generated<boolean>; revision: Generated<number>;
  /** 0009: the yearly uplift of the staff unit cost (ppm). */
  staff_uplift_ppm: Generated<number>;
}
/** 0009: a project's own maximum share for a funder. */
export interface ProjectFunderShareTable { tenant_id: Int8; project_id: Int8; funder: string; max_share_ppm: number }
export interface ProjectStaffTable {
  id: GeneratedInt8; tenant_id: Int8; project_id: Int8; role: string; year: number; monthly_salary_ore: Int8; hours: number;
}
export interface ProjectCostTable { tenant_id: Int8; project_id: Int8; year: number; category: string; amount_ore: Int8 }
export interface ProjectFinancingTable { tenant_id: Int8; project_id: Int8; funder: string; financing_type: string; year: number; amount_ore: Int8 }

export interface StrategyPeriodTable { tenant_id: Int8; from_year: number; strategy_id: Int8 }
export interface GoalTable {
  id: GeneratedInt8; tenant_id: Int8; org_id: Int8; strategy_id: Int8; title: string; description: Generated<string>;
  sort_order: Generated<number>; is_example: Generated<boolean>;
}
export interface GoalSubStrategyTable { tenant_id: Int8; goal_id: Int8; strategy_id: Int8; number: number }
export interface IndicatorTable {
  id: GeneratedInt8; tenant_id: Int8; goal_id: Int8; name: string; unit: string; direction: 'higher' | 'lower';
  kolada_kpi: string | null; gender_split: Generated<boolean>; baseline_year: number | null; baseline_value: number | null;
}
export interface IndicatorTargetTable { tenant_id: Int8; indicator_id: Int8; year: number; target: number }
export interface ActivityTable {
  id: GeneratedInt8; tenant_id: Int8; goal_id: Int8; title: string; owner: string; due_day: DateCol; done: Generated<boolean>;
  /** 0009: who marked the activity done, and when. */
  done_by: ColumnType<string | null, string | null | undefined, string | null>; done_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
export interface GoalAssessmentTable { tenant_id: Int8; goal_id: Int8; period: string; assessment: 'met' | 'partly' | 'not'; comment: Generated<string> }
export interface IndicatorOutcomeTable { tenant_id: Int8; indicator_id: Int8; period: string; gender: 'T' | 'K' | 'M'; value: number }
export interface KoladaValueTable {
  tenant_id: Int8; kpi: string; area: string; year: number; gender: 'T' | 'K' | 'M'; value: number | null; fetched_at: Timestamp;
}
export interface KoladaFetchTable { id: GeneratedInt8; tenant_id: Int8; kpi: string; at: Timestamp; ok: boolean; message: string }

// 0004: the underlag as a document (src/db/migrations/0004-underlag.ts).
export type UnderlagStatusColumn = 'draft' | 'review' | 'submitted' | 'adopted';
export interface UnderlagTable {
  id: GeneratedInt8; tenant_id: Int8; org_id: Int8; budget_year: number; actual_year: number; version_id: Int8;
  status: Generated<UnderlagStatusColumn>; edition: Generated<number>; head_revision: Generated<number>;
  created_at: Generated<Date>; created_by: string;
}
export interface UnderlagRevisionTable {
  tenant_id: Int8; underlag_id: Int8; revision: number; edition: number; content: unknown; author: string; saved_at: Timestamp;
  note: Generated<string>; decided_at: Timestamp | null; decided_by: string | null; diarienummer: string | null;
  decision_date: ColumnType<string | null, string | null | undefined, string | null>; snapshot: unknown;
}
export interface UnderlagTransitionTable {
  id: GeneratedInt8; tenant_id: Int8; underlag_id: Int8; revision: number; from_status: string; to_status: string; actor: string;
  at: Generated<Date>; comment: string | null;
}

// 0002: SIE imports (src/db/migrations/0002-sie-import.ts).
export interface SieImportTable {
  id: GeneratedInt8; tenant_id: Int8; org_id: Int8; source_key: string; file_name: string; sha256: string; bytes: Int8;
  producer: string | null; generated_on: ColumnType<string | null, string | null, string | null>; sie_type: string; encoding: string;
  company_name: string | null; org_number: string | null;
  fiscal_start: ColumnType<string, string, string>; fiscal_end: ColumnType<string, string, string>;
  actuals_from: 'vouchers' | 'psaldo' | 'none'; actual_version_id: Int8 | null; budget_version_id: Int8 | null; line_count: Int8;
  counts: unknown; problems: unknown; report: unknown; status: Generated<'imported' | 'replaced'>; replaced_by: Int8 | null;
  imported_by: string; imported_at: Generated<Date>;
}
export interface SieBalanceTable {
  tenant_id: Int8; import_id: Int8; kind: 'IB' | 'UB' | 'RES' | 'OIB' | 'OUB' | 'PSALDO' | 'VER'; year_index: number;
  period: string | null; account: string; objects: Generated<string>; amount_ore: Int8;
}
export interface SieUnitMapTable { tenant_id: Int8; org_id: Int8; object_id: string; unit_id: Int8 }

export interface Database {
  organisation: OrganisationTable;
  category: CategoryTable;
  account_range: AccountRangeTable;
  account: AccountTable;
  plan_version: PlanVersionTable;
  scenario: ScenarioTable;
  frame: FrameTable;
  po_rate: PoRateTable;
  plan_line: PlanLineTable;
  plan_line_all: PlanLineAllView;
  actual_account: ActualAccountTable;
  actual_line: ActualLineTable;
  plan_summary: PlanSummaryTable;
  sie_import: SieImportTable;
  sie_balance: SieBalanceTable;
  sie_unit_map: SieUnitMapTable;
  result_note: ResultNoteTable;
  result_opening: ResultOpeningTable;
  municipality: MunicipalityTable;
  population: PopulationTable;
  strategy: StrategyTable;
  sub_strategy: SubStrategyTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  app_session: AppSessionTable;
  audit_log: AuditLogTable;
  version_transition: VersionTransitionTable;
  agreement: AgreementTable;
  agreement_party: AgreementPartyTable;
  agreement_year: AgreementYearTable;
  agreement_key: AgreementKeyTable;
  agreement_forum: AgreementForumTable;
  agreement_meeting: AgreementMeetingTable;
  agreement_followup: AgreementFollowupTable;
  agreement_evaluation: AgreementEvaluationTable;
  project: ProjectTable;
  project_funder_share: ProjectFunderShareTable;
  project_staff: ProjectStaffTable;
  project_cost: ProjectCostTable;
  project_financing: ProjectFinancingTable;
  strategy_period: StrategyPeriodTable;
  goal: GoalTable;
  goal_sub_strategy: GoalSubStrategyTable;
  indicator: IndicatorTable;
  indicator_target: IndicatorTargetTable;
  activity: ActivityTable;
  goal_assessment: GoalAssessmentTable;
  indicator_outcome: IndicatorOutcomeTable;
  kolada_value: KoladaValueTable;
  kolada_fetch: KoladaFetchTable;
  underlag: UnderlagTable;
  underlag_revision: UnderlagRevisionTable;
  underlag_transition: UnderlagTransitionTable;
}
