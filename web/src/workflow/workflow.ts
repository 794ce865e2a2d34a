// The plan version's workflow as the web app shows it: which steps the user may take from the
// current status (mirroring src/domain/workflow.ts; the server checks every step again).
import type { VersionStatus } from '../api-types.ts';

export type Step = { readonly to: VersionStatus; readonly label: string; readonly permission: string; readonly needsDecision: boolean };

const STEPS: Readonly<Record<VersionStatus, readonly Step[]>> = {
  draft: [{ to: 'review', label: 'Skicka för granskning', permission: 'workflow.submit', needsDecision: false }],
  review: [
    { to: 'submitted', label: 'Lämna in', permission: 'workflow.submit', needsDecision: false },
    { to: 'draft', label: 'Tillbaka till utkast', permission: 'workflow.submit', needsDecision: false },
  ],
  submitted: [
    { to: 'adopted', label: 'Registrera beslut', permission: 'workflow.decide', needsDecision: true },
    { to: 'draft', label: 'Återremittera till utkast', permission: 'workflow.decide', needsDecision: false },
  ],
  adopted: [],
};

export function statusLabel(status: VersionStatus): string {
  switch (status) {
    case 'draft': return 'Utkast';
    case 'review': return 'För granskning';
    case 'submitted': return 'Inlämnad';
    case 'adopted': return 'Beslutad';
  }
}

/** The steps from `status` that `permissions` allow. */
export function availableSteps(status: VersionStatus, permissions: readonly string[]): Step[] {
  return STEPS[status].filter((s) => permissions.includes(s.permission));
}
