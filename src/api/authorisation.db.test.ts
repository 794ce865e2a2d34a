// The authorisation matrix, generated from the route table: every API route × every role (and no
// session at all) → the expected outcome. A route without an access rule fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp, signIn, type Fixture } from '../../test/app-fixture.ts';
import { findOrganisationByCode } from '../db/repositories/organisations.ts';
import { grantRole, insertUser } from '../db/repositories/users.ts';
import { hashPassword } from '../services/passwords.ts';
import { can, ROLES, type Role } from '../domain/access.ts';

let fx: Fixture;
const cookies = new Map<Role, string>();
const PASSWORD = 'matris-lösenord';

/** Where each role is granted: the regionekonom on the region, the others on the committee. */
const GRANT_ON: Record<Role, string> = {
  'admin': 'RUN', 'region-controller': 'RVB', 'committee-controller': 'RUN', 'writer': 'RUN', 'reader': 'RUN', 'municipality': 'RUN',
};

beforeAll(async () => {
  fx = await startDemoApp();
  const db = fx.app.runtime.db;
  const hash = await hashPassword(PASSWORD);
  for (const role of ROLES) {
    const org = await findOrganisationByCode(db, GRANT_ON[role]);
    if (!org) throw new Error('demo org missing');
    const username = `matris-${role}`;
    const id = await insertUser(db, { tenantId: org.tenantId, username, displayName: role, passwordHash: hash });
    await grantRole(db, org.tenantId, id, org.id, role, role === 'municipality' ? '2480' : null);
    cookies.set(role, await signIn(fx.app, username, PASSWORD));
  }
});
afterAll(async () => fx?.close());

function concreteUrl(url: string): string {
  return url
    .replace(':orgCode', 'RUN')
    .replace(':versionCode', 'budget-2020')
    .replace(/:[A-Za-z]+/g, '1');
}

function passedAuthorisation(status: number): boolean {
  return status !== 401 && status !== 403;
}

describe('the authorisation matrix', () => {
  it('every API route declares its access rule', () => {
    const rules = fx.app.routeRules;
    expect(rules.length).toBeGreaterThanOrEqual(12);
    const missing = rules.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'routes without an access rule').toEqual([]);
  });

  it('every route × every role answers as its rule says', async () => {
    // Signing out last, so the other requests keep their sessions.
    const rules = [...fx.app.routeRules].sort((a, b) => Number(a.url === '/api/session' && a.method === 'DELETE') - Number(b.url === '/api/session' && b.method === 'DELETE'));
    const failures: string[] = [];
    for (const rule of rules) {
      const url = concreteUrl(rule.url);
      const send = (cookie?: string) => fx.app.inject({
        method: rule.method as 'GET', url, headers: cookie ? { cookie } : {}, ...(rule.method === 'GET' ? {} : { payload: {} }),
      });
      const anonymous = await send();
      if (rule.access === 'public' ? !passedAuthorisation(anonymous.statusCode) : anonymous.statusCode !== 401) {
        failures.push(`${rule.method} ${rule.url} without a session → ${anonymous.statusCode}`);
      }
      for (const role of ROLES) {
        const res = await send(cookies.get(role));
        const access = rule.access;
        const allowed = access === 'public' || access === 'authenticated' || (access !== undefined && can(role, access));
        const ok = allowed ? passedAuthorisation(res.statusCode) : res.statusCode === 403;
        if (!ok) failures.push(`${rule.method} ${rule.url} as ${role} (${String(access)}) → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a role granted on the region reaches its committees; one granted on a committee does not reach the region', async () => {
    // The matrix above signed everyone out last.
    for (const role of ['region-controller', 'committee-controller'] as const) cookies.set(role, await signIn(fx.app, `matris-${role}`, PASSWORD));
    const lines = await fx.app.inject({ method: 'GET', url: '/api/orgs/RUN/versions/budget-2020/lines?year=2020', headers: { cookie: cookies.get('region-controller') ?? '' } });
    expect(lines.statusCode, lines.body).toBe(200);
    expect(lines.json<{ version: { editable: boolean } }>().version.editable).toBe(true);
    const region = await fx.app.inject({ method: 'GET', url: '/api/orgs/RVB/versions', headers: { cookie: cookies.get('committee-controller') ?? '' } });
    expect(region.statusCode).toBe(403);
  });
});
