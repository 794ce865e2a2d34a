// A Ramplan app with the demo on a fresh database of the test server, and a signed-in client for
// `app.inject`. Shared by the API and service tests.
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
