import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** A repository function accepts either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export function createDb(url: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // int8 stays a string; repositories convert it with a safe-integer guard.
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => pg.types.getTypeParser(oid, format) },
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A client losing its server (idle in the pool, or checked out mid-query) emits 'error'; without a
  // listener that would crash the process. The query in flight rejects on its own and the API
  // answers 503; the pool replaces the client when the server is back.
  pool.on('error', () => {});
  pool.on('connect', (client) => { client.on('error', () => {}); });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

// The pool behind each Db, for what Kysely cannot express: COPY FROM STDIN (repositories/sie-import-copy.ts).
const pools = new WeakMap<Db, pg.Pool>();

/** The pg pool of a Db made by createDb; undefined for any other Kysely instance. */
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}
