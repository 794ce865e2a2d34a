// Externally financed projects: registry, detail with checks and cash flow, create/update (a project
// that breaks a rule can be saved only as a draft), the plan feed, and putting a project into a plan.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, OrgParams } from '../schemas.ts';
import {
  ApplyBody, CreateProjectBody, FinancingTypes, Funders, PlanFeed, PlanFeedQuery, ProjectDetail, ProjectListItem, ProjectParams, UpdateProjectBody,
} from '../project-schemas.ts';
import { requireUser } from '../session.ts';
import { resolveOrganisation } from '../../services/organisations.ts';
import {
  DEFAULT_STAFF_UPLIFT_PPM, applyProjectToVersion, createProject, getProject, listProjectsOf, projectPlanYears, saveProject, type ProjectDetail as Detail,
  type ProjectUpdate,
} from '../../services/projects.ts';
import {
  COST_CATEGORIES, FINANCING_TYPES, FUNDERS, defaultFinancingType, financingTypeName, financingTypesOf, findFunder, flatRateLabel, maxShareFor, projectStatusLabel,
  type CostCategory, type FinancingType,
} from '../../domain/projects.ts';
import { ore } from '../../domain/money.ts';
import type { ApiOptions } from '../server.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['projekt'];

type Body = Omit<ProjectUpdate, 'staff' | 'costs' | 'financing' | 'staffUpliftPpm' | 'maxShares'> & {
  staff: Array<{ role: string; year: number; monthlySalaryOre: number; hours: number }>;
  costs: Array<{ year: number; category: string; amountOre: number }>;
  financing: Array<{ funder: string; type?: string; year: number; amountOre: number }>;
  staffUpliftPercent?: number;
  maxShares?: Array<{ funder: string; maxSharePercent: number }>;
};

/** Percent (up to four decimals) to parts per million. */
const ppm = (percent: number): number => Math.round(percent * 10_000);
const percent = (partsPerMillion: number): number => partsPerMillion / 10_000;

const toInput = (b: Body): ProjectUpdate => ({
  name: b.name, programme: b.programme, status: b.status, startPeriod: b.startPeriod, endPeriod: b.endPeriod, flatRate: b.flatRate,
  claimIntervalMonths: b.claimIntervalMonths, paymentLagDays: b.paymentLagDays,
  staff: b.staff.map((s) => ({ ...s, monthlySalaryOre: ore(s.monthlySalaryOre) })),
  costs: b.costs.map((c) => ({ year: c.year, category: c.category as CostCategory, amountOre: ore(c.amountOre) })),
  financing: b.financing.map((f) => {
    const funder = findFunder(f.funder);
    // Left out, the type is the funder's default (as rows saved before types existed were read); an unknown funder is refused by the service.
    const type = (f.type ?? (funder ? defaultFinancingType(funder) : 'public-cash')) as FinancingType;
    return { funder: f.funder, type, year: f.year, amountOre: ore(f.amountOre) };
  }),
  ...(b.staffUpliftPercent === undefined ? {} : { staffUpliftPpm: ppm(b.staffUpliftPercent) }),
  ...(b.maxShares === undefined ? {} : { maxShares: b.maxShares.map((m) => ({ funder: m.funder, maxSharePpm: ppm(m.maxSharePercent) })) }),
});

const toBody = (d: Detail, canEdit: boolean, orgExample: boolean) => {
  const p = d.project;
  return {
    code: p.code, name: p.name, programme: p.programme, status: p.status, statusLabel: projectStatusLabel(p.status),
    startPeriod: p.startPeriod, endPeriod: p.endPeriod, flatRate: p.flatRate, flatRateLabel: flatRateLabel(p.flatRate),
    claimIntervalMonths: p.claimIntervalMonths, paymentLagDays: p.paymentLagDays, revision: p.revision, isExample: p.isExample || orgExample, canEdit,
    staffUpliftPercent: percent(p.staffUpliftPpm),
    funderShares: FUNDERS.map((f) => ({
      funder: f.code, name: f.name, maxSharePercent: percent(maxShareFor(d.budget.maxShares, f)), defaultPercent: percent(f.maxSharePpm),
      ceilingPercent: percent(f.ceilingPpm), own: d.budget.maxShares.some((m) => m.funder === f.code),
    })),
    staff: d.budget.staff.map((s, i) => ({ ...s, hourlyRateOre: d.staffRates[i]?.hourlyRateOre ?? ore(0), costOre: d.staffRates[i]?.costOre ?? ore(0) })),
    costs: d.budget.costs.map((c) => ({ ...c, categoryName: COST_CATEGORIES.find((x) => x.code === c.category)?.name ?? c.category })),
    financing: d.budget.financing.map((f) => ({ ...f, funderName: findFunder(f.funder)?.name ?? f.funder, typeName: financingTypeName(f.type) })),
    years: [...d.years], issues: [...d.issues],
    cashFlow: { months: [...d.cashFlow.months], claims: [...d.cashFlow.claims], maxPreFinancedOre: d.cashFlow.maxPreFinancedOre, maxPreFinancedPeriod: d.cashFlow.maxPreFinancedPeriod },
  };
};

