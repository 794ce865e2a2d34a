// Which organisations a user sees and may change. Checked on the server for every request.
import type { ServiceContext } from './context.ts';
import { forbidden, notFound } from './errors.ts';
import { canEditRole, effectiveRole, type AuthUser } from './auth.ts';
import { listTenantOrganisations, type OrganisationRow } from '../db/repositories/organisations.ts';
import type { Role } from '../db/repositories/users.ts';

export type OrgAccess = { readonly org: OrganisationRow; readonly role: Role; readonly canEdit: boolean };

export async function listVisibleOrganisations(ctx: ServiceContext, user: AuthUser): Promise<OrgAccess[]> {
  const orgs = await listTenantOrganisations(ctx.db, user.tenantId);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const visible: OrgAccess[] = [];
  for (const org of orgs) {
    const role = effectiveRole(user, org, byId);
    if (role) visible.push({ org, role, canEdit: canEditRole(role) });
  }
  return visible;
}

/** The organisation `code` as the user may use it; 404 when unknown to the user's tenant, 403 without a role. */
export async function resolveOrganisation(ctx: ServiceContext, user: AuthUser, code: string, need: 'read' | 'edit'): Promise<OrgAccess> {
  const orgs = await listTenantOrganisations(ctx.db, user.tenantId);
  const org = orgs.find((o) => o.code === code);
  if (!org) throw notFound(`Organisationen ${code} finns inte.`);
  const role = effectiveRole(user, org, new Map(orgs.map((o) => [o.id, o])));
  if (!role) throw forbidden(`Du har ingen behörighet till ${org.name}.`);
  const canEdit = canEditRole(role);
  if (need === 'edit' && !canEdit) throw forbidden(`Du får läsa men inte ändra ${org.name}.`);
  return { org, role, canEdit };
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
