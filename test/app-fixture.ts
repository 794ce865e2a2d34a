// A Ramplan app with the demo on a fresh database of the test server, and a signed-in client for
// `app.inject`. Shared by the API and service tests.
import { Ajv } from 'ajv';
import { expect } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export type Fixture = { app: App; database: TestDatabase; close(): Promise<void> };

export async function startDemoApp(): Promise<Fixture> {
  const database = await createTestDatabase();
  const app = await buildApp({ databaseUrl: database.url, demo: true });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export async function signIn(app: App, username: string, password = 'ramplan-demo'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ramplan_session');
  if (!cookie) throw new Error('no session cookie');
  return `ramplan_session=${cookie.value}`;
}

export type OpenApiOperation = {
  readonly requestBody?: unknown;
  readonly parameters?: ReadonlyArray<{ readonly name: string }>;
  readonly responses: Record<string, { content?: Record<string, { schema: object }> }>;
};
export type OpenApiDoc = { readonly paths: Record<string, Record<string, OpenApiOperation>> };

/** The OpenAPI document the app publishes. */
export async function openApiDoc(app: App): Promise<OpenApiDoc> {
  return (await app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDoc>();
}

/** Each `url`'s real 200 answer (GET, as `cookie`) validates against the schema published for `path`. */
export async function expectAnswersMatchOpenApi(app: App, cookie: string, checks: ReadonlyArray<readonly [path: string, url: string]>): Promise<void> {
  const doc = await openApiDoc(app);
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', true);
  for (const [path, url] of checks) {
    const schema = doc.paths[path]?.['get']?.responses['200']?.content?.['application/json']?.schema;
    expect(schema, path).toBeDefined();
    const body = (await app.inject({ method: 'GET', url, headers: { cookie } })).json<unknown>();
    expect(ajv.validate(schema as object, body), `${url}: ${ajv.errorsText()}`).toBe(true);
  }
}
