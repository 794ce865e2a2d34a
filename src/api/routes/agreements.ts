// The collaboration agreement with the municipalities: list, detail, contributions per year,
// exports, the report per municipality, and the writes (terms, key, forums, meetings, follow-up,
// evaluation; forums, meetings and follow-ups can also be changed and deleted).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, OrgParams } from '../schemas.ts';
import {
  AgreementDetail, AgreementItemParams, AgreementMunicipalityParams, AgreementParams, AgreementSummary, AgreementYearParams, Contribution, ContributionsQuery,
  CreateAgreementBody, Created, EvaluationBody, ExportQuery, FollowupBody, ForumBody, KeyBody, KeyCsvBody, MeetingBody, Municipality, ReportQuery,
  UpdateAgreementBody, YearTotalBody,
} from '../agreement-schemas.ts';
import { requireUser } from '../session.ts';
import { resolveOrganisation } from '../../services/organisations.ts';
import { ServiceError } from '../../services/errors.ts';
import {
  addFollowup, addForum, addMeeting, createAgreement, deleteFollowup, deleteForum, deleteMeeting, getAgreement, getContributions,
  importKeyCsv, keyFromKolada, listAgreementsOf, listRegionMunicipalities, saveEvaluation, setKey, setYearTotal, updateAgreement,
  updateFollowup, updateForum, updateMeeting,
} from '../../services/agreements.ts';
import {
  municipalityReport, renderContributionsCsv, renderContributionsXlsx, renderMunicipalityReportHtml, renderMunicipalityReportXlsx,
} from '../../services/agreement-report.ts';
import { followupPeriodLabel } from '../../domain/agreement.ts';
import { rateToPercent } from '../../domain/rate.ts';
import type { ApiOptions } from '../server.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['samverkan'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NoContent = { 204: Type.Null(), ...errors };

