// The session cookie, the authentication hook, and the Origin check that keeps another site from
// writing on a signed-in user's behalf.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../services/context.ts';
import { authenticate, type AuthUser } from '../services/auth.ts';
import { ServiceError } from '../services/errors.ts';
import { resolveOrganisation, type OrgAccess } from '../services/organisations.ts';
import type { Permission } from '../domain/access.ts';

export const SESSION_COOKIE = 'ramplan_session';

/**
 * What a route demands. Every /api route declares one (the authorisation matrix test fails on a
 * route without): `public` needs no session, `authenticated` any signed-in user, a permission that
 * permission on the route's `:orgCode` (checked before validation, so a refused caller learns
 * nothing about the input the route expects).
 */
export type RouteAccess = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | undefined;
    access: OrgAccess | undefined;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function sessionCookieOptions(secure: boolean, expires?: Date) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure, ...(expires ? { expires } : {}) };
}

export function registerSessionHooks(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('user', undefined);
  app.decorateRequest('access', undefined);
  // Authentication runs before parsing and validation.
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    if (request.method !== 'GET' && request.method !== 'HEAD' && !sameOrigin(request)) {
      throw new ServiceError('forbidden', 'Begäran kom från en annan webbplats och avvisades.');
    }
    request.user = await authenticate(ctx, request.cookies[SESSION_COOKIE]);
    if (request.routeOptions.config.access === 'public') return;
    if (!request.user) throw new ServiceError('unauthenticated', 'Du är inte inloggad, eller så har sessionen gått ut. Logga in igen.');
  });
  // Authorisation on the route's organisation, before validation.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public' || access === 'authenticated' || !request.user) return;
    const orgCode = (request.params as { orgCode?: unknown } | undefined)?.orgCode;
    if (typeof orgCode !== 'string') return;
    request.access = await resolveOrganisation(ctx, request.user, orgCode, access);
  });
}

/** The organisation access the preValidation hook established for this route. */
export function requireAccess(request: FastifyRequest): OrgAccess {
  if (!request.access) throw new Error(`route ${request.routeOptions.url ?? ''} has no organisation access rule`);
  return request.access;
}

/** Browsers send Origin on cross-site writes; when present it must name this host. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new ServiceError('unauthenticated', 'Du är inte inloggad.');
  return request.user;
}
