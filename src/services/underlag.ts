// The underlag as a document written in Ramplan (issue 5): created from the default template, saved
// as a new revision each time (the whole document, or one section; a save names the revision it was
// based on, and a stale one is a conflict with the current text, never an overwrite), sections added,
// renamed, reordered and removed, and moved through utkast → för granskning → inlämnat → beslutat by
// the roles allowed to. The decision freezes the current revision with a snapshot of its numbers;
// after it, a change begins a new edition. Every write is one transaction with an audit entry.
import type { ServiceContext } from './context.ts';
import { ServiceError, forbidden, invalid, notFound } from './errors.ts';
import type { AuthUser } from './auth.ts';
import type { OrgAccess } from './organisations.ts';
import { getSummary, ACTUAL_VERSION } from './overview.ts';
import { resolveScope } from './underlag-data.ts';
import {
  addSection, parseSections, removeSection, renameSection, reorderSections, replaceSectionText, type ContentProblem, type Section,
} from './underlag-content.ts';
import { inputOfRevision, liveInput, requireRevision, revisionStatus, scopeOf, sectionsOf } from './underlag-output.ts';
import type { DbOrTx } from '../db/database.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import {
  appendRevision, beginNextEdition, findUnderlag, insertUnderlag, listDecidedRevisions, listUnderlag, lockUnderlag, markRevisionDecided,
  moveUnderlagStatus, type RevisionMeta, type UnderlagRow,
} from '../db/repositories/underlag.ts';
import { can, permissionDeniedMessage } from '../domain/access.ts';
import type { Result } from '../domain/result.ts';
import { TRANSITIONS, findTransition, isEditableStatus, statusLabel, validateDecision, type WorkflowStatus } from '../domain/workflow.ts';
import { buildUnderlagModel, defaultUnderlagTemplate, type UnderlagReport } from '../reports/index.ts';

export { listUnderlag };

export async function requireUnderlag(ctx: { readonly db: DbOrTx }, access: OrgAccess, id: number): Promise<UnderlagRow> {
  const doc = await findUnderlag(ctx.db, access.org.id, id);
  if (!doc) throw notFound(`Underlaget ${id} finns inte för ${access.org.name}.`);
  return doc;
}

export type CreateInput = { readonly budgetYear: number; readonly version?: string | undefined; readonly actualYear?: number | undefined };

/** A new underlag from the default template (the seed's seven sections), its first revision saved. */
export async function createUnderlag(ctx: ServiceContext, user: AuthUser, access: OrgAccess, input: CreateInput): Promise<UnderlagRow> {
  const org = access.org;
  const scope = await resolveScope(ctx, org, input.budgetYear, input.version, input.actualYear);
  // The shares sentence is drafted from the actual year, largest source first, when there are actuals.
  const actual = await getSummary(ctx, org, scope.actualYear, ACTUAL_VERSION).catch(() => undefined);
  const sections = defaultUnderlagTemplate({ actualYear: scope.actualYear, budgetYear: scope.budgetYear, ...(actual ? { actualSummary: actual } : {}) });
  return ctx.db.transaction().execute(async (tx) => {
    const at = ctx.now();
    const id = await insertUnderlag(tx, {
      tenantId: org.tenantId, orgId: org.id, budgetYear: scope.budgetYear, actualYear: scope.actualYear, versionId: scope.version.id,
      createdBy: user.username, at,
    });
    if (id === undefined) {
      throw new ServiceError('conflict', `Det finns redan ett underlag för ${org.name} ${scope.budgetYear} (${scope.version.name}). Öppna det i stället.`, { field: 'budgetYear' });
    }
    const doc = await requireUnderlag({ db: tx }, access, id);
    await appendRevision(tx, doc, 0, { content: { sections }, author: user.username, at, note: 'Skapat från mallen' });
    await appendAudit(tx, {
      tenantId: org.tenantId, actor: user.username, action: 'underlag.create', entity: 'underlag', entityId: String(id),
      before: null, after: { budgetYear: scope.budgetYear, actualYear: scope.actualYear, version: scope.version.code, revision: 1 },
    });
    return requireUnderlag({ db: tx }, access, id);
  });
}

