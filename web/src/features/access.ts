// The same access rule as the API: only a user whose role on the organisation carries 'plan.edit'
// (the org's permissions from GET /api/orgs) sees the edit controls of agreements, projects and goals.
import type { Org } from '../api-types.ts';

export const canEditPlan = (org: Pick<Org, 'permissions'>): boolean => org.permissions.includes('plan.edit');
