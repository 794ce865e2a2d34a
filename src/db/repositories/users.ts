// Users, their roles per organisation, and sessions (stored as a hash of the token only).
import { sql } from 'kysely';
import type { DbOrTx } from '../database.ts';
import { toSafeNumber } from '../convert.ts';

import type { Role } from '../../domain/access.ts';

export type { Role };

export type UserRow = {
  readonly id: number; readonly tenantId: number; readonly username: string; readonly displayName: string; readonly passwordHash: string;
  readonly disabled: boolean;
};

export type RoleRow = { readonly orgId: number; readonly orgCode: string; readonly role: Role; readonly municipalityCode: string | null };

export async function insertUser(
  db: DbOrTx, user: { tenantId: number; username: string; displayName: string; passwordHash: string; email?: string | null },
): Promise<number> {
  const r = await db.insertInto('app_user').values({
    tenant_id: user.tenantId, username: user.username, display_name: user.displayName, password_hash: user.passwordHash,
    ...(user.email !== undefined ? { email: user.email } : {}),
  }).returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(r.id, 'app_user.id');
}

export async function grantRole(
  db: DbOrTx, tenantId: number, userId: number, orgId: number, role: Role, municipalityCode: string | null = null,
): Promise<void> {
  await db.insertInto('user_role').values({ tenant_id: tenantId, user_id: userId, org_id: orgId, role, municipality_code: municipalityCode })
    .onConflict((oc) => oc.columns(['user_id', 'org_id']).doUpdateSet({ role, municipality_code: municipalityCode })).execute();
}

