// Use cases of strategy, goals, indicators, activities and follow-up. Each write is one transaction
// with an audit entry; bad input is refused with a Swedish message naming the field, nothing written.
import type { ServiceContext } from './context.ts';
import { ServiceError, invalid, notFound } from './errors.ts';
import type { AuthUser } from './auth.ts';
import type { Tx } from '../db/database.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import { insertStrategy } from '../db/repositories/reference.ts';
import { listKoladaValues, type KoladaValueRow } from '../db/repositories/kolada.ts';
import {
  deleteActivity as deleteActivityRow, deleteAssessment as deleteAssessmentRow, deleteGoal as deleteGoalRow, deleteIndicator as deleteIndicatorRow,
  findActivity, findIndicatorGoal, insertActivity, setActivityDone, insertGoal, insertIndicator, listActivities, listAssessments, listGoals, listIndicators, listStrategiesWithIds,
  listStrategyPeriods, setStrategyPeriod, updateActivity as updateActivityRow, updateGoal as updateGoalRow, updateIndicator as updateIndicatorRow,
  upsertAssessment, upsertOutcomes, type ActivityRow, type AssessmentRow, type GoalRow, type IndicatorRow, type StrategyFull,
} from '../db/repositories/goals.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import {
  assessmentLabel, countSv, goalContentsText, indicatorProgress, periodYearOf, strategyForYear, validateIndicator, validateStrategy,
  type Assessment, type Gender, type IndicatorInput, type NewStrategy, type Progress,
} from '../domain/goals.ts';
import { parseFollowupPeriod } from '../domain/agreement.ts';
import { parseDay } from '../domain/period.ts';

const firstError = (errors: ReadonlyArray<{ field: string; message: string }>): void => {
  const e = errors[0];
  if (e) throw invalid(e.field, e.message);
};

async function audit(
  tx: Tx, user: AuthUser, org: OrganisationRow, action: string, entityId: string, after: unknown, before: unknown = null, entity = 'goal',
): Promise<void> {
  await appendAudit(tx, { tenantId: org.tenantId, actor: user.username, action, entity, entityId, before, after });
}

export type StrategyView = {
  readonly strategies: readonly StrategyFull[];
  readonly periods: ReadonlyArray<{ fromYear: number; strategyCode: string }>;
  readonly current: string | null;
};

export async function getStrategies(ctx: ServiceContext, org: OrganisationRow, year: number): Promise<StrategyView> {
  const [strategies, periods] = await Promise.all([listStrategiesWithIds(ctx.db, org.tenantId), listStrategyPeriods(ctx.db, org.tenantId)]);
  const byId = new Map(strategies.map((s) => [s.id, s.code]));
  const named = periods.map((p) => ({ fromYear: p.fromYear, strategyCode: byId.get(p.strategyId) ?? '' }));
  return { strategies, periods: named, current: strategyForYear(named, year) ?? null };
}

export async function addStrategy(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, s: NewStrategy): Promise<void> {
  firstError(validateStrategy(s));
  await ctx.db.transaction().execute(async (tx) => {
    if ((await listStrategiesWithIds(tx, org.tenantId)).some((x) => x.code === s.code)) {
      throw new ServiceError('conflict', `Det finns redan en strategi med koden ${s.code}.`, { field: 'code' });
    }
    await insertStrategy(tx, org.tenantId, { ...s, name: s.name.trim(), subStrategies: s.subStrategies.map((x) => x.trim()) });
    await audit(tx, user, org, 'strategy.create', s.code, s);
  });
}

/** Moves the region to a strategy from a year; the earlier strategy stays in the history for earlier years. */
export async function adoptStrategy(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, strategyCode: string, fromYear: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const s = (await listStrategiesWithIds(tx, org.tenantId)).find((x) => x.code === strategyCode);
    if (!s) throw invalid('strategyCode', `Strategi: ${strategyCode} finns inte.`);
    if (fromYear < s.firstYear || fromYear > s.lastYear) throw invalid('fromYear', `Från år: ${s.name} gäller ${s.firstYear}–${s.lastYear}.`);
    await setStrategyPeriod(tx, org.tenantId, fromYear, s.id);
    await audit(tx, user, org, 'strategy.adopt', strategyCode, { fromYear });
  });
}

