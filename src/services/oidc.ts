// Sign-in through the region's identity provider: OpenID Connect, authorization code flow with PKCE,
// state and nonce (openid-client). A person at the provider becomes a Ramplan user only through a
// link an administrator made: the (issuer, subject) pair stored on the user, or, once, a verified
// e-mail address the administrator entered on a not yet linked user. Never by name, never by
// creating a user. See docs/decisions/0005-oidc.md.
import * as client from 'openid-client';
import type { ServiceContext } from './context.ts';
import { ACCOUNT_DISABLED, startSession, type AuthUser } from './auth.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { findUnlinkedUserByEmail, findUserByOidc, setOidcLink, type UserRow } from '../db/repositories/users.ts';

export type OidcSettings = {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
};

/** Why a sign-in through the provider failed; the login page shows the message. */
export type OidcFailure = 'unknown_user' | 'disabled' | 'state_mismatch' | 'provider_unavailable' | 'provider_refused' | 'failed' | 'not_configured';

export const OIDC_FAILURE_MESSAGES: Readonly<Record<OidcFailure, string>> = {
  unknown_user: 'Ditt konto hos regionens inloggning är inte kopplat till någon användare i Ramplan. Be en administratör i Ramplan att koppla det.',
  disabled: ACCOUNT_DISABLED,
  state_mismatch: 'Inloggningen kunde inte slutföras: svaret från regionens inloggning hörde inte till den här inloggningen (den kan ha tagit för lång tid eller startats i en annan flik). Försök igen.',
  provider_unavailable: 'Regionens inloggning svarar inte just nu. Försök igen om en stund, eller logga in med användarnamn och lösenord.',
  provider_refused: 'Regionens inloggning avbröts eller nekades. Försök igen.',
  failed: 'Inloggningen via regionens inloggning kunde inte slutföras. Försök igen, och kontakta en administratör om felet kvarstår.',
  not_configured: 'Inloggning via regionens inloggning är inte aktiverad på den här servern.',
};

export class OidcError extends Error {
  readonly failure: OidcFailure;
  constructor(failure: OidcFailure, detail?: string) {
    super(detail ?? OIDC_FAILURE_MESSAGES[failure]);
    this.name = 'OidcError';
    this.failure = failure;
  }
}

/** What the browser keeps between the redirect to the provider and its return (a short-lived cookie). */
export type OidcTransaction = { readonly state: string; readonly nonce: string; readonly verifier: string; readonly next: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Settings are checked when the server starts, so a typo is found before the first sign-in. */
export function checkOidcSettings(settings: OidcSettings): OidcSettings {
  for (const [name, value] of [['issuer', settings.issuer], ['redirectUri', settings.redirectUri]] as const) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`OpenID Connect: ${name} är ingen giltig adress: ${value}`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      throw new Error(`OpenID Connect: ${name} måste använda https (http bara på den egna datorn): ${value}`);
    }
  }
  if (settings.clientId === '') throw new Error('OpenID Connect: klient-id saknas.');
  return settings;
}

export class OidcSignIn {
  readonly settings: OidcSettings;
  #configuration: Promise<client.Configuration> | undefined;

  constructor(settings: OidcSettings) {
    this.settings = checkOidcSettings(settings);
  }

