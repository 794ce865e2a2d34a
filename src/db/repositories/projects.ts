// Externally financed projects: the registry, staff rows, the cost budget, the financing plan, and
// the plan lines a project puts into a budget version (marked with its project code).
import { sql } from 'kysely';
import type { DbOrTx } from '../database.ts';
import { toOre, toSafeNumber } from '../convert.ts';
import { anyLineSource } from './plan-lines.ts';
import type { CostCategory, CostRow, FinancingRow, FinancingType, FlatRate, FunderShare, ProjectStatus, StaffRow } from '../../domain/projects.ts';

export type ProjectRow = {
  readonly id: number; readonly tenantId: number; readonly orgId: number; readonly code: string; readonly name: string;
  readonly programme: string; readonly status: ProjectStatus; readonly startPeriod: string; readonly endPeriod: string;
  readonly flatRate: FlatRate; readonly claimIntervalMonths: number; readonly paymentLagDays: number;
  readonly isExample: boolean; readonly revision: number; readonly staffUpliftPpm: number;
};

type Raw = {
  id: string; tenant_id: string; org_id: string; code: string; name: string; programme: string; status: ProjectStatus;
  start_period: string; end_period: string; flat_rate: FlatRate; claim_interval_months: number; payment_lag_days: number;
  is_example: boolean; revision: number; staff_uplift_ppm: number;
};

const toRow = (r: Raw): ProjectRow => ({
  id: toSafeNumber(r.id, 'project.id'), tenantId: toSafeNumber(r.tenant_id, 'project.tenant_id'), orgId: toSafeNumber(r.org_id, 'project.org_id'),
  code: r.code, name: r.name, programme: r.programme, status: r.status, startPeriod: r.start_period, endPeriod: r.end_period,
  flatRate: r.flat_rate, claimIntervalMonths: r.claim_interval_months, paymentLagDays: r.payment_lag_days, isExample: r.is_example, revision: r.revision,
  staffUpliftPpm: r.staff_uplift_ppm,
});

export async function listProjects(db: DbOrTx, orgId: number): Promise<ProjectRow[]> {
  const rows = await db.selectFrom('project').selectAll().where('org_id', '=', String(orgId)).orderBy('start_period').orderBy('code').execute();
  return rows.map(toRow);
}

