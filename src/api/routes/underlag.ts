// The underlag through the API: documents per committee and budget year, their revisions (every save),
// sections, workflow steps, comparison of two revisions, drafted sentences, and the export as DOCX,
// PDF, HTML or XLSX, and the archive of a decided revision for the registry. Thin: validation here, the
// rules in src/services/underlag*.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, VersionStatus, Year } from '../schemas.ts';
import { requireAccess, requireUser } from '../session.ts';
import type { ApiOptions } from '../server.ts';
import {
  addDocumentSection, beginNewEdition, createUnderlag, getDocument, listUnderlag, moveUnderlag, removeDocumentSection, renameDocumentSection,
  reorderDocumentSections, requireUnderlag, saveDocument, saveSection, type DocumentView,
} from '../../services/underlag.ts';
import { compareRevisionsOf, draftsFor, exportRevision } from '../../services/underlag-output.ts';
import { archiveUnderlag } from '../../services/underlag-archive.ts';
import { listRevisions, listUnderlagTransitions, type RevisionMeta, type UnderlagRow } from '../../db/repositories/underlag.ts';
import { statusLabel } from '../../domain/workflow.ts';
import type { OrgAccess } from '../../services/organisations.ts';
import type { ServiceContext } from '../../services/context.ts';

const Section = Type.Object({ key: Type.String(), title: Type.String(), blocks: Type.Array(Type.Unknown()) });
/** A stale save: the current revision comes back so the writer can choose (docs/UX.md, "Trust"). */
const UnderlagConflict = Type.Object({
  error: Type.String(), message: Type.String(), field: Type.Optional(Type.String()),
  current: Type.Optional(Type.Object({ revision: Type.Integer(), author: Type.String(), savedAt: Type.String({ format: 'date-time' }), sections: Type.Array(Section) })),
});
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: UnderlagConflict };
const ORG = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$' });
const Params = Type.Object({ orgCode: ORG, id: Type.Integer({ minimum: 1 }) });
const SectionParams = Type.Object({ orgCode: ORG, id: Type.Integer({ minimum: 1 }), key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }) });
const Revision = Type.Integer({ minimum: 1, description: 'Revisionen som ändringen utgår från (optimistisk samtidighet: 409 om den inte är den senaste)' });
const Blocks = Type.Array(Type.Unknown(), { description: 'Text i formatet i src/reports/rich-text.ts (stycken, rubriker, listor, levande uppgifter och tabeller)' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Underlag = Type.Object({
  id: Type.Integer(), budgetYear: Type.Integer(), actualYear: Type.Integer(), version: Type.String(), status: VersionStatus,
  statusLabel: Type.String(), edition: Type.Integer({ description: 'Dokumentets version: 1 till första beslutet' }),
  headRevision: Type.Integer(), createdAt: Type.String({ format: 'date-time' }), createdBy: Type.String(),
});
const RevisionInfo = Type.Object({
  revision: Type.Integer(), edition: Type.Integer(), author: Type.String(), savedAt: Type.String({ format: 'date-time' }), note: Type.String(),
  decidedAt: Nullable(Type.String({ format: 'date-time' })), decidedBy: Nullable(Type.String()),
  diarienummer: Nullable(Type.String()), decisionDate: Nullable(Type.String()),
});
const Document = Type.Object({
  underlag: Underlag,
  revision: Type.Intersect([RevisionInfo, Type.Object({ status: VersionStatus, statusLabel: Type.String() })]),
  sections: Type.Array(Section),
  report: Type.Unknown({ description: 'Rapportmodellen (src/reports/report-model.ts): avsnitt, levande uppgifter med värden, tabeller, diagram' }),
  editable: Type.Boolean(),
  steps: Type.Array(Type.Object({ to: VersionStatus, label: Type.String(), decision: Type.Boolean() })),
  canBeginNewEdition: Type.Boolean(),
  decided: Nullable(RevisionInfo),
});

const toUnderlagBody = (u: UnderlagRow) => ({
  id: u.id, budgetYear: u.budgetYear, actualYear: u.actualYear, version: u.versionCode, status: u.status, statusLabel: statusLabel(u.status),
  edition: u.edition, headRevision: u.headRevision, createdAt: u.createdAt.toISOString(), createdBy: u.createdBy,
});
const toRevisionBody = (r: RevisionMeta) => ({
  revision: r.revision, edition: r.edition, author: r.author, savedAt: r.savedAt.toISOString(), note: r.note,
  decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null, decidedBy: r.decidedBy, diarienummer: r.diarienummer, decisionDate: r.decisionDate,
});
const toDocumentBody = (d: DocumentView) => ({
  underlag: toUnderlagBody(d.underlag),
  revision: { ...toRevisionBody(d.revision), status: d.revision.status, statusLabel: statusLabel(d.revision.status) },
  sections: d.sections.map((x) => ({ key: x.key, title: x.title, blocks: [...x.blocks] })), report: d.report, editable: d.editable, steps: [...d.steps], canBeginNewEdition: d.canBeginNewEdition,
  decided: d.decided ? toRevisionBody(d.decided) : null,
});

const document = async (ctx: ServiceContext, access: OrgAccess, id: number) => toDocumentBody(await getDocument(ctx, access, id));

export const underlagRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx }) => {
  const tags = ['underlag'];
  const base = '/api/orgs/:orgCode/underlag';

  app.get(base, {
    config: { access: 'read' },
    schema: { tags, summary: 'Nämndens underlag till plan och budget', params: Type.Object({ orgCode: ORG }), response: { 200: Type.Array(Underlag), ...errors } },
  }, async (request) => (await listUnderlag(ctx.db, requireAccess(request).org.id)).map(toUnderlagBody));

  app.post(base, {
    config: { access: 'text.edit' },
    schema: {
      tags, summary: 'Skapa ett underlag från standardmallen (förlagans sju avsnitt) för ett budgetår',
      params: Type.Object({ orgCode: ORG }),
      body: Type.Object({
        budgetYear: Year,
        version: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,39}$', description: 'Budgetversionen; annars den som börjar budgetåret' })),
        actualYear: Type.Optional(Year),
      }, { additionalProperties: false }),
      response: { 201: Document, ...errors },
    },
  }, async (request, reply) => {
    const access = requireAccess(request);
    const doc = await createUnderlag(ctx, requireUser(request), access, request.body);
    return reply.status(201).send(await document(ctx, access, doc.id));
  });

  app.get(`${base}/:id`, {
    config: { access: 'read' },
    schema: {
      tags, summary: 'En revision av underlaget (standard den senaste): texten, rapportmodellen med levande uppgifter, tillåtna steg',
      params: Params, querystring: Type.Object({ revision: Type.Optional(Type.Integer({ minimum: 1 })) }), response: { 200: Document, ...errors },
    },
  }, async (request) => toDocumentBody(await getDocument(ctx, requireAccess(request), request.params.id, request.query.revision)));

  app.put(`${base}/:id`, {
    config: { access: 'text.edit' },
    schema: {
      tags, summary: 'Spara hela dokumentet som en ny revision', params: Params,
      body: Type.Object({ revision: Revision, sections: Type.Array(Type.Unknown()) }, { additionalProperties: false }),
      response: { 200: Document, ...errors },
    },
  }, async (request) => {
    const access = requireAccess(request);
    await saveDocument(ctx, requireUser(request), access, request.params.id, request.body.revision, request.body.sections);
    return document(ctx, access, request.params.id);
  });

  app.put(`${base}/:id/sections/:key`, {
    config: { access: 'text.edit' },
    schema: {
      tags, summary: 'Spara ett avsnitts text (och rubrik) som en ny revision', params: SectionParams,
      body: Type.Object({ revision: Revision, blocks: Blocks, title: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
      response: { 200: Document, ...errors },
    },
  }, async (request) => {
    const access = requireAccess(request);
    const { revision, blocks, title } = request.body;
    await saveSection(ctx, requireUser(request), access, request.params.id, revision, request.params.key, blocks, title);
    return document(ctx, access, request.params.id);
  });

  app.post(`${base}/:id/sections`, {
    config: { access: 'text.edit' },
    schema: {
      tags, summary: 'Lägg till ett avsnitt (efter ett givet avsnitt, annars sist)', params: Params,
      body: Type.Object({
        revision: Revision, title: Type.String({ maxLength: 200 }),
        after: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' })),
      }, { additionalProperties: false }),
      response: { 201: Type.Intersect([Document, Type.Object({ key: Type.String() })]), ...errors },
    },
  }, async (request, reply) => {
    const access = requireAccess(request);
    const saved = await addDocumentSection(ctx, requireUser(request), access, request.params.id, request.body.revision, request.body.title, request.body.after ?? null);
    return reply.status(201).send({ ...(await document(ctx, access, request.params.id)), key: saved.key });
  });

  app.patch(`${base}/:id/sections/:key`, {
    config: { access: 'text.edit' },
    schema: {
      tags, summary: 'Byt rubrik på ett avsnitt', params: SectionParams,
      body: Type.Object({ revision: Revision, title: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
      response: { 200: Document, ...errors },
    },
  }, async (request) => {
    const access = requireAccess(request);
    await renameDocumentSection(ctx, requireUser(request), access, request.params.id, request.body.revision, request.params.key, request.body.title);
    return document(ctx, access, request.params.id);
  });

  app.delete(`${base}/:id/sections/:key`, {
    config: { access: 'text.edit' },
    schema: {
      tags, summary: 'Ta bort ett avsnitt (texten finns kvar i tidigare revisioner)', params: SectionParams,
      querystring: Type.Object({ revision: Revision }), response: { 200: Document, ...errors },
    },
  }, async (request) => {
    const access = requireAccess(request);
    await removeDocumentSection(ctx, requireUser(request), access, request.params.id, request.query.revision, request.params.key);
    return document(ctx, access, request.params.id);
  });

  app.put(`${base}/:id/section-order`, {
    config: { access: 'text.edit' },
    schema: {
      tags, summary: 'Ändra avsnittens ordning (varje avsnitt en gång)', params: Params,
      body: Type.Object({ revision: Revision, keys: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40 }) }, { additionalProperties: false }),
      response: { 200: Document, ...errors },
    },
  }, async (request) => {
    const access = requireAccess(request);
    await reorderDocumentSections(ctx, requireUser(request), access, request.params.id, request.body.revision, request.body.keys);
    return document(ctx, access, request.params.id);
  });

  app.post(`${base}/:id/status`, {
    config: { access: 'workflow.submit' },
    schema: {
      tags, summary: 'Flytta underlaget i beslutsflödet; beslut kräver diarienummer och datum och fryser revisionen med sina siffror',
      params: Params,
      body: Type.Object({
        to: VersionStatus, comment: Type.Optional(Type.String({ maxLength: 2000 })),
        diarienummer: Type.Optional(Type.String({ maxLength: 60 })), decisionDate: Type.Optional(Type.String({ description: 'ÅÅÅÅ-MM-DD' })),
      }, { additionalProperties: false }),
      response: { 200: Document, ...errors },
    },
  }, async (request) => {
    const access = requireAccess(request);
    await moveUnderlag(ctx, requireUser(request), access, request.params.id, request.body);
    return document(ctx, access, request.params.id);
  });

  app.post(`${base}/:id/new-version`, {
    config: { access: 'text.edit' },
    schema: { tags, summary: 'Påbörja en ny version av ett beslutat underlag (den beslutade revisionen ändras aldrig)', params: Params, response: { 201: Document, ...errors } },
  }, async (request, reply) => {
    const access = requireAccess(request);
    await beginNewEdition(ctx, requireUser(request), access, request.params.id);
    return reply.status(201).send(await document(ctx, access, request.params.id));
  });

  app.get(`${base}/:id/revisions`, {
    config: { access: 'read' },
    schema: {
      tags, summary: 'Varje sparad revision (nyast först) och stegen i beslutsflödet', params: Params,
      response: {
        200: Type.Object({
          revisions: Type.Array(RevisionInfo),
          steps: Type.Array(Type.Object({ revision: Type.Integer(), from: VersionStatus, to: VersionStatus, actor: Type.String(), at: Type.String({ format: 'date-time' }), comment: Nullable(Type.String()) })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const doc = await requireUnderlag(ctx, requireAccess(request), request.params.id);
    const [revisions, steps] = await Promise.all([listRevisions(ctx.db, doc.id), listUnderlagTransitions(ctx.db, doc.id)]);
    return { revisions: revisions.map(toRevisionBody), steps: steps.map((s) => ({ ...s, at: s.at.toISOString() })) };
  });

  const TextChange = Type.Object({ kind: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]), old: Nullable(Type.String()), new: Nullable(Type.String()) });
  const Side = Type.Object({ revision: Type.Integer(), decided: Type.Boolean(), generatedAt: Type.String() });
  app.get(`${base}/:id/compare`, {
    config: { access: 'read' },
    schema: {
      tags, summary: 'Jämför två revisioner: texten avsnitt för avsnitt och de levande uppgifternas värden', params: Params,
      querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
      response: {
        200: Type.Object({
          from: Side, to: Side,
          sections: Type.Array(Type.Object({
            key: Type.String(), status: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed'), Type.Literal('unchanged')]),
            oldTitle: Nullable(Type.String()), newTitle: Nullable(Type.String()), moved: Type.Boolean(), changes: Type.Array(TextChange),
          })),
          figures: Type.Array(Type.Object({ section: Type.String(), label: Type.String(), old: Nullable(Type.String()), new: Nullable(Type.String()) })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const access = requireAccess(request);
    const doc = await requireUnderlag(ctx, access, request.params.id);
    const c = await compareRevisionsOf(ctx, access.org, doc, request.query.from, request.query.to);
    return { ...c, sections: c.sections.map((x) => ({ ...x, changes: [...x.changes] })), figures: [...c.figures] };
  });

  app.get(`${base}/:id/drafts`, {
    config: { access: 'read' },
    schema: {
      tags, summary: 'Föreslagna meningar ur siffrorna, att ta och redigera (levande uppgifter där de finns)', params: Params,
      response: {
        200: Type.Array(Type.Object({ key: Type.String(), title: Type.String(), text: Type.String(), content: Type.Array(Type.Unknown()), live: Type.Boolean(), figures: Type.Array(Type.String()) })),
        ...errors,
      },
    },
  }, async (request) => {
    const access = requireAccess(request);
    const drafts = await draftsFor(ctx, access.org, await requireUnderlag(ctx, access, request.params.id));
    return drafts.map((d) => ({ ...d, content: [...d.content], figures: [...d.figures] }));
  });

  app.get(`${base}/:id/export`, {
    config: { access: 'read' },
    schema: {
      tags, summary: 'Underlaget som DOCX, PDF, HTML eller XLSX (en beslutad revision ur sin ögonblicksbild)', params: Params,
      querystring: Type.Object({
        format: Type.Union([Type.Literal('docx'), Type.Literal('pdf'), Type.Literal('html'), Type.Literal('xlsx')]),
        revision: Type.Optional(Type.Integer({ minimum: 1 })),
      }),
      produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf', 'text/html',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: Type.Any({ description: 'Filen' }), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody },
    },
  }, async (request, reply) => {
    const access = requireAccess(request);
    const doc = await requireUnderlag(ctx, access, request.params.id);
    // A PDF without Chromium is the catalog's pdf_unavailable: 503 with the message that says how to get it.
    const file = await exportRevision(ctx, access.org, doc, request.query.revision, request.query.format, { chromiumPath: process.env['RAMPLAN_CHROMIUM'] });
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(Buffer.from(file.bytes));
  });

  app.get(`${base}/:id/archive`, {
    config: { access: 'read' },
    schema: {
      tags, params: Params, produces: ['application/zip'],
      summary: 'Arkivexport av den beslutade revisionen för diariet: ZIP med PDF (taggad), XLSX, beslutet och ögonblicksbilden (beslut.json), '
        + 'planversionens rader och beslutsflöde (planversion.json) och manifest.json med varje fils SHA-256 och storlek (docs/archive-format.md)',
      response: {
        200: Type.Any({ description: 'ZIP-filen' }), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody,
        409: ErrorBody, 503: ErrorBody,
      },
    },
  }, async (request, reply) => {
    const access = requireAccess(request);
    const file = await archiveUnderlag(ctx, access.org, request.params.id, { chromiumPath: process.env['RAMPLAN_CHROMIUM'] });
    return reply.type('application/zip').header('content-disposition', `attachment; filename="${file.filename}"`).send(Buffer.from(file.bytes));
  });
};
