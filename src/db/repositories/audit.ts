// The append-only audit log (the database refuses UPDATE and DELETE on it).
import type { DbOrTx } from '../database.ts';

export type AuditEntry = {
  readonly tenantId: number; readonly actor: string; readonly action: string;
  readonly entity: string; readonly entityId: string; readonly before: unknown; readonly after: unknown;
};

export async function appendAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    tenant_id: entry.tenantId, actor: entry.actor, action: entry.action, entity: entry.entity, entity_id: entry.entityId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  }).execute();
}

export async function listAudit(db: DbOrTx, tenantId: number, limit = 100): Promise<Array<AuditEntry & { at: Date }>> {
  const rows = await db.selectFrom('audit_log').selectAll().where('tenant_id', '=', String(tenantId)).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    tenantId, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, at: r.at,
  }));
}