export type IndicatorView = IndicatorRow & {
  readonly targetThisYear: number | null; readonly latestOutcome: { period: string; total: number | null; women: number | null; men: number | null } | null;
  readonly progress: Progress; readonly kolada: readonly KoladaValueRow[];
  /** Every recorded outcome, one entry per period (women and men beside the total), for editing. */
  readonly outcomesByPeriod: ReadonlyArray<{ period: string; total: number | null; women: number | null; men: number | null }>;
};
export type GoalView = GoalRow & {
  readonly strategyCode: string; readonly subStrategyNames: readonly string[]; readonly indicators: readonly IndicatorView[];
  readonly activities: readonly ActivityRow[]; readonly assessments: ReadonlyArray<AssessmentRow & { label: string }>;
};

/** Every goal of the committee with its indicators (target and latest outcome of `year`), activities and assessments. */
export async function listGoalViews(ctx: ServiceContext, org: OrganisationRow, year: number): Promise<GoalView[]> {
  const [goals, strategies] = await Promise.all([listGoals(ctx.db, org.id), listStrategiesWithIds(ctx.db, org.tenantId)]);
  const ids = goals.map((g) => g.id);
  const [indicators, activities, assessments] = await Promise.all([listIndicators(ctx.db, ids), listActivities(ctx.db, ids), listAssessments(ctx.db, ids)]);
  const kpis = [...new Set(indicators.flatMap((i) => (i.koladaKpi === null ? [] : [i.koladaKpi])))];
  const kolada = new Map(await Promise.all(kpis.map(async (k) => [k, await listKoladaValues(ctx.db, org.tenantId, k)] as const)));
  return goals.map((g) => {
    const s = strategies.find((x) => x.id === g.strategyId);
    return {
      ...g, strategyCode: s?.code ?? '', subStrategyNames: g.subStrategies.map((n) => `${n}. ${s?.subStrategies.find((x) => x.number === n)?.name ?? ''}`),
      indicators: indicators.filter((i) => i.goalId === g.id).map((i) => indicatorView(i, year, kolada.get(i.koladaKpi ?? '') ?? [])),
      activities: activities.filter((a) => a.goalId === g.id),
      assessments: assessments.filter((a) => a.goalId === g.id).map((a) => ({ ...a, label: assessmentLabel(a.assessment) })),
    };
  });
}

function indicatorView(i: IndicatorRow, year: number, kolada: readonly KoladaValueRow[]): IndicatorView {
  const target = i.targets.find((t) => t.year === year)?.target;
  const periods = [...new Set(i.outcomes.filter((o) => periodYearOf(o.period) <= year).map((o) => o.period))].sort();
  const last = periods[periods.length - 1];
  const at = (p: string, g: Gender) => i.outcomes.find((o) => o.period === p && o.gender === g)?.value ?? null;
  const entry = (p: string) => ({ period: p, total: at(p, 'T'), women: at(p, 'K'), men: at(p, 'M') });
  const latest = last === undefined ? null : entry(last);
  return {
    ...i, outcomesByPeriod: [...new Set(i.outcomes.map((o) => o.period))].sort().map(entry), targetThisYear: target ?? null, latestOutcome: latest, progress: indicatorProgress(i.direction, target, latest?.total ?? undefined),
    kolada: kolada.filter((k) => k.year <= year),
  };
}

async function requireGoalStrategy(tx: Tx, org: OrganisationRow, strategyCode: string, numbers: readonly number[]): Promise<StrategyFull> {
  const s = (await listStrategiesWithIds(tx, org.tenantId)).find((x) => x.code === strategyCode);
  if (!s) throw invalid('strategyCode', `Strategi: ${strategyCode} finns inte.`);
  if (numbers.length === 0) throw invalid('subStrategies', 'Delstrategier: ett mål ska utgå från minst en delstrategi.');
  const unknown = numbers.filter((n) => !s.subStrategies.some((x) => x.number === n));
  if (unknown.length > 0) throw invalid('subStrategies', `Delstrategier: ${s.name} har ingen delstrategi ${unknown.join(', ')}.`);
  return s;
}

export type GoalInput = { title: string; description?: string; strategyCode: string; subStrategies: readonly number[] };

