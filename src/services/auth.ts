// Sign-in with local accounts, sessions, and what a signed-in user may read and edit.
import { createHash, randomBytes } from 'node:crypto';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';
import type { LoginThrottle } from './login-throttle.ts';
import {
  deleteSession, findSessionUserWithRoles, findUserByUsername, insertSession, listRoles, type Role, type RoleRow, type UserRow,
} from '../db/repositories/users.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import { can } from '../domain/access.ts';

export const SESSION_HOURS = 8;

export type AuthUser = {
  readonly id: number;
  readonly tenantId: number;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly RoleRow[];
};

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function login(
  ctx: ServiceContext, username: string, password: string, guard?: { throttle: LoginThrottle; address: string },
): Promise<{ token: string; user: AuthUser; expiresAt: Date }> {
  const name = username.trim().toLowerCase();
  const keys = [`user:${name}`, `address:${guard?.address ?? ''}`];
  const now = ctx.now().getTime();
  const wait = guard?.throttle.retryAfterMs(keys, now) ?? 0;
  if (wait > 0) {
    throw new ServiceError('too_many_attempts', `För många misslyckade inloggningsförsök. Försök igen om ${Math.ceil(wait / 60_000)} minuter.`);
  }
  const user = await findUserByUsername(ctx.db, name);
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    guard?.throttle.recordFailure(keys, now);
    throw new ServiceError('invalid_credentials', 'Fel användarnamn eller lösenord.');
  }
  guard?.throttle.recordSuccess([`user:${name}`]);
  if (user.disabled) throw new ServiceError('forbidden', ACCOUNT_DISABLED);
  return startSession(ctx, user);
}

export const ACCOUNT_DISABLED = 'Kontot är avstängt. Kontakta en administratör i Ramplan.';

/** A new session for a user who has proved who they are (a password, or the identity provider). */
export async function startSession(ctx: ServiceContext, user: UserRow): Promise<{ token: string; user: AuthUser; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + SESSION_HOURS * 3_600_000);
  await insertSession(ctx.db, { tokenHash: hashToken(token), tenantId: user.tenantId, userId: user.id, expiresAt });
  const roles = await listRoles(ctx.db, user.id);
  return { token, expiresAt, user: { id: user.id, tenantId: user.tenantId, username: user.username, displayName: user.displayName, roles } };
}

export async function authenticate(ctx: ServiceContext, token: string | undefined): Promise<AuthUser | undefined> {
  if (token === undefined || token.length === 0 || token.length > 200) return undefined;
  const user = await findSessionUserWithRoles(ctx.db, hashToken(token), ctx.now());
  if (!user) return undefined;
  return { id: user.id, tenantId: user.tenantId, username: user.username, displayName: user.displayName, roles: user.roles };
}

export async function logout(ctx: ServiceContext, token: string | undefined): Promise<void> {
  if (token) await deleteSession(ctx.db, hashToken(token));
}

/** The grant that applies to an organisation: the user's role on it or on its nearest ancestor. */
export function effectiveGrant(user: AuthUser, org: OrganisationRow, orgsById: ReadonlyMap<number, OrganisationRow>): RoleRow | undefined {
  const byOrg = new Map(user.roles.map((r) => [r.orgId, r]));
  for (let cur: OrganisationRow | undefined = org; cur; cur = cur.parentId === null ? undefined : orgsById.get(cur.parentId)) {
    const grant = byOrg.get(cur.id);
    if (grant) return grant;
  }
  return undefined;
}

export function effectiveRole(user: AuthUser, org: OrganisationRow, orgsById: ReadonlyMap<number, OrganisationRow>): Role | undefined {
  return effectiveGrant(user, org, orgsById)?.role;
}

export const canEditRole = (role: Role | undefined): boolean => can(role, 'plan.edit');
