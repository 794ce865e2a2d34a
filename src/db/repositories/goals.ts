// Strategies and which applies from which year; goals with their sub-strategies, indicators with
// targets and outcomes, activities, and follow-up assessments.
import { sql } from 'kysely';
import type { DbOrTx } from '../database.ts';
import { toSafeNumber } from '../convert.ts';
import type { Assessment, Direction, Gender } from '../../domain/goals.ts';

export type StrategyFull = {
  readonly id: number; readonly code: string; readonly name: string; readonly firstYear: number; readonly lastYear: number;
  readonly subStrategies: ReadonlyArray<{ number: number; name: string }>;
};

export async function listStrategiesWithIds(db: DbOrTx, tenantId: number): Promise<StrategyFull[]> {
  const [strategies, subs] = await Promise.all([
    db.selectFrom('strategy').selectAll().where('tenant_id', '=', String(tenantId)).orderBy('first_year').execute(),
    db.selectFrom('sub_strategy').selectAll().where('tenant_id', '=', String(tenantId)).orderBy('number').execute(),
  ]);
  return strategies.map((s) => ({
    id: toSafeNumber(s.id, 'strategy.id'), code: s.code, name: s.name, firstYear: s.first_year, lastYear: s.last_year,
    subStrategies: subs.filter((x) => x.strategy_id === s.id).map((x) => ({ number: x.number, name: x.name })),
  }));
}

export async function listStrategyPeriods(db: DbOrTx, tenantId: number): Promise<Array<{ fromYear: number; strategyId: number }>> {
  const rows = await db.selectFrom('strategy_period').select(['from_year', 'strategy_id']).where('tenant_id', '=', String(tenantId)).orderBy('from_year').execute();
  return rows.map((r) => ({ fromYear: r.from_year, strategyId: toSafeNumber(r.strategy_id, 'strategy_period.strategy_id') }));
}

export async function setStrategyPeriod(db: DbOrTx, tenantId: number, fromYear: number, strategyId: number): Promise<void> {
  await db.insertInto('strategy_period').values({ tenant_id: tenantId, from_year: fromYear, strategy_id: strategyId })
    .onConflict((oc) => oc.columns(['tenant_id', 'from_year']).doUpdateSet({ strategy_id: strategyId })).execute();
}

export type GoalRow = {
  readonly id: number; readonly strategyId: number; readonly title: string; readonly description: string; readonly isExample: boolean;
  readonly subStrategies: readonly number[];
};

export async function listGoals(db: DbOrTx, orgId: number): Promise<GoalRow[]> {
  const goals = await db.selectFrom('goal').selectAll().where('org_id', '=', String(orgId)).orderBy('sort_order').orderBy('id').execute();
  const links = goals.length === 0 ? [] : await db.selectFrom('goal_sub_strategy').select(['goal_id', 'number']).where('goal_id', 'in', goals.map((g) => g.id)).orderBy('number').execute();
  return goals.map((g) => ({
    id: toSafeNumber(g.id, 'goal.id'), strategyId: toSafeNumber(g.strategy_id, 'goal.strategy_id'), title: g.title, description: g.description,
    isExample: g.is_example, subStrategies: links.filter((l) => l.goal_id === g.id).map((l) => l.number),
  }));
}

export async function insertGoal(
  db: DbOrTx, g: { tenantId: number; orgId: number; strategyId: number; title: string; description: string; subStrategies: readonly number[]; isExample?: boolean },
): Promise<number> {
  const row = await db.insertInto('goal').values({
    tenant_id: g.tenantId, org_id: g.orgId, strategy_id: g.strategyId, title: g.title, description: g.description, is_example: g.isExample ?? false,
    sort_order: sql<number>`(SELECT coalesce(max(sort_order), 0) + 1 FROM goal WHERE org_id = ${g.orgId})`,
  }).returning('id').executeTakeFirstOrThrow();
  const id = toSafeNumber(row.id, 'goal.id');
  if (g.subStrategies.length > 0) {
    await db.insertInto('goal_sub_strategy').values(g.subStrategies.map((n) => ({ tenant_id: g.tenantId, goal_id: id, strategy_id: g.strategyId, number: n }))).execute();
  }
  return id;
}

export type IndicatorRow = {
  readonly id: number; readonly goalId: number; readonly name: string; readonly unit: string; readonly direction: Direction;
  readonly koladaKpi: string | null; readonly genderSplit: boolean; readonly baselineYear: number | null; readonly baselineValue: number | null;
  readonly targets: ReadonlyArray<{ year: number; target: number }>;
  readonly outcomes: ReadonlyArray<{ period: string; gender: Gender; value: number }>;
};