export async function createGoal(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, g: GoalInput): Promise<number> {
  if (g.title.trim() === '') throw invalid('title', 'Mål: skriv målet.');
  return ctx.db.transaction().execute(async (tx) => {
    const s = await requireGoalStrategy(tx, org, g.strategyCode, g.subStrategies);
    const id = await insertGoal(tx, { tenantId: org.tenantId, orgId: org.id, strategyId: s.id, title: g.title.trim(), description: g.description ?? '', subStrategies: [...new Set(g.subStrategies)] });
    await audit(tx, user, org, 'goal.create', String(id), g);
    return id;
  });
}

async function requireGoal(tx: Tx, org: OrganisationRow, goalId: number): Promise<GoalRow> {
  const g = (await listGoals(tx, org.id)).find((x) => x.id === goalId);
  if (!g) throw notFound(`Målet ${goalId} finns inte för ${org.name}.`);
  return g;
}

export async function addIndicator(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, goalId: number, i: IndicatorInput): Promise<number> {
  firstError(validateIndicator(i));
  return ctx.db.transaction().execute(async (tx) => {
    await requireGoal(tx, org, goalId);
    const id = await insertIndicator(tx, org.tenantId, goalId, { ...i, name: i.name.trim(), unit: i.unit.trim() });
    await audit(tx, user, org, 'indicator.create', String(id), { goalId, ...i });
    return id;
  });
}

function checkActivity(a: { title: string; owner: string; dueDay: string }): { title: string; owner: string; dueDay: string } {
  if (a.title.trim() === '') throw invalid('title', 'Aktivitet: beskriv aktiviteten.');
  if (a.owner.trim() === '') throw invalid('owner', 'Ansvarig: ange vem som äger aktiviteten.');
  const day = parseDay(a.dueDay);
  if (!day.ok) throw invalid('dueDay', `Klart senast: ${day.error}`);
  return { title: a.title.trim(), owner: a.owner.trim(), dueDay: day.value };
}

export async function addActivity(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, goalId: number, a: { title: string; owner: string; dueDay: string }): Promise<number> {
  const checked = checkActivity(a);
  return ctx.db.transaction().execute(async (tx) => {
    await requireGoal(tx, org, goalId);
    const id = await insertActivity(tx, org.tenantId, goalId, checked);
    await audit(tx, user, org, 'activity.create', String(id), { goalId, ...a });
    return id;
  });
}

/** Marks an activity done, recording who and when; or back to not done. */
export async function markActivityDone(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, activityId: number, done: boolean): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const a = await findActivity(tx, activityId);
    if (!a || a.orgId !== org.id) throw notFound(`Aktiviteten ${activityId} finns inte för ${org.name}.`);
    const by = user.displayName.trim() === '' ? user.username : `${user.displayName} (${user.username})`;
    await setActivityDone(tx, activityId, done ? { by, at: ctx.now() } : null);
    await appendAudit(tx, {
      tenantId: org.tenantId, actor: user.username, action: done ? 'activity.done' : 'activity.reopen', entity: 'activity', entityId: String(activityId),
      before: { done: a.done, doneBy: a.doneBy, doneAt: a.doneAt }, after: { done },
    });
  });
}

type AssessmentInput = { period: string; assessment: Assessment; comment: string };

function checkPeriod(text: string, field = 'period'): string {
  const period = parseFollowupPeriod(text);
  if (!period.ok) throw invalid(field, `Period: ${period.error}`);
  return period.value;
}

function checkAssessment(a: AssessmentInput): string {
  const period = checkPeriod(a.period);
  if (a.assessment !== 'met' && a.comment.trim() === '') throw invalid('comment', 'Kommentar: förklara varför målet inte är helt uppfyllt.');
  return period;
}

export async function assessGoal(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, goalId: number, a: AssessmentInput): Promise<void> {
  const period = checkAssessment(a);
  await ctx.db.transaction().execute(async (tx) => {
    await requireGoal(tx, org, goalId);
    await upsertAssessment(tx, org.tenantId, { goalId, period, assessment: a.assessment, comment: a.comment.trim() });
    await audit(tx, user, org, 'goal.assess', String(goalId), a);
  });
}

/** An indicator's outcome for a period: the total, and for KPIs split by sex women and men beside it. */
type OutcomeInput = { period: string; total: number; women?: number | null; men?: number | null };