export const projectRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx }) => {
  app.get('/api/funders', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Finansiärer och deras högsta andel av projektets kostnader', response: { 200: Funders, 401: ErrorBody } },
  }, async (request) => {
    requireUser(request);
    return FUNDERS.map((f) => ({
      code: f.code, name: f.name, maxSharePercent: percent(f.maxSharePpm), ceilingPercent: percent(f.ceilingPpm), external: f.external,
      sector: f.sector, financingTypes: [...financingTypesOf(f)],
    }));
  });

  app.get('/api/financing-types', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Finansieringstyperna i ett EU-projekts finansieringsplan (bidrag in natura är inga pengar)', response: { 200: FinancingTypes, 401: ErrorBody } },
  }, async (request) => {
    requireUser(request);
    return FINANCING_TYPES.map((t) => ({ ...t }));
  });

  app.get('/api/orgs/:orgCode/projects', {
    config: { access: 'read' },
    schema: { tags, summary: 'Projektregistret', params: OrgParams, response: { 200: Type.Array(ProjectListItem), ...errors } },
  }, async (request) => {
    const { org } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    return (await listProjectsOf(ctx, org)).map(({ project: p, totalCostOre, financingOre, issueCount }) => ({
      code: p.code, name: p.name, programme: p.programme, status: p.status, statusLabel: projectStatusLabel(p.status),
      startPeriod: p.startPeriod, endPeriod: p.endPeriod, totalCostOre, financingOre, issueCount, isExample: p.isExample || org.isExample,
    }));
  });

  app.post('/api/orgs/:orgCode/projects', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Nytt projekt (bryter det mot en regel kan det bara sparas som planerat)', params: OrgParams, body: CreateProjectBody, response: { 201: ProjectDetail, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org, canEdit } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    const input = toInput(request.body);
    const d = await createProject(ctx, user, org, request.body.code, { ...input, staffUpliftPpm: input.staffUpliftPpm ?? DEFAULT_STAFF_UPLIFT_PPM, maxShares: input.maxShares ?? [] });
    return reply.status(201).send(toBody(d, canEdit, org.isExample));
  });

  app.get('/api/orgs/:orgCode/projects/:code', {
    config: { access: 'read' },
    schema: { tags, summary: 'Ett projekt: budget per år, finansieringsplan, kontroller och kassaflöde', params: ProjectParams, response: { 200: ProjectDetail, ...errors } },
  }, async (request) => {
    const { org, canEdit } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    return toBody(await getProject(ctx, org, request.params.code), canEdit, org.isExample);
  });

  app.put('/api/orgs/:orgCode/projects/:code', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Spara ett projekt (med revision; 409 vid krock)', params: ProjectParams, body: UpdateProjectBody, response: { 200: ProjectDetail, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    const { org, canEdit } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    const d = await saveProject(ctx, user, org, request.params.code, request.body.revision, toInput(request.body));
    return toBody(d, canEdit, org.isExample);
  });

  app.post('/api/orgs/:orgCode/projects/:code/plan-lines', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Lägg in projektets intäkter och direkta kostnader i en budgetversion (ersätter projektets tidigare rader där)', params: ProjectParams, body: ApplyBody, response: { 200: Type.Object({ lines: Type.Integer() }), ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    return applyProjectToVersion(ctx, user, org, request.params.code, request.body.version);
  });

  app.get('/api/orgs/:orgCode/project-plan', {
    config: { access: 'read' },
    schema: { tags, summary: 'Projektens intäkter och kostnader per planår, med intäkter som upphör när ett projekt slutar', params: OrgParams, querystring: PlanFeedQuery, response: { 200: PlanFeed, ...errors } },
  }, async (request) => {
    const { org } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    const feed = await projectPlanYears(ctx, org, request.query.firstYear, request.query.lastYear);
    return { years: feed.years.map((y) => ({ ...y, flags: [...y.flags] })) };
  });
};