function toUser(r: { id: string; tenant_id: string; username: string; display_name: string; password_hash: string; disabled: boolean }): UserRow {
  return {
    id: toSafeNumber(r.id, 'app_user.id'), tenantId: toSafeNumber(r.tenant_id, 'app_user.tenant_id'),
    username: r.username, displayName: r.display_name, passwordHash: r.password_hash, disabled: r.disabled,
  };
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function listRoles(db: DbOrTx, userId: number): Promise<RoleRow[]> {
  const rows = await db.selectFrom('user_role as r').innerJoin('organisation as o', 'o.id', 'r.org_id')
    .select(['r.org_id', 'o.code', 'r.role', 'r.municipality_code']).where('r.user_id', '=', String(userId)).orderBy('o.code').execute();
  return rows.map((r) => ({ orgId: toSafeNumber(r.org_id, 'user_role.org_id'), orgCode: r.code, role: r.role, municipalityCode: r.municipality_code }));
}

export async function insertSession(
  db: DbOrTx, session: { tokenHash: string; tenantId: number; userId: number; expiresAt: Date },
): Promise<void> {
  await db.insertInto('app_session').values({
    token_hash: session.tokenHash, tenant_id: session.tenantId, user_id: session.userId, expires_at: session.expiresAt,
  }).execute();
}

/**
 * The user of a live session with their roles, in one round trip (every API request asks this first):
 * expired sessions and sessions of a disabled user give undefined.
 */
export async function findSessionUserWithRoles(
  db: DbOrTx, tokenHash: string, now: Date,
): Promise<{ id: number; tenantId: number; username: string; displayName: string; roles: RoleRow[] } | undefined> {
  const r = await sql<{
    id: string; tenant_id: string; username: string; display_name: string;
    roles: Array<{ org_id: string | number; code: string; role: Role; municipality_code: string | null }>;
  }>`
    SELECT u.id, u.tenant_id, u.username, u.display_name,
      coalesce((SELECT json_agg(json_build_object('org_id', r.org_id, 'code', o.code, 'role', r.role, 'municipality_code', r.municipality_code) ORDER BY o.code)
                FROM user_role r JOIN organisation o ON o.id = r.org_id WHERE r.user_id = u.id), '[]'::json) AS roles
    FROM app_session s JOIN app_user u ON u.id = s.user_id
    WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now} AND u.disabled = false`.execute(db);
  const row = r.rows[0];
  if (row === undefined) return undefined;
  return {
    id: toSafeNumber(row.id, 'app_user.id'), tenantId: toSafeNumber(row.tenant_id, 'app_user.tenant_id'), username: row.username, displayName: row.display_name,
    roles: row.roles.map((x) => ({ orgId: toSafeNumber(x.org_id, 'user_role.org_id'), orgCode: x.code, role: x.role, municipalityCode: x.municipality_code })),
  };
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.deleteFrom('app_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.deleteFrom('app_session').where('expires_at', '<=', now).execute();
}

// Administration of users (issue 6): accounts, their link to the region's identity provider, and
// whether they may sign in at all.

/** A user as an administrator sees it: never the password hash, only whether one is set. */
export type AdminUserRow = {
  readonly id: number; readonly username: string; readonly displayName: string; readonly email: string | null;
  readonly disabled: boolean; readonly hasPassword: boolean;
  readonly oidc: { readonly issuer: string; readonly subject: string } | null;
  readonly createdAt: Date;
};

/** Stored instead of a hash for a user who signs in through the identity provider only; it never verifies. */
export const NO_PASSWORD = 'none';

type AppUserDbRow = {
  id: string; username: string; display_name: string; email: string | null; disabled: boolean; password_hash: string;
  oidc_issuer: string | null; oidc_subject: string | null; created_at: Date;
};

function toAdminUser(r: AppUserDbRow): AdminUserRow {
  return {
    id: toSafeNumber(r.id, 'app_user.id'), username: r.username, displayName: r.display_name, email: r.email,
    disabled: r.disabled, hasPassword: r.password_hash !== NO_PASSWORD,
    oidc: r.oidc_issuer !== null && r.oidc_subject !== null ? { issuer: r.oidc_issuer, subject: r.oidc_subject } : null,
    createdAt: r.created_at,
  };
}

const ADMIN_COLUMNS = ['id', 'username', 'display_name', 'email', 'disabled', 'password_hash', 'oidc_issuer', 'oidc_subject', 'created_at'] as const;

export async function listTenantUsers(db: DbOrTx, tenantId: number): Promise<AdminUserRow[]> {
  const rows = await db.selectFrom('app_user').select(ADMIN_COLUMNS).where('tenant_id', '=', String(tenantId)).orderBy('username').execute();
  return rows.map(toAdminUser);
}

export async function findTenantUser(db: DbOrTx, tenantId: number, userId: number): Promise<AdminUserRow | undefined> {
  const r = await db.selectFrom('app_user').select(ADMIN_COLUMNS)
    .where('tenant_id', '=', String(tenantId)).where('id', '=', String(userId)).executeTakeFirst();
  return r ? toAdminUser(r) : undefined;
}

/** Every role of every user of a tenant, for the user list. */
export async function listTenantRoles(db: DbOrTx, tenantId: number): Promise<Array<RoleRow & { userId: number }>> {
  const rows = await db.selectFrom('user_role as r').innerJoin('organisation as o', 'o.id', 'r.org_id')
    .select(['r.user_id', 'r.org_id', 'o.code', 'r.role', 'r.municipality_code'])
    .where('r.tenant_id', '=', String(tenantId)).orderBy('o.code').execute();
  return rows.map((r) => ({
    userId: toSafeNumber(r.user_id, 'user_role.user_id'), orgId: toSafeNumber(r.org_id, 'user_role.org_id'),
    orgCode: r.code, role: r.role, municipalityCode: r.municipality_code,
  }));
}

export async function usernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

/** The user holding `email`, other than `exceptUserId`. */
export async function findUserIdByEmail(db: DbOrTx, email: string, exceptUserId = 0): Promise<number | undefined> {
  const r = await db.selectFrom('app_user').select('id').where('email', '=', email).where('id', '<>', String(exceptUserId)).executeTakeFirst();
  return r ? toSafeNumber(r.id, 'app_user.id') : undefined;
}

export async function setUserEmail(db: DbOrTx, userId: number, email: string | null): Promise<void> {
  await db.updateTable('app_user').set({ email }).where('id', '=', String(userId)).execute();
}

export async function setUserDisplayName(db: DbOrTx, userId: number, displayName: string): Promise<void> {
  await db.updateTable('app_user').set({ display_name: displayName }).where('id', '=', String(userId)).execute();
}

export async function setPasswordHash(db: DbOrTx, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', String(userId)).execute();
}

export async function setUserDisabled(db: DbOrTx, userId: number, disabled: boolean): Promise<void> {
  await db.updateTable('app_user').set({ disabled }).where('id', '=', String(userId)).execute();
}

export async function setOidcLink(db: DbOrTx, userId: number, link: { issuer: string; subject: string } | null): Promise<void> {
  await db.updateTable('app_user').set({ oidc_issuer: link?.issuer ?? null, oidc_subject: link?.subject ?? null })
    .where('id', '=', String(userId)).execute();
}

/** The user linked to an identity at the provider. */
export async function findUserByOidc(db: DbOrTx, issuer: string, subject: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('app_user').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

/** The not yet linked user an administrator invited with `email` (the first sign-in links it). */
export async function findUnlinkedUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('app_user').selectAll().where('email', '=', email).where('oidc_subject', 'is', null).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function revokeRole(db: DbOrTx, userId: number, orgId: number): Promise<boolean> {
  const r = await db.deleteFrom('user_role').where('user_id', '=', String(userId)).where('org_id', '=', String(orgId)).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Ends every session of a user (disabled, or a new password set by an administrator). */
export async function deleteUserSessions(db: DbOrTx, userId: number): Promise<number> {
  const r = await db.deleteFrom('app_session').where('user_id', '=', String(userId)).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function municipalityExists(db: DbOrTx, tenantId: number, code: string): Promise<boolean> {
  const r = await db.selectFrom('municipality').select('code').where('tenant_id', '=', String(tenantId)).where('code', '=', code).executeTakeFirst();
  return r !== undefined;
}

/** The tenant's municipalities, for granting the municipality role. */
export async function listTenantMunicipalities(db: DbOrTx, tenantId: number): Promise<Array<{ code: string; name: string }>> {
  return db.selectFrom('municipality').select(['code', 'name']).where('tenant_id', '=', String(tenantId)).orderBy('name').execute();
}
