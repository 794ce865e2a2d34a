// The API of user administration, the audit trail and the sign-in options, typed for the web app.
import { apiRequest } from '../api.ts';
import type { Role } from '../api-types.ts';

export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  disabled: boolean;
  hasPassword: boolean;
  oidc: { issuer: string; subject: string } | null;
  createdAt: string;
  roles: { orgCode: string; orgName: string; role: Role; roleName: string; municipalityCode: string | null }[];
  manageable: boolean;
}

export interface UserList {
  users: AdminUser[];
  organisations: { code: string; name: string; kind: string }[];
  municipalities: { code: string; name: string }[];
  oidcIssuer: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  from: string;
  to: string;
  actor: string;
  limit: number;
}

export interface ChainStatus {
  intact: boolean;
  entries: number;
  headHash: string | null;
  problems: string[];
  checkedAt: string;
}

export interface AuthOptions {
  oidc: { label: string; startUrl: string } | null;
  oidcErrors: Record<string, string>;
}

const seg = encodeURIComponent;
const users = (org: string) => `/api/orgs/${seg(org)}/users`;
const user = (org: string, id: number) => `${users(org)}/${id}`;

export function auditQuery(filter: AuditFilter, withLimit: boolean): string {
  const params = new URLSearchParams();
  if (filter.from !== '') params.set('from', filter.from);
  if (filter.to !== '') params.set('to', filter.to);
  if (filter.actor.trim() !== '') params.set('actor', filter.actor.trim());
  if (withLimit) params.set('limit', String(filter.limit));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const adminApi = {
  listUsers: (org: string, signal?: AbortSignal) => apiRequest<UserList>('GET', users(org), signal ? { signal } : {}),
  createUser: (org: string, body: { username: string; displayName: string; email: string | null; password?: string }) =>
    apiRequest<AdminUser>('POST', users(org), { body }),
  updateUser: (org: string, id: number, body: { displayName?: string; email?: string | null }) =>
    apiRequest<AdminUser>('PATCH', user(org, id), { body }),
  setPassword: (org: string, id: number, password: string) =>
    apiRequest<AdminUser>('PUT', `${user(org, id)}/password`, { body: { password } }),
  setDisabled: (org: string, id: number, disabled: boolean) =>
    apiRequest<AdminUser>('PUT', `${user(org, id)}/disabled`, { body: { disabled } }),
  linkOidc: (org: string, id: number, subject: string) => apiRequest<AdminUser>('PUT', `${user(org, id)}/oidc`, { body: { subject } }),
  unlinkOidc: (org: string, id: number) => apiRequest<AdminUser>('DELETE', `${user(org, id)}/oidc`),
  grantRole: (org: string, id: number, roleOrg: string, role: Role, municipalityCode: string | null) =>
    apiRequest<AdminUser>('PUT', `${user(org, id)}/roles/${seg(roleOrg)}`, { body: { role, municipalityCode } }),
  revokeRole: (org: string, id: number, roleOrg: string) => apiRequest<AdminUser>('DELETE', `${user(org, id)}/roles/${seg(roleOrg)}`),
  listAudit: (org: string, filter: AuditFilter, signal?: AbortSignal) =>
    apiRequest<{ entries: AuditEntry[]; limit: number; more: boolean }>('GET', `/api/orgs/${seg(org)}/audit${auditQuery(filter, true)}`, signal ? { signal } : {}),
  auditCsvHref: (org: string, filter: AuditFilter) => `/api/orgs/${seg(org)}/audit.csv${auditQuery(filter, false)}`,
  chainStatus: (org: string, signal?: AbortSignal) => apiRequest<ChainStatus>('GET', `/api/orgs/${seg(org)}/audit/chain`, signal ? { signal } : {}),
  authOptions: () => apiRequest<AuthOptions>('GET', '/api/auth/options', { expectSessionLoss: false }),
};