export async function listIndicators(db: DbOrTx, goalIds: readonly number[]): Promise<IndicatorRow[]> {
  if (goalIds.length === 0) return [];
  const inds = await db.selectFrom('indicator').selectAll().where('goal_id', 'in', goalIds.map(String)).orderBy('id').execute();
  const ids = inds.map((i) => i.id);
  const [targets, outcomes] = ids.length === 0 ? [[], []] : await Promise.all([
    db.selectFrom('indicator_target').selectAll().where('indicator_id', 'in', ids).orderBy('year').execute(),
    db.selectFrom('indicator_outcome').selectAll().where('indicator_id', 'in', ids).orderBy('period').orderBy('gender').execute(),
  ]);
  return inds.map((i) => ({
    id: toSafeNumber(i.id, 'indicator.id'), goalId: toSafeNumber(i.goal_id, 'indicator.goal_id'), name: i.name, unit: i.unit, direction: i.direction,
    koladaKpi: i.kolada_kpi, genderSplit: i.gender_split, baselineYear: i.baseline_year, baselineValue: i.baseline_value,
    targets: targets.filter((t) => t.indicator_id === i.id).map((t) => ({ year: t.year, target: t.target })),
    outcomes: outcomes.filter((o) => o.indicator_id === i.id).map((o) => ({ period: o.period, gender: o.gender, value: o.value })),
  }));
}

export async function insertIndicator(
  db: DbOrTx, tenantId: number, goalId: number,
  i: { name: string; unit: string; direction: Direction; koladaKpi: string | null; genderSplit: boolean; baselineYear: number | null; baselineValue: number | null; targets: ReadonlyArray<{ year: number; target: number }> },
): Promise<number> {
  const row = await db.insertInto('indicator').values({
    tenant_id: tenantId, goal_id: goalId, name: i.name, unit: i.unit, direction: i.direction, kolada_kpi: i.koladaKpi, gender_split: i.genderSplit,
    baseline_year: i.baselineYear, baseline_value: i.baselineValue,
  }).returning('id').executeTakeFirstOrThrow();
  const id = toSafeNumber(row.id, 'indicator.id');
  if (i.targets.length > 0) await db.insertInto('indicator_target').values(i.targets.map((t) => ({ tenant_id: tenantId, indicator_id: id, year: t.year, target: t.target }))).execute();
  return id;
}

export async function findIndicatorGoal(db: DbOrTx, indicatorId: number): Promise<{ goalId: number; orgId: number; genderSplit: boolean } | undefined> {
  const r = await db.selectFrom('indicator as i').innerJoin('goal as g', 'g.id', 'i.goal_id').select(['g.id', 'g.org_id', 'i.gender_split'])
    .where('i.id', '=', String(indicatorId)).executeTakeFirst();
  return r ? { goalId: toSafeNumber(r.id, 'goal.id'), orgId: toSafeNumber(r.org_id, 'goal.org_id'), genderSplit: r.gender_split } : undefined;
}

export async function upsertOutcomes(db: DbOrTx, tenantId: number, indicatorId: number, period: string, values: ReadonlyArray<{ gender: Gender; value: number }>): Promise<void> {
  await db.deleteFrom('indicator_outcome').where('indicator_id', '=', String(indicatorId)).where('period', '=', period).execute();
  if (values.length === 0) return;
  await db.insertInto('indicator_outcome').values(values.map((v) => ({ tenant_id: tenantId, indicator_id: indicatorId, period, gender: v.gender, value: v.value }))).execute();
}

export type ActivityRow = {
  readonly id: number; readonly goalId: number; readonly title: string; readonly owner: string; readonly dueDay: string; readonly done: boolean;
  readonly doneBy: string | null; readonly doneAt: Date | null;
};

export async function listActivities(db: DbOrTx, goalIds: readonly number[]): Promise<ActivityRow[]> {
  if (goalIds.length === 0) return [];
  const rows = await db.selectFrom('activity').select(['id', 'goal_id', 'title', 'owner', sql<string>`due_day::text`.as('due_day'), 'done', 'done_by', 'done_at'])
    .where('goal_id', 'in', goalIds.map(String)).orderBy('due_day').orderBy('id').execute();
  return rows.map((r) => ({
    id: toSafeNumber(r.id, 'activity.id'), goalId: toSafeNumber(r.goal_id, 'activity.goal_id'), title: r.title, owner: r.owner, dueDay: r.due_day, done: r.done,
    doneBy: r.done_by, doneAt: r.done_at,
  }));
}

export async function insertActivity(db: DbOrTx, tenantId: number, goalId: number, a: { title: string; owner: string; dueDay: string }): Promise<number> {
  const row = await db.insertInto('activity').values({ tenant_id: tenantId, goal_id: goalId, title: a.title, owner: a.owner, due_day: a.dueDay })
    .returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(row.id, 'activity.id');
}

/** The activity with the organisation its goal belongs to, or undefined. */
export async function findActivity(db: DbOrTx, activityId: number): Promise<(ActivityRow & { orgId: number }) | undefined> {
  const r = await db.selectFrom('activity as a').innerJoin('goal as g', 'g.id', 'a.goal_id')
    .select(['a.id', 'a.goal_id', 'a.title', 'a.owner', sql<string>`a.due_day::text`.as('due_day'), 'a.done', 'a.done_by', 'a.done_at', 'g.org_id'])
    .where('a.id', '=', String(activityId)).executeTakeFirst();
  return r ? {
    id: toSafeNumber(r.id, 'activity.id'), goalId: toSafeNumber(r.goal_id, 'activity.goal_id'), title: r.title, owner: r.owner, dueDay: r.due_day, done: r.done,
    doneBy: r.done_by, doneAt: r.done_at, orgId: toSafeNumber(r.org_id, 'goal.org_id'),
  } : undefined;
}

