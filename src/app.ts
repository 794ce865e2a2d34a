// The one place that wires Ramplan together: database (embedded or external), migrations,
// services and the HTTP server. Used by `ramplan serve`, the CLI commands and the tests alike.
import type { FastifyInstance } from 'fastify';
import { createDb, type Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded.ts';
import { countOrganisations } from './db/repositories/organisations.ts';
import { createServiceContext, type ServiceContext } from './services/context.ts';
import { loadDemo, type DemoSummary } from './services/demo/load-demo.ts';
import { findUserByUsername } from './db/repositories/users.ts';
import { DEMO_USERS } from './services/demo/demo-data.ts';
import { OidcSignIn, type OidcSettings } from './services/oidc.ts';

export type AppConfig = {
  /** An external PostgreSQL server; when absent, the embedded one in `dataDir`. */
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string;
  /** Load the demo region when the database is empty, and show demo hints. */
  readonly demo?: boolean;
  readonly webDist?: string;
  readonly logger?: boolean | { readonly stream: NodeJS.WritableStream };
  readonly secureCookies?: boolean;
  readonly log?: (line: string) => void;
  /** Sign-in through the region's identity provider (OpenID Connect); off when absent. */
  readonly oidc?: OidcSettings | undefined;
};

export type Runtime = {
  readonly db: Db;
  readonly ctx: ServiceContext;
  readonly databaseKind: 'embedded' | 'external';
  readonly close: () => Promise<void>;
};

/** Opens the database (starting the embedded server when needed) and applies pending migrations. */
export async function openRuntime(config: AppConfig): Promise<Runtime> {
  let embedded: EmbeddedServer | undefined;
  let url = config.databaseUrl;
  if (url === undefined || url === '') {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir ?? './data', ...(config.log ? { log: config.log } : {}) });
    url = embedded.url;
  }
  const db = createDb(url);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    throw error;
  }
  let closed = false;
  return {
    db,
    ctx: createServiceContext(db),
    databaseKind: embedded ? 'embedded' : 'external',
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await embedded?.stop();
    },
  };
}

/** Loads the demo when the database holds no organisation yet; undefined when it already has data. */
export async function loadDemoIfEmpty(runtime: Runtime): Promise<DemoSummary | undefined> {
  if ((await countOrganisations(runtime.db)) > 0) return undefined;
  return loadDemo(runtime.ctx);
}

export type App = FastifyInstance & { readonly runtime: Runtime; readonly demoLoaded: DemoSummary | undefined };

export async function buildApp(config: AppConfig): Promise<App> {
  const runtime = await openRuntime(config);
  try {
    const demoLoaded = config.demo ? await loadDemoIfEmpty(runtime) : undefined;
    // Loaded here, not at the top: the API (Fastify, the report renderers) is most of Ramplan's startup,
    // and CLI commands that only open the runtime (`sie import`) need none of it.
    const { createApiServer } = await import('./api/server.ts');
    const server = await createApiServer({
      ctx: runtime.ctx,
      databaseKind: runtime.databaseKind,
      demo: config.demo === true && await isDemoDatabase(runtime),
      secureCookies: config.secureCookies ?? false,
      ...(config.oidc ? { oidc: new OidcSignIn(config.oidc) } : {}),
      ...(config.webDist ? { webDist: config.webDist } : {}),
      ...(config.logger !== undefined ? { logger: config.logger } : {}),
    });
    server.addHook('onClose', async () => runtime.close());
    return Object.assign(server, { runtime, demoLoaded });
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/** Demo mode: the database holds the demo region's users (so printing their passwords helps, not leaks). */
export async function isDemoDatabase(runtime: Runtime): Promise<boolean> {
  return (await findUserByUsername(runtime.db, DEMO_USERS[0].username)) !== undefined;
}
