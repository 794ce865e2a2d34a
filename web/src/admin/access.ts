// Whether to offer the administration pages for an organisation: the user is administratör on it or
// on an organisation above it. Only a mirror of the server's rule, which decides on every request.
import type { Org, SessionUser } from '../api-types.ts';

export function isAdminOf(user: SessionUser, orgs: readonly Pick<Org, 'code' | 'parentCode'>[], orgCode: string): boolean {
  const admin = new Set(user.roles.filter((r) => r.role === 'admin').map((r) => r.orgCode));
  if (admin.size === 0) return false;
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const seen = new Set<string>();
  for (let code: string | null = orgCode; code !== null && !seen.has(code); code = byCode.get(code)?.parentCode ?? null) {
    if (admin.has(code)) return true;
    seen.add(code);
  }
  return false;
}

/** Readable text of an audit entry's before or after value. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}
