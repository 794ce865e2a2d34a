import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ConflictBody, ErrorBody, Version, VersionParams, VersionStatus } from '../schemas.ts';
import { requireAccess, requireUser } from '../session.ts';
import { moveVersion, versionHistory } from '../../services/workflow.ts';
import type { VersionRow } from '../../db/repositories/versions.ts';
import type { ApiOptions } from '../server.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ConflictBody };

const StepBody = Type.Object({
  to: VersionStatus,
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  diarienummer: Type.Optional(Type.String({ maxLength: 60 })),
  decisionDate: Type.Optional(Type.String({ description: 'ÅÅÅÅ-MM-DD' })),
}, { additionalProperties: false });

const VersionWithDecision = Type.Intersect([Version, Type.Object({
  diarienummer: Type.Union([Type.String(), Type.Null()]),
  decisionDate: Type.Union([Type.String(), Type.Null()]),
  adoptedBy: Type.Union([Type.String(), Type.Null()]),
})]);

const Transition = Type.Object({
  from: VersionStatus, to: VersionStatus, actor: Type.String(), at: Type.String({ format: 'date-time' }),
  comment: Type.Union([Type.String(), Type.Null()]),
});

export const toVersionBody = (v: VersionRow) => ({
  code: v.code, name: v.name, kind: v.kind, status: v.status, firstYear: v.firstYear, lastYear: v.lastYear,
  isExample: v.isExample, adoptedAt: v.adoptedAt ? v.adoptedAt.toISOString() : null,
  diarienummer: v.diarienummer, decisionDate: v.decisionDate, adoptedBy: v.adoptedBy,
});

export const workflowRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx }) => {
  app.post('/api/orgs/:orgCode/versions/:versionCode/status', {
    config: { access: 'workflow.submit' },
    schema: {
      tags: ['beslutsflöde'],
      summary: 'Flytta versionen i beslutsflödet (utkast → för granskning → inlämnat → beslutat); beslut kräver diarienummer och datum',
      params: VersionParams, body: StepBody, response: { 200: VersionWithDecision, ...errors },
    },
  }, async (request) => {
    const version = await moveVersion(ctx, requireUser(request), requireAccess(request), request.params.versionCode, request.body);
    return toVersionBody(version);
  });

  app.get('/api/orgs/:orgCode/versions/:versionCode/history', {
    config: { access: 'read' },
    schema: { tags: ['beslutsflöde'], summary: 'Versionens steg i beslutsflödet: vem och när', params: VersionParams, response: { 200: Type.Array(Transition), ...errors } },
  }, async (request) => {
    const rows = await versionHistory(ctx, requireAccess(request), request.params.versionCode);
    return rows.map((r) => ({ from: r.from, to: r.to, actor: r.actor, at: r.at.toISOString(), comment: r.comment }));
  });
};
