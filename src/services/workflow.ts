// Moving a plan version through utkast → för granskning → inlämnat → beslutat. Each step is taken
// by a role allowed to, recorded with who and when, audited, and one transaction; after the
// decision the database itself refuses any change to the version.
import type { ServiceContext } from './context.ts';
import { ServiceError, forbidden, invalid } from './errors.ts';
import type { AuthUser } from './auth.ts';
import type { OrgAccess } from './organisations.ts';
import { requireVersion } from './overview.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { listTransitions, moveVersionStatus, type TransitionRow, type VersionRow } from '../db/repositories/versions.ts';
import { can, permissionDeniedMessage } from '../domain/access.ts';
import { findTransition, validateDecision, type WorkflowStatus } from '../domain/workflow.ts';

export type StepInput = {
  readonly to: WorkflowStatus;
  readonly comment?: string | undefined;
  readonly diarienummer?: string | undefined;
  readonly decisionDate?: string | undefined;
};

export async function moveVersion(ctx: ServiceContext, user: AuthUser, access: OrgAccess, versionCode: string, step: StepInput): Promise<VersionRow> {
  const decision = step.to === 'adopted' ? validateDecision(step) : undefined;
  if (decision && !decision.ok) throw invalid(decision.error.field, decision.error.message);
  if (step.comment !== undefined && step.comment.length > 2_000) throw invalid('comment', 'Kommentar: högst 2 000 tecken.');
  return ctx.db.transaction().execute(async (tx) => {
    const version = await requireVersion(tx, access.org, versionCode);
    if (version.kind === 'actual') throw new ServiceError('version_adopted', 'Utfallet har inget beslutsflöde.');
    const transition = findTransition(version.status, step.to);
    if (!transition.ok) {
      throw version.status === 'adopted' ? new ServiceError('version_adopted', transition.error) : invalid('to', transition.error);
    }
    if (!can(access.role, transition.value.permission)) throw forbidden(permissionDeniedMessage(transition.value.permission, access.org.name));
    const moved = await moveVersionStatus(tx, version, {
      from: version.status, to: step.to, by: user.username, at: ctx.now(), comment: step.comment ?? null,
      ...(decision?.ok ? decision.value : {}),
    });
    if (!moved) throw new ServiceError('conflict', 'Versionen har just flyttats av någon annan. Läs in den igen.');
    await appendAudit(tx, {
      tenantId: access.org.tenantId, actor: user.username, action: 'plan_version.status', entity: 'plan_version', entityId: String(version.id),
      before: { status: version.status }, after: { status: step.to, ...(decision?.ok ? decision.value : {}), comment: step.comment ?? null },
    });
    return requireVersion(tx, access.org, versionCode);
  });
}

export async function versionHistory(ctx: ServiceContext, access: OrgAccess, versionCode: string): Promise<readonly TransitionRow[]> {
  const version = await requireVersion(ctx.db, access.org, versionCode);
  return listTransitions(ctx.db, version.id);
}
