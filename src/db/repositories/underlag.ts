// The underlag documents, their revisions (every save) and their workflow steps. The document's text
// is stored as JSON exactly as the service validated it; a decided revision carries the snapshot of
// the numbers it was decided on, and the database refuses any change to it (migration 0004).
import { sql } from 'kysely';
import type { DbOrTx } from '../database.ts';
import { toSafeNumber } from '../convert.ts';
import type { WorkflowStatus } from '../../domain/workflow.ts';

export type UnderlagRow = {
  readonly id: number;
  readonly tenantId: number;
  readonly orgId: number;
  readonly budgetYear: number;
  readonly actualYear: number;
  readonly versionId: number;
  readonly versionCode: string;
  readonly status: WorkflowStatus;
  readonly edition: number;
  readonly headRevision: number;
  readonly createdAt: Date;
  readonly createdBy: string;
};

export type RevisionMeta = {
  readonly revision: number;
  readonly edition: number;
  readonly author: string;
  readonly savedAt: Date;
  readonly note: string;
  readonly decidedAt: Date | null;
  readonly decidedBy: string | null;
  readonly diarienummer: string | null;
  readonly decisionDate: string | null;
};

/** A revision with its stored JSON (content and, when decided, the snapshot), unparsed. */
export type RevisionRow = RevisionMeta & { readonly content: unknown; readonly snapshot: unknown };

const underlagColumns = [
  'u.id', 'u.tenant_id', 'u.org_id', 'u.budget_year', 'u.actual_year', 'u.version_id', 'v.code as version_code', 'u.status',
  'u.edition', 'u.head_revision', 'u.created_at', 'u.created_by',
] as const;

type UnderlagRaw = {
  id: string; tenant_id: string; org_id: string; budget_year: number; actual_year: number; version_id: string; version_code: string;
  status: WorkflowStatus; edition: number; head_revision: number; created_at: Date; created_by: string;
};

function toUnderlag(r: UnderlagRaw): UnderlagRow {
  return {
    id: toSafeNumber(r.id, 'underlag.id'), tenantId: toSafeNumber(r.tenant_id, 'underlag.tenant_id'), orgId: toSafeNumber(r.org_id, 'underlag.org_id'),
    budgetYear: r.budget_year, actualYear: r.actual_year, versionId: toSafeNumber(r.version_id, 'underlag.version_id'), versionCode: r.version_code,
    status: r.status, edition: r.edition, headRevision: r.head_revision, createdAt: r.created_at, createdBy: r.created_by,
  };
}

export async function listUnderlag(db: DbOrTx, orgId: number): Promise<UnderlagRow[]> {
  const rows = await db.selectFrom('underlag as u').innerJoin('plan_version as v', 'v.id', 'u.version_id').select(underlagColumns)
    .where('u.org_id', '=', String(orgId)).orderBy('u.budget_year', 'desc').orderBy('v.code').execute();
  return rows.map(toUnderlag);
}

export async function findUnderlag(db: DbOrTx, orgId: number, id: number): Promise<UnderlagRow | undefined> {
  const r = await db.selectFrom('underlag as u').innerJoin('plan_version as v', 'v.id', 'u.version_id').select(underlagColumns)
    .where('u.org_id', '=', String(orgId)).where('u.id', '=', String(id)).executeTakeFirst();
  return r ? toUnderlag(r) : undefined;
}

export async function findUnderlagFor(db: DbOrTx, orgId: number, budgetYear: number, versionId: number): Promise<UnderlagRow | undefined> {
  const r = await db.selectFrom('underlag as u').innerJoin('plan_version as v', 'v.id', 'u.version_id').select(underlagColumns)
    .where('u.org_id', '=', String(orgId)).where('u.budget_year', '=', budgetYear).where('u.version_id', '=', String(versionId)).executeTakeFirst();
  return r ? toUnderlag(r) : undefined;
}

/** Locks the document row for the rest of the transaction (steps and saves are serialised per document). */
export async function lockUnderlag(db: DbOrTx, id: number): Promise<void> {
  await sql`SELECT 1 FROM underlag WHERE id = ${id} FOR UPDATE`.execute(db);
}

export type NewUnderlag = { tenantId: number; orgId: number; budgetYear: number; actualYear: number; versionId: number; createdBy: string; at: Date };

/** Inserts the document; undefined when one already exists for the committee, year and version. */
export async function insertUnderlag(db: DbOrTx, u: NewUnderlag): Promise<number | undefined> {
  const row = await db.insertInto('underlag').values({
    tenant_id: u.tenantId, org_id: u.orgId, budget_year: u.budgetYear, actual_year: u.actualYear, version_id: u.versionId,
    created_by: u.createdBy, created_at: u.at,
  }).onConflict((oc) => oc.columns(['org_id', 'budget_year', 'version_id']).doNothing()).returning('id').executeTakeFirst();
  return row ? toSafeNumber(row.id, 'underlag.id') : undefined;
}

/**
 * Appends a revision if the document's newest revision is still `basedOn` (false when someone else
 * saved in between: a conflict, never an overwrite). The database refuses it while the document is
 * handed in or decided.
 */