export async function findProject(db: DbOrTx, orgId: number, code: string): Promise<ProjectRow | undefined> {
  const row = await db.selectFrom('project').selectAll().where('org_id', '=', String(orgId)).where('code', '=', code).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export type ProjectFields = {
  readonly name: string; readonly programme: string; readonly status: ProjectStatus; readonly startPeriod: string; readonly endPeriod: string;
  readonly flatRate: FlatRate; readonly claimIntervalMonths: number; readonly paymentLagDays: number; readonly staffUpliftPpm: number;
};

export async function insertProject(db: DbOrTx, p: ProjectFields & { tenantId: number; orgId: number; code: string; isExample?: boolean }): Promise<number> {
  const row = await db.insertInto('project').values({
    tenant_id: p.tenantId, org_id: p.orgId, code: p.code, name: p.name, programme: p.programme, status: p.status,
    start_period: p.startPeriod, end_period: p.endPeriod, flat_rate: p.flatRate, claim_interval_months: p.claimIntervalMonths,
    payment_lag_days: p.paymentLagDays, is_example: p.isExample ?? false, staff_uplift_ppm: p.staffUpliftPpm,
  }).returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(row.id, 'project.id');
}

/** Updates when the revision still matches; returns false on a stale revision (someone else saved first). */
export async function updateProject(db: DbOrTx, id: number, revision: number, p: ProjectFields): Promise<boolean> {
  const r = await db.updateTable('project').set({
    name: p.name, programme: p.programme, status: p.status, start_period: p.startPeriod, end_period: p.endPeriod, flat_rate: p.flatRate,
    claim_interval_months: p.claimIntervalMonths, payment_lag_days: p.paymentLagDays, staff_uplift_ppm: p.staffUpliftPpm, revision: sql`revision + 1`,
  }).where('id', '=', String(id)).where('revision', '=', revision).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function replaceProjectBudget(
  db: DbOrTx, tenantId: number, projectId: number,
  b: { staff: readonly StaffRow[]; costs: readonly CostRow[]; financing: readonly FinancingRow[] },
): Promise<void> {
  const id = String(projectId);
  await db.deleteFrom('project_staff').where('project_id', '=', id).execute();
  await db.deleteFrom('project_cost').where('project_id', '=', id).execute();
  await db.deleteFrom('project_financing').where('project_id', '=', id).execute();
  if (b.staff.length > 0) {
    await db.insertInto('project_staff').values(b.staff.map((s) => ({
      tenant_id: tenantId, project_id: projectId, role: s.role, year: s.year, monthly_salary_ore: s.monthlySalaryOre, hours: s.hours,
    }))).execute();
  }
  if (b.costs.length > 0) {
    await db.insertInto('project_cost').values(b.costs.map((c) => ({ tenant_id: tenantId, project_id: projectId, year: c.year, category: c.category, amount_ore: c.amountOre }))).execute();
  }
  if (b.financing.length > 0) {
    await db.insertInto('project_financing').values(b.financing.map((f) => ({ tenant_id: tenantId, project_id: projectId, funder: f.funder, financing_type: f.type, year: f.year, amount_ore: f.amountOre }))).execute();
  }
}

export async function loadProjectBudget(db: DbOrTx, projectId: number): Promise<{ staff: StaffRow[]; costs: CostRow[]; financing: FinancingRow[] }> {
  const id = String(projectId);
  const [staff, costs, financing] = await Promise.all([
    db.selectFrom('project_staff').selectAll().where('project_id', '=', id).orderBy('year').orderBy('id').execute(),
    db.selectFrom('project_cost').selectAll().where('project_id', '=', id).orderBy('year').orderBy('category').execute(),
    db.selectFrom('project_financing').selectAll().where('project_id', '=', id).orderBy('year').orderBy('funder').orderBy('financing_type').execute(),
  ]);
  return {
    staff: staff.map((s) => ({ role: s.role, year: s.year, monthlySalaryOre: toOre(s.monthly_salary_ore, 'project_staff.monthly_salary_ore'), hours: s.hours })),
    costs: costs.map((c) => ({ year: c.year, category: c.category as CostCategory, amountOre: toOre(c.amount_ore, 'project_cost.amount_ore') })),
    financing: financing.map((f) => ({ funder: f.funder, type: f.financing_type as FinancingType, year: f.year, amountOre: toOre(f.amount_ore, 'project_financing.amount_ore') })),
  };
}

/** The project's own maximum shares per funder (a funder without one has its default). */
export async function listFunderShares(db: DbOrTx, projectId: number): Promise<FunderShare[]> {
  const rows = await db.selectFrom('project_funder_share').select(['funder', 'max_share_ppm']).where('project_id', '=', String(projectId)).orderBy('funder').execute();
  return rows.map((r) => ({ funder: r.funder, maxSharePpm: r.max_share_ppm }));
}

export async function replaceFunderShares(db: DbOrTx, tenantId: number, projectId: number, shares: readonly FunderShare[]): Promise<void> {
  await db.deleteFrom('project_funder_share').where('project_id', '=', String(projectId)).execute();
  if (shares.length === 0) return;
  await db.insertInto('project_funder_share').values(shares.map((s) => ({ tenant_id: tenantId, project_id: projectId, funder: s.funder, max_share_ppm: s.maxSharePpm }))).execute();
}

/** Removes the lines a project put into a version (before putting in the current ones). */
export async function deleteProjectPlanLines(db: DbOrTx, versionId: number, projectCode: string): Promise<number> {
  const r = await db.deleteFrom('plan_line').where('version_id', '=', String(versionId)).where('project_code', '=', projectCode)
    .where(anyLineSource()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
