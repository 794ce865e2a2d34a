// Sign-in through the region's identity provider, against a real OpenID provider (oidc-provider)
// started here on loopback: an identity without a link is refused, a linked one gets a session that
// works on /api/orgs, a verified e-mail an administrator entered links once, and state mismatch,
// a disabled account and a provider that is down each end on the login page with their own message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp, type App } from '../app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { signInAtProvider, startTestProvider, type TestProvider } from '../../test/oidc-provider.ts';
import { findOrganisationByCode } from '../db/repositories/organisations.ts';
import { grantRole, insertUser, NO_PASSWORD, setOidcLink, setUserDisabled } from '../db/repositories/users.ts';

const REDIRECT_URI = 'http://127.0.0.1:3999/api/auth/oidc/callback';

let database: TestDatabase;
let provider: TestProvider;
let app: App;
let anna = 0;

beforeAll(async () => {
  provider = await startTestProvider(REDIRECT_URI, {
    anna: { email: 'anna.andersson@region.test', emailVerified: true, name: 'Anna Andersson' },
    berit: { email: 'Berit.Berg@region.test', emailVerified: true },
    cecilia: { email: 'cecilia@region.test', emailVerified: false },
    okand: { email: 'okand@region.test', emailVerified: true },
    stangd: {},
  });
  database = await createTestDatabase();
  app = await buildApp({
    databaseUrl: database.url, demo: true,
    oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri: REDIRECT_URI },
  });
  const db = app.runtime.db;
  const run = await findOrganisationByCode(db, 'RUN');
  if (!run) throw new Error('demo org missing');
  const user = (username: string, email: string | null = null) =>
    insertUser(db, { tenantId: run.tenantId, username, displayName: username, passwordHash: NO_PASSWORD, email });
  anna = await user('anna');
  await grantRole(db, run.tenantId, anna, run.id, 'reader');
  await setOidcLink(db, anna, { issuer: provider.issuer, subject: 'anna' });
  const berit = await user('berit', 'berit.berg@region.test');
  await grantRole(db, run.tenantId, berit, run.id, 'reader');
  await user('cecilia', 'cecilia@region.test');
  const stangd = await user('stangd');
  await setOidcLink(db, stangd, { issuer: provider.issuer, subject: 'stangd' });
  await setUserDisabled(db, stangd, true);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  await provider?.close();
});

type Attempt = { location: string; sessionCookie: string | undefined };

/** The whole round: Ramplan's start, the provider's forms as `accountId`, Ramplan's callback. */
async function signInThroughProvider(accountId: string, options: { tamperState?: boolean; dropCookie?: boolean; next?: string } = {}): Promise<Attempt> {
  const start = await app.inject({ method: 'GET', url: `/api/auth/oidc/start${options.next ? `?till=${encodeURIComponent(options.next)}` : ''}` });
  expect(start.statusCode).toBe(302);
  const location = start.headers.location ?? '';
  expect(location.startsWith(`${provider.issuer}/`), location).toBe(true);
  const authorization = new URL(location);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('state')).toBeTruthy();
  expect(authorization.searchParams.get('nonce')).toBeTruthy();
  const transaction = start.cookies.find((c) => c.name === 'ramplan_oidc');
  expect(transaction?.sameSite).toBe('Lax');
  expect(transaction?.httpOnly).toBe(true);

  const back = await signInAtProvider(location, accountId, REDIRECT_URI);
  if (options.tamperState) back.searchParams.set('state', 'någon-annans-state');
  const callback = await app.inject({
    method: 'GET', url: `/api/auth/oidc/callback${back.search}`,
    headers: options.dropCookie || !transaction ? {} : { cookie: `ramplan_oidc=${transaction.value}` },
  });
  expect(callback.statusCode).toBe(302);
  const session = callback.cookies.find((c) => c.name === 'ramplan_session' && c.value !== '');
  return { location: callback.headers.location ?? '', sessionCookie: session ? `ramplan_session=${session.value}` : undefined };
}

async function messageFor(location: string): Promise<string> {
  const code = new URL(location, 'http://x.invalid').searchParams.get('fel') ?? '';
  const options = await app.inject({ method: 'GET', url: '/api/auth/options' });
  return options.json<{ oidcErrors: Record<string, string> }>().oidcErrors[code] ?? `(inget meddelande för ${code})`;
}

