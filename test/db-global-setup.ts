// Global setup of the `db` and `browser` suites: one PostgreSQL server for the run. With
// TEST_DATABASE_URL that server (CI runs the suite once more against Debian's PostgreSQL); without,
// an embedded server in a temporary data folder that is removed afterwards. The ProvidedContext
// types are declared in test/test-database.ts.
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { removeDataFolder, startEmbeddedPostgres } from '../src/db/embedded.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  if (external !== undefined && external !== '') {
    const version = await serverVersion(external);
    const where = new URL(external);
    console.log(`[${project.name}] Databastesterna körs mot extern PostgreSQL ${version} på ${where.hostname}:${where.port || '5432'} (TEST_DATABASE_URL).`);
    project.provide('databaseUrl', external);
    project.provide('databaseKind', 'external');
    return async () => undefined;
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ramplan-test-'));
  // mkdtemp makes it 0700; as root the server runs as `postgres`, which must be able to enter it
  // (otherwise the cluster would go to /var/lib/ramplan and outlive an interrupted run).
  await chmod(dataDir, 0o755);
  const started = performance.now();
  const server = await startEmbeddedPostgres({ dataDir });
  const maintenanceUrl = new URL(server.url);
  maintenanceUrl.pathname = '/postgres';
  const version = await serverVersion(maintenanceUrl.toString());
  console.log(`[${project.name}] Databastesterna körs mot inbyggd PostgreSQL ${version} på ${maintenanceUrl.host} ` +
    `(datamapp ${dataDir}, startad på ${Math.round(performance.now() - started)} ms).`);
  project.provide('databaseUrl', maintenanceUrl.toString());
  project.provide('databaseKind', 'embedded');
  return async () => {
    await server.stop();
    await removeDataFolder(dataDir);
  };
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? '?';
  } catch (error) {
    const where = new URL(url);
    throw new Error(`Kan inte ansluta till testdatabasservern ${where.hostname}:${where.port || '5432'}: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}
