// One fresh database per test file (or test) on the server that test/db-global-setup.ts chose:
// the embedded one, or TEST_DATABASE_URL. Migrations are the caller's business.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL of the test server's maintenance database; createTestDatabase() makes one of its own. */
    databaseUrl: string;
    databaseKind: 'embedded' | 'external';
  }
}

export type TestDatabase = {
  /** The URL of the new, empty database. */
  url: string;
  /** Drops the database, ending any connections still open to it. */
  drop(): Promise<void>;
};

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('databaseUrl');
  const name = `ramplan_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE ends the test's own connections; a backend of another role (say, a background worker
      // still busy with the database on a server where the test role may not signal it) can make it
      // fail for a moment, so try again briefly before giving up.
      for (let attempt = 1; ; attempt++) {
        try {
          await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
          return;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
        }
      }
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