export async function appendRevision(
  db: DbOrTx,
  doc: { id: number; tenantId: number; edition: number },
  basedOn: number,
  revision: { content: unknown; author: string; at: Date; note: string },
): Promise<number | undefined> {
  const bumped = await db.updateTable('underlag').set((eb) => ({ head_revision: eb('head_revision', '+', 1) }))
    .where('id', '=', String(doc.id)).where('head_revision', '=', basedOn).returning('head_revision').executeTakeFirst();
  if (!bumped) return undefined;
  await db.insertInto('underlag_revision').values({
    tenant_id: doc.tenantId, underlag_id: doc.id, revision: bumped.head_revision, edition: doc.edition,
    content: JSON.stringify(revision.content), author: revision.author, saved_at: revision.at, note: revision.note,
  }).execute();
  return bumped.head_revision;
}

const revisionMetaColumns = [
  'revision', 'edition', 'author', 'saved_at', 'note', 'decided_at', 'decided_by', 'diarienummer',
  sql<string | null>`to_char(decision_date, 'YYYY-MM-DD')`.as('decision_date'),
] as const;

type MetaRaw = {
  revision: number; edition: number; author: string; saved_at: Date; note: string; decided_at: Date | null; decided_by: string | null;
  diarienummer: string | null; decision_date: string | null;
};

const toMeta = (r: MetaRaw): RevisionMeta => ({
  revision: r.revision, edition: r.edition, author: r.author, savedAt: r.saved_at, note: r.note, decidedAt: r.decided_at,
  decidedBy: r.decided_by, diarienummer: r.diarienummer, decisionDate: r.decision_date,
});

export async function findRevision(db: DbOrTx, underlagId: number, revision: number): Promise<RevisionRow | undefined> {
  const r = await db.selectFrom('underlag_revision').select([...revisionMetaColumns, 'content', 'snapshot'])
    .where('underlag_id', '=', String(underlagId)).where('revision', '=', revision).executeTakeFirst();
  return r ? { ...toMeta(r), content: r.content, snapshot: r.snapshot } : undefined;
}

/** Every revision, newest first, without their content. */
export async function listRevisions(db: DbOrTx, underlagId: number): Promise<RevisionMeta[]> {
  const rows = await db.selectFrom('underlag_revision').select(revisionMetaColumns)
    .where('underlag_id', '=', String(underlagId)).orderBy('revision', 'desc').execute();
  return rows.map(toMeta);
}

/** The decided revisions of a document, newest first. */
export async function listDecidedRevisions(db: DbOrTx, underlagId: number): Promise<RevisionMeta[]> {
  const rows = await db.selectFrom('underlag_revision').select(revisionMetaColumns)
    .where('underlag_id', '=', String(underlagId)).where('decided_at', 'is not', null).orderBy('revision', 'desc').execute();
  return rows.map(toMeta);
}

export type DecisionStamp = { by: string; at: Date; diarienummer: string; decisionDate: string; snapshot: unknown };

/** Marks a revision decided, with its snapshot; once only (the database refuses a second time). */
export async function markRevisionDecided(db: DbOrTx, underlagId: number, revision: number, d: DecisionStamp): Promise<void> {
  await db.updateTable('underlag_revision').set({
    decided_at: d.at, decided_by: d.by, diarienummer: d.diarienummer, decision_date: d.decisionDate, snapshot: JSON.stringify(d.snapshot),
  }).where('underlag_id', '=', String(underlagId)).where('revision', '=', revision).execute();
}

/** Moves the document from `from` to `to` if it is still in `from` (false otherwise), and records the step. */
export async function moveUnderlagStatus(
  db: DbOrTx,
  doc: { id: number; tenantId: number; headRevision: number },
  step: { from: WorkflowStatus; to: WorkflowStatus; by: string; at: Date; comment: string | null },
): Promise<boolean> {
  const r = await db.updateTable('underlag').set({ status: step.to })
    .where('id', '=', String(doc.id)).where('status', '=', step.from).executeTakeFirst();
  if (r.numUpdatedRows !== 1n) return false;
  await db.insertInto('underlag_transition').values({
    tenant_id: doc.tenantId, underlag_id: doc.id, revision: doc.headRevision, from_status: step.from, to_status: step.to,
    actor: step.by, at: step.at, comment: step.comment,
  }).execute();
  return true;
}

/** After a decision: the next edition begins as a draft (the decided revision stays as it is). */
export async function beginNextEdition(db: DbOrTx, doc: { id: number; tenantId: number; edition: number; headRevision: number }, by: string, at: Date): Promise<boolean> {
  const r = await db.updateTable('underlag').set({ status: 'draft', edition: doc.edition + 1 })
    .where('id', '=', String(doc.id)).where('status', '=', 'adopted').where('edition', '=', doc.edition).executeTakeFirst();
  if (r.numUpdatedRows !== 1n) return false;
  await db.insertInto('underlag_transition').values({
    tenant_id: doc.tenantId, underlag_id: doc.id, revision: doc.headRevision, from_status: 'adopted', to_status: 'draft', actor: by, at,
    comment: `Version ${String(doc.edition + 1)} påbörjad`,
  }).execute();
  return true;
}

export type UnderlagTransitionRow = {
  readonly revision: number; readonly from: WorkflowStatus; readonly to: WorkflowStatus; readonly actor: string; readonly at: Date; readonly comment: string | null;
};

export async function listUnderlagTransitions(db: DbOrTx, underlagId: number): Promise<UnderlagTransitionRow[]> {
  const rows = await db.selectFrom('underlag_transition').select(['revision', 'from_status', 'to_status', 'actor', 'at', 'comment'])
    .where('underlag_id', '=', String(underlagId)).orderBy('id').execute();
  return rows.map((r) => ({ revision: r.revision, from: r.from_status as WorkflowStatus, to: r.to_status as WorkflowStatus, actor: r.actor, at: r.at, comment: r.comment }));
}