function checkOutcome(o: OutcomeInput): string {
  const period = checkPeriod(o.period);
  for (const [field, v] of [['total', o.total], ['women', o.women], ['men', o.men]] as const) {
    if (v !== undefined && v !== null && !Number.isFinite(v)) throw invalid(field, 'Utfall: ange ett tal.');
  }
  return period;
}

async function requireIndicator(tx: Tx, org: OrganisationRow, indicatorId: number): Promise<{ goalId: number; orgId: number; genderSplit: boolean }> {
  const ind = await findIndicatorGoal(tx, indicatorId);
  if (!ind || ind.orgId !== org.id) throw notFound(`Indikatorn ${indicatorId} finns inte för ${org.name}.`);
  return ind;
}

/** The outcome values of a period: the total, and women and men where given (the indicator must be split by sex). */
function outcomeValues(o: OutcomeInput, genderSplit: boolean): Array<{ gender: Gender; value: number }> {
  const hasSplit = (o.women ?? null) !== null || (o.men ?? null) !== null;
  if (hasSplit && !genderSplit) throw invalid('women', 'Kvinnor/män: indikatorn är inte uppdelad på kön.');
  const values: Array<{ gender: Gender; value: number }> = [{ gender: 'T', value: o.total }];
  if (o.women !== undefined && o.women !== null) values.push({ gender: 'K', value: o.women });
  if (o.men !== undefined && o.men !== null) values.push({ gender: 'M', value: o.men });
  return values;
}

export async function recordOutcome(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, indicatorId: number, o: OutcomeInput): Promise<void> {
  const period = checkOutcome(o);
  await ctx.db.transaction().execute(async (tx) => {
    const ind = await requireIndicator(tx, org, indicatorId);
    await upsertOutcomes(tx, org.tenantId, indicatorId, period, outcomeValues(o, ind.genderSplit));
    await audit(tx, user, org, 'indicator.outcome', String(indicatorId), o);
  });
}


async function requireIndicatorRow(tx: Tx, org: OrganisationRow, indicatorId: number): Promise<IndicatorRow> {
  const ind = await requireIndicator(tx, org, indicatorId);
  const row = (await listIndicators(tx, [ind.goalId])).find((i) => i.id === indicatorId);
  if (!row) throw notFound(`Indikatorn ${indicatorId} finns inte för ${org.name}.`);
  return row;
}

async function requireActivity(tx: Tx, org: OrganisationRow, activityId: number): Promise<ActivityRow> {
  const a = await findActivity(tx, activityId);
  if (!a || a.orgId !== org.id) throw notFound(`Aktiviteten ${activityId} finns inte för ${org.name}.`);
  return a;
}

/** Changes a goal's title, description, strategy and the sub-strategies it is linked to. */
export async function updateGoal(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, goalId: number, g: GoalInput): Promise<void> {
  if (g.title.trim() === '') throw invalid('title', 'Mål: skriv målet.');
  await ctx.db.transaction().execute(async (tx) => {
    const before = await requireGoal(tx, org, goalId);
    const s = await requireGoalStrategy(tx, org, g.strategyCode, g.subStrategies);
    const after = { title: g.title.trim(), description: g.description ?? '', strategyId: s.id, subStrategies: [...new Set(g.subStrategies)].sort((a, b) => a - b) };
    await updateGoalRow(tx, org.tenantId, goalId, after);
    await audit(tx, user, org, 'goal.update', String(goalId), { ...after, strategyCode: s.code }, before);
  });
}

/**
 * Deletes a goal. One with indicators, activities or assessments is refused unless `withContents`
 * says the caller has confirmed that they go with it (docs/decisions/0007-deleting-goals.md); the
 * audit entry keeps everything that was deleted.
 */
