// Sign-in through the region's identity provider (OpenID Connect). The browser goes to /start, on
// to the provider, and comes back to /callback, which ends on the app with a session or on the
// login page with `?fel=<code>` (the page shows the Swedish message from /api/auth/options).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AuthOptions, OidcStartQuery } from '../identity-schemas.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../session.ts';
import {
  OIDC_FAILURE_MESSAGES, OidcError, decodeTransaction, encodeTransaction, type OidcFailure,
} from '../../services/oidc.ts';
import type { ApiOptions } from '../server.ts';

const TRANSACTION_COOKIE = 'ramplan_oidc';
const CALLBACK_PATH = '/api/auth/oidc/callback';

/** A path on this site to return to after sign-in; never another origin. */
function safeNext(text: string | undefined): string {
  if (text === undefined || !text.startsWith('/') || text.startsWith('//') || text.startsWith('/\\') || text.startsWith('/api/')) return '/';
  return text;
}

const loginWithError = (failure: OidcFailure): string => `/logga-in?${new URLSearchParams({ fel: failure }).toString()}`;

export const oidcRoutes: FastifyPluginAsyncTypebox<ApiOptions> = async (app, { ctx, oidc, secureCookies }) => {
  // The provider sends the browser back cross-site, so the transaction cookie is SameSite=Lax
  // (a Strict one would not come along); it lives ten minutes and only on the callback's path.
  const transactionCookie = { path: CALLBACK_PATH, httpOnly: true, sameSite: 'lax' as const, secure: secureCookies };

  app.get('/api/auth/options', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Sätt att logga in (t.ex. regionens inloggning)', response: { 200: AuthOptions } },
  }, async () => ({
    oidc: oidc ? { label: 'Logga in med regionens inloggning', startUrl: '/api/auth/oidc/start' } : null,
    oidcErrors: { ...OIDC_FAILURE_MESSAGES },
  }));

  app.get('/api/auth/oidc/start', {
    config: { access: 'public' },
    schema: {
      tags: ['session'], summary: 'Börja logga in via regionens inloggning (omdirigerar till den)', querystring: OidcStartQuery,
      response: { 302: Type.Null() },
    },
  }, async (request, reply) => {
    if (!oidc) return reply.redirect(loginWithError('not_configured'), 302);
    try {
      const { url, transaction } = await oidc.begin(safeNext(request.query.till));
      void reply.setCookie(TRANSACTION_COOKIE, encodeTransaction(transaction), { ...transactionCookie, maxAge: 600 });
      return reply.redirect(url.href, 302);
    } catch (error) {
      request.log.warn({ err: error }, 'oidc start failed');
      return reply.redirect(loginWithError(error instanceof OidcError ? error.failure : 'failed'), 302);
    }
  });

  app.get(CALLBACK_PATH, {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Regionens inloggning skickar tillbaka hit', response: { 302: Type.Null() }, hide: true },
  }, async (request, reply) => {
    void reply.clearCookie(TRANSACTION_COOKIE, transactionCookie);
    if (!oidc) return reply.redirect(loginWithError('not_configured'), 302);
    const query = new URL(request.url, 'http://callback.invalid').searchParams;
    const transaction = decodeTransaction(request.cookies[TRANSACTION_COOKIE]);
    try {
      const { token, expiresAt } = await oidc.finish(ctx, query, transaction);
      void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(secureCookies, expiresAt));
      return reply.redirect(transaction?.next ?? '/', 302);
    } catch (error) {
      const failure: OidcFailure = error instanceof OidcError ? error.failure : 'failed';
      request.log.warn({ failure, detail: error instanceof Error ? error.message : String(error) }, 'oidc sign-in refused');
      return reply.redirect(loginWithError(failure), 302);
    }
  });
};
