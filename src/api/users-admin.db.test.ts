// User and role administration and the audit trail through the API: what an administratör may do,
// what everyone else is refused (403, nothing written), refusals with the field named (400, nothing
// written), and that every change is audited without the password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startDemoApp, signIn, type Fixture } from '../../test/app-fixture.ts';
import { findOrganisationByCode } from '../db/repositories/organisations.ts';
import { grantRole, insertUser } from '../db/repositories/users.ts';
import { hashPassword } from '../services/passwords.ts';

let fx: Fixture;
const PASSWORD = 'admin-lösenord-123';
let regionAdmin = '';
let committeeAdmin = '';
let ekonom = '';
let regionAdminId = 0;
let committeeAdminId = 0;

type User = { id: number; username: string; disabled: boolean; hasPassword: boolean; oidc: { issuer: string; subject: string } | null; manageable: boolean; roles: Array<{ orgCode: string; role: string; municipalityCode: string | null }> };
type ErrorBody = { error: string; message: string; field?: string };

beforeAll(async () => {
  fx = await startDemoApp();
  const db = fx.app.runtime.db;
  const hash = await hashPassword(PASSWORD);
  const rvb = await findOrganisationByCode(db, 'RVB');
  const run = await findOrganisationByCode(db, 'RUN');
  if (!rvb || !run) throw new Error('demo orgs missing');
  regionAdminId = await insertUser(db, { tenantId: rvb.id, username: 'admin-region', displayName: 'Regionens administratör', passwordHash: hash });
  await grantRole(db, rvb.id, regionAdminId, rvb.id, 'admin');
  committeeAdminId = await insertUser(db, { tenantId: rvb.id, username: 'admin-run', displayName: 'Nämndens administratör', passwordHash: hash });
  await grantRole(db, rvb.id, committeeAdminId, run.id, 'admin');
  regionAdmin = await signIn(fx.app, 'admin-region', PASSWORD);
  committeeAdmin = await signIn(fx.app, 'admin-run', PASSWORD);
  ekonom = await signIn(fx.app, 'ekonom');
});
afterAll(async () => fx?.close());

const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
  fx.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function counts(): Promise<{ users: string; roles: string; audit: string }> {
  const r = await sql<{ users: string; roles: string; audit: string }>`
    SELECT (SELECT count(*) FROM app_user) AS users, (SELECT count(*) FROM user_role) AS roles, (SELECT count(*) FROM audit_log) AS audit`.execute(fx.app.runtime.db);
  const row = r.rows[0];
  if (!row) throw new Error('no counts');
  return row;
}