export const agreementRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx }) => {
  app.get('/api/orgs/:orgCode/agreements', {
    config: { access: 'read' },
    schema: { tags, summary: 'Samverkansöverenskommelser med kommunerna', params: OrgParams, response: { 200: Type.Array(AgreementSummary), ...errors } },
  }, async (request) => {
    const { org } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    const list = await listAgreementsOf(ctx, org);
    return list.map((a) => ({
      id: a.id, name: a.name, firstYear: a.firstYear, lastYear: a.lastYear, upliftPercent: rateToPercent(a.uplift),
      keySource: a.keySource, isExample: a.isExample || org.isExample, totals: a.totals,
    }));
  });

  app.post('/api/orgs/:orgCode/agreements', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ny överenskommelse (parter, period, årsbelopp, uppräkning; nyckeln från senast kända folkmängd)', params: OrgParams, body: CreateAgreementBody, response: { 201: Created, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    const b = request.body;
    const id = await createAgreement(ctx, user, org, {
      name: b.name, firstYear: b.firstYear, lastYear: b.lastYear, firstYearTotalOre: b.firstYearTotalOre, upliftPercent: b.upliftPercent.replace(',', '.'),
      ...(b.description === undefined ? {} : { description: b.description }), ...(b.municipalityCodes === undefined ? {} : { municipalityCodes: b.municipalityCodes }),
    });
    return reply.status(201).send({ id });
  });

  app.get('/api/orgs/:orgCode/municipalities', {
    config: { access: 'read' },
    schema: { tags, summary: 'Regionens kommuner (möjliga parter i en överenskommelse)', params: OrgParams, response: { 200: Type.Array(Municipality), ...errors } },
  }, async (request) => {
    const { org } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    return listRegionMunicipalities(ctx, org);
  });

  app.put('/api/orgs/:orgCode/agreements/:id', {
    config: { access: 'plan.edit' },
    schema: {
      tags, summary: 'Ändra namn, period, uppräkning och parter (bidragen räknas om; vägras om uppföljning eller slututvärdering hamnar utanför)',
      params: AgreementParams, body: UpdateAgreementBody, response: NoContent,
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    const b = request.body;
    await updateAgreement(ctx, user, org, request.params.id, {
      name: b.name, firstYear: b.firstYear, lastYear: b.lastYear, upliftPercent: b.upliftPercent.replace(',', '.'), municipalityCodes: b.municipalityCodes,
      ...(b.description === undefined ? {} : { description: b.description }), ...(b.firstYearTotalOre === undefined ? {} : { firstYearTotalOre: b.firstYearTotalOre }),
    });
    return reply.status(204).send(null);
  });

  app.get('/api/orgs/:orgCode/agreements/:id', {
    config: { access: 'read' },
    schema: { tags, summary: 'En överenskommelse: parter, årsbelopp, nyckel och bidrag per år, forum, uppföljning, utvärdering', params: AgreementParams, response: { 200: AgreementDetail, ...errors } },
  }, async (request) => {
    const { org, canEdit } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    const d = await getAgreement(ctx, org, request.params.id);
    const a = d.agreement;
    return {
      id: a.id, name: a.name, description: a.description, firstYear: a.firstYear, lastYear: a.lastYear, upliftPercent: rateToPercent(a.uplift),
      isExample: a.isExample || org.isExample, canEdit, parties: [...d.parties],
      years: d.years.map((y) => ({ year: y.year, totalOre: y.totalOre, keySource: y.keySource, contributions: y.contributions ? [...y.contributions] : null, problems: [...y.problems] })),
      forums: d.forums.map((f) => ({ id: f.id, name: f.name, kind: f.kind, meetings: f.meetings.map((m) => ({ id: m.id, day: m.day, subject: m.subject, notes: m.notes })) })),
      followups: d.followups.map((f) => ({ ...f, label: followupPeriodLabel(f.period) })),
      evaluation: d.evaluation,
    };
  });

  app.get('/api/orgs/:orgCode/agreements/:id/contributions', {
    config: { access: 'contributions.read' },
    schema: { tags, summary: 'Bidrag per kommun ett år (största-restmetoden; summan är exakt årsbeloppet)', params: AgreementParams, querystring: ContributionsQuery, response: { 200: Type.Array(Contribution), ...errors } },
  }, async (request) => {
    const { org, municipalityCode } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'contributions.read');
    const r = await getContributions(ctx, org, request.params.id, request.query.year);
    // A municipality's own login sees its own row only.
    return r.contributions.filter((c) => municipalityCode === null || municipalityCode === undefined || c.municipalityCode === municipalityCode).map((c) => ({ municipalityCode: c.municipalityCode, name: c.name, population: c.population, amountOre: c.amountOre }));
  });

  app.get('/api/orgs/:orgCode/agreements/:id/export', {
    config: { access: 'read' },
    schema: { tags, summary: 'Alla års bidrag som CSV eller Excel', params: AgreementParams, querystring: ExportQuery, produces: ['text/csv', XLSX], response: { 200: Type.Any({ description: 'Filen' }), ...errors } },
  }, async (request, reply) => {
    const { org } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'read');
    const d = await getAgreement(ctx, org, request.params.id);
    const base = `kommunbidrag-${d.agreement.firstYear}-${d.agreement.lastYear}`;
    if (request.query.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${base}.csv"`).send(renderContributionsCsv(d));
    }
    return reply.type(XLSX).header('content-disposition', `attachment; filename="${base}.xlsx"`).send(await renderContributionsXlsx(d));
  });

  app.get('/api/orgs/:orgCode/agreements/:id/municipalities/:code/report', {
    config: { access: 'contributions.read' },
    schema: { tags, summary: 'Rapport till en kommun: vad den betalar och vad överenskommelsen levererat (HTML eller Excel)', params: AgreementMunicipalityParams, querystring: ReportQuery, produces: ['text/html', XLSX], response: { 200: Type.Any({ description: 'Rapporten' }), ...errors } },
  }, async (request, reply) => {
    const { org, municipalityCode } = await resolveOrganisation(ctx, requireUser(request), request.params.orgCode, 'contributions.read');
    if (municipalityCode !== null && municipalityCode !== undefined && municipalityCode !== request.params.code) {
      throw new ServiceError('forbidden', 'Du får bara läsa rapporten för din egen kommun.');
    }
    const r = await municipalityReport(ctx, org, request.params.id, request.params.code);
    if (request.query.format === 'xlsx') {
      return reply.type(XLSX).header('content-disposition', `attachment; filename="samverkan-${r.municipality.code}.xlsx"`).send(await renderMunicipalityReportXlsx(r));
    }
    return reply.type('text/html; charset=utf-8').send(renderMunicipalityReportHtml(r));
  });

  app.put('/api/orgs/:orgCode/agreements/:id/years/:year', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Sätt ett års totalbelopp', params: AgreementYearParams, body: YearTotalBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await setYearTotal(ctx, user, org, request.params.id, request.params.year, request.body.totalOre);
    return reply.status(204).send(null);
  });

  app.put('/api/orgs/:orgCode/agreements/:id/key/:year', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Fördelningsnyckel ett år, inmatad (folkmängd per kommun)', params: AgreementYearParams, body: KeyBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await setKey(ctx, user, org, request.params.id, request.params.year, request.body.entries);
    return reply.status(204).send(null);
  });

  app.post('/api/orgs/:orgCode/agreements/:id/key/csv', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Importera fördelningsnyckeln från CSV (kommunkod;år;folkmängd), allt eller inget', params: AgreementParams, body: KeyCsvBody, response: { 200: Type.Object({ years: Type.Array(Type.Integer()) }), ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    return importKeyCsv(ctx, user, org, request.params.id, request.body.csv);
  });

  app.post('/api/orgs/:orgCode/agreements/:id/key/:year/kolada', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Fördelningsnyckeln ett år från lagrade Kolada-värden (N01951, 31 december året före)', params: AgreementYearParams, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await keyFromKolada(ctx, user, org, request.params.id, request.params.year);
    return reply.status(204).send(null);
  });

  app.post('/api/orgs/:orgCode/agreements/:id/forums', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Nytt forum (politiker eller tjänstepersoner)', params: AgreementParams, body: ForumBody, response: { 201: Created, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    return reply.status(201).send({ id: await addForum(ctx, user, org, request.params.id, request.body) });
  });

  app.post('/api/orgs/:orgCode/agreements/:id/meetings', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Logga ett möte i ett forum', params: AgreementParams, body: MeetingBody, response: { 201: Created, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    return reply.status(201).send({ id: await addMeeting(ctx, user, org, request.params.id, request.body) });
  });

  app.post('/api/orgs/:orgCode/agreements/:id/followups', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ny uppföljning för en period (ÅÅÅÅ-T1…T3, ÅÅÅÅ-D, ÅÅÅÅ-Å), för alla eller en kommun', params: AgreementParams, body: FollowupBody, response: { 201: Created, ...errors } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    return reply.status(201).send({ id: await addFollowup(ctx, user, org, request.params.id, request.body) });
  });

  app.put('/api/orgs/:orgCode/agreements/:id/forums/:itemId', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ändra ett forum', params: AgreementItemParams, body: ForumBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await updateForum(ctx, user, org, request.params.id, request.params.itemId, request.body);
    return reply.status(204).send(null);
  });

  app.delete('/api/orgs/:orgCode/agreements/:id/forums/:itemId', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ta bort ett forum med dess möten', params: AgreementItemParams, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await deleteForum(ctx, user, org, request.params.id, request.params.itemId);
    return reply.status(204).send(null);
  });

  app.put('/api/orgs/:orgCode/agreements/:id/meetings/:itemId', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ändra ett loggat möte', params: AgreementItemParams, body: MeetingBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await updateMeeting(ctx, user, org, request.params.id, request.params.itemId, request.body);
    return reply.status(204).send(null);
  });

  app.delete('/api/orgs/:orgCode/agreements/:id/meetings/:itemId', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ta bort ett loggat möte', params: AgreementItemParams, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await deleteMeeting(ctx, user, org, request.params.id, request.params.itemId);
    return reply.status(204).send(null);
  });

  app.put('/api/orgs/:orgCode/agreements/:id/followups/:itemId', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ändra en uppföljning', params: AgreementItemParams, body: FollowupBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await updateFollowup(ctx, user, org, request.params.id, request.params.itemId, request.body);
    return reply.status(204).send(null);
  });

  app.delete('/api/orgs/:orgCode/agreements/:id/followups/:itemId', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Ta bort en uppföljning', params: AgreementItemParams, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await deleteFollowup(ctx, user, org, request.params.id, request.params.itemId);
    return reply.status(204).send(null);
  });

  app.put('/api/orgs/:orgCode/agreements/:id/evaluation', {
    config: { access: 'plan.edit' },
    schema: { tags, summary: 'Slututvärdering vid avtalsperiodens slut', params: AgreementParams, body: EvaluationBody, response: NoContent },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { org } = await resolveOrganisation(ctx, user, request.params.orgCode, 'edit');
    await saveEvaluation(ctx, user, org, request.params.id, request.body);
    return reply.status(204).send(null);
  });
};