function assertTextEditable(doc: UnderlagRow): void {
  if (isEditableStatus(doc.status)) return;
  throw new ServiceError('version_adopted', doc.status === 'adopted'
    ? 'Underlaget är beslutat och kan inte ändras. Påbörja en ny version för att ändra det.'
    : 'Underlaget är inlämnat och dess text kan inte ändras. Det kan återremitteras till utkast av den som beslutar.');
}

const refused = (p: ContentProblem): ServiceError => invalid(p.field, p.message);

/** A database refusal of a frozen underlag (RP002) becomes the same message as the service check. */
function translateFrozen(error: unknown): never {
  if (typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'RP002') {
    throw new ServiceError('version_adopted', (error as unknown as Error).message);
  }
  throw error;
}

export type SavedRevision = { readonly underlag: UnderlagRow; readonly revision: number };

/**
 * One save: the change applied to the newest revision's sections, kept as a new revision, if the
 * writer's revision is still the newest. A stale revision is a conflict that carries the current
 * revision (its number, author, time and sections) so the writer can choose.
 */
async function saveRevision(
  ctx: ServiceContext, user: AuthUser, access: OrgAccess, id: number, basedOn: number, note: string,
  change: (sections: readonly Section[]) => Result<Section[], ContentProblem>,
): Promise<SavedRevision> {
  if (!Number.isSafeInteger(basedOn) || basedOn < 1) throw invalid('revision', 'Revision: ange revisionen du utgick från.');
  return ctx.db.transaction().execute(async (tx) => {
    await lockUnderlag(tx, id);
    const doc = await requireUnderlag({ db: tx }, access, id);
    assertTextEditable(doc);
    const head = await requireRevision({ db: tx }, doc, undefined);
    const current = sectionsOf(head);
    if (basedOn !== doc.headRevision) {
      throw new ServiceError('conflict',
        `Underlaget har sparats av ${head.author} sedan du öppnade det (revision ${doc.headRevision}, du utgick från ${basedOn}). Välj vilken text som ska gälla.`,
        { field: 'revision', current: { revision: head.revision, author: head.author, savedAt: head.savedAt.toISOString(), sections: current } });
    }
    const next = change(current);
    if (!next.ok) throw refused(next.error);
    const revision = await appendRevision(tx, doc, basedOn, { content: { sections: next.value }, author: user.username, at: ctx.now(), note })
      .catch(translateFrozen);
    if (revision === undefined) throw new ServiceError('conflict', 'Underlaget sparades just av någon annan. Läs in det igen.', { field: 'revision' });
    await appendAudit(tx, {
      tenantId: access.org.tenantId, actor: user.username, action: 'underlag.save', entity: 'underlag', entityId: String(id),
      before: { revision: basedOn }, after: { revision, note },
    });
    return { underlag: await requireUnderlag({ db: tx }, access, id), revision };
  });
}

export function saveDocument(ctx: ServiceContext, user: AuthUser, access: OrgAccess, id: number, basedOn: number, sections: unknown): Promise<SavedRevision> {
  const parsed = parseSections(sections);
  if (!parsed.ok) throw refused(parsed.error);
  return saveRevision(ctx, user, access, id, basedOn, 'Sparade hela dokumentet', () => parsed);
}

export function saveSection(
  ctx: ServiceContext, user: AuthUser, access: OrgAccess, id: number, basedOn: number, key: string, blocks: unknown, title?: string,
): Promise<SavedRevision> {
  return saveRevision(ctx, user, access, id, basedOn, `Sparade avsnittet ${title ?? key}`, (s) => replaceSectionText(s, key, blocks, title));
}

