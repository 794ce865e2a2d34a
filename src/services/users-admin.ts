// User and role administration by an administratör ('users.admin' on an organisation). An
// administrator acts within the organisation the grant is on and everything below it:
// - roles are granted and revoked only on organisations there;
// - a user's account (password, switching off, e-mail, the link to the identity provider) may be
//   changed only when every role the user holds lies there, so an administrator of one committee
//   cannot take over an administrator of the region by resetting a password;
// - nobody switches themselves off or changes their own roles (no locking oneself out by mistake).
// Every change is one transaction with an audit entry, which never holds a password or its hash.
import type { ServiceContext } from './context.ts';
import { forbidden, invalid, notFound } from './errors.ts';
import type { AuthUser } from './auth.ts';
import { hashPassword } from './passwords.ts';
import { unitsOf, type OrgAccess } from './organisations.ts';
import type { Tx } from '../db/database.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { listTenantOrganisations, type OrganisationRow } from '../db/repositories/organisations.ts';
import {
  NO_PASSWORD, deleteUserSessions, findTenantUser, findUserByOidc, findUserIdByEmail, grantRole, insertUser, listRoles, listTenantMunicipalities,
  listTenantRoles, listTenantUsers, municipalityExists, revokeRole, setOidcLink, setPasswordHash, setUserDisabled, setUserDisplayName,
  setUserEmail, usernameTaken, type AdminUserRow, type RoleRow,
} from '../db/repositories/users.ts';
import { roleLabel, type Role } from '../domain/access.ts';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;

export type UserRoleView = {
  readonly orgCode: string; readonly orgName: string; readonly role: Role; readonly roleName: string; readonly municipalityCode: string | null;
};

export type UserView = Omit<AdminUserRow, 'createdAt'> & {
  readonly createdAt: string;
  readonly roles: UserRoleView[];
  /** The administrator may change the account (every role of the user lies within the administrator's reach). */
  readonly manageable: boolean;
};

export type UserAdminOverview = {
  readonly users: UserView[];
  /** Where this administrator may grant roles. */
  readonly organisations: Array<{ code: string; name: string; kind: string }>;
  readonly municipalities: Array<{ code: string; name: string }>;
};

type Scope = { readonly inside: ReadonlySet<number>; readonly byId: ReadonlyMap<number, OrganisationRow> };

async function scopeOf(ctx: ServiceContext, access: OrgAccess): Promise<Scope & { readonly orgs: OrganisationRow[] }> {
  const all = await listTenantOrganisations(ctx.db, access.org.tenantId);
  const orgs = await unitsOf(ctx, access.org);
  return { inside: new Set(orgs.map((o) => o.id)), byId: new Map(all.map((o) => [o.id, o])), orgs };
}

function toView(user: AdminUserRow, roles: readonly RoleRow[], scope: Scope): UserView {
  const { createdAt, ...rest } = user;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    roles: roles.map((r) => ({
      orgCode: r.orgCode, orgName: scope.byId.get(r.orgId)?.name ?? r.orgCode, role: r.role, roleName: roleLabel(r.role), municipalityCode: r.municipalityCode,
    })),
    manageable: roles.every((r) => scope.inside.has(r.orgId)),
  };
}

/** What the audit entry shows of a user: never the password or its hash. */
function auditSnapshot(user: AdminUserRow): Record<string, unknown> {
  return { username: user.username, displayName: user.displayName, email: user.email, disabled: user.disabled, hasPassword: user.hasPassword, oidc: user.oidc };
}

export async function listUsersForAdmin(ctx: ServiceContext, access: OrgAccess): Promise<UserAdminOverview> {
  const scope = await scopeOf(ctx, access);
  const [users, roles, municipalities] = await Promise.all([
    listTenantUsers(ctx.db, access.org.tenantId), listTenantRoles(ctx.db, access.org.tenantId), listTenantMunicipalities(ctx.db, access.org.tenantId),
  ]);
  return {
    users: users.map((u) => toView(u, roles.filter((r) => r.userId === u.id), scope)),
    organisations: scope.orgs.map((o) => ({ code: o.code, name: o.name, kind: o.kind })),
    municipalities,
  };
}

