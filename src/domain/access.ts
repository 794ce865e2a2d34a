// Who may do what: roles per organisation and the permissions they carry. A role granted on an
// organisation applies to it and everything below it (a regionekonom granted on the region reaches
// every committee). Checked on the server for every request; the UI only mirrors it.
export type Role = 'admin' | 'region-controller' | 'committee-controller' | 'writer' | 'reader' | 'municipality';

export const ROLES: readonly Role[] = ['admin', 'region-controller', 'committee-controller', 'writer', 'reader', 'municipality'];

export type Permission =
  | 'read'                 // plans, summaries, goals, projects, the underlag
  | 'plan.edit'            // plan lines, frames, projects, agreements
  | 'text.edit'            // the underlag's narrative text
  | 'workflow.submit'      // utkast → för granskning → inlämnat, and back to utkast
  | 'workflow.decide'      // inlämnat → beslutat (records the decision), or returns it
  | 'contributions.read'   // the municipal contributions of the agreement
  | 'users.admin'          // users and roles
  | 'audit.read';          // the audit trail

const PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  'admin': ['read', 'plan.edit', 'text.edit', 'workflow.submit', 'workflow.decide', 'contributions.read', 'users.admin', 'audit.read'],
  'region-controller': ['read', 'plan.edit', 'text.edit', 'workflow.submit', 'workflow.decide', 'contributions.read'],
  'committee-controller': ['read', 'plan.edit', 'text.edit', 'workflow.submit', 'contributions.read'],
  'writer': ['read', 'text.edit', 'contributions.read'],
  'reader': ['read', 'contributions.read'],
  // A municipality reads its own contributions only; which municipality is part of its grant.
  'municipality': ['contributions.read'],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return PERMISSIONS[role];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleLabel(role: Role): string {
  switch (role) {
    case 'admin': return 'Administratör';
    case 'region-controller': return 'Regionekonom';
    case 'committee-controller': return 'Nämndekonom';
    case 'writer': return 'Skribent';
    case 'reader': return 'Läsare';
    case 'municipality': return 'Kommun';
  }
}

export function permissionDeniedMessage(permission: Permission, orgName: string): string {
  switch (permission) {
    case 'read': return `Du har ingen behörighet att läsa ${orgName}.`;
    case 'plan.edit': return `Du får läsa men inte ändra ${orgName}.`;
    case 'text.edit': return `Du får inte ändra underlagets text för ${orgName}.`;
    case 'workflow.submit': return `Du får inte skicka vidare versioner för ${orgName}.`;
    case 'workflow.decide': return `Du får inte registrera beslut för ${orgName}.`;
    case 'contributions.read': return `Du har ingen behörighet till kommunbidragen för ${orgName}.`;
    case 'users.admin': return `Du får inte administrera användare för ${orgName}.`;
    case 'audit.read': return `Du får inte läsa granskningsloggen för ${orgName}.`;
  }
}
