import { sql } from 'kysely';
import type { DbOrTx } from '../database.ts';
import { toSafeNumber } from '../convert.ts';
import type { OrgKind } from '../../domain/organisation.ts';

export type OrganisationRow = {
  readonly id: number;
  readonly tenantId: number;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly parentId: number | null;
  readonly parentCode: string | null;
  readonly orgNumber: string | null;
  readonly isExample: boolean;
};

const columns = [
  'o.id', 'o.tenant_id', 'o.code', 'o.name', 'o.kind', 'o.parent_id', 'o.org_number', 'o.is_example', 'p.code as parent_code',
] as const;

type Raw = {
  id: string; tenant_id: string; code: string; name: string; kind: OrgKind; parent_id: string | null;
  org_number: string | null; is_example: boolean; parent_code: string | null;
};

function toRow(r: Raw): OrganisationRow {
  return {
    id: toSafeNumber(r.id, 'organisation.id'),
    tenantId: toSafeNumber(r.tenant_id, 'organisation.tenant_id'),
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id === null ? null : toSafeNumber(r.parent_id, 'organisation.parent_id'),
    parentCode: r.parent_code,
    orgNumber: r.org_number,
    isExample: r.is_example,
  };
}

function base(db: DbOrTx) {
  return db.selectFrom('organisation as o').leftJoin('organisation as p', 'p.id', 'o.parent_id').select(columns);
}

export async function listOrganisations(db: DbOrTx): Promise<OrganisationRow[]> {
  const rows = await base(db).orderBy('o.tenant_id').orderBy('o.id').execute();
  return rows.map(toRow);
}

export async function listTenantOrganisations(db: DbOrTx, tenantId: number): Promise<OrganisationRow[]> {
  const rows = await base(db).where('o.tenant_id', '=', String(tenantId)).orderBy('o.id').execute();
  return rows.map(toRow);
}

export async function findOrganisationByCode(db: DbOrTx, code: string): Promise<OrganisationRow | undefined> {
  const row = await base(db).where('o.code', '=', code).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export async function countOrganisations(db: DbOrTx): Promise<number> {
  const row = await db.selectFrom('organisation').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return toSafeNumber(row.n, 'count');
}

export type NewRoot = { code: string; name: string; orgNumber?: string | null; isExample?: boolean };

/** A root organisation is its own tenant. */
export async function insertRootOrganisation(db: DbOrTx, root: NewRoot): Promise<number> {
  const row = await sql<{ id: string }>`
    WITH n AS (SELECT nextval(pg_get_serial_sequence('organisation', 'id')) AS id)
    INSERT INTO organisation (id, tenant_id, code, name, kind, parent_id, org_number, is_example)
    SELECT n.id, n.id, ${root.code}, ${root.name}, 'region', NULL, ${root.orgNumber ?? null}, ${root.isExample ?? false} FROM n
    RETURNING id`.execute(db);
  const id = row.rows[0]?.id;
  if (id === undefined) throw new Error('insertRootOrganisation returned no row');
  return toSafeNumber(id, 'organisation.id');
}

export type NewOrganisation = {
  tenantId: number; parentId: number; code: string; name: string; kind: OrgKind;
  orgNumber?: string | null; isExample?: boolean;
};

export async function insertOrganisation(db: DbOrTx, org: NewOrganisation): Promise<number> {
  const row = await db.insertInto('organisation').values({
    tenant_id: org.tenantId, parent_id: org.parentId, code: org.code, name: org.name, kind: org.kind,
    org_number: org.orgNumber ?? null, is_example: org.isExample ?? false,
  }).returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(row.id, 'organisation.id');
}

/** Serialises loaders that must see an empty database (the demo): held until the transaction ends. */
export async function lockOrganisations(db: DbOrTx): Promise<void> {
  await sql`LOCK TABLE organisation IN EXCLUSIVE MODE`.execute(db);
}
