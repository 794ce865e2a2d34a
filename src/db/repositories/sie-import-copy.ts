// One transaction on one connection that can also COPY FROM STDIN: Kysely has no COPY, so the
// import's transaction runs on a pg client of its own, wrapped as a single-connection Kysely for
// the ordinary repositories, and pg-copy-streams writes into the same transaction. Killing the
// process mid-COPY drops the connection and PostgreSQL rolls everything back.
import { once } from 'node:events';
import { Kysely, PostgresDialect, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { poolOf, type Db, type Tx } from '../database.ts';
import type { Database } from '../schema.ts';

export type CopyValue = string | number | null;

/** Writes rows into `table (columns)` with COPY … FROM STDIN in the open transaction; returns the rows written. */
export type CopyRows = (table: 'plan_line' | 'sie_balance', columns: readonly string[], rows: Iterable<readonly CopyValue[]>) => Promise<number>;

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
}

const COLUMN = /^[a-z_]+$/;

async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  if (!columns.every((c) => COLUMN.test(c))) throw new Error(`invalid COPY column list for ${table}`);
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // Rows are joined into ~256 KiB strings: one write per row would cost more than the row itself.
  let parts: string[] = [];
  let size = 0;
  let count = 0;
  for (const row of rows) {
    let text = '';
    for (let i = 0; i < row.length; i++) text += (i === 0 ? '' : '\t') + copyField(row[i] ?? null);
    text += '\n';
    parts.push(text);
    size += text.length;
    count++;
    if (size >= 256 * 1024) {
      const ok = stream.write(parts.join(''));
      parts = [];
      size = 0;
      if (!ok) await Promise.race([once(stream, 'drain'), finished]);
    }
  }
  if (parts.length > 0) stream.write(parts.join(''));
  stream.end();
  await finished;
  return count;
}

/**
 * Runs `work` in one transaction on a dedicated connection; `copy` writes into the same transaction.
 * Commits when `work` resolves, rolls back when it throws.
 */
export async function withCopyTransaction<T>(db: Db, work: (tx: Tx, copy: CopyRows) => Promise<T>): Promise<T> {
  const pool = poolOf(db);
  if (pool === undefined) throw new Error('withCopyTransaction needs a Db made by createDb');
  const client = await pool.connect();
  let broken = false;
  const connection = {
    query: (...args: unknown[]) => Reflect.apply(client.query, client, args) as unknown,
    release: () => {},
  } as unknown as PostgresPoolClient;
  const single = new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => connection, end: async () => {}, options: {} } }) });
  try {
    return await single.transaction().execute((tx) => work(tx, (table, columns, rows) => copyInto(client, table, columns, rows)));
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    await single.destroy();
    // A connection whose transaction failed mid-COPY is not worth reusing.
    client.release(broken);
  }
}
