// The embedded server for real: each test group has its own temporary data folder, so these do not
// touch the suite's shared server. Every start costs about 0.1 s, a first start (initdb) about 1 s.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from './data-lock.ts';
import { DataFolderInUseError, EmbeddedPostgresError, dataFolderFiles, removeDataFolder, startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';

const isRoot = process.getuid?.() === 0;

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function withServer<T>(dataDir: string, work: (server: EmbeddedServer) => Promise<T>): Promise<T> {
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

function refusesConnection(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(true));
  });
}

describe('startEmbeddedPostgres on a data folder', () => {
  let root: string;
  let dataDir: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'ramplan-embedded-'));
    await chmod(root, 0o755); // as root, the postgres user must reach it; the 0700 case is below
    dataDir = path.join(root, 'data'); // a fresh folder, created by the first start
  });
  afterAll(async () => {
    await removeDataFolder(dataDir);
    await rm(root, { recursive: true, force: true });
  });

  it('creates the cluster and the ramplan database, answers SELECT 1, with fsync on, on 127.0.0.1 only', async () => {
    await withServer(dataDir, async (server) => {
      const url = new URL(server.url);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.pathname).toBe('/ramplan');
      const [row] = await query<{ one: number; fsync: string; listen: string; sockets: string; addr: string; db: string; enc: string }>(server.url,
        `SELECT 1 AS one, current_setting('fsync') AS fsync, current_setting('listen_addresses') AS listen,
                current_setting('unix_socket_directories') AS sockets, host(inet_server_addr()) AS addr,
                current_database() AS db, pg_encoding_to_char(encoding) AS enc
         FROM pg_database WHERE datname = current_database()`);
      expect(row).toEqual({ one: 1, fsync: 'on', listen: '127.0.0.1', sockets: '', addr: '127.0.0.1', db: 'ramplan', enc: 'UTF8' });
      // Not reachable from other addresses of this machine.
      const port = Number(url.port);
      const others = Object.values(os.networkInterfaces()).flat()
        .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4').map((a) => a?.address ?? '');
      for (const address of ['::1', ...others]) expect(await refusesConnection(address, port)).toBe(true);
    });
    const password = await stat(path.join(dataDir, dataFolderFiles.password));
    expect(password.mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('keeps data across a stop and a start', async () => {
    await withServer(dataDir, (server) =>
      query(server.url, `CREATE TABLE kept (id int PRIMARY KEY, name text); INSERT INTO kept VALUES (1, 'Åsa')`));
    await withServer(dataDir, async (server) => {
      expect(await query(server.url, 'SELECT id, name FROM kept')).toEqual([{ id: 1, name: 'Åsa' }]);
    });
  });

  it('reports a server that cannot start in Swedish, with the tail of the PostgreSQL log', async () => {
    const conf = path.join(dataDir, dataFolderFiles.localCluster, 'pgdata', 'postgresql.conf');
    const original = await readFile(conf, 'utf8');
    await writeFile(conf, original + 'ramplan_no_such_setting = 1\n');
    try {
      const error: unknown = await startEmbeddedPostgres({ dataDir }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(EmbeddedPostgresError);
      expect(error).toMatchObject({ code: 'start-failed' });
      const message = (error as Error).message;
      expect(message).toMatch(/^PostgreSQL kunde inte starta \(avslutades med kod \d+\)\.\nSista raderna i PostgreSQL-loggen \(/);
      expect(message).toContain('ramplan_no_such_setting');
      expect(existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);
    } finally {
      await writeFile(conf, original);
    }
  });

  it('refuses a second start on the same folder at once, with the Swedish lock message', async () => {
    await withServer(dataDir, async () => {
      const second = startEmbeddedPostgres({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DataFolderInUseError);
      await expect(second).rejects.toThrow(
        `Datamappen ${dataDir} används redan av en annan Ramplan-process (pid ${process.pid}). Stoppa den först, eller välj en annan mapp med --data.`);
    });
  });

  it('takes over a stale lock left by a process that is gone', async () => {
    const dead = Number(spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim());
    await writeFile(path.join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: dead, host: os.hostname(), startedAt: 'x', token: 'old' }));
    await withServer(dataDir, async (server) => {
      expect(await query(server.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
    });
  });

  it('stops the server that a killed Ramplan process left running, then starts its own', async () => {
    const script = `import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve('src/db/embedded.ts'))};
      await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} }); console.log('ready');`;
    const holder = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => { if (chunk.toString().includes('ready')) resolve(); });
      holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    const orphan = (JSON.parse(await readFile(path.join(dataDir, LOCK_FILE_NAME), 'utf8')) as { serverPid: number }).serverPid;
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(() => process.kill(orphan, 0)).not.toThrow(); // PostgreSQL outlived its parent
    const lines: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line) });
    try {
      expect(lines.some((line) => line.includes(`Stoppar PostgreSQL-servern (pid ${orphan})`))).toBe(true);
      expect(await query(server.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
    } finally {
      await server.stop();
    }
  });
});

describe('as root, with the data folder under a directory the postgres user cannot enter', () => {
  it('keeps the cluster in /var/lib/ramplan/clusters, points to it, and keeps data across restarts', async ({ skip }) => {
    if (!isRoot) skip('needs root: the server then runs as the postgres user, which is what this case is about');
    const locked = await mkdtemp(path.join(os.tmpdir(), 'ramplan-700-')); // mode 0700, like /root
    expect((await stat(locked)).mode & 0o777).toBe(0o700);
    const dataDir = path.join(locked, 'data');
    try {
      await withServer(dataDir, (server) => query(server.url, 'CREATE TABLE t (x int); INSERT INTO t VALUES (7)'));
      const base = (await readFile(path.join(dataDir, dataFolderFiles.clusterPointer), 'utf8')).trim();
      expect(base).toMatch(/^\/var\/lib\/ramplan\/clusters\/[0-9a-f]{64}$/);
      expect(existsSync(path.join(base, 'pgdata', 'PG_VERSION'))).toBe(true);
      await withServer(dataDir, async (server) => {
        expect(await query(server.url, 'SELECT x FROM t')).toEqual([{ x: 7 }]);
      });
      await removeDataFolder(dataDir);
      expect(existsSync(base)).toBe(false);
    } finally {
      await rm(locked, { recursive: true, force: true });
    }
  });
});
