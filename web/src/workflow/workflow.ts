// The plan version's workflow as the web app shows it: which steps the user may take from the
// current status. The steps are the domain's (src/domain/workflow.ts); the server checks every
// step again.
import type { VersionStatus } from '../api-types.ts';
import { TRANSITIONS, statusLabel } from '../domain.ts';

export { statusLabel };

export type Step = { readonly to: VersionStatus; readonly label: string; readonly permission: string; readonly needsDecision: boolean };

/** The steps from `status` that `permissions` allow; forward steps first. */
export function availableSteps(status: VersionStatus, permissions: readonly string[]): Step[] {
  return TRANSITIONS
    .filter((t) => t.from === status && permissions.includes(t.permission))
    .map((t) => ({ to: t.to, label: t.label, permission: t.permission, needsDecision: t.to === 'adopted' }))
    .sort((a, b) => Number(a.to === 'draft') - Number(b.to === 'draft'));
}
