// Which organisations a user sees and may change. Checked on the server for every request.
import type { ServiceContext } from './context.ts';
import { forbidden, notFound } from './errors.ts';
import { canEditRole, effectiveGrant, type AuthUser } from './auth.ts';
import { can, permissionDeniedMessage, type Permission } from '../domain/access.ts';
import { listTenantOrganisations, type OrganisationRow } from '../db/repositories/organisations.ts';
import type { Role } from '../db/repositories/users.ts';

export type OrgAccess = {
  readonly org: OrganisationRow;
  readonly role: Role;
  readonly canEdit: boolean;
  /** For the municipality role: the one municipality whose contributions it may read. */
  readonly municipalityCode: string | null;
};

export async function listVisibleOrganisations(ctx: ServiceContext, user: AuthUser): Promise<OrgAccess[]> {
  const orgs = await listTenantOrganisations(ctx.db, user.tenantId);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const visible: OrgAccess[] = [];
  for (const org of orgs) {
    const grant = effectiveGrant(user, org, byId);
    if (grant && can(grant.role, 'read')) visible.push({ org, role: grant.role, canEdit: canEditRole(grant.role), municipalityCode: grant.municipalityCode });
  }
  return visible;
}

/**
 * The organisation `code` as the user may use it for `need`: 404 when unknown to the user's
 * tenant, 403 without a role that carries the permission. 'edit' is short for 'plan.edit'.
 */
export async function resolveOrganisation(ctx: ServiceContext, user: AuthUser, code: string, need: Permission | 'edit'): Promise<OrgAccess> {
  const permission: Permission = need === 'edit' ? 'plan.edit' : need;
  const orgs = await listTenantOrganisations(ctx.db, user.tenantId);
  const org = orgs.find((o) => o.code === code);
  if (!org) throw notFound(`Organisationen ${code} finns inte.`);
  const grant = effectiveGrant(user, org, new Map(orgs.map((o) => [o.id, o])));
  if (!grant) throw forbidden(`Du har ingen behörighet till ${org.name}.`);
  if (!can(grant.role, permission)) throw forbidden(permissionDeniedMessage(permission, org.name));
  return { org, role: grant.role, canEdit: canEditRole(grant.role), municipalityCode: grant.municipalityCode };
}

/** The units a plan line of `committee` may be booked on: the committee and everything below it. */
export async function unitsOf(ctx: ServiceContext, committee: OrganisationRow): Promise<OrganisationRow[]> {
  const orgs = await listTenantOrganisations(ctx.db, committee.tenantId);
  const inside = new Set([committee.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentId !== null && inside.has(o.parentId) && !inside.has(o.id)) { inside.add(o.id); grew = true; }
    }
  }
  return orgs.filter((o) => inside.has(o.id));
}
