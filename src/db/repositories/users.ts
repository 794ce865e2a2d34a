// Users, their roles per organisation, and sessions (stored as a hash of the token only).
import type { DbOrTx } from '../database.ts';
import { toSafeNumber } from '../convert.ts';

import type { Role } from '../../domain/access.ts';

export type { Role };

export type UserRow = {
  readonly id: number; readonly tenantId: number; readonly username: string; readonly displayName: string; readonly passwordHash: string;
};

export type RoleRow = { readonly orgId: number; readonly orgCode: string; readonly role: Role; readonly municipalityCode: string | null };

export async function insertUser(
  db: DbOrTx, user: { tenantId: number; username: string; displayName: string; passwordHash: string },
): Promise<number> {
  const r = await db.insertInto('app_user').values({
    tenant_id: user.tenantId, username: user.username, display_name: user.displayName, password_hash: user.passwordHash,
  }).returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(r.id, 'app_user.id');
}

export async function grantRole(
  db: DbOrTx, tenantId: number, userId: number, orgId: number, role: Role, municipalityCode: string | null = null,
): Promise<void> {
  await db.insertInto('user_role').values({ tenant_id: tenantId, user_id: userId, org_id: orgId, role, municipality_code: municipalityCode })
    .onConflict((oc) => oc.columns(['user_id', 'org_id']).doUpdateSet({ role, municipality_code: municipalityCode })).execute();
}

function toUser(r: { id: string; tenant_id: string; username: string; display_name: string; password_hash: string }): UserRow {
  return {
    id: toSafeNumber(r.id, 'app_user.id'), tenantId: toSafeNumber(r.tenant_id, 'app_user.tenant_id'),
    username: r.username, displayName: r.display_name, passwordHash: r.password_hash,
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

/** The user of a live session; expired sessions are not returned. */
export async function findSessionUser(db: DbOrTx, tokenHash: string, now: Date): Promise<UserRow | undefined> {
  const r = await db.selectFrom('app_session as s').innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.tenant_id', 'u.username', 'u.display_name', 'u.password_hash'])
    .where('s.token_hash', '=', tokenHash).where('s.expires_at', '>', now).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.deleteFrom('app_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.deleteFrom('app_session').where('expires_at', '<=', now).execute();
}
