// The database going away: the API answers 503 with a Swedish message, and recovers by itself
// when the database returns (through a TCP proxy the test cuts and restores).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { startTcpProxy, type TcpProxy } from '../../test/tcp-proxy.ts';
import { signIn } from '../../test/app-fixture.ts';

let database: TestDatabase;
let proxy: TcpProxy;
let app: App;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const direct = new URL(database.url);
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(database.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  app = await buildApp({ databaseUrl: viaProxy.toString(), demo: true });
  cookie = await signIn(app, 'ledamot');
});
afterAll(async () => {
  await proxy?.restore().catch(() => undefined);
  await app?.close();
  await proxy?.close();
  await database?.drop();
});

const summary = () => app.inject({ method: 'GET', url: '/api/orgs/RUN/summary?year=2018&version=actual', headers: { cookie } });

describe('when the database goes away', () => {
  it('answers 503 with a message, then recovers by itself when it returns', async () => {
    expect((await summary()).statusCode).toBe(200);
    await proxy.cut();
    const down = await summary();
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ error: 'database_unavailable', message: 'Databasen går inte att nå just nu. Försök igen om en stund.' });
    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await summary()).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
