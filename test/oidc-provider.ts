// A real OpenID Connect provider (oidc-provider) on a random loopback port, for the tests of sign-in
// through the region's identity provider: in-memory storage, one confidential client, and accounts
// from a table the test passes in. `signInAtProvider` plays the browser with plain HTTP requests:
// it follows the provider's redirects and submits its (development) login and consent forms.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type TestAccount = { readonly email?: string; readonly emailVerified?: boolean; readonly name?: string };

export type TestProvider = {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
};

export const TEST_CLIENT = { clientId: 'ramplan-test', clientSecret: 'ramplan-test-secret-0123456789abcdef' };

export async function startTestProvider(redirectUri: string, accounts: Readonly<Record<string, TestAccount>>): Promise<TestProvider> {
  // The server listens first (the issuer names its port); the provider is plugged in after.
  const route: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server = createServer((req, res) => {
    if (route.handler) route.handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret, redirect_uris: [redirectUri],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['test-cookie-key-not-secret'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            ...(account.email !== undefined ? { email: account.email, email_verified: account.emailVerified ?? false } : {}),
            ...(account.name !== undefined ? { name: account.name } : {}),
          };
        },
      };
    },
  });
  // The development interactions warn on the console once per process; they are what the tests drive.
  route.handler = provider.callback();
  return {
    issuer, ...TEST_CLIENT,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Cookies by name, as a browser would keep them for the provider's origin. */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair === undefined || eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const formAction = (html: string): string => {
  const m = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error(`no form in the provider's page: ${html.slice(0, 300)}`);
  return m[1].replaceAll('&amp;', '&');
};

/**
 * Goes through the provider as `accountId` from the authorization URL, and returns the URL the
 * provider sends the browser back to (Ramplan's callback with `code` and `state`).
 */
export async function signInAtProvider(authorizationUrl: string, accountId: string, callbackPrefix: string): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET', redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body: body.toString() } : {}),
    });
    jar.take(response);
    body = undefined;
    const location = response.headers.get('location');
    if (location !== null) {
      url = new URL(location, url);
      if (url.href.startsWith(callbackPrefix)) return url;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`provider answered ${response.status}: ${html.slice(0, 300)}`);
    const action = new URL(formAction(html), url);
    body = html.includes('name="prompt" value="consent"')
      ? new URLSearchParams({ prompt: 'consent' })
      : new URLSearchParams({ prompt: 'login', login: accountId, password: 'any' });
    url = action;
  }
  throw new Error('the provider never sent the browser back');
}