export async function deleteGoal(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, goalId: number, withContents: boolean): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const goal = await requireGoal(tx, org, goalId);
    const [indicators, activities, assessments] = await Promise.all([listIndicators(tx, [goalId]), listActivities(tx, [goalId]), listAssessments(tx, [goalId])]);
    const outcomes = new Set(indicators.flatMap((i) => i.outcomes.map((o) => `${i.id}:${o.period}`))).size;
    const contents = goalContentsText({ indicators: indicators.length, outcomes, activities: activities.length, assessments: assessments.length });
    if (contents !== '' && !withContents) {
      throw new ServiceError('conflict', `Målet "${goal.title}" har ${contents}. Bekräfta att de tas bort tillsammans med målet.`, { current: { indicators: indicators.length, activities: activities.length, assessments: assessments.length, outcomes } });
    }
    await deleteGoalRow(tx, goalId);
    await audit(tx, user, org, 'goal.delete', String(goalId), null, { ...goal, indicators, activities, assessments });
  });
}

export async function updateIndicator(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, indicatorId: number, i: IndicatorInput): Promise<void> {
  firstError(validateIndicator(i));
  await ctx.db.transaction().execute(async (tx) => {
    const before = await requireIndicatorRow(tx, org, indicatorId);
    if (!i.genderSplit && before.outcomes.some((o) => o.gender !== 'T')) {
      throw invalid('genderSplit', 'Uppdelad på kvinnor och män: indikatorn har utfall för kvinnor och män; ta bort dem först eller behåll uppdelningen.');
    }
    const after = { ...i, name: i.name.trim(), unit: i.unit.trim(), targets: [...i.targets].sort((a, b) => a.year - b.year) };
    await updateIndicatorRow(tx, org.tenantId, indicatorId, after);
    const { outcomes: _outcomes, ...shown } = before;
    await audit(tx, user, org, 'indicator.update', String(indicatorId), after, shown, 'indicator');
  });
}

/** Deletes an indicator with its targets; one with outcomes only when `withContents` confirms that they go too. */
export async function deleteIndicator(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, indicatorId: number, withContents: boolean): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await requireIndicatorRow(tx, org, indicatorId);
    const periods = new Set(before.outcomes.map((o) => o.period)).size;
    if (periods > 0 && !withContents) {
      throw new ServiceError('conflict', `Indikatorn "${before.name}" har utfall för ${countSv(periods, 'period', 'perioder')}. Bekräfta att de tas bort tillsammans med indikatorn.`, { current: { outcomes: periods } });
    }
    await deleteIndicatorRow(tx, indicatorId);
    await audit(tx, user, org, 'indicator.delete', String(indicatorId), null, before, 'indicator');
  });
}

/** Changes an activity; a change of done records who and when (or clears them), as marking it done does. */
export async function updateActivity(
  ctx: ServiceContext, user: AuthUser, org: OrganisationRow, activityId: number, a: { title: string; owner: string; dueDay: string; done: boolean },
): Promise<void> {
  const checked = checkActivity(a);
  await ctx.db.transaction().execute(async (tx) => {
    const before = await requireActivity(tx, org, activityId);
    const by = user.displayName.trim() === '' ? user.username : `${user.displayName} (${user.username})`;
    const done = a.done === before.done ? 'keep' as const : a.done ? { by, at: ctx.now() } : null;
    await updateActivityRow(tx, activityId, { ...checked, done });
    await audit(tx, user, org, 'activity.update', String(activityId), { ...checked, done: a.done }, before, 'activity');
  });
}

export async function deleteActivity(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, activityId: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await requireActivity(tx, org, activityId);
    await deleteActivityRow(tx, activityId);
    await audit(tx, user, org, 'activity.delete', String(activityId), null, before, 'activity');
  });
}

/** Changes the assessment of a goal for `period`; a new period in the body moves it there (refused if that period has one). */
export async function updateAssessment(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, goalId: number, period: string, a: AssessmentInput): Promise<void> {
  const from = checkPeriod(period);
  const to = checkAssessment(a);
  await ctx.db.transaction().execute(async (tx) => {
    await requireGoal(tx, org, goalId);
    const existing = await listAssessments(tx, [goalId]);
    const before = existing.find((x) => x.period === from);
    if (!before) throw notFound(`Målet har ingen bedömning för ${from}.`);
    if (to !== from && existing.some((x) => x.period === to)) throw new ServiceError('conflict', `Period: målet har redan en bedömning för ${to}.`, { field: 'period' });
    await deleteAssessmentRow(tx, goalId, from);
    await upsertAssessment(tx, org.tenantId, { goalId, period: to, assessment: a.assessment, comment: a.comment.trim() });
    await audit(tx, user, org, 'goal.assessment.update', String(goalId), { period: to, assessment: a.assessment, comment: a.comment.trim() }, before);
  });
}