export async function addDocumentSection(
  ctx: ServiceContext, user: AuthUser, access: OrgAccess, id: number, basedOn: number, title: string, after: string | null,
): Promise<SavedRevision & { key: string }> {
  let key = '';
  const saved = await saveRevision(ctx, user, access, id, basedOn, `La till avsnittet ${title.trim()}`, (s) => {
    const r = addSection(s, title, after);
    if (!r.ok) return r;
    key = r.value.key;
    return { ok: true, value: r.value.sections };
  });
  return { ...saved, key };
}

export function renameDocumentSection(ctx: ServiceContext, user: AuthUser, access: OrgAccess, id: number, basedOn: number, key: string, title: string): Promise<SavedRevision> {
  return saveRevision(ctx, user, access, id, basedOn, `Bytte rubrik på avsnittet till ${title.trim()}`, (s) => renameSection(s, key, title));
}

export function reorderDocumentSections(ctx: ServiceContext, user: AuthUser, access: OrgAccess, id: number, basedOn: number, keys: readonly string[]): Promise<SavedRevision> {
  return saveRevision(ctx, user, access, id, basedOn, 'Ändrade ordningen på avsnitten', (s) => reorderSections(s, keys));
}

export function removeDocumentSection(ctx: ServiceContext, user: AuthUser, access: OrgAccess, id: number, basedOn: number, key: string): Promise<SavedRevision> {
  return saveRevision(ctx, user, access, id, basedOn, `Tog bort avsnittet ${key}`, (s) => removeSection(s, key));
}

export type StepInput = {
  readonly to: WorkflowStatus;
  readonly comment?: string | undefined;
  readonly diarienummer?: string | undefined;
  readonly decisionDate?: string | undefined;
};

/**
 * A workflow step of the document. The decision (inlämnat → beslutat) freezes the newest revision
 * with the full input of the report as it stands now (text and numbers), its diarienummer and date.
 */
export async function moveUnderlag(ctx: ServiceContext, user: AuthUser, access: OrgAccess, id: number, step: StepInput): Promise<UnderlagRow> {
  const decision = step.to === 'adopted' ? validateDecision(step) : undefined;
  if (decision && !decision.ok) throw invalid(decision.error.field, decision.error.message);
  if (step.comment !== undefined && step.comment.length > 2_000) throw invalid('comment', 'Kommentar: högst 2 000 tecken.');
  const before = await requireUnderlag(ctx, access, id);
  const transition = findTransition(before.status, step.to);
  if (!transition.ok) {
    throw before.status === 'adopted'
      ? new ServiceError('version_adopted', 'Underlaget är beslutat och kan inte ändras. Påbörja en ny version för att ändra det.')
      : invalid('to', transition.error.replace('Det går inte', 'Underlaget kan inte'));
  }
  if (!can(access.role, transition.value.permission)) throw forbidden(permissionDeniedMessage(transition.value.permission, access.org.name));
  // The snapshot is read before the transaction (the live numbers); the step re-checks the status inside it.
  let snapshot: unknown;
  if (decision?.ok) {
    const head = await requireRevision(ctx, before, undefined);
    snapshot = await liveInput(ctx, access.org, await scopeOf(ctx, access.org, before), sectionsOf(head), 'adopted', decision.value);
  }
  return ctx.db.transaction().execute(async (tx) => {
    await lockUnderlag(tx, id);
    const doc = await requireUnderlag({ db: tx }, access, id);
    if (doc.status !== before.status || doc.headRevision !== before.headRevision) {
      throw new ServiceError('conflict', 'Underlaget har just ändrats av någon annan. Läs in det igen.');
    }
    const at = ctx.now();
    if (decision?.ok) {
      await markRevisionDecided(tx, id, doc.headRevision, { by: user.username, at, ...decision.value, snapshot }).catch(translateFrozen);
    }
    const moved = await moveUnderlagStatus(tx, doc, { from: doc.status, to: step.to, by: user.username, at, comment: step.comment ?? null });
    if (!moved) throw new ServiceError('conflict', 'Underlaget har just flyttats av någon annan. Läs in det igen.');
    await appendAudit(tx, {
      tenantId: access.org.tenantId, actor: user.username, action: 'underlag.status', entity: 'underlag', entityId: String(id),
      before: { status: doc.status, revision: doc.headRevision },
      after: { status: step.to, revision: doc.headRevision, ...(decision?.ok ? decision.value : {}), comment: step.comment ?? null },
    });
    return requireUnderlag({ db: tx }, access, id);
  });
}