// ---- validation of the fields (Swedish messages that name the field) ----

export function checkPassword(password: string, field = 'password'): string {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw invalid(field, `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.`);
  if (length > MAX_PASSWORD_LENGTH) throw invalid(field, `Lösenordet får ha högst ${MAX_PASSWORD_LENGTH} tecken.`);
  if (password.trim() !== password) throw invalid(field, 'Lösenordet får inte börja eller sluta med mellanslag.');
  return password;
}

function checkUsername(text: string): string {
  const username = text.trim().toLowerCase();
  if (!/^[a-z0-9._-]{2,64}$/.test(username)) {
    throw invalid('username', 'Användarnamnet ska ha 2–64 tecken: små bokstäver a–z, siffror, punkt, bindestreck eller understreck.');
  }
  return username;
}

function checkDisplayName(text: string): string {
  const name = text.trim();
  if (name === '') throw invalid('displayName', 'Fyll i användarens namn.');
  if (name.length > 120) throw invalid('displayName', 'Namnet får ha högst 120 tecken.');
  return name;
}

function checkEmail(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const email = text.trim().toLowerCase();
  if (email.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalid('email', 'E-postadressen har ogiltigt format (namn@example.se).');
  return email;
}

async function requireFreeEmail(tx: Tx, email: string | null, userId: number): Promise<void> {
  if (email !== null && (await findUserIdByEmail(tx, email, userId)) !== undefined) {
    throw invalid('email', `E-postadressen ${email} används redan av en annan användare.`);
  }
}

// ---- changes ----

export type NewUser = { readonly username: string; readonly displayName: string; readonly email?: string | null | undefined; readonly password?: string | undefined };

export async function createUser(ctx: ServiceContext, admin: AuthUser, access: OrgAccess, input: NewUser): Promise<UserView> {
  const username = checkUsername(input.username);
  const displayName = checkDisplayName(input.displayName);
  const email = checkEmail(input.email);
  const passwordHash = input.password === undefined || input.password === '' ? NO_PASSWORD : await hashPassword(checkPassword(input.password));
  const scope = await scopeOf(ctx, access);
  return ctx.db.transaction().execute(async (tx) => {
    if (await usernameTaken(tx, username)) throw invalid('username', `Användarnamnet ${username} är upptaget.`);
    await requireFreeEmail(tx, email, 0);
    const id = await insertUser(tx, { tenantId: access.org.tenantId, username, displayName, passwordHash, email });
    const created = await findTenantUser(tx, access.org.tenantId, id);
    if (!created) throw new Error('created user not found');
    await audit(tx, admin, access, 'user.create', created, undefined, auditSnapshot(created));
    return toView(created, [], scope);
  });
}

/** Loads a user of the tenant that this administrator may change as an account. */
async function manageableUser(tx: Tx, access: OrgAccess, scope: Scope, userId: number): Promise<{ user: AdminUserRow; roles: RoleRow[] }> {
  const user = await findTenantUser(tx, access.org.tenantId, userId);
  if (!user) throw notFound(`Användaren ${userId} finns inte.`);
  const roles = await listRoles(tx, userId);
  const outside = roles.find((r) => !scope.inside.has(r.orgId));
  if (outside) {
    throw forbidden(`${user.username} har roller utanför ${access.org.name} (${outside.orgCode}); kontot kan bara ändras av en administratör som når dem.`);
  }
  return { user, roles };
}

async function changeAccount(
  ctx: ServiceContext, admin: AuthUser, access: OrgAccess, userId: number, action: string,
  change: (tx: Tx, user: AdminUserRow) => Promise<Record<string, unknown> | void>,
): Promise<UserView> {
  const scope = await scopeOf(ctx, access);
  return ctx.db.transaction().execute(async (tx) => {
    const { user } = await manageableUser(tx, access, scope, userId);
    const extra = await change(tx, user);
    const after = await findTenantUser(tx, access.org.tenantId, userId);
    if (!after) throw new Error('user vanished');
    await audit(tx, admin, access, action, after, auditSnapshot(user), { ...auditSnapshot(after), ...(extra ?? {}) });
    return toView(after, await listRoles(tx, userId), scope);
  });
}

export async function updateUser(
  ctx: ServiceContext, admin: AuthUser, access: OrgAccess, userId: number, input: { displayName?: string | undefined; email?: string | null | undefined },
): Promise<UserView> {
  const displayName = input.displayName === undefined ? undefined : checkDisplayName(input.displayName);
  const email = input.email === undefined ? undefined : checkEmail(input.email);
  return changeAccount(ctx, admin, access, userId, 'user.update', async (tx) => {
    if (displayName !== undefined) await setUserDisplayName(tx, userId, displayName);
    if (email !== undefined) {
      await requireFreeEmail(tx, email, userId);
      await setUserEmail(tx, userId, email);
    }
  });
}

/** A new password set by an administrator; the user's sessions end, so the old password's holder is out. */
export async function setUserPassword(ctx: ServiceContext, admin: AuthUser, access: OrgAccess, userId: number, password: string): Promise<UserView> {
  const hash = await hashPassword(checkPassword(password));
  return changeAccount(ctx, admin, access, userId, 'user.password.set', async (tx) => {
    await setPasswordHash(tx, userId, hash);
    const ended = userId === admin.id ? 0 : await deleteUserSessions(tx, userId);
    return { passwordChanged: true, sessionsEnded: ended };
  });
}

export async function setUserEnabled(ctx: ServiceContext, admin: AuthUser, access: OrgAccess, userId: number, disabled: boolean): Promise<UserView> {
  if (userId === admin.id && disabled) throw invalid('disabled', 'Du kan inte stänga av ditt eget konto.');
  return changeAccount(ctx, admin, access, userId, disabled ? 'user.disable' : 'user.enable', async (tx) => {
    await setUserDisabled(tx, userId, disabled);
    return disabled ? { sessionsEnded: await deleteUserSessions(tx, userId) } : {};
  });
}

export async function linkOidc(
  ctx: ServiceContext, admin: AuthUser, access: OrgAccess, userId: number, input: { subject: string; issuer: string | undefined },
): Promise<UserView> {
  const subject = input.subject.trim();
  if (subject === '' || subject.length > 255) throw invalid('subject', 'Fyll i identiteten (subject, "sub") hos regionens inloggning, högst 255 tecken.');
  const issuer = input.issuer?.trim() ?? '';
  if (issuer === '') throw invalid('issuer', 'Ange utfärdaren (issuer): inloggning via OpenID Connect är inte inställd på servern.');
  if (!URL.canParse(issuer)) throw invalid('issuer', 'Utfärdaren (issuer) ska vara en adress, t.ex. https://login.region.se.');
  return changeAccount(ctx, admin, access, userId, 'user.oidc.link', async (tx) => {
    const holder = (await findUserByOidc(tx, issuer, subject))?.id;
    if (holder !== undefined && holder !== userId) throw invalid('subject', 'Den identiteten är redan kopplad till en annan användare.');
    await setOidcLink(tx, userId, { issuer, subject });
  });
}

export async function unlinkOidc(ctx: ServiceContext, admin: AuthUser, access: OrgAccess, userId: number): Promise<UserView> {
  return changeAccount(ctx, admin, access, userId, 'user.oidc.unlink', async (tx) => {
    await setOidcLink(tx, userId, null);
  });
}

/** Grants (or changes) the user's role on an organisation within the administrator's reach. */
export async function grantUserRole(
  ctx: ServiceContext, admin: AuthUser, access: OrgAccess, userId: number, orgCode: string, input: { role: Role; municipalityCode?: string | null | undefined },
): Promise<UserView> {
  const scope = await scopeOf(ctx, access);
  const target = roleOrganisation(scope, access, orgCode);
  if (userId === admin.id) throw forbidden('Du kan inte ändra dina egna roller; be en annan administratör.');
  const code = input.municipalityCode?.trim() ?? '';
  if (input.role === 'municipality' && code === '') throw invalid('municipalityCode', 'Rollen Kommun kräver en kommunkod (t.ex. 2480 för Umeå).');
  if (input.role !== 'municipality' && code !== '') throw invalid('municipalityCode', 'Kommunkod anges bara för rollen Kommun.');
  return ctx.db.transaction().execute(async (tx) => {
    const user = await findTenantUser(tx, access.org.tenantId, userId);
    if (!user) throw notFound(`Användaren ${userId} finns inte.`);
    if (code !== '' && !(await municipalityExists(tx, access.org.tenantId, code))) {
      throw invalid('municipalityCode', `Kommunkoden ${code} finns inte bland regionens kommuner.`);
    }
    const before = (await listRoles(tx, userId)).find((r) => r.orgId === target.id);
    await grantRole(tx, access.org.tenantId, userId, target.id, input.role, code === '' ? null : code);
    await appendAudit(tx, {
      tenantId: access.org.tenantId, actor: admin.username, action: 'user.role.grant', entity: 'user_role', entityId: `${user.username}@${target.code}`,
      before: before ? roleSnapshot(before) : null, after: { role: input.role, municipalityCode: code === '' ? null : code },
    });
    return toView(user, await listRoles(tx, userId), scope);
  });
}

export async function revokeUserRole(ctx: ServiceContext, admin: AuthUser, access: OrgAccess, userId: number, orgCode: string): Promise<UserView> {
  const scope = await scopeOf(ctx, access);
  const target = roleOrganisation(scope, access, orgCode);
  if (userId === admin.id) throw forbidden('Du kan inte ändra dina egna roller; be en annan administratör.');
  return ctx.db.transaction().execute(async (tx) => {
    const user = await findTenantUser(tx, access.org.tenantId, userId);
    if (!user) throw notFound(`Användaren ${userId} finns inte.`);
    const before = (await listRoles(tx, userId)).find((r) => r.orgId === target.id);
    if (!before || !(await revokeRole(tx, userId, target.id))) throw notFound(`${user.username} har ingen roll på ${target.name}.`);
    await appendAudit(tx, {
      tenantId: access.org.tenantId, actor: admin.username, action: 'user.role.revoke', entity: 'user_role', entityId: `${user.username}@${target.code}`,
      before: roleSnapshot(before), after: null,
    });
    return toView(user, await listRoles(tx, userId), scope);
  });
}

function roleOrganisation(scope: Scope & { orgs: OrganisationRow[] }, access: OrgAccess, orgCode: string): OrganisationRow {
  const target = [...scope.byId.values()].find((o) => o.code === orgCode);
  if (!target) throw notFound(`Organisationen ${orgCode} finns inte.`);
  if (!scope.inside.has(target.id)) throw forbidden(`Du kan bara dela ut roller inom ${access.org.name} och det som ligger under.`);
  return target;
}

function roleSnapshot(r: RoleRow): Record<string, unknown> {
  return { role: r.role, municipalityCode: r.municipalityCode };
}

async function audit(tx: Tx, admin: AuthUser, access: OrgAccess, action: string, user: AdminUserRow, before: unknown, after: unknown): Promise<void> {
  await appendAudit(tx, { tenantId: access.org.tenantId, actor: admin.username, action, entity: 'app_user', entityId: `${user.id}`, before, after });
}