/** Marks an activity done (with who and when) or not done (clearing both). */
export async function setActivityDone(db: DbOrTx, activityId: number, done: { by: string; at: Date } | null): Promise<void> {
  await db.updateTable('activity').set(done === null ? { done: false, done_by: null, done_at: null } : { done: true, done_by: done.by, done_at: done.at })
    .where('id', '=', String(activityId)).execute();
}

export type AssessmentRow = { readonly goalId: number; readonly period: string; readonly assessment: Assessment; readonly comment: string };

export async function listAssessments(db: DbOrTx, goalIds: readonly number[]): Promise<AssessmentRow[]> {
  if (goalIds.length === 0) return [];
  const rows = await db.selectFrom('goal_assessment').selectAll().where('goal_id', 'in', goalIds.map(String)).orderBy('period').execute();
  return rows.map((r) => ({ goalId: toSafeNumber(r.goal_id, 'goal_assessment.goal_id'), period: r.period, assessment: r.assessment, comment: r.comment }));
}

export async function upsertAssessment(db: DbOrTx, tenantId: number, a: AssessmentRow): Promise<void> {
  await db.insertInto('goal_assessment').values({ tenant_id: tenantId, goal_id: a.goalId, period: a.period, assessment: a.assessment, comment: a.comment })
    .onConflict((oc) => oc.columns(['goal_id', 'period']).doUpdateSet({ assessment: a.assessment, comment: a.comment })).execute();
}

// Updates and deletes. Deleting a goal or an indicator takes what hangs under it with it (ON DELETE
// CASCADE in 0003); the service decides when that is allowed (docs/decisions, goal deletion).

export async function updateGoal(
  db: DbOrTx, tenantId: number, goalId: number, g: { strategyId: number; title: string; description: string; subStrategies: readonly number[] },
): Promise<void> {
  await db.updateTable('goal').set({ strategy_id: g.strategyId, title: g.title, description: g.description }).where('id', '=', String(goalId)).execute();
  await db.deleteFrom('goal_sub_strategy').where('goal_id', '=', String(goalId)).execute();
  if (g.subStrategies.length > 0) {
    await db.insertInto('goal_sub_strategy').values(g.subStrategies.map((n) => ({ tenant_id: tenantId, goal_id: goalId, strategy_id: g.strategyId, number: n }))).execute();
  }
}

export async function deleteGoal(db: DbOrTx, goalId: number): Promise<void> {
  await db.deleteFrom('goal').where('id', '=', String(goalId)).execute();
}

export async function updateIndicator(
  db: DbOrTx, tenantId: number, indicatorId: number,
  i: { name: string; unit: string; direction: Direction; koladaKpi: string | null; genderSplit: boolean; baselineYear: number | null; baselineValue: number | null; targets: ReadonlyArray<{ year: number; target: number }> },
): Promise<void> {
  await db.updateTable('indicator').set({
    name: i.name, unit: i.unit, direction: i.direction, kolada_kpi: i.koladaKpi, gender_split: i.genderSplit, baseline_year: i.baselineYear, baseline_value: i.baselineValue,
  }).where('id', '=', String(indicatorId)).execute();
  await db.deleteFrom('indicator_target').where('indicator_id', '=', String(indicatorId)).execute();
  if (i.targets.length > 0) {
    await db.insertInto('indicator_target').values(i.targets.map((t) => ({ tenant_id: tenantId, indicator_id: indicatorId, year: t.year, target: t.target }))).execute();
  }
}

export async function deleteIndicator(db: DbOrTx, indicatorId: number): Promise<void> {
  await db.deleteFrom('indicator').where('id', '=', String(indicatorId)).execute();
}

/** Rewrites an activity; `done` null clears who and when, an object sets them, 'keep' leaves them. */
export async function updateActivity(
  db: DbOrTx, activityId: number, a: { title: string; owner: string; dueDay: string; done: { by: string; at: Date } | null | 'keep' },
): Promise<void> {
  const done = a.done === 'keep' ? {} : a.done === null ? { done: false, done_by: null, done_at: null } : { done: true, done_by: a.done.by, done_at: a.done.at };
  await db.updateTable('activity').set({ title: a.title, owner: a.owner, due_day: a.dueDay, ...done }).where('id', '=', String(activityId)).execute();
}

export async function deleteActivity(db: DbOrTx, activityId: number): Promise<void> {
  await db.deleteFrom('activity').where('id', '=', String(activityId)).execute();
}

export async function deleteAssessment(db: DbOrTx, goalId: number, period: string): Promise<void> {
  await db.deleteFrom('goal_assessment').where('goal_id', '=', String(goalId)).where('period', '=', period).execute();
}
