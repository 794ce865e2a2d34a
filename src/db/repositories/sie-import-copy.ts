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

type CopyTable = 'plan_line' | 'actual_line' | 'actual_account' | 'sie_balance';

/** COPY … FROM STDIN into `table (columns)` in the open transaction. */
export type Copier = {
  /** Rows of values (each escaped here); returns the rows written. */
  rows(table: CopyTable, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number>;
  /** Text already in COPY's text format, in chunks of whole rows (the caller escapes); for the hot path. */
  text(table: CopyTable, columns: readonly string[], chunks: Iterable<string>): Promise<void>;
};

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v;
}

const COLUMN = /^[a-z_]+$/;

async function copyText(client: pg.PoolClient, table: string, columns: readonly string[], chunks: Iterable<string>): Promise<void> {
  if (!columns.every((c) => COLUMN.test(c))) throw new Error(`invalid COPY column list for ${table}`);
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // The next chunk is built while the server reads the last one: the two overlap on two cores.
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), finished]);
  }
  stream.end();
  await finished;
}

/** Rows as COPY text in ~256 KiB strings: one write per row would cost more than the row itself. */
function* rowText(rows: Iterable<readonly CopyValue[]>, counted: { rows: number }): Generator<string> {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += (i === 0 ? '' : '\t') + copyField(row[i] ?? null);
    text += '\n';
    counted.rows++;
    if (text.length >= 256 * 1024) {
      yield text;
      text = '';
    }
  }
  if (text !== '') yield text;
}

/**
 * Runs `work` in one transaction on a dedicated connection; `copy` writes into the same transaction.
 * Commits when `work` resolves, rolls back when it throws.
 */
export async function withCopyTransaction<T>(db: Db, work: (tx: Tx, copy: Copier) => Promise<T>): Promise<T> {
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
    const copier: Copier = {
      async rows(table, columns, rows) {
        const counted = { rows: 0 };
        await copyText(client, table, columns, rowText(rows, counted));
        return counted.rows;
      },
      text: (table, columns, chunks) => copyText(client, table, columns, chunks),
    };
    return await single.transaction().execute((tx) => work(tx, copier));
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    await single.destroy();
    // A connection whose transaction failed mid-COPY is not worth reusing.
    client.release(broken);
  }
}
