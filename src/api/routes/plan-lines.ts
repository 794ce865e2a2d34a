import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ConflictBody, CreateLineBody, DeleteLineQuery, ErrorBody, LineParams, LinesQuery, LinesResponse, PlanLine, UpdateLineBody, VersionParams,
} from '../schemas.ts';
import { requireAccess, requireUser } from '../session.ts';
import { createLine, deleteLine, listLines, updateLineAmount } from '../../services/plan-lines.ts';
import type { PlanLineRow } from '../../db/repositories/plan-lines.ts';
import type { ApiOptions } from '../server.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ConflictBody };

const toBody = (l: PlanLineRow) => ({
  id: l.id, year: l.year, period: l.period, unitCode: l.unitCode, unitName: l.unitName, accountCode: l.accountCode,
  accountName: l.accountName, category: l.category, categoryName: l.categoryName, kind: l.kind, amountOre: l.amountOre,
  revision: l.revision, projectCode: l.projectCode, funderCode: l.funderCode,
});

export const planLineRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx }) => {
  app.get('/api/orgs/:orgCode/versions/:versionCode/lines', {
    config: { access: 'read' },
    schema: { tags: ['budgetrader'], summary: 'Budgetrader för ett år i en version', params: VersionParams, querystring: LinesQuery, response: { 200: LinesResponse, ...errors } },
  }, async (request) => {
    const { org, canEdit } = requireAccess(request);
    const view = await listLines(ctx, org, canEdit, request.params.versionCode, request.query.year);
    const v = view.version;
    return { version: { code: v.code, name: v.name, kind: v.kind, status: v.status, editable: view.editable }, lines: view.lines.map(toBody) };
  });

  app.post('/api/orgs/:orgCode/versions/:versionCode/lines', {
    config: { access: 'plan.edit' },
    schema: { tags: ['budgetrader'], summary: 'Lägg till en budgetrad', params: VersionParams, body: CreateLineBody, response: { 201: PlanLine, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = requireAccess(request);
    const b = request.body;
    const line = await createLine(ctx, user, org, request.params.versionCode, {
      year: b.year, period: b.period ?? null, unitCode: b.unitCode, accountCode: b.accountCode, amountOre: b.amountOre,
      projectCode: b.projectCode ?? null, funderCode: b.funderCode ?? null,
    });
    return reply.status(201).send(toBody(line));
  });

  app.patch('/api/orgs/:orgCode/versions/:versionCode/lines/:id', {
    config: { access: 'plan.edit' },
    schema: {
      tags: ['budgetrader'], summary: 'Ändra en budgetrads belopp (med radens revision; 409 vid krock)',
      params: LineParams, body: UpdateLineBody, response: { 200: PlanLine, ...errors },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { org } = requireAccess(request);
    const line = await updateLineAmount(ctx, user, org, request.params.versionCode, request.params.id, request.body.amountOre, request.body.revision);
    return toBody(line);
  });

  app.delete('/api/orgs/:orgCode/versions/:versionCode/lines/:id', {
    config: { access: 'plan.edit' },
    schema: { tags: ['budgetrader'], summary: 'Ta bort en budgetrad', params: LineParams, querystring: DeleteLineQuery, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = requireAccess(request);
    await deleteLine(ctx, user, org, request.params.versionCode, request.params.id, request.query.revision);
    return reply.status(204).send(null);
  });
};
