import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ErrorBody, OrgParams, Organisation, PlanQuery, PlanResponse, ResultsResponse, Summary, SummaryQuery, Version,
} from '../schemas.ts';
import { requireAccess, requireUser } from '../session.ts';
import { listVisibleOrganisations } from '../../services/organisations.ts';
import { getMultiYearPlan, getResultHistory, getSummary } from '../../services/overview.ts';
import { listVersions } from '../../db/repositories/versions.ts';
import type { ApiOptions } from '../server.ts';
import { permissionsOf } from '../../domain/access.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const organisationRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx }) => {
  app.get('/api/orgs', {
    config: { access: 'authenticated' },
    schema: { tags: ['organisationer'], summary: 'Organisationer som användaren får se', response: { 200: Type.Array(Organisation), 401: ErrorBody } },
  }, async (request) => {
    const visible = await listVisibleOrganisations(ctx, requireUser(request));
    return visible.map(({ org, canEdit, role }) => ({
      code: org.code, name: org.name, kind: org.kind, parentCode: org.parentCode, canEdit, role, permissions: [...permissionsOf(role)],
    }));
  });

  app.get('/api/orgs/:orgCode/versions', {
    config: { access: 'read' },
    schema: { tags: ['organisationer'], summary: 'Planversioner', params: OrgParams, response: { 200: Type.Array(Version), ...errors } },
  }, async (request) => {
    const { org } = requireAccess(request);
    const versions = await listVersions(ctx.db, org.id);
    return versions.map((v) => ({
      code: v.code, name: v.name, kind: v.kind, status: v.status, firstYear: v.firstYear, lastYear: v.lastYear,
      isExample: v.isExample, adoptedAt: v.adoptedAt ? v.adoptedAt.toISOString() : null,
    }));
  });

  app.get('/api/orgs/:orgCode/summary', {
    config: { access: 'read' },
    schema: {
      tags: ['översikt'], summary: 'Sammanställning av ett år och en version: intäkter och kostnader per kategori, resultat, ram',
      params: OrgParams, querystring: SummaryQuery, response: { 200: Summary, ...errors },
    },
  }, async (request) => {
    const { org } = requireAccess(request);
    const s = await getSummary(ctx, org, request.query.year, request.query.version);
    return {
      org: { code: org.code, name: org.name }, year: s.year,
      version: { code: s.version.code, name: s.version.name, kind: s.version.kind, status: s.version.status },
      revenue: s.revenue, costs: s.costs, totalRevenueOre: s.totalRevenueOre, totalCostOre: s.totalCostOre,
      resultOre: s.resultOre, netCostOre: s.netCostOre, frameOre: s.frameOre, inBalance: s.inBalance,
      balanceReasons: s.balanceReasons, isExample: s.isExample,
    };
  });

  app.get('/api/orgs/:orgCode/plan', {
    config: { access: 'read' },
    schema: {
      tags: ['översikt'], summary: 'Flerårsplan (budgetår och planår) under ett uppräkningsscenario, med scenarierna sida vid sida',
      params: OrgParams, querystring: PlanQuery, response: { 200: PlanResponse, ...errors },
    },
  }, async (request) => {
    const { org } = requireAccess(request);
    const p = await getMultiYearPlan(ctx, org, request.query.version, request.query.scenario);
    return {
      version: { code: p.version.code, name: p.version.name, status: p.version.status },
      baseYear: p.baseYear, years: [...p.years], scenarios: [...p.scenarios], scenario: p.scenario,
      rows: p.rows.map((r) => ({ ...r, amounts: [...r.amounts] })), totals: [...p.totals],
      comparison: p.comparison.map((c) => ({ scenario: c.scenario, name: c.name, results: [...c.results] })), isExample: p.isExample,
    };
  });

  app.get('/api/orgs/:orgCode/results', {
    config: { access: 'read' },
    schema: {
      tags: ['översikt'], summary: 'Resultathistorik med balanserat resultat', params: OrgParams, response: { 200: ResultsResponse, ...errors },
    },
  }, async (request) => {
    const { org } = requireAccess(request);
    const history = await getResultHistory(ctx, org);
    return {
      isExample: history.isExample,
      rows: history.rows.map((r) => ({
        year: r.year, resultOre: r.resultOre, coveredFromSurplusOre: r.coveredFromSurplusOre,
        accumulatedSurplusOre: r.accumulatedSurplusOre, uncoveredDeficitOre: r.uncoveredDeficitOre,
        restoreByYear: r.restoreByYear, actionPackage: r.actionPackage, note: r.note ?? null,
      })),
    };
  });
};
