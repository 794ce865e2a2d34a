// The HTTP server: Fastify with the routes, OpenAPI, the session hooks, and the built web app.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../services/context.ts';
import { errorHandler } from './errors.ts';
import { registerSessionHooks, type RouteAccess } from './session.ts';
import { sessionRoutes } from './routes/session.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { planLineRoutes } from './routes/plan-lines.ts';
import { goalRoutes } from './routes/goals.ts';
import { projectRoutes } from './routes/projects.ts';
import { workflowRoutes } from './routes/workflow.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { sieRoutes } from './routes/sie.ts';
import { adminRoutes } from './routes/admin.ts';
import { oidcRoutes } from './routes/oidc.ts';
import type { OidcSignIn } from '../services/oidc.ts';
import { underlagRoutes } from './routes/underlag.ts';
import { ErrorBody } from './schemas.ts';

export type RouteRule = { readonly method: string; readonly url: string; readonly access: RouteAccess | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeRules: readonly RouteRule[];
  }
}

export type ApiOptions = {
  readonly ctx: ServiceContext;
  readonly databaseKind: 'embedded' | 'external';
  readonly demo: boolean;
  readonly secureCookies: boolean;
  /** Sign-in through the region's identity provider, when configured. */
  readonly oidc?: OidcSignIn | undefined;
};

export type ApiServerOptions = ApiOptions & {
  /** The built web app (web/dist); when missing, `/` explains how to build it. */
  readonly webDist?: string;
  /** Request logging (pino); a stream sends it there instead of stdout (tests read it). */
  readonly logger?: boolean | { readonly stream: NodeJS.WritableStream };
};

// The web app's pages: scripts and styles from this server only, no framing, no foreign forms.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'",
].join('; ');

export async function createApiServer(options: ApiServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
        level: 'info',
        redact: ['req.headers.cookie', 'req.headers.authorization', 'req.body.password', 'body.password', 'password'],
        ...(typeof options.logger === 'object' ? { stream: options.logger.stream } : {}),
      }
      : false,
    bodyLimit: 1_048_576,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  app.addSchema(ErrorBody);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Ramplan API', version: '0.1.0', description: 'Plan och budget för nämnder. Belopp i öre (heltal).' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ramplan_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    // Swagger UI runs inline scripts of its own; everything else gets the strict policy.
    if (!request.url.startsWith('/api/docs')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    if (options.secureCookies) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // The route table with each route's access rule, for the authorisation matrix test.
  const routeRules: RouteRule[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeRules.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.decorate('routeRules', routeRules);
  registerSessionHooks(app, options.ctx);
  const apiOptions: ApiOptions = { ctx: options.ctx, databaseKind: options.databaseKind, demo: options.demo, secureCookies: options.secureCookies, oidc: options.oidc };
  await app.register(sessionRoutes, apiOptions);
  await app.register(organisationRoutes, apiOptions);
  await app.register(planLineRoutes, apiOptions);
  await app.register(goalRoutes, apiOptions);
  await app.register(projectRoutes, apiOptions);
  await app.register(workflowRoutes, apiOptions);
  await app.register(agreementRoutes, apiOptions);
  await app.register(sieRoutes, apiOptions);
  await app.register(oidcRoutes, apiOptions);
  await app.register(adminRoutes, apiOptions);
  await app.register(underlagRoutes, apiOptions);

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const webDist = options.webDist ? resolve(options.webDist) : undefined;
  const hasWeb = webDist !== undefined && existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({ error: 'not_found', message: `Det finns ingen resurs ${request.method} ${request.url.split('?')[0] ?? ''}.` });
    }
    if (!hasWeb) {
      return reply.status(503).type('text/plain; charset=utf-8')
        .send('Webbappen är inte byggd. Kör "npm run build:web" (npm start gör det själv).');
    }
    // The web app routes on the client: every other path gets the app.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}
