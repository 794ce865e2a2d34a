import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, Health, LoginBody, SessionUser } from '../schemas.ts';
import { SESSION_COOKIE, requireUser, sessionCookieOptions } from '../session.ts';
import { login, logout, type AuthUser } from '../../services/auth.ts';
import { LoginThrottle } from '../../services/login-throttle.ts';
import type { ApiOptions } from '../server.ts';
import { roleLabel } from '../../domain/access.ts';

const toSessionUser = (user: AuthUser, demo: boolean) => ({
  username: user.username,
  displayName: user.displayName,
  demo,
  roles: user.roles.map((r) => ({ orgCode: r.orgCode, role: r.role, roleName: roleLabel(r.role) })),
});

export const sessionRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx, databaseKind, demo, secureCookies }) => {
  const throttle = new LoginThrottle();
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'Hälsokontroll', response: { 200: Health } },
  }, async () => {
    return { status: 'ok' as const, database: databaseKind, demo };
  });

  app.post('/api/session', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Logga in (begränsat antal misslyckade försök)', body: LoginBody, response: { 200: SessionUser, 401: ErrorBody, 429: ErrorBody } },
  }, async (request, reply) => {
    const { token, user, expiresAt } = await login(ctx, request.body.username, request.body.password, { throttle, address: request.ip });
    void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(secureCookies, expiresAt));
    return toSessionUser(user, demo);
  });

  app.get('/api/session', {
    config: { access: 'authenticated' },
    schema: { tags: ['session'], summary: 'Den inloggade användaren', response: { 200: SessionUser, 401: ErrorBody } },
  }, async (request) => toSessionUser(requireUser(request), demo));

  app.delete('/api/session', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Logga ut', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await logout(ctx, request.cookies[SESSION_COOKIE]);
    void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(secureCookies));
    return reply.status(204).send(null);
  });
};
