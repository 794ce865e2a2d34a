// Backup and restore at the table level: the catalog says which tables exist and in what order
// their foreign keys need them, rows travel as text (every column cast to text, NULL as null), so
// the format does not depend on the PostgreSQL version. All SQL of the backup lives here.
import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../database.ts';

export type TableInfo = { readonly name: string; readonly columns: readonly string[]; readonly identityAlways: boolean };

const EXCLUDED = new Set(['ramplan_migration', 'ramplan_migration_lock']);

/** The application's tables, ordered so that every table comes after the tables it refers to. */
export async function listTablesInDependencyOrder(db: DbOrTx): Promise<TableInfo[]> {
  const tables = await sql<{ name: string; columns: string[]; identity_always: boolean }>`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns,
           bool_or(a.attidentity = 'a') AS identity_always
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relkind = 'r'
     GROUP BY c.relname`.execute(db);
  const deps = await sql<{ child: string; parent: string }>`
    SELECT DISTINCT cc.relname AS child, pc.relname AS parent
      FROM pg_constraint k
      JOIN pg_class cc ON cc.oid = k.conrelid
      JOIN pg_class pc ON pc.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = cc.relnamespace AND n.nspname = current_schema()
     WHERE k.contype = 'f' AND cc.oid <> pc.oid`.execute(db);
  const byName = new Map(tables.rows.filter((t) => !EXCLUDED.has(t.name)).map((t) => [t.name, t]));
  const parents = new Map<string, Set<string>>();
  for (const d of deps.rows) {
    if (!byName.has(d.child) || !byName.has(d.parent)) continue;
    const set = parents.get(d.child) ?? new Set<string>();
    set.add(d.parent);
    parents.set(d.child, set);
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name)) return;
    if (path.has(name)) throw new Error(`foreign keys form a cycle through ${name}`);
    path.add(name);
    for (const p of [...(parents.get(name) ?? [])].sort()) visit(p, path);
    path.delete(name);
    const t = byName.get(name);
    if (!t) return;
    placed.add(name);
    ordered.push({ name: t.name, columns: t.columns, identityAlways: t.identity_always });
  };
  for (const name of [...byName.keys()].sort()) visit(name, new Set());
  return ordered;
}

export async function appliedMigrations(db: DbOrTx): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM ramplan_migration ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** One consistent view of every table for the whole backup (a read-only snapshot). */
export async function inSnapshot<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
}

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Rows of a table as text, in batches, in physical order (stable inside the snapshot), the
 * organisation tree parents first.
 */
export async function* readTableRows(tx: Tx, table: TableInfo, batch = 5_000): AsyncGenerator<Array<Array<string | null>>> {
  const select = table.columns.map((c) => `${quote(c)}::text`).join(', ');
  if (table.name === 'organisation') {
    const r = await sql<{ row: Array<string | null> }>`SELECT ARRAY[${sql.raw(select)}] AS row FROM organisation ORDER BY id`.execute(tx);
    if (r.rows.length > 0) yield r.rows.map((x) => x.row);
    return;
  }
  let after = '(0,0)';
  for (;;) {
    const r = await sql<{ row: Array<string | null>; tid: string }>`
      SELECT ARRAY[${sql.raw(select)}] AS row, ctid::text AS tid FROM ${sql.raw(quote(table.name))}
       WHERE ctid > ${after}::tid ORDER BY ctid LIMIT ${batch}`.execute(tx);
    if (r.rows.length === 0) return;
    yield r.rows.map((x) => x.row);
    after = r.rows[r.rows.length - 1]?.tid ?? after;
  }
}

export async function countRows(db: DbOrTx, table: string): Promise<number> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.raw(quote(table))}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Restoring writes rows exactly as they were: user triggers (chaining, summaries, freezing) are off meanwhile. */
export async function setUserTriggers(tx: Tx, tables: readonly TableInfo[], enabled: boolean): Promise<void> {
  // Deferred foreign-key checks are run now: a table with pending trigger events cannot be altered.
  if (enabled) await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(tx);
  for (const t of tables) {
    await sql.raw(`ALTER TABLE ${quote(t.name)} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER`).execute(tx);
  }
  if (!enabled) await sql`SET CONSTRAINTS ALL DEFERRED`.execute(tx);
}

export async function insertRows(tx: Tx, table: TableInfo, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>): Promise<void> {
  const width = columns.length;
  // PostgreSQL takes at most 65 535 parameters in one statement.
  const perStatement = Math.max(1, Math.floor(60_000 / Math.max(width, 1)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const tuples = rows.slice(i, i + perStatement).map((row) => {
      if (row.length !== width) throw new Error(`a row of ${table.name} has ${row.length} values, expected ${width}`);
      return sql`(${sql.join(row.map((v) => sql`${v}`))})`;
    });
    await sql`INSERT INTO ${sql.table(table.name)} (${sql.join(columns.map((c) => sql.id(c)))})
      ${sql.raw(table.identityAlways ? 'OVERRIDING SYSTEM VALUE' : '')} VALUES ${sql.join(tuples)}`.execute(tx);
  }
}

/** Identity sequences continue after the restored ids. */
export async function resetIdentities(tx: Tx, tables: readonly TableInfo[]): Promise<void> {
  for (const t of tables) {
    const r = await sql<{ column: string }>`
      SELECT a.attname AS column FROM pg_attribute a
       WHERE a.attrelid = ${t.name}::regclass AND a.attidentity <> '' AND NOT a.attisdropped`.execute(tx);
    for (const { column } of r.rows) {
      await sql.raw(`SELECT setval(pg_get_serial_sequence('${quote(t.name)}', '${column}'), coalesce((SELECT max(${quote(column)}) FROM ${quote(t.name)}), 0) + 1, false)`).execute(tx);
    }
  }
}
