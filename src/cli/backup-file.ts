// Writes a backup next to its target and renames it into place only when complete, so a failed
// or interrupted backup never leaves a half-written file under the name the user asked for.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { ServiceContext } from '../services/context.ts';
import { writeBackup, type BackupReport } from '../services/backup.ts';

export async function backupToFile(ctx: ServiceContext, target: string): Promise<BackupReport> {
  const partial = `${target}.partial-${process.pid}`;
  try {
    const report = await writeBackup(ctx, createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, target);
    return report;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