  /** The provider's metadata, fetched once; a failed fetch is retried on the next sign-in. */
  #configure(): Promise<client.Configuration> {
    if (!this.#configuration) {
      const insecure = new URL(this.settings.issuer).protocol === 'http:';
      this.#configuration = client.discovery(
        new URL(this.settings.issuer), this.settings.clientId, { redirect_uris: [this.settings.redirectUri] },
        client.ClientSecretPost(this.settings.clientSecret),
        { timeout: 10, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) },
      );
      this.#configuration.catch(() => { this.#configuration = undefined; });
    }
    return this.#configuration.catch((error: unknown) => {
      throw new OidcError('provider_unavailable', `discovery failed: ${describe(error)}`);
    });
  }

  /** Where to send the browser, and what it must bring back. */
  async begin(next: string): Promise<{ url: URL; transaction: OidcTransaction }> {
    const configuration = await this.#configure();
    const transaction: OidcTransaction = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url, transaction };
  }

  /**
   * The provider sent the browser back with `query`: exchange the code, check state, nonce and the
   * ID token, find the linked user and start a session.
   */
  async finish(ctx: ServiceContext, query: URLSearchParams, transaction: OidcTransaction | undefined): Promise<{ token: string; user: AuthUser; expiresAt: Date }> {
    if (query.has('error')) throw new OidcError('provider_refused', `provider error: ${query.get('error') ?? ''}`);
    if (transaction === undefined || query.get('state') !== transaction.state) throw new OidcError('state_mismatch');
    const configuration = await this.#configure();
    const callback = new URL(this.settings.redirectUri);
    callback.search = query.toString();
    let claims: client.IDToken | undefined;
    let email: EmailClaim | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: transaction.verifier, expectedState: transaction.state, expectedNonce: transaction.nonce, idTokenExpected: true,
      });
      claims = tokens.claims();
      if (!claims) throw new OidcError('failed', 'no ID token');
      email = emailOf(claims);
      // A provider that follows the spec strictly puts the e-mail in the userinfo answer, not the ID token.
      if (email === undefined && !(await findUserByOidc(ctx.db, claims.iss, claims.sub))) {
        email = emailOf(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub));
      }
    } catch (error) {
      if (error instanceof OidcError) throw error;
      throw new OidcError(isNetworkFailure(error) ? 'provider_unavailable' : 'failed', `code exchange failed: ${describe(error)}`);
    }
    const user = await findLinkedUser(ctx, claims, email);
    if (user.disabled) throw new OidcError('disabled');
    return startSession(ctx, user);
  }
}

/** The user linked to the identity; a verified e-mail an administrator entered links it the first time. */
type EmailClaim = { readonly address: string; readonly verified: boolean };

function emailOf(claims: Readonly<Record<string, unknown>>): EmailClaim | undefined {
  const address = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : '';
  return address === '' ? undefined : { address, verified: claims['email_verified'] === true };
}

async function findLinkedUser(ctx: ServiceContext, claims: client.IDToken, email: EmailClaim | undefined): Promise<UserRow> {
  const linked = await findUserByOidc(ctx.db, claims.iss, claims.sub);
  if (linked) return linked;
  // Only an address the provider says it has verified: an unverified one could be anybody's.
  if (email === undefined || !email.verified) throw new OidcError('unknown_user');
  return ctx.db.transaction().execute(async (tx) => {
    const invited = await findUnlinkedUserByEmail(tx, email.address);
    if (!invited) throw new OidcError('unknown_user');
    const link = { issuer: claims.iss, subject: claims.sub };
    await setOidcLink(tx, invited.id, link);
    await appendAudit(tx, {
      tenantId: invited.tenantId, actor: invited.username, action: 'user.oidc.link', entity: 'app_user', entityId: String(invited.id),
      before: { oidc: null }, after: { oidc: link, via: 'verifierad e-postadress vid första inloggningen' },
    });
    return invited;
  });
}

function isNetworkFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
    if (e instanceof TypeError && /fetch failed/.test(e.message)) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|UND_ERR_)/.test(code)) return true;
  }
  return false;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The transaction as the cookie carries it (HttpOnly, so only this server reads it). */
export function encodeTransaction(t: OidcTransaction): string {
  return Buffer.from(JSON.stringify(t), 'utf8').toString('base64url');
}

export function decodeTransaction(text: string | undefined): OidcTransaction | undefined {
  if (text === undefined || text.length > 2_000) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { state, nonce, verifier, next } = value as Record<string, unknown>;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string' || typeof next !== 'string') return undefined;
    return { state, nonce, verifier, next };
  } catch {
    return undefined;
  }
}

/** The settings from RAMPLAN_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET and _REDIRECT_URI; none set means off. */
export function oidcSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): OidcSettings | undefined {
  const names = ['RAMPLAN_OIDC_ISSUER', 'RAMPLAN_OIDC_CLIENT_ID', 'RAMPLAN_OIDC_CLIENT_SECRET', 'RAMPLAN_OIDC_REDIRECT_URI'] as const;
  const [issuer, clientId, clientSecret, redirectUri] = names.map((n) => env[n]?.trim() ?? '');
  const set = names.filter((_, i) => [issuer, clientId, clientSecret, redirectUri][i] !== '');
  if (set.length === 0) return undefined;
  if (set.length < names.length) {
    throw new Error(`OpenID Connect är bara delvis inställt: ${names.filter((n) => !set.includes(n)).join(', ')} saknas.`);
  }
  return checkOidcSettings({ issuer: issuer ?? '', clientId: clientId ?? '', clientSecret: clientSecret ?? '', redirectUri: redirectUri ?? '' });
}
