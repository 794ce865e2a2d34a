// User and role administration ('users.admin') and the audit trail ('audit.read') of an organisation.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../schemas.ts';
import {
  AdminUser, AuditList, AuditQuery, ChainStatus, DisabledBody, NewUserBody, OidcLinkBody, PasswordBody, RoleBody, UpdateUserBody,
  UserList, UserParams, UserRoleParams,
} from '../identity-schemas.ts';
import { OrgParams } from '../schemas.ts';
import { requireAccess, requireUser } from '../session.ts';
import {
  createUser, grantUserRole, linkOidc, listUsersForAdmin, revokeUserRole, setUserEnabled, setUserPassword, unlinkOidc, updateUser,
} from '../../services/users-admin.ts';
import { auditChainStatus, exportAuditCsv, listAuditEntries } from '../../services/audit-view.ts';
import type { ApiOptions } from '../server.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['användare'];

export const adminRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx, oidc }) => {
  app.get('/api/orgs/:orgCode/users', {
    config: { access: 'users.admin' },
    schema: { tags, summary: 'Användarna med sina roller (för administratören)', params: OrgParams, response: { 200: UserList, ...errors } },
  }, async (request) => ({
    ...(await listUsersForAdmin(ctx, requireAccess(request))),
    oidcIssuer: oidc?.settings.issuer ?? null,
  }));

  app.post('/api/orgs/:orgCode/users', {
    config: { access: 'users.admin' },
    schema: { tags, summary: 'Skapa en lokal användare (lösenord minst 12 tecken)', params: OrgParams, body: NewUserBody, response: { 201: AdminUser, ...errors } },
  }, async (request, reply) => {
    const user = await createUser(ctx, requireUser(request), requireAccess(request), request.body);
    return reply.status(201).send(user);
  });

  app.patch('/api/orgs/:orgCode/users/:userId', {
    config: { access: 'users.admin' },
    schema: { tags, summary: 'Ändra namn eller e-postadress', params: UserParams, body: UpdateUserBody, response: { 200: AdminUser, ...errors } },
  }, async (request) => updateUser(ctx, requireUser(request), requireAccess(request), request.params.userId, request.body));

  app.put('/api/orgs/:orgCode/users/:userId/password', {
    config: { access: 'users.admin' },
    schema: { tags, summary: 'Sätt ett nytt lösenord (användarens sessioner avslutas)', params: UserParams, body: PasswordBody, response: { 200: AdminUser, ...errors } },
  }, async (request) => setUserPassword(ctx, requireUser(request), requireAccess(request), request.params.userId, request.body.password));

  app.put('/api/orgs/:orgCode/users/:userId/disabled', {
    config: { access: 'users.admin' },
    schema: { tags, summary: 'Stäng av eller aktivera kontot (avstängning avslutar sessionerna)', params: UserParams, body: DisabledBody, response: { 200: AdminUser, ...errors } },
  }, async (request) => setUserEnabled(ctx, requireUser(request), requireAccess(request), request.params.userId, request.body.disabled));

  app.put('/api/orgs/:orgCode/users/:userId/oidc', {
    config: { access: 'users.admin' },
    schema: { tags, summary: 'Koppla användaren till en identitet hos regionens inloggning (issuer, subject)', params: UserParams, body: OidcLinkBody, response: { 200: AdminUser, ...errors } },
  }, async (request) => linkOidc(ctx, requireUser(request), requireAccess(request), request.params.userId, {
    subject: request.body.subject, issuer: request.body.issuer ?? oidc?.settings.issuer,
  }));

  app.delete('/api/orgs/:orgCode/users/:userId/oidc', {
    config: { access: 'users.admin' },
    schema: { tags, summary: 'Ta bort kopplingen till regionens inloggning', params: UserParams, response: { 200: AdminUser, ...errors } },
  }, async (request) => unlinkOidc(ctx, requireUser(request), requireAccess(request), request.params.userId));

  app.put('/api/orgs/:orgCode/users/:userId/roles/:roleOrgCode', {
    config: { access: 'users.admin' },
    schema: { tags, summary: 'Ge användaren en roll på en organisation (ersätter en tidigare roll där)', params: UserRoleParams, body: RoleBody, response: { 200: AdminUser, ...errors } },
  }, async (request) => grantUserRole(ctx, requireUser(request), requireAccess(request), request.params.userId, request.params.roleOrgCode, request.body));

  app.delete('/api/orgs/:orgCode/users/:userId/roles/:roleOrgCode', {
    config: { access: 'users.admin' },
    schema: { tags, summary: 'Ta bort användarens roll på en organisation', params: UserRoleParams, response: { 200: AdminUser, ...errors } },
  }, async (request) => revokeUserRole(ctx, requireUser(request), requireAccess(request), request.params.userId, request.params.roleOrgCode));

  const auditTags = ['granskningslogg'];
  app.get('/api/orgs/:orgCode/audit', {
    config: { access: 'audit.read' },
    schema: {
      tags: auditTags, summary: 'Granskningsloggens poster för organisationens huvudman, nyaste först (före och efter)',
      params: OrgParams, querystring: AuditQuery, response: { 200: AuditList, ...errors },
    },
  }, async (request) => listAuditEntries(ctx, requireAccess(request), request.query));

  app.get('/api/orgs/:orgCode/audit.csv', {
    config: { access: 'audit.read' },
    schema: {
      tags: auditTags, summary: 'Granskningsloggen som CSV (semikolon, UTF-8 med BOM för Excel)',
      params: OrgParams, querystring: AuditQuery, produces: ['text/csv'], response: { 200: Type.Any({ description: 'CSV-filen' }), ...errors },
    },
  }, async (request, reply) => {
    const access = requireAccess(request);
    const { csv } = await exportAuditCsv(ctx, access, request.query);
    const day = ctx.now().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="granskningslogg-${access.org.code}-${day}.csv"`)
      .send(csv);
  });

  app.get('/api/orgs/:orgCode/audit/chain', {
    config: { access: 'audit.read' },
    schema: { tags: auditTags, summary: 'Kontrollera att granskningsloggens hashkedja är obruten', params: OrgParams, response: { 200: ChainStatus, ...errors } },
  }, async () => auditChainStatus(ctx));
};
