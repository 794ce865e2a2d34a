// The adoption workflow of a plan version (and of the underlag): utkast → för granskning →
// inlämnat → beslutat, each step taken by a role allowed to, with who and when recorded by the
// caller. A decided version is frozen forever; a change after that is a new version.
import type { Permission } from './access.ts';
import { err, ok, type Result } from './result.ts';

export type WorkflowStatus = 'draft' | 'review' | 'submitted' | 'adopted';

export type Transition = {
  readonly from: WorkflowStatus;
  readonly to: WorkflowStatus;
  readonly permission: Permission;
  /** What the step is called in the UI. */
  readonly label: string;
};

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'review', permission: 'workflow.submit', label: 'Skicka för granskning' },
  { from: 'review', to: 'draft', permission: 'workflow.submit', label: 'Tillbaka till utkast' },
  { from: 'review', to: 'submitted', permission: 'workflow.submit', label: 'Lämna in' },
  { from: 'submitted', to: 'draft', permission: 'workflow.decide', label: 'Återremittera till utkast' },
  { from: 'submitted', to: 'adopted', permission: 'workflow.decide', label: 'Registrera beslut' },
];

export function statusLabel(status: WorkflowStatus): string {
  switch (status) {
    case 'draft': return 'Utkast';
    case 'review': return 'För granskning';
    case 'submitted': return 'Inlämnad';
    case 'adopted': return 'Beslutad';
  }
}

/** The step from `from` to `to`, or why there is none. */
export function findTransition(from: WorkflowStatus, to: WorkflowStatus): Result<Transition> {
  const t = TRANSITIONS.find((x) => x.from === from && x.to === to);
  if (t) return ok(t);
  if (from === 'adopted') return err('Versionen är beslutad och kan inte ändras. Skapa en ny version.');
  return err(`Det går inte att gå från ${statusLabel(from).toLowerCase()} till ${statusLabel(to).toLowerCase()}.`);
}

/** Lines and text can change while a version is a draft or under review, not once it is handed in. */
export function isEditableStatus(status: WorkflowStatus): boolean {
  return status === 'draft' || status === 'review';
}

export type Decision = { readonly diarienummer: string; readonly decisionDate: string };

/** A decision needs its registry number and date (a public record). */
export function validateDecision(input: { diarienummer?: string | undefined; decisionDate?: string | undefined }): Result<Decision, { field: string; message: string }> {
  const dnr = input.diarienummer?.trim() ?? '';
  if (dnr.length === 0) return err({ field: 'diarienummer', message: 'Diarienummer: ange beslutets diarienummer.' });
  if (dnr.length > 60) return err({ field: 'diarienummer', message: 'Diarienummer: högst 60 tecken.' });
  const day = input.decisionDate ?? '';
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(day)) {
    return err({ field: 'decisionDate', message: 'Beslutsdatum: ange ett datum som ÅÅÅÅ-MM-DD.' });
  }
  return ok({ diarienummer: dnr, decisionDate: day });
}
