// The web's SIE import: an upload is streamed to a temporary file (never held in memory, refused past
// a size limit), inspected, and on confirmation imported as a job whose progress the page polls.
// Jobs live in this process's memory: one Ramplan server runs an import to its end; a restart loses
// the job's status, never data (the import is one transaction).
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ServiceContext } from './context.ts';
import { ServiceError, notFound } from './errors.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import { listSieImports, type SieImportRow } from '../db/repositories/sie-import.ts';
import { importSieFile, type SieImportResult } from './sie-import.ts';
import { inspectSieFile, type SieInspection } from './sie-import-read.ts';

/** RAMPLAN_SIE_UPLOAD_LIMIT (bytes); large by default, since a region's ledger is several GB. */
export function uploadLimit(): number {
  const n = Number(process.env['RAMPLAN_SIE_UPLOAD_LIMIT']);
  return Number.isSafeInteger(n) && n > 0 ? n : 8 * 1024 ** 3;
}

type Upload = { id: string; orgId: number; file: string; dir: string; fileName: string; inspection: SieInspection; at: number };
export type SieJob = {
  readonly id: string;
  readonly orgId: number;
  state: 'reading' | 'writing' | 'imported' | 'refused' | 'failed';
  bytesRead: number;
  readonly bytesTotal: number;
  result: SieImportResult | null;
  inspection: SieInspection;
  error: string | null;
};

const uploads = new Map<string, Upload>();
const jobs = new Map<string, SieJob>();

async function forget(upload: Upload): Promise<void> {
  uploads.delete(upload.id);
  await rm(upload.dir, { recursive: true, force: true });
}

/** Streams the request body to a temporary file and inspects it. */
export async function receiveUpload(org: OrganisationRow, body: Readable, fileName: string): Promise<{ uploadId: string; inspection: SieInspection }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ramplan-sie-upload-'));
  const file = path.join(dir, 'upload.se');
  const limit = uploadLimit();
  let bytes = 0;
  let tooLarge = false;
  try {
    await pipeline(body, async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        bytes += chunk.length;
        if (bytes > limit) { tooLarge = true; throw new Error('too large'); }
        yield chunk;
      }
    }, createWriteStream(file));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (tooLarge) throw new ServiceError('validation', `Filen är större än gränsen för uppladdning (${(limit / 1024 ** 2).toFixed(0)} MB).`, { field: 'file' });
    throw error;
  }
  const safeName = path.basename(fileName).slice(0, 200) || 'fil.se';
  const inspection = await inspectSieFile(file, { fileName: safeName });
  const upload: Upload = { id: randomUUID(), orgId: org.id, file, dir, fileName: safeName, inspection, at: Date.now() };
  uploads.set(upload.id, upload);
  // An upload nobody confirms is removed after an hour.
  setTimeout(() => { if (uploads.get(upload.id) === upload) void forget(upload); }, 3_600_000).unref();
  return { uploadId: upload.id, inspection };
}

/** Starts the import of an uploaded file; the job runs on and is followed with findJob. */
export function startImport(ctx: ServiceContext, org: OrganisationRow, actor: string, uploadId: string, ignoreChecksum: boolean): SieJob {
  const upload = uploads.get(uploadId);
  if (!upload || upload.orgId !== org.id) throw notFound('Uppladdningen finns inte (eller har redan lästs in). Ladda upp filen igen.');
  uploads.delete(uploadId);
  const job: SieJob = {
    id: randomUUID(), orgId: org.id, state: 'reading', bytesRead: 0, bytesTotal: upload.inspection.bytes, result: null,
    inspection: upload.inspection, error: null,
  };
  jobs.set(job.id, job);
  void importSieFile(ctx, {
    file: upload.file, fileName: upload.fileName, org, actor, ignoreChecksum,
    onProgress: (read) => { job.bytesRead = read; },
    onWriting: () => { job.state = 'writing'; job.bytesRead = job.bytesTotal; },
  }).then((outcome) => {
    job.inspection = outcome.inspection;
    if (outcome.status === 'imported') { job.state = 'imported'; job.result = outcome.result; } else job.state = 'refused';
  }, (error: unknown) => {
    job.state = 'failed';
    job.error = error instanceof ServiceError ? error.message : 'Importen misslyckades av ett oväntat fel; inget har ändrats.';
  }).finally(() => {
    void rm(upload.dir, { recursive: true, force: true });
    setTimeout(() => jobs.delete(job.id), 3_600_000).unref();
  });
  return job;
}

export function findJob(org: OrganisationRow, jobId: string): SieJob {
  const job = jobs.get(jobId);
  if (!job || job.orgId !== org.id) throw notFound('Importen finns inte.');
  return job;
}

/** The organisation's import history, newest first. */
export async function importHistory(ctx: ServiceContext, org: OrganisationRow): Promise<SieImportRow[]> {
  return listSieImports(ctx.db, org.id);
}
