// The lock that keeps two Ramplan processes out of one data folder. A file `ramplan.lock`, created
// atomically (written under a private name, then hard-linked into place, so nobody ever reads a
// half-written lock), holds the owner's pid, host and start time. A lock whose process is gone is
// stale and is taken over; the previous owner is reported so the caller can clean up after it
// (an orphaned PostgreSQL server, for one).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'ramplan.lock';

export type LockOwner = {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  /** Start time of the process in clock ticks since boot (Linux), to tell a reused pid apart. */
  readonly processStart?: string;
  /** The PostgreSQL server that the owner started, once it runs. */
  readonly serverPid?: number;
  readonly token: string;
};

export type DataLock = {
  readonly path: string;
  /** The stale lock that was taken over, if any. */
  readonly takenOver: LockOwner | undefined;
  recordServerPid(pid: number): Promise<void>;
  /** Removes the lock if it is still ours. Safe to call more than once. */
  release(): Promise<void>;
};

export class DataFolderInUseError extends Error {
  readonly code = 'data-folder-in-use';
  readonly owner: LockOwner;

  constructor(dataDir: string, owner: LockOwner) {
    const where = owner.host === os.hostname()
      ? `en annan Ramplan-process (pid ${owner.pid})`
      : `en Ramplan-process på datorn ${owner.host} (pid ${owner.pid})`;
    super(`Datamappen ${dataDir} används redan av ${where}. Stoppa den först, eller välj en annan mapp med --data.`);
    this.name = 'DataFolderInUseError';
    this.owner = owner;
  }
}

export async function acquireDataLock(dataDir: string): Promise<DataLock> {
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    ...optional('processStart', readProcessStart(process.pid)),
    token: randomBytes(8).toString('hex'),
  };
  let takenOver: LockOwner | undefined;
  for (let attempt = 0; ; attempt++) {
    if (attempt >= 5) throw new Error(`Kunde inte ta låsfilen ${lockPath}; ta bort den för hand om ingen Ramplan-process använder mappen.`);
    if (await createExclusive(lockPath, me)) break;
    const current = await readLock(lockPath);
    if (current === 'missing') continue;
    if (current !== 'unreadable' && isAlive(current)) throw new DataFolderInUseError(dataDir, current);
    const removed = await removeIfUnchanged(lockPath, current);
    if (removed !== undefined && removed !== 'unreadable') takenOver = removed;
  }

  let owner = me;
  let released = false;
  return {
    path: lockPath,
    takenOver,
    async recordServerPid(pid) {
      owner = { ...owner, serverPid: pid };
      const temporary = `${lockPath}.${me.token}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(owner) + '\n', { mode: 0o644 });
      await fs.rename(temporary, lockPath);
    },
    async release() {
      if (released) return;
      released = true;
      const current = await readLock(lockPath);
      if (typeof current === 'object' && current.token === me.token) await fs.rm(lockPath, { force: true });
    },
  };
}

/** Whether the process behind a lock still runs. A lock from another host cannot be checked: alive. */
export function isAlive(owner: Pick<LockOwner, 'pid' | 'host' | 'processStart'>): boolean {
  if (owner.host !== os.hostname()) return true;
  if (!isPidAlive(owner.pid)) return false;
  if (owner.processStart === undefined) return true;
  const now = readProcessStart(owner.pid);
  return now === undefined || now === owner.processStart;
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function createExclusive(lockPath: string, owner: LockOwner): Promise<boolean> {
  const temporary = `${lockPath}.${owner.token}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(owner) + '\n', { mode: 0o644 });
  try {
    await fs.link(temporary, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/**
 * Moves the stale lock aside under a private name, so that of two processes taking it over at the
 * same moment only one succeeds; if what was moved turns out to be a fresh lock (someone else won
 * the race), it is put back.
 */
async function removeIfUnchanged(lockPath: string, stale: LockOwner | 'unreadable'): Promise<LockOwner | 'unreadable' | undefined> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fs.rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const moved = await readLock(aside);
  const same = stale === 'unreadable' ? moved === 'unreadable' : typeof moved === 'object' && moved.token === stale.token;
  if (!same) {
    await fs.link(aside, lockPath).catch(() => undefined);
    await fs.rm(aside, { force: true });
    return undefined;
  }
  await fs.rm(aside, { force: true });
  return stale;
}

async function readLock(lockPath: string): Promise<LockOwner | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await fs.readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  return parseLock(text) ?? 'unreadable';
}

function parseLock(text: string): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string' || typeof v.token !== 'string') return undefined;
    return {
      pid: v.pid,
      host: v.host,
      token: v.token,
      startedAt: typeof v.startedAt === 'string' ? v.startedAt : '',
      ...optional('processStart', typeof v.processStart === 'string' ? v.processStart : undefined),
      ...optional('serverPid', typeof v.serverPid === 'number' ? v.serverPid : undefined),
    };
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat; undefined where there is no /proc. */
function readProcessStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses; the fields after it do not.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
