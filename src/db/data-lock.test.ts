import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataLock, DataFolderInUseError, LOCK_FILE_NAME } from './data-lock.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ramplan-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that surely belongs to no process: one that just exited. */
function deadPid(): number {
  const child = spawnSync('sh', ['-c', 'echo $$']);
  return Number(child.stdout.toString().trim());
}

const lockFile = (): string => path.join(dir, LOCK_FILE_NAME);

describe('acquireDataLock', () => {
  it('writes pid, host and start time, and release removes the file', async () => {
    const lock = await acquireDataLock(dir);
    const content = JSON.parse(await readFile(lockFile(), 'utf8')) as Record<string, unknown>;
    expect(content).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(typeof content.startedAt).toBe('string');
    expect(lock.takenOver).toBeUndefined();
    await lock.release();
    await expect(readFile(lockFile())).rejects.toThrow();
  });

  it('refuses a second holder while the first process lives, with a Swedish message naming the pid', async () => {
    const first = await acquireDataLock(dir);
    const second = acquireDataLock(dir);
    await expect(second).rejects.toBeInstanceOf(DataFolderInUseError);
    await expect(second).rejects.toThrow(
      `Datamappen ${dir} används redan av en annan Ramplan-process (pid ${process.pid}). Stoppa den först, eller välj en annan mapp med --data.`);
    await first.release();
    const third = await acquireDataLock(dir);
    await third.release();
  });

  it('takes over a lock whose process is gone and reports the previous owner', async () => {
    const pid = deadPid();
    await writeFile(lockFile(), JSON.stringify({ pid, host: os.hostname(), startedAt: 'x', token: 'old', serverPid: 4242 }));
    const lock = await acquireDataLock(dir);
    expect(lock.takenOver).toMatchObject({ pid, serverPid: 4242 });
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it.runIf(os.platform() === 'linux')('takes over a lock whose pid now belongs to another process (start time differs)', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: 'x', processStart: '1', token: 'old' }));
    const lock = await acquireDataLock(dir);
    expect(lock.takenOver?.token).toBe('old');
    await lock.release();
  });

  it('takes over an unreadable lock file', async () => {
    await writeFile(lockFile(), 'garbage');
    const lock = await acquireDataLock(dir);
    expect(lock.takenOver).toBeUndefined();
    await lock.release();
  });

  it('treats a lock from another host as held', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: 1, host: 'annan-dator', startedAt: 'x', token: 'old' }));
    await expect(acquireDataLock(dir)).rejects.toThrow('används redan av en Ramplan-process på datorn annan-dator (pid 1)');
  });

  it('records the server pid and release leaves a lock that is no longer ours alone', async () => {
    const lock = await acquireDataLock(dir);
    await lock.recordServerPid(1234);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, serverPid: 1234 });
    await writeFile(lockFile(), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: 'x', token: 'someone-else' }));
    await lock.release();
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ token: 'someone-else' });
  });

  it('lets exactly one of many concurrent takers win', async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: deadPid(), host: os.hostname(), startedAt: 'x', token: 'old' }));
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => acquireDataLock(dir)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DataFolderInUseError);
  });
});