async function createUser(body: Record<string, unknown>, cookie = regionAdmin): Promise<User> {
  const res = await send('POST', '/api/orgs/RVB/users', cookie, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<User>();
}

describe('who may administer users', () => {
  it('refuses non-administrators with 403 and writes nothing', async () => {
    const before = await counts();
    const reader = await signIn(fx.app, 'ledamot');
    for (const cookie of [ekonom, reader]) {
      expect((await send('GET', '/api/orgs/RUN/users', cookie)).statusCode).toBe(403);
      const created = await send('POST', '/api/orgs/RUN/users', cookie, { username: 'inkraktare', displayName: 'X', password: 'lång-nog-lösen-1' });
      expect(created.statusCode).toBe(403);
      expect(created.json<ErrorBody>().message).toMatch(/administrera användare/);
      expect((await send('PUT', `/api/orgs/RUN/users/${committeeAdminId}/roles/RUN`, cookie, { role: 'admin' })).statusCode).toBe(403);
      expect((await send('PUT', `/api/orgs/RUN/users/${committeeAdminId}/password`, cookie, { password: 'ett-nytt-lösenord' })).statusCode).toBe(403);
      expect((await send('GET', '/api/orgs/RUN/audit', cookie)).statusCode).toBe(403);
      expect((await send('GET', '/api/orgs/RUN/audit.csv', cookie)).statusCode).toBe(403);
      expect((await send('GET', '/api/orgs/RUN/audit/chain', cookie)).statusCode).toBe(403);
    }
    expect((await send('GET', '/api/orgs/RUN/users', '')).statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('a committee administrator cannot grant on the region, nor change the region administrator\'s account', async () => {
    const before = await counts();
    const created = await send('POST', '/api/orgs/RUN/users', committeeAdmin, { username: 'kalle', displayName: 'Kalle Kula', password: 'kalles-lösenord-1' });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json<User>();
    const grant = await send('PUT', `/api/orgs/RUN/users/${user.id}/roles/RVB`, committeeAdmin, { role: 'reader' });
    expect(grant.statusCode).toBe(403);
    expect(grant.json<ErrorBody>().message).toMatch(/bara dela ut roller inom Regionala utvecklingsnämnden/);
    const reset = await send('PUT', `/api/orgs/RUN/users/${regionAdminId}/password`, committeeAdmin, { password: 'övertagande-123' });
    expect(reset.statusCode).toBe(403);
    expect(reset.json<ErrorBody>().message).toMatch(/roller utanför/);
    expect((await send('PUT', `/api/orgs/RUN/users/${regionAdminId}/disabled`, committeeAdmin, { disabled: true })).statusCode).toBe(403);
    // The committee admin reaches its own committee (and below) on the committee's route only.
    expect((await send('GET', '/api/orgs/RVB/users', committeeAdmin)).statusCode).toBe(403);
    const listed = await send('GET', '/api/orgs/RUN/users', committeeAdmin);
    const admin = listed.json<{ users: User[] }>().users.find((u) => u.username === 'admin-region');
    expect(admin?.manageable).toBe(false);
    // Only the created user and its audit entry were written.
    const after = await counts();
    expect(Number(after.users) - Number(before.users)).toBe(1);
    expect(after.roles).toBe(before.roles);
    expect(Number(after.audit) - Number(before.audit)).toBe(1);
  });

  it('an administrator cannot switch themselves off or change their own roles', async () => {
    const off = await send('PUT', `/api/orgs/RVB/users/${regionAdminId}/disabled`, regionAdmin, { disabled: true });
    expect(off.statusCode).toBe(400);
    expect(off.json<ErrorBody>().field).toBe('disabled');
    expect((await send('DELETE', `/api/orgs/RVB/users/${regionAdminId}/roles/RVB`, regionAdmin)).statusCode).toBe(403);
  });
});

describe('creating users', () => {
  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await counts();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ username: 'nisse', displayName: 'Nisse', password: 'för-kort' }, 'password', /minst 12 tecken/],
      [{ username: 'Nisse Hult', displayName: 'Nisse', password: 'tillräckligt-långt' }, 'username', /2–64 tecken/],
      [{ username: 'nisse', displayName: '   ', password: 'tillräckligt-långt' }, 'displayName', /namn/],
      [{ username: 'nisse', password: 'tillräckligt-långt' }, 'displayName', /saknas/],
      [{ username: 'nisse', displayName: 'Nisse', email: 'inte-en-adress' }, 'email', /E-postadressen/],
      [{ username: 'ekonom', displayName: 'Dubblett', password: 'tillräckligt-långt' }, 'username', /upptaget/],
      [{ username: 'nisse', displayName: 'Nisse', role: 'admin' }, 'role', /okänt/],
    ];
    for (const [body, field, message] of cases) {
      const res = await send('POST', '/api/orgs/RVB/users', regionAdmin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<ErrorBody>().field, JSON.stringify(body)).toBe(field);
      expect(res.json<ErrorBody>().message).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it('creates a local user who signs in, gets a role and reads the committee; the audit never holds the password', async () => {
    const user = await createUser({ username: 'Stina', displayName: 'Stina Skribent', email: 'Stina@Region.test', password: 'stinas-hemliga-ord' });
    expect(user).toMatchObject({ username: 'stina', hasPassword: true, disabled: false, roles: [], manageable: true });
    const cookie = await signIn(fx.app, 'stina', 'stinas-hemliga-ord');
    expect((await send('GET', '/api/orgs', cookie)).json<unknown[]>()).toEqual([]);

    const granted = await send('PUT', `/api/orgs/RVB/users/${user.id}/roles/RUN`, regionAdmin, { role: 'writer' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json<User>().roles).toEqual([expect.objectContaining({ orgCode: 'RUN', role: 'writer', municipalityCode: null })]);
    const orgs = (await send('GET', '/api/orgs', cookie)).json<Array<{ code: string }>>();
    expect(orgs.map((o) => o.code)).toContain('RUN');

    const audit = await sql<{ action: string; before: unknown; after: unknown }>`
      SELECT action, before, after FROM audit_log WHERE entity_id IN (${String(user.id)}, 'stina@RUN') ORDER BY chain_seq`.execute(fx.app.runtime.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['user.create', 'user.role.grant']);
    const text = JSON.stringify(audit.rows);
    expect(text).not.toContain('stinas-hemliga-ord');
    expect(text).not.toContain('scrypt');
    expect(audit.rows[1]?.after).toEqual({ role: 'writer', municipalityCode: null });
  });

  it('the municipality role needs a municipality code of the region', async () => {
    const user = await createUser({ username: 'kommun-umea', displayName: 'Umeå kommun' });
    expect(user.hasPassword).toBe(false);
    const url = `/api/orgs/RVB/users/${user.id}/roles/RUN`;
    const before = await counts();
    const missing = await send('PUT', url, regionAdmin, { role: 'municipality' });
    expect([missing.statusCode, missing.json<ErrorBody>().field]).toEqual([400, 'municipalityCode']);
    const unknown = await send('PUT', url, regionAdmin, { role: 'municipality', municipalityCode: '9999' });
    expect([unknown.statusCode, unknown.json<ErrorBody>().field]).toEqual([400, 'municipalityCode']);
    const wrongRole = await send('PUT', url, regionAdmin, { role: 'reader', municipalityCode: '2480' });
    expect([wrongRole.statusCode, wrongRole.json<ErrorBody>().field]).toEqual([400, 'municipalityCode']);
    const badRole = await send('PUT', url, regionAdmin, { role: 'kung' });
    expect([badRole.statusCode, badRole.json<ErrorBody>().field]).toEqual([400, 'role']);
    expect(await counts()).toEqual(before);
    const ok = await send('PUT', url, regionAdmin, { role: 'municipality', municipalityCode: '2480' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<User>().roles[0]).toMatchObject({ role: 'municipality', municipalityCode: '2480' });
    const revoked = await send('DELETE', url, regionAdmin);
    expect(revoked.json<User>().roles).toEqual([]);
    expect((await send('DELETE', url, regionAdmin)).statusCode).toBe(404);
  });
});

describe('passwords, switching off and the identity link', () => {
  it('a new password: at least 12 characters; the old one stops working and the user\'s sessions end', async () => {
    const user = await createUser({ username: 'pelle', displayName: 'Pelle', password: 'pelles-första-ord' });
    const old = await signIn(fx.app, 'pelle', 'pelles-första-ord');
    const short = await send('PUT', `/api/orgs/RVB/users/${user.id}/password`, regionAdmin, { password: 'kort' });
    expect([short.statusCode, short.json<ErrorBody>().field]).toEqual([400, 'password']);
    expect((await send('GET', '/api/session', old)).statusCode).toBe(200);
    const set = await send('PUT', `/api/orgs/RVB/users/${user.id}/password`, regionAdmin, { password: 'pelles-andra-ord!' });
    expect(set.statusCode, set.body).toBe(200);
    expect((await send('GET', '/api/session', old)).statusCode).toBe(401);
    expect((await fx.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'pelle', password: 'pelles-första-ord' } })).statusCode).toBe(401);
    await signIn(fx.app, 'pelle', 'pelles-andra-ord!');
    const audit = await sql<{ after: Record<string, unknown> }>`SELECT after FROM audit_log WHERE action = 'user.password.set' AND entity_id = ${String(user.id)}`.execute(fx.app.runtime.db);
    expect(audit.rows[0]?.after).toMatchObject({ passwordChanged: true, sessionsEnded: 1 });
    expect(JSON.stringify(audit.rows)).not.toContain('pelles-andra-ord');
  });

  it('a disabled user\'s sessions end and sign-in is refused; enabled again, it works', async () => {
    const user = await createUser({ username: 'disa', displayName: 'Disa', password: 'disas-lösenord-1' });
    const session = await signIn(fx.app, 'disa', 'disas-lösenord-1');
    const off = await send('PUT', `/api/orgs/RVB/users/${user.id}/disabled`, regionAdmin, { disabled: true });
    expect(off.json<User>().disabled).toBe(true);
    expect((await send('GET', '/api/session', session)).statusCode).toBe(401);
    const refused = await fx.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'disa', password: 'disas-lösenord-1' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().message).toMatch(/avstängt/);
    const on = await send('PUT', `/api/orgs/RVB/users/${user.id}/disabled`, regionAdmin, { disabled: false });
    expect(on.json<User>().disabled).toBe(false);
    await signIn(fx.app, 'disa', 'disas-lösenord-1');
    const actions = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_id = ${String(user.id)} ORDER BY chain_seq`.execute(fx.app.runtime.db);
    expect(actions.rows.map((r) => r.action)).toEqual(['user.create', 'user.disable', 'user.enable']);
  });

  it('links and unlinks an identity at the provider; one identity belongs to one user', async () => {
    const a = await createUser({ username: 'lina', displayName: 'Lina' });
    const b = await createUser({ username: 'lotta', displayName: 'Lotta' });
    const noIssuer = await send('PUT', `/api/orgs/RVB/users/${a.id}/oidc`, regionAdmin, { subject: 'abc-123' });
    expect([noIssuer.statusCode, noIssuer.json<ErrorBody>().field]).toEqual([400, 'issuer']);
    const linked = await send('PUT', `/api/orgs/RVB/users/${a.id}/oidc`, regionAdmin, { subject: 'abc-123', issuer: 'https://login.region.test' });
    expect(linked.json<User>().oidc).toEqual({ issuer: 'https://login.region.test', subject: 'abc-123' });
    const taken = await send('PUT', `/api/orgs/RVB/users/${b.id}/oidc`, regionAdmin, { subject: 'abc-123', issuer: 'https://login.region.test' });
    expect([taken.statusCode, taken.json<ErrorBody>().field]).toEqual([400, 'subject']);
    const unlinked = await send('DELETE', `/api/orgs/RVB/users/${a.id}/oidc`, regionAdmin);
    expect(unlinked.json<User>().oidc).toBeNull();
    const email = await send('PATCH', `/api/orgs/RVB/users/${b.id}`, regionAdmin, { email: 'stina@region.test' });
    expect([email.statusCode, email.json<ErrorBody>().field]).toEqual([400, 'email']);
    expect((await send('PATCH', `/api/orgs/RVB/users/${b.id}`, regionAdmin, {})).statusCode).toBe(400);
  });
});

describe('the audit trail', () => {
  type AuditList = { entries: Array<{ seq: number; at: string; actor: string; action: string; before: unknown; after: unknown }>; more: boolean };

  it('lists the tenant\'s entries newest first with before and after, filtered by actor, day and limit', async () => {
    const all = await send('GET', '/api/orgs/RVB/audit', regionAdmin);
    expect(all.statusCode).toBe(200);
    const { entries } = all.json<AuditList>();
    expect(entries.length).toBeGreaterThan(5);
    const seqs = entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    const disable = entries.find((e) => e.action === 'user.disable');
    expect(disable?.before).toMatchObject({ disabled: false });
    expect(disable?.after).toMatchObject({ disabled: true });

    const mine = (await send('GET', '/api/orgs/RVB/audit?actor=admin-run', regionAdmin)).json<AuditList>();
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(mine.entries.every((e) => e.actor === 'admin-run')).toBe(true);
    const limited = (await send('GET', '/api/orgs/RVB/audit?limit=2', regionAdmin)).json<AuditList>();
    expect(limited.entries).toHaveLength(2);
    expect(limited.more).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await send('GET', `/api/orgs/RVB/audit?from=${today}&to=${today}`, regionAdmin)).json<AuditList>().entries.length).toBeGreaterThan(0);
    expect((await send('GET', '/api/orgs/RVB/audit?to=2000-01-01', regionAdmin)).json<AuditList>().entries).toEqual([]);
    // The committee administrator reads the same tenant's trail.
    expect((await send('GET', '/api/orgs/RUN/audit?limit=1', committeeAdmin)).statusCode).toBe(200);
  });

  it('refuses bad filters with the field named', async () => {
    for (const [query, field] of [['from=2020-13-01', 'from'], ['to=igår', 'to'], ['from=2021-01-02&to=2021-01-01', 'to'], ['limit=0', 'limit'], ['vem=x', 'vem']]) {
      const res = await send('GET', `/api/orgs/RVB/audit?${query}`, regionAdmin);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<ErrorBody>().field, query).toBe(field);
    }
  });

  it('exports CSV for Excel in Swedish: UTF-8 with BOM, semicolons, a header row, formulas defused', async () => {
    await createUser({ username: 'formel', displayName: '=HYPERLINK("http://evil.example";"klicka")' });
    const res = await send('GET', '/api/orgs/RVB/audit.csv', regionAdmin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="granskningslogg-RVB-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Nr i kedjan;Tidpunkt (UTC);Användare;Händelse;Objekt;Objektets id;Före;Efter');
    expect(lines[1]?.split(';')[2]).toBe('admin-region');
    expect(res.body).toContain('user.create');
    expect(res.body).not.toMatch(/;=HYPERLINK/);
    const actorOnly = await send('GET', '/api/orgs/RVB/audit.csv?actor=admin-run', regionAdmin);
    expect(actorOnly.body.split('\r\n').filter((l) => l !== '').length).toBe(2);
  });

  it('shows the chain as intact, and as broken after a row is tampered with', async () => {
    const ok = (await send('GET', '/api/orgs/RVB/audit/chain', regionAdmin)).json<{ intact: boolean; entries: number; headHash: string; problems: string[] }>();
    expect(ok.intact).toBe(true);
    expect(ok.entries).toBeGreaterThan(5);
    expect(ok.headHash).toMatch(/^[0-9a-f]{64}$/);
    const db = fx.app.runtime.db;
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
    await sql`UPDATE audit_log SET actor = 'någon-annan' WHERE chain_seq = 2`.execute(db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
    const broken = (await send('GET', '/api/orgs/RVB/audit/chain', regionAdmin)).json<{ intact: boolean; problems: string[] }>();
    expect(broken.intact).toBe(false);
    expect(broken.problems[0]).toMatch(/Post 2: innehållet stämmer inte/);
  });
});
