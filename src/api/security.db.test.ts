// Security basics through the HTTP server: headers, session expiry, rate-limited sign-in, and
// passwords that never reach the log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp, type App } from '../app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { signIn } from '../../test/app-fixture.ts';

let database: TestDatabase;
let app: App;
let log = '';

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { log += chunk.toString(); done(); } });
  app = await buildApp({ databaseUrl: database.url, demo: true, logger: { stream } });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('security basics', () => {
  it('sends the security headers on pages and API answers', async () => {
    for (const url of ['/', '/api/health', '/api/orgs']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).headers['cache-control']).toBe('no-store');
  });

  it('an expired session is refused', async () => {
    const cookie = await signIn(app, 'ledamot');
    expect((await app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } })).statusCode).toBe(200);
    await sql`UPDATE app_session SET expires_at = now() - interval '1 second'`.execute(app.runtime.db);
    const res = await app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ message: string }>().message).toMatch(/gått ut/);
  });

  it('never writes a password to the log', async () => {
    await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ekonom', password: 'ramplan-demo' } });
    await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ekonom', password: 'fel-lösen-XYZ' } });
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain('ramplan-demo');
    expect(log).not.toContain('fel-lösen-XYZ');
    expect(log).not.toContain('ramplan_session=');
  });

  it('after five failed sign-ins a username is refused for a while, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ledamot', password: `fel${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ledamot', password: 'ramplan-demo' } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<{ message: string }>().message).toMatch(/För många misslyckade inloggningsförsök/);
    // Another user from the same address is not locked out.
    expect((await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ekonom', password: 'ramplan-demo' } })).statusCode).toBe(200);
  });
});
