// SIE import through the API: upload (the body streamed to a temporary file, never parsed as JSON or
// held in memory), the inspection with its warnings, confirmation, a job to poll, the history.
// Everything needs 'plan.edit' on the organisation.
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../schemas.ts';
import { requireAccess, requireUser } from '../session.ts';
import { findJob, importHistory, receiveUpload, startImport, type SieJob } from '../../services/sie-import-jobs.ts';
import type { ApiOptions } from '../server.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const OrgParams = Type.Object({ orgCode: Type.String() });
const Loose = Type.Object({}, { additionalProperties: true });

const jobBody = (j: SieJob) => ({
  jobId: j.id, state: j.state, bytesRead: j.bytesRead, bytesTotal: j.bytesTotal, error: j.error, result: j.result,
  problems: j.inspection.problems,
});

export const sieRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx }) => {
  // The raw body as a stream: the route writes it to disk itself, with its own size limit.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => { done(null, payload); });

  app.post('/api/orgs/:orgCode/sie/uploads', {
    config: { access: 'plan.edit' },
    schema: {
      tags: ['sie'], summary: 'Ladda upp en SIE-fil (application/octet-stream) och få granskningen', params: OrgParams,
      querystring: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 201: Type.Object({ uploadId: Type.String(), inspection: Loose }), ...errors },
    },
  }, async (request, reply) => {
    const { org } = requireAccess(request);
    const body = request.body as Readable | undefined;
    if (body === undefined || typeof (body as { pipe?: unknown }).pipe !== 'function') {
      return reply.status(400).send({ error: 'validation', message: 'Skicka filen som application/octet-stream.', field: 'file' });
    }
    const uploaded = await receiveUpload(org, body, request.query.name ?? 'fil.se');
    return reply.status(201).send(uploaded);
  });

  app.post('/api/orgs/:orgCode/sie/uploads/:uploadId/import', {
    config: { access: 'plan.edit' },
    schema: {
      tags: ['sie'], summary: 'Läs in en uppladdad SIE-fil (ett jobb att följa)', params: Type.Object({ orgCode: Type.String(), uploadId: Type.String() }),
      body: Type.Object({ ignoreChecksum: Type.Optional(Type.Boolean()) }),
      response: { 202: Loose, ...errors },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = requireAccess(request);
    const job = startImport(ctx, org, user.username, request.params.uploadId, request.body.ignoreChecksum === true);
    return reply.status(202).send(jobBody(job));
  });

  app.get('/api/orgs/:orgCode/sie/jobs/:jobId', {
    config: { access: 'plan.edit' },
    schema: { tags: ['sie'], summary: 'En SIE-imports läge och resultat', params: Type.Object({ orgCode: Type.String(), jobId: Type.String() }), response: { 200: Loose, ...errors } },
  }, async (request) => jobBody(findJob(requireAccess(request).org, request.params.jobId)));

  app.get('/api/orgs/:orgCode/sie/imports', {
    config: { access: 'plan.edit' },
    schema: { tags: ['sie'], summary: 'Organisationens SIE-importer', params: OrgParams, response: { 200: Type.Object({ imports: Type.Array(Loose) }), ...errors } },
  }, async (request) => ({ imports: await importHistory(ctx, requireAccess(request).org) }));
};
