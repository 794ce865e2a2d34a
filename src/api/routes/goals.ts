// Strategy (RUS) and its history, goals with indicators, activities and follow-up, Kolada values,
// and the tables the underlag places (goals, contributions, project financing) as plain data.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, OrgParams } from '../schemas.ts';
import {
  ActivityBody, ActivityDoneBody, AdoptStrategyBody, AssessmentBody, FeatureTables, Goal, GoalBody, IdParams, IndicatorBody, KoladaFetchBody, KoladaFetchResult, KoladaStored,
  KpiParams, NewActivityBody, NewGoalBody, NewIndicatorBody, NewStrategyBody, OptionalYearQuery, OutcomeBody, PeriodParams, Strategies, WithContentsQuery, YearQuery,
} from '../goal-schemas.ts';
import { Created } from '../agreement-schemas.ts';
import { requireUser } from '../session.ts';
import { resolveOrganisation } from '../../services/organisations.ts';
import {
  addActivity, addIndicator, addStrategy, adoptStrategy, assessGoal, createGoal, deleteActivity, deleteAssessment, deleteGoal, deleteIndicator, deleteOutcome, getStrategies,
  goalsTableForUnderlag, listGoalViews, markActivityDone, recordOutcome, updateActivity, updateAssessment, updateGoal, updateIndicator, updateOutcome,
} from '../../services/goals.ts';
import { fetchKolada, storedKolada } from '../../services/kolada.ts';
import { contributionsForUnderlag } from '../../services/agreements.ts';
import { projectFinancingTable } from '../../services/projects.ts';
import { progressLabel } from '../../domain/goals.ts';
import type { ApiOptions } from '../server.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['mål'];
const NoContent = { 204: Type.Null(), ...errors };

