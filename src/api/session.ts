// The session cookie, the authentication hook, and the Origin check that keeps another site from
// writing on a signed-in user's behalf.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../services/context.ts';
import { authenticate, type AuthUser } from '../services/auth.ts';
import { ServiceError } from '../services/errors.ts';

export const SESSION_COOKIE = 'ramplan_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | undefined;
  }
  interface FastifyContextConfig {
    /** A route that answers without a session (health, sign-in, the OpenAPI document). */
    public?: boolean;
  }
}

export function sessionCookieOptions(secure: boolean, expires?: Date) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure, ...(expires ? { expires } : {}) };
}

export function registerSessionHooks(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('user', undefined);
  // Authentication runs before validation, so a request without a session learns nothing about
  // the shape the route expects.
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    if (request.method !== 'GET' && request.method !== 'HEAD' && !sameOrigin(request)) {
      throw new ServiceError('forbidden', 'Begäran kom från en annan webbplats och avvisades.');
    }
    request.user = await authenticate(ctx, request.cookies[SESSION_COOKIE]);
    if (request.routeOptions.config.public === true) return;
    if (!request.user) throw new ServiceError('unauthenticated', 'Du är inte inloggad, eller så har sessionen gått ut. Logga in igen.');
  });
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
