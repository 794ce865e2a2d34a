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
  findActivity, findIndicatorGoal, insertActivity, setActivityDone, insertGoal, insertIndicator, listActivities, listAssessments, listGoals, listIndicators, listStrategiesWithIds,
  listStrategyPeriods, setStrategyPeriod, upsertAssessment, upsertOutcomes, type ActivityRow, type AssessmentRow, type GoalRow, type IndicatorRow, type StrategyFull,
} from '../db/repositories/goals.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import {
  assessmentLabel, indicatorProgress, periodYearOf, strategyForYear, validateIndicator, validateStrategy,
  type Assessment, type Gender, type IndicatorInput, type NewStrategy, type Progress,
} from '../domain/goals.ts';
import { parseFollowupPeriod } from '../domain/agreement.ts';
import { parseDay } from '../domain/period.ts';

const firstError = (errors: ReadonlyArray<{ field: string; message: string }>): void => {
  const e = errors[0];
  if (e) throw invalid(e.field, e.message);
};

async function audit(tx: Tx, user: AuthUser, org: OrganisationRow, action: string, entityId: string, after: unknown): Promise<void> {
  await appendAudit(tx, { tenantId: org.tenantId, actor: user.username, action, entity: 'goal', entityId, before: null, after });
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
  const pick = (g: Gender) => i.outcomes.find((o) => o.period === last && o.gender === g)?.value ?? null;
  const latest = last === undefined ? null : { period: last, total: pick('T'), women: pick('K'), men: pick('M') };
  return {
    ...i, targetThisYear: target ?? null, latestOutcome: latest, progress: indicatorProgress(i.direction, target, latest?.total ?? undefined),
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

export async function createGoal(
  ctx: ServiceContext, user: AuthUser, org: OrganisationRow, g: { title: string; description?: string; strategyCode: string; subStrategies: readonly number[] },
): Promise<number> {
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

export async function addActivity(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, goalId: number, a: { title: string; owner: string; dueDay: string }): Promise<number> {
  if (a.title.trim() === '') throw invalid('title', 'Aktivitet: beskriv aktiviteten.');
  if (a.owner.trim() === '') throw invalid('owner', 'Ansvarig: ange vem som äger aktiviteten.');
  const day = parseDay(a.dueDay);
  if (!day.ok) throw invalid('dueDay', `Klart senast: ${day.error}`);
  return ctx.db.transaction().execute(async (tx) => {
    await requireGoal(tx, org, goalId);
    const id = await insertActivity(tx, org.tenantId, goalId, { title: a.title.trim(), owner: a.owner.trim(), dueDay: day.value });
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

export async function assessGoal(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, goalId: number, a: { period: string; assessment: Assessment; comment: string }): Promise<void> {
  const period = parseFollowupPeriod(a.period);
  if (!period.ok) throw invalid('period', `Period: ${period.error}`);
  if (a.assessment !== 'met' && a.comment.trim() === '') throw invalid('comment', 'Kommentar: förklara varför målet inte är helt uppfyllt.');
  await ctx.db.transaction().execute(async (tx) => {
    await requireGoal(tx, org, goalId);
    await upsertAssessment(tx, org.tenantId, { goalId, period: period.value, assessment: a.assessment, comment: a.comment.trim() });
    await audit(tx, user, org, 'goal.assess', String(goalId), a);
  });
}

/** An indicator's outcome for a period: the total, and for KPIs split by sex women and men beside it. */
export async function recordOutcome(
  ctx: ServiceContext, user: AuthUser, org: OrganisationRow, indicatorId: number, o: { period: string; total: number; women?: number | null; men?: number | null },
): Promise<void> {
  const period = parseFollowupPeriod(o.period);
  if (!period.ok) throw invalid('period', `Period: ${period.error}`);
  for (const [field, v] of [['total', o.total], ['women', o.women], ['men', o.men]] as const) {
    if (v !== undefined && v !== null && !Number.isFinite(v)) throw invalid(field, 'Utfall: ange ett tal.');
  }
  await ctx.db.transaction().execute(async (tx) => {
    const ind = await findIndicatorGoal(tx, indicatorId);
    if (!ind || ind.orgId !== org.id) throw notFound(`Indikatorn ${indicatorId} finns inte för ${org.name}.`);
    const hasSplit = (o.women ?? null) !== null || (o.men ?? null) !== null;
    if (hasSplit && !ind.genderSplit) throw invalid('women', 'Kvinnor/män: indikatorn är inte uppdelad på kön.');
    const values: Array<{ gender: Gender; value: number }> = [{ gender: 'T', value: o.total }];
    if (o.women !== undefined && o.women !== null) values.push({ gender: 'K', value: o.women });
    if (o.men !== undefined && o.men !== null) values.push({ gender: 'M', value: o.men });
    await upsertOutcomes(tx, org.tenantId, indicatorId, period.value, values);
    await audit(tx, user, org, 'indicator.outcome', String(indicatorId), o);
  });
}

/** What the underlag places: the goals table of a year (goal, sub-strategies, indicators with target and outcome, latest assessment). */
export async function goalsTableForUnderlag(ctx: ServiceContext, org: OrganisationRow, year: number): Promise<Array<{
  goal: string; subStrategies: string[]; isExample: boolean; assessment: { period: string; label: string; comment: string } | null;
  indicators: Array<{ name: string; unit: string; baseline: string; target: number | null; outcome: number | null; women: number | null; men: number | null; progress: Progress; source: string }>;
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
          outcome: i.latestOutcome?.total ?? region?.value ?? null, women: i.latestOutcome?.women ?? null, men: i.latestOutcome?.men ?? null,
          progress: i.progress, source: i.koladaKpi === null ? 'Manuell' : `Kolada ${i.koladaKpi}`,
        };
      }),
    };
  });
}