export async function deleteAssessment(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, goalId: number, period: string): Promise<void> {
  const from = checkPeriod(period);
  await ctx.db.transaction().execute(async (tx) => {
    await requireGoal(tx, org, goalId);
    const before = (await listAssessments(tx, [goalId])).find((x) => x.period === from);
    if (!before) throw notFound(`Målet har ingen bedömning för ${from}.`);
    await deleteAssessmentRow(tx, goalId, from);
    await audit(tx, user, org, 'goal.assessment.delete', String(goalId), null, before);
  });
}

/** Changes an indicator's outcome of `period` (total, women, men); a new period in the body moves it there (refused if that period has one). */
export async function updateOutcome(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, indicatorId: number, period: string, o: OutcomeInput): Promise<void> {
  const from = checkPeriod(period);
  const to = checkOutcome(o);
  await ctx.db.transaction().execute(async (tx) => {
    const ind = await requireIndicatorRow(tx, org, indicatorId);
    const before = ind.outcomes.filter((x) => x.period === from);
    if (before.length === 0) throw notFound(`Indikatorn har inget utfall för ${from}.`);
    if (to !== from && ind.outcomes.some((x) => x.period === to)) throw new ServiceError('conflict', `Period: indikatorn har redan ett utfall för ${to}.`, { field: 'period' });
    const values = outcomeValues(o, ind.genderSplit);
    await upsertOutcomes(tx, org.tenantId, indicatorId, from, []);
    await upsertOutcomes(tx, org.tenantId, indicatorId, to, values);
    await audit(tx, user, org, 'indicator.outcome.update', String(indicatorId), { period: to, values }, { period: from, values: before }, 'indicator');
  });
}

export async function deleteOutcome(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, indicatorId: number, period: string): Promise<void> {
  const from = checkPeriod(period);
  await ctx.db.transaction().execute(async (tx) => {
    const ind = await requireIndicatorRow(tx, org, indicatorId);
    const before = ind.outcomes.filter((x) => x.period === from);
    if (before.length === 0) throw notFound(`Indikatorn har inget utfall för ${from}.`);
    await upsertOutcomes(tx, org.tenantId, indicatorId, from, []);
    await audit(tx, user, org, 'indicator.outcome.delete', String(indicatorId), null, { period: from, values: before }, 'indicator');
  });
}

/** What the underlag places: the goals table of a year (goal, sub-strategies, indicators with target and outcome, latest assessment). */
export async function goalsTableForUnderlag(ctx: ServiceContext, org: OrganisationRow, year: number): Promise<Array<{
  goal: string; subStrategies: string[]; isExample: boolean; assessment: { period: string; label: string; comment: string } | null;
  indicators: Array<{
    name: string; unit: string; baseline: string; target: number | null; outcome: number | null; outcomePeriod: string | null; women: number | null; men: number | null;
    progress: Progress; source: string;
  }>;
}>> {
  const goals = await listGoalViews(ctx, org, year);
  return goals.map((g) => {
    const a = g.assessments.filter((x) => periodYearOf(x.period) === year).at(-1);
    return {
      goal: g.title, subStrategies: [...g.subStrategyNames], isExample: g.isExample,
      assessment: a ? { period: a.period, label: a.label, comment: a.comment } : null,
      indicators: g.indicators.map((i) => {
        const region = i.koladaKpi === null ? undefined : i.kolada.filter((k) => k.area.startsWith('00') && k.area !== '0000' && k.gender === 'T').at(-1);
        return {
          name: i.name, unit: i.unit, baseline: i.baselineYear === null ? '' : `${i.baselineValue ?? ''} (${i.baselineYear})`, target: i.targetThisYear,
          outcome: i.latestOutcome?.total ?? region?.value ?? null,
          outcomePeriod: i.latestOutcome !== null ? i.latestOutcome.period : region !== undefined ? String(region.year) : null,
          women: i.latestOutcome?.women ?? null, men: i.latestOutcome?.men ?? null,
          progress: i.progress, source: i.koladaKpi === null ? 'Manuell' : `Kolada ${i.koladaKpi}`,
        };
      }),
    };
  });
}

