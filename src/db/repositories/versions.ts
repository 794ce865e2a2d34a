// Plan versions of a committee, their uplift scenarios and the committee's frames.
import { sql } from 'kysely';
import type { DbOrTx } from '../database.ts';
import { toOre, toSafeNumber } from '../convert.ts';
import type { PlanVersion, VersionKind, VersionStatus, Frame } from '../../domain/plan.ts';
import { rateFromPpm, type Rate } from '../../domain/rate.ts';
import type { Ore } from '../../domain/money.ts';

export type VersionRow = PlanVersion & {
  readonly id: number;
  readonly tenantId: number;
  readonly orgId: number;
  readonly costUplift: Rate;
  readonly isExample: boolean;
  readonly adoptedAt: Date | null;
  readonly adoptedBy: string | null;
  readonly diarienummer: string | null;
  readonly decisionDate: string | null;
};

type Raw = {
  id: string; tenant_id: string; org_id: string; code: string; name: string; kind: VersionKind; status: VersionStatus;
  first_year: number; last_year: number; cost_uplift_ppm: number; is_example: boolean; adopted_at: Date | null; adopted_by: string | null;
  diarienummer: string | null; decision_date: string | null;
};

function toRow(r: Raw): VersionRow {
  return {
    id: toSafeNumber(r.id, 'plan_version.id'),
    tenantId: toSafeNumber(r.tenant_id, 'plan_version.tenant_id'),
    orgId: toSafeNumber(r.org_id, 'plan_version.org_id'),
    code: r.code, name: r.name, kind: r.kind, status: r.status,
    firstYear: r.first_year, lastYear: r.last_year,
    costUplift: rateFromPpm(r.cost_uplift_ppm),
    isExample: r.is_example, adoptedAt: r.adopted_at, adoptedBy: r.adopted_by,
    diarienummer: r.diarienummer, decisionDate: r.decision_date,
  };
}

const columns = ['id', 'tenant_id', 'org_id', 'code', 'name', 'kind', 'status', 'first_year', 'last_year',
  'cost_uplift_ppm', 'is_example', 'adopted_at', 'adopted_by', 'diarienummer', sql<string | null>`to_char(decision_date, 'YYYY-MM-DD')`.as('decision_date')] as const;

export async function listVersions(db: DbOrTx, orgId: number): Promise<VersionRow[]> {
  const rows = await db.selectFrom('plan_version').select(columns).where('org_id', '=', String(orgId))
    .orderBy('kind').orderBy('first_year', 'desc').orderBy('code').execute();
  return rows.map(toRow);
}

export async function findVersion(db: DbOrTx, orgId: number, code: string): Promise<VersionRow | undefined> {
  const r = await db.selectFrom('plan_version').select(columns).where('org_id', '=', String(orgId)).where('code', '=', code).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

export type NewVersion = {
  tenantId: number; orgId: number; code: string; name: string; kind: VersionKind;
  firstYear: number; lastYear: number; costUplift?: Rate; isExample?: boolean;
};

export async function insertVersion(db: DbOrTx, v: NewVersion): Promise<number> {
  const row = await db.insertInto('plan_version').values({
    tenant_id: v.tenantId, org_id: v.orgId, code: v.code, name: v.name, kind: v.kind,
    first_year: v.firstYear, last_year: v.lastYear, cost_uplift_ppm: v.costUplift ?? 0, is_example: v.isExample ?? false,
  }).returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(row.id, 'plan_version.id');
}

/**
 * Moves a version from `from` to `to` if it is still in `from` (a concurrent step makes this a
 * no-op: false), and records the step. Adopting records who, when and the decision; the database
 * refuses any change to an adopted version afterwards.
 */
export async function moveVersionStatus(
  db: DbOrTx,
  version: { id: number; tenantId: number },
  step: { from: VersionStatus; to: VersionStatus; by: string; at: Date; comment?: string | null; diarienummer?: string; decisionDate?: string },
): Promise<boolean> {
  const adopting = step.to === 'adopted';
  const r = await db.updateTable('plan_version')
    .set({
      status: step.to,
      ...(adopting ? { adopted_at: step.at, adopted_by: step.by, diarienummer: step.diarienummer ?? null, decision_date: step.decisionDate ?? null } : {}),
    })
    .where('id', '=', String(version.id)).where('status', '=', step.from).executeTakeFirst();
  if (r.numUpdatedRows !== 1n) return false;
  await db.insertInto('version_transition').values({
    tenant_id: version.tenantId, version_id: version.id, from_status: step.from, to_status: step.to, actor: step.by, at: step.at,
    comment: step.comment ?? null,
  }).execute();
  return true;
}

export type TransitionRow = { readonly from: VersionStatus; readonly to: VersionStatus; readonly actor: string; readonly at: Date; readonly comment: string | null };

export async function listTransitions(db: DbOrTx, versionId: number): Promise<TransitionRow[]> {
  const rows = await db.selectFrom('version_transition').select(['from_status', 'to_status', 'actor', 'at', 'comment'])
    .where('version_id', '=', String(versionId)).orderBy('id').execute();
  return rows.map((r) => ({ from: r.from_status as VersionStatus, to: r.to_status as VersionStatus, actor: r.actor, at: r.at, comment: r.comment }));
}

export type ScenarioRow = { readonly code: string; readonly name: string; readonly uplift: Rate };

export async function insertScenarios(db: DbOrTx, tenantId: number, versionId: number, scenarios: readonly ScenarioRow[]): Promise<void> {
  if (scenarios.length === 0) return;
  await db.insertInto('scenario').values(scenarios.map((s, i) => ({
    tenant_id: tenantId, version_id: versionId, code: s.code, name: s.name, uplift_ppm: s.uplift, sort_order: i,
  }))).execute();
}

export async function listScenarios(db: DbOrTx, versionId: number): Promise<ScenarioRow[]> {
  const rows = await db.selectFrom('scenario').select(['code', 'name', 'uplift_ppm']).where('version_id', '=', String(versionId))
    .orderBy('sort_order').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, uplift: rateFromPpm(r.uplift_ppm) }));
}

export async function insertFrames(db: DbOrTx, tenantId: number, orgId: number, frames: readonly Frame[]): Promise<void> {
  if (frames.length === 0) return;
  await db.insertInto('frame').values(frames.map((f) => ({
    tenant_id: tenantId, org_id: orgId, year: f.year, amount_ore: f.amountOre, uplift_ppm: f.upliftRate,
  }))).execute();
}

export async function listFrames(db: DbOrTx, orgId: number): Promise<Frame[]> {
  const rows = await db.selectFrom('frame').select(['year', 'amount_ore', 'uplift_ppm']).where('org_id', '=', String(orgId)).orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, amountOre: toOre(r.amount_ore, 'frame.amount_ore') as Ore, upliftRate: rateFromPpm(r.uplift_ppm) }));
}

/** Adopts a version directly from whatever status it has (for loading history, e.g. the demo). */
export async function markVersionAdopted(db: DbOrTx, versionId: number, by: string, at: Date, decision?: { diarienummer: string; decisionDate: string }): Promise<boolean> {
  const v = await db.selectFrom('plan_version').select(['tenant_id', 'status']).where('id', '=', String(versionId)).executeTakeFirst();
  if (!v || v.status === 'adopted') return false;
  return moveVersionStatus(db, { id: versionId, tenantId: toSafeNumber(v.tenant_id, 'plan_version.tenant_id') },
    { from: v.status, to: 'adopted', by, at, ...(decision ?? {}) });
}