describe('sign-in through the region\'s identity provider', () => {
  it('says on /api/auth/options that the provider is configured', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/options' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ oidc: { label: 'Logga in med regionens inloggning', startUrl: '/api/auth/oidc/start' } });
  });

  it('a linked identity gets a session that works on /api/orgs, and returns to where it started', async () => {
    const attempt = await signInThroughProvider('anna', { next: '/orgs/RUN/budget' });
    expect(attempt.location).toBe('/orgs/RUN/budget');
    expect(attempt.sessionCookie).toBeDefined();
    const orgs = await app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie: attempt.sessionCookie ?? '' } });
    expect(orgs.statusCode).toBe(200);
    expect(orgs.json<Array<{ code: string }>>().map((o) => o.code)).toContain('RUN');
    const session = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: attempt.sessionCookie ?? '' } });
    expect(session.json<{ username: string }>().username).toBe('anna');
  });

  it('an identity without a link is refused, with a message, and no user is created', async () => {
    const users = await sql<{ n: string }>`SELECT count(*) AS n FROM app_user`.execute(app.runtime.db);
    const attempt = await signInThroughProvider('okand');
    expect(attempt.location).toBe('/logga-in?fel=unknown_user');
    expect(attempt.sessionCookie).toBeUndefined();
    expect(await messageFor(attempt.location)).toMatch(/inte kopplat till någon användare i Ramplan/);
    const after = await sql<{ n: string }>`SELECT count(*) AS n FROM app_user`.execute(app.runtime.db);
    expect(after.rows[0]?.n).toBe(users.rows[0]?.n);
  });

  it('a verified e-mail an administrator entered links the identity on the first sign-in, audited', async () => {
    const attempt = await signInThroughProvider('berit');
    expect(attempt.location).toBe('/');
    expect(attempt.sessionCookie).toBeDefined();
    const link = await sql<{ oidc_issuer: string; oidc_subject: string }>`SELECT oidc_issuer, oidc_subject FROM app_user WHERE username = 'berit'`.execute(app.runtime.db);
    expect(link.rows[0]).toEqual({ oidc_issuer: provider.issuer, oidc_subject: 'berit' });
    const audit = await sql<{ actor: string; after: { oidc: { subject: string } } }>`SELECT actor, after FROM audit_log WHERE action = 'user.oidc.link'`.execute(app.runtime.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.after.oidc.subject).toBe('berit');
    // The second time the link alone decides.
    expect((await signInThroughProvider('berit')).sessionCookie).toBeDefined();
  });

  it('an unverified e-mail links nothing', async () => {
    const attempt = await signInThroughProvider('cecilia');
    expect(attempt.location).toBe('/logga-in?fel=unknown_user');
    const link = await sql<{ oidc_subject: string | null }>`SELECT oidc_subject FROM app_user WHERE username = 'cecilia'`.execute(app.runtime.db);
    expect(link.rows[0]?.oidc_subject).toBeNull();
  });

  it('a state that does not match the browser\'s transaction is refused (and so is a missing transaction)', async () => {
    const tampered = await signInThroughProvider('anna', { tamperState: true });
    expect(tampered).toEqual({ location: '/logga-in?fel=state_mismatch', sessionCookie: undefined });
    expect(await messageFor(tampered.location)).toMatch(/hörde inte till den här inloggningen/);
    const noCookie = await signInThroughProvider('anna', { dropCookie: true });
    expect(noCookie).toEqual({ location: '/logga-in?fel=state_mismatch', sessionCookie: undefined });
  });

  it('a disabled user is refused', async () => {
    const attempt = await signInThroughProvider('stangd');
    expect(attempt).toEqual({ location: '/logga-in?fel=disabled', sessionCookie: undefined });
    expect(await messageFor(attempt.location)).toMatch(/avstängt/);
  });

  it('a next target on another site is ignored', async () => {
    const attempt = await signInThroughProvider('anna', { next: '//evil.example/x' });
    expect(attempt.location).toBe('/');
  });
});

describe('when the provider is down or not configured', () => {
  it('a provider that does not answer sends the user back to the login page with a message', async () => {
    const closed = await startTestProvider(REDIRECT_URI, {});
    const issuer = closed.issuer;
    await closed.close();
    const db = await createTestDatabase();
    const down = await buildApp({ databaseUrl: db.url, oidc: { issuer, clientId: 'x', clientSecret: 'y', redirectUri: REDIRECT_URI } });
    try {
      const res = await down.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/logga-in?fel=provider_unavailable');
      const options = await down.inject({ method: 'GET', url: '/api/auth/options' });
      expect(options.json<{ oidcErrors: Record<string, string> }>().oidcErrors['provider_unavailable']).toMatch(/svarar inte just nu/);
    } finally {
      await down.close();
      await db.drop();
    }
  });

  it('without settings the options say so and start refuses', async () => {
    const db = await createTestDatabase();
    const plain = await buildApp({ databaseUrl: db.url });
    try {
      expect((await plain.inject({ method: 'GET', url: '/api/auth/options' })).json<{ oidc: unknown }>().oidc).toBeNull();
      const res = await plain.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(res.headers.location).toBe('/logga-in?fel=not_configured');
    } finally {
      await plain.close();
      await db.drop();
    }
  });
});