export const goalRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx }) => {
  app.get('/api/orgs/:orgCode/strategies', {
    config: { access: 'read' },
    schema: { tags, summary: 'Regionala utvecklingsstrategier, vilken som gäller från vilket år, och den som gäller året', params: OrgParams, querystring: YearQuery, response: { 200: Strategies, ...errors } },
  }, async (request) => {
    const { org } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    const v = await getStrategies(ctx, org, request.query.year);
    return { strategies: v.strategies.map((s) => ({ code: s.code, name: s.name, firstYear: s.firstYear, lastYear: s.lastYear, subStrategies: [...s.subStrategies] })), periods: [...v.periods], current: v.current };
  });

  app.post('/api/orgs/:orgCode/strategies', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Lägg till en strategi (t.ex. RUS 2020–2030) med delstrategier eller prioriteringar', params: OrgParams, body: NewStrategyBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await addStrategy(ctx, user, org, request.body);
    return reply.status(204).send(null);
  });

  app.post('/api/orgs/:orgCode/strategies/adopt', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Byt till en strategi från ett år; den tidigare finns kvar i historiken', params: OrgParams, body: AdoptStrategyBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await adoptStrategy(ctx, user, org, request.body.strategyCode, request.body.fromYear);
    return reply.status(204).send(null);
  });

  app.get('/api/orgs/:orgCode/goals', {
    config: { access: 'read' },
    schema: { tags, summary: 'Nämndens mål med indikatorer (målvärde och senaste utfall för året), aktiviteter och bedömningar', params: OrgParams, querystring: YearQuery, response: { 200: Type.Array(Goal), ...errors } },
  }, async (request) => {
    const { org } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    const goals = await listGoalViews(ctx, org, request.query.year);
    return goals.map((g) => ({
      id: g.id, title: g.title, description: g.description, isExample: g.isExample || org.isExample, strategyCode: g.strategyCode,
      subStrategies: [...g.subStrategies], subStrategyNames: [...g.subStrategyNames],
      indicators: g.indicators.map((i) => ({
        id: i.id, name: i.name, unit: i.unit, direction: i.direction, koladaKpi: i.koladaKpi, genderSplit: i.genderSplit, baselineYear: i.baselineYear,
        baselineValue: i.baselineValue, targets: [...i.targets], targetThisYear: i.targetThisYear, latestOutcome: i.latestOutcome, progress: i.progress,
        progressLabel: progressLabel(i.progress), kolada: i.kolada.map((k) => ({ ...k, fetchedAt: k.fetchedAt.toISOString() })), outcomes: [...i.outcomesByPeriod],
      })),
      activities: g.activities.map((a) => ({
        id: a.id, title: a.title, owner: a.owner, dueDay: a.dueDay, done: a.done, doneBy: a.doneBy, doneAt: a.doneAt === null ? null : a.doneAt.toISOString(),
      })),
      assessments: [...g.assessments],
    }));
  });

  app.post('/api/orgs/:orgCode/goals', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Nytt mål, kopplat till en eller flera delstrategier', params: OrgParams, body: NewGoalBody, response: { 201: Created, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    return reply.status(201).send({ id: await createGoal(ctx, user, org, request.body) });
  });

  app.post('/api/orgs/:orgCode/goals/:id/indicators', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ny indikator (enhet, utgångsvärde, målvärde per år, riktning, källa)', params: IdParams, body: NewIndicatorBody, response: { 201: Created, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    return reply.status(201).send({ id: await addIndicator(ctx, user, org, request.params.id, request.body) });
  });

  app.post('/api/orgs/:orgCode/goals/:id/activities', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ny aktivitet med ansvarig och datum', params: IdParams, body: NewActivityBody, response: { 201: Created, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    return reply.status(201).send({ id: await addActivity(ctx, user, org, request.params.id, request.body) });
  });

  app.put('/api/orgs/:orgCode/activities/:id/done', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Markera en aktivitet som klar (vem och när sparas) eller som inte klar', params: IdParams, body: ActivityDoneBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await markActivityDone(ctx, user, org, request.params.id, request.body.done);
    return reply.status(204).send(null);
  });

  app.put('/api/orgs/:orgCode/goals/:id/assessment', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Bedömning av målet för en period (uppfyllt, delvis uppfyllt, ej uppfyllt)', params: IdParams, body: AssessmentBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await assessGoal(ctx, user, org, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  app.put('/api/orgs/:orgCode/indicators/:id/outcome', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Indikatorns utfall för en period (totalt, och kvinnor och män för könsuppdelade nyckeltal)', params: IdParams, body: OutcomeBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await recordOutcome(ctx, user, org, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  // Changing and deleting what the routes above add. The same access rule as adding; each write is audited.
  const edit = async (request: { params: { orgCode: string } } & Parameters<typeof requireUser>[0]) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    return { user, org };
  };

  app.put('/api/orgs/:orgCode/goals/:id', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ändra ett mål: text, beskrivning, strategi och vilka delstrategier det utgår från', params: IdParams, body: GoalBody, response: NoContent },
  }, async (request, reply) => {
    const { user, org } = await edit(request);
    await updateGoal(ctx, user, org, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  app.delete('/api/orgs/:orgCode/goals/:id', {
    config: { access: 'plan.edit' },
    schema: {
      tags, summary: 'Ta bort ett mål; har det indikatorer, aktiviteter eller bedömningar vägras det (409) utan withContents=true', params: IdParams, querystring: WithContentsQuery, response: NoContent,
    },
  }, async (request, reply) => {
    const { user, org } = await edit(request);
    await deleteGoal(ctx, user, org, request.params.id, request.query.withContents === true);
    return reply.status(204).send(null);
  });

  app.put('/api/orgs/:orgCode/indicators/:id', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ändra en indikator (enhet, utgångsvärde, riktning, källa och målvärden för valfria år; målvärdena ersätts)', params: IdParams, body: IndicatorBody, response: NoContent },
  }, async (request, reply) => {
    const { user, org } = await edit(request);
    await updateIndicator(ctx, user, org, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  app.delete('/api/orgs/:orgCode/indicators/:id', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ta bort en indikator med dess målvärden; har den utfall vägras det (409) utan withContents=true', params: IdParams, querystring: WithContentsQuery, response: NoContent },
  }, async (request, reply) => {
    const { user, org } = await edit(request);
    await deleteIndicator(ctx, user, org, request.params.id, request.query.withContents === true);
    return reply.status(204).send(null);
  });

  app.put('/api/orgs/:orgCode/activities/:id', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ändra en aktivitet (text, ansvarig, datum, klar)', params: IdParams, body: ActivityBody, response: NoContent },
  }, async (request, reply) => {
    const { user, org } = await edit(request);
    await updateActivity(ctx, user, org, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  app.delete('/api/orgs/:orgCode/activities/:id', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ta bort en aktivitet', params: IdParams, response: NoContent },
  }, async (request, reply) => {
    const { user, org } = await edit(request);
    await deleteActivity(ctx, user, org, request.params.id);
    return reply.status(204).send(null);
  });

  app.put('/api/orgs/:orgCode/goals/:id/assessments/:period', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ändra målets bedömning för en period (en annan period i kroppen flyttar den)', params: PeriodParams, body: AssessmentBody, response: NoContent },
  }, async (request, reply) => {
    const { user, org } = await edit(request);
    await updateAssessment(ctx, user, org, request.params.id, request.params.period, request.body);
    return reply.status(204).send(null);
  });

  app.delete('/api/orgs/:orgCode/goals/:id/assessments/:period', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ta bort målets bedömning för en period', params: PeriodParams, response: NoContent },
  }, async (request, reply) => {
    const { user, org } = await edit(request);
    await deleteAssessment(ctx, user, org, request.params.id, request.params.period);
    return reply.status(204).send(null);
  });

  app.put('/api/orgs/:orgCode/indicators/:id/outcomes/:period', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ändra indikatorns utfall för en period (totalt, kvinnor, män; en annan period i kroppen flyttar det)', params: PeriodParams, body: OutcomeBody, response: NoContent },
  }, async (request, reply) => {
    const { user, org } = await edit(request);
    await updateOutcome(ctx, user, org, request.params.id, request.params.period, request.body);
    return reply.status(204).send(null);
  });

  app.delete('/api/orgs/:orgCode/indicators/:id/outcomes/:period', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ta bort indikatorns utfall för en period', params: PeriodParams, response: NoContent },
  }, async (request, reply) => {
    const { user, org } = await edit(request);
    await deleteOutcome(ctx, user, org, request.params.id, request.params.period);
    return reply.status(204).send(null);
  });

  app.post('/api/orgs/:orgCode/kolada/fetch', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Hämta ett nyckeltal från Kolada för regionen, kommunerna och riket; misslyckas det behålls sparade värden', params: OrgParams, body: KoladaFetchBody, response: { 200: KoladaFetchResult, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    return fetchKolada(ctx, user, org, request.body.kpi, request.body.years);
  });

  app.get('/api/orgs/:orgCode/kolada/:kpi', {
    config: { access: 'read' },
    schema: { tags, summary: 'Sparade Kolada-värden för ett nyckeltal och de senaste hämtningarna', params: KpiParams, querystring: OptionalYearQuery, response: { 200: KoladaStored, ...errors } },
  }, async (request) => {
    const { org } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    const s = await storedKolada(ctx, org, request.params.kpi, request.query.year);
    return { values: s.values.map((v) => ({ ...v, fetchedAt: v.fetchedAt.toISOString() })), fetches: s.fetches.map((f) => ({ ...f, at: f.at.toISOString() })) };
  });

  app.get('/api/orgs/:orgCode/feature-tables', {
    config: { access: 'read' },
    schema: { tags, summary: 'Det underlaget placerar: måltabellen, kommunbidragen och projektens finansiering för ett år', params: OrgParams, querystring: YearQuery, response: { 200: FeatureTables, ...errors } },
  }, async (request) => {
    const { org } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    const year = request.query.year;
    const [goals, contributions, projects] = await Promise.all([goalsTableForUnderlag(ctx, org, year), contributionsForUnderlag(ctx, org, year), projectFinancingTable(ctx, org, year)]);
    return { year, goals, contributions: contributions === null ? null : { ...contributions, rows: [...contributions.rows] }, projects };
  });
};