/** After a decision: a new edition as a draft, its first revision the decided text (which stays frozen). */
export async function beginNewEdition(ctx: ServiceContext, user: AuthUser, access: OrgAccess, id: number): Promise<SavedRevision> {
  return ctx.db.transaction().execute(async (tx) => {
    await lockUnderlag(tx, id);
    const doc = await requireUnderlag({ db: tx }, access, id);
    if (doc.status !== 'adopted') {
      throw invalid('status', `Underlaget är ${statusLabel(doc.status).toLowerCase()}, inte beslutat: ändra texten direkt i stället.`);
    }
    const decided = await requireRevision({ db: tx }, doc, undefined);
    const at = ctx.now();
    if (!await beginNextEdition(tx, doc, user.username, at)) throw new ServiceError('conflict', 'Underlaget har just ändrats av någon annan. Läs in det igen.');
    const next = { ...doc, edition: doc.edition + 1 };
    const revision = await appendRevision(tx, next, doc.headRevision, {
      content: { sections: sectionsOf(decided) }, author: user.username, at,
      note: `Version ${String(next.edition)} påbörjad från beslutad revision ${String(decided.revision)}`,
    }).catch(translateFrozen);
    if (revision === undefined) throw new ServiceError('conflict', 'Underlaget sparades just av någon annan. Läs in det igen.');
    await appendAudit(tx, {
      tenantId: access.org.tenantId, actor: user.username, action: 'underlag.new_edition', entity: 'underlag', entityId: String(id),
      before: { status: 'adopted', edition: doc.edition, revision: doc.headRevision }, after: { status: 'draft', edition: next.edition, revision },
    });
    return { underlag: await requireUnderlag({ db: tx }, access, id), revision };
  });
}

export type DocumentView = {
  readonly underlag: UnderlagRow;
  readonly revision: RevisionMeta & { readonly status: WorkflowStatus };
  readonly sections: readonly Section[];
  readonly report: UnderlagReport;
  /** Whether this user may change the text of this revision now (the newest, in utkast or för granskning). */
  readonly editable: boolean;
  /** The workflow steps this user may take now. */
  readonly steps: ReadonlyArray<{ readonly to: WorkflowStatus; readonly label: string; readonly decision: boolean }>;
  readonly canBeginNewEdition: boolean;
  /** The newest decided revision, if any. */
  readonly decided: RevisionMeta | null;
};

/** A revision (default the newest) as the writer and the reader see it: its text and its report. */
export async function getDocument(ctx: ServiceContext, access: OrgAccess, id: number, revision?: number): Promise<DocumentView> {
  const doc = await requireUnderlag(ctx, access, id);
  const [row, decided] = await Promise.all([requireRevision(ctx, doc, revision), listDecidedRevisions(ctx.db, id)]);
  const input = await inputOfRevision(ctx, access.org, doc, row);
  const isHead = row.revision === doc.headRevision;
  const { content: _content, snapshot: _snapshot, ...meta } = row;
  return {
    underlag: doc,
    revision: { ...meta, status: revisionStatus(doc, row) },
    sections: input.sections,
    report: buildUnderlagModel(input),
    editable: isHead && isEditableStatus(doc.status) && can(access.role, 'text.edit'),
    steps: TRANSITIONS.filter((t) => t.from === doc.status && can(access.role, t.permission))
      .map((t) => ({ to: t.to, label: t.label, decision: t.to === 'adopted' })),
    canBeginNewEdition: doc.status === 'adopted' && can(access.role, 'text.edit'),
    decided: decided[0] ?? null,
  };
}
