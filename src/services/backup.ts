// `ramplan backup` / `ramplan restore`. The format (docs/backup-format.md): gzip-compressed JSON
// lines — a manifest, then per table a header, its rows as arrays of text values and a trailer with
// the row count and a SHA-256 of the row lines, then an end line. Read from one snapshot, so the
// backup is consistent; restored in one transaction into an empty database, checksums verified
// before anything is committed.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { countOrganisations } from '../db/repositories/organisations.ts';
import {
  appliedMigrations, inSnapshot, insertRows, listTablesInDependencyOrder, readTableRows, resetIdentities, setUserTriggers, type TableInfo,
} from '../db/repositories/backup.ts';

export const BACKUP_FORMAT = 'ramplan-backup';
export const BACKUP_VERSION = 1;

export type BackupManifest = {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly migrations: readonly string[];
  readonly tables: readonly string[];
};
export type TableDigest = { readonly name: string; readonly rows: number; readonly sha256: string };
export type BackupReport = { readonly manifest: BackupManifest; readonly tables: readonly TableDigest[] };

type Row = Array<string | null>;

/** Writes a consistent backup of the whole database to `out` (gzip). */
export async function writeBackup(ctx: ServiceContext, out: Writable): Promise<BackupReport> {
  const gzip = createGzip();
  const done = pipeline(gzip, out);
  const write = (value: unknown): Promise<void> => new Promise((resolve, reject) => {
    const ok = gzip.write(`${JSON.stringify(value)}\n`, (error) => (error ? reject(error) : undefined));
    if (ok) resolve(); else gzip.once('drain', resolve);
  });
  const report = await inSnapshot(ctx.db, async (tx) => {
    const tables = await listTablesInDependencyOrder(tx);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: ctx.now().toISOString(),
      migrations: await appliedMigrations(tx), tables: tables.map((t) => t.name),
    };
    await write({ manifest });
    const digests: TableDigest[] = [];
    for (const table of tables) {
      await write({ table: table.name, columns: table.columns });
      const hash = createHash('sha256');
      let rows = 0;
      for await (const batch of readTableRows(tx, table)) {
        for (const row of batch) {
          const line = JSON.stringify(row);
          hash.update(line).update('\n');
          await write(row);
          rows++;
        }
      }
      const digest = { name: table.name, rows, sha256: hash.digest('hex') };
      digests.push(digest);
      await write({ tableEnd: table.name, rows, sha256: digest.sha256 });
    }
    await write({ end: true, tables: digests.length });
    return { manifest, tables: digests };
  });
  gzip.end();
  await done;
  return report;
}

function badFile(message: string): ServiceError {
  return new ServiceError('validation', `Säkerhetskopian kan inte läsas in: ${message}`, { field: 'file' });
}

/**
 * Restores a backup into this (empty) database in one transaction. Every table's row count and
 * checksum is verified before the commit; any problem rolls everything back.
 */
export async function restoreBackup(ctx: ServiceContext, input: Readable, knownMigrations: readonly string[]): Promise<BackupReport> {
  const existing = await countOrganisations(ctx.db);
  if (existing > 0) {
    throw new ServiceError('database_not_empty', `Databasen innehåller redan data (${existing} organisationer). Återställ till en tom databas (en ny datamapp eller databas).`);
  }
  const gunzip = createGunzip();
  const text = new PassThrough();
  const piping = pipeline(input, gunzip, text).catch((error: unknown) => { text.destroy(error instanceof Error ? error : new Error(String(error))); });
  const lines = createInterface({ input: text, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNo = 0;
  const next = async (): Promise<unknown> => {
    const r = await lines.next().catch((e: unknown) => { throw badFile(`filen är inte en gzip-komprimerad Ramplan-säkerhetskopia (${e instanceof Error ? e.message : String(e)}).`); });
    if (r.done) throw badFile(`filen tar slut efter rad ${lineNo}; den är avkortad.`);
    lineNo++;
    try {
      return JSON.parse(r.value) as unknown;
    } catch {
      throw badFile(`rad ${lineNo} är inte JSON.`);
    }
  };

  const first = await next() as { manifest?: BackupManifest };
  const manifest = first.manifest;
  if (!manifest || manifest.format !== BACKUP_FORMAT) throw badFile('första raden är ingen manifestrad för en Ramplan-säkerhetskopia.');
  if (manifest.version !== BACKUP_VERSION) throw badFile(`formatversion ${String(manifest.version)} stöds inte (den här versionen läser ${BACKUP_VERSION}).`);
  const unknown = manifest.migrations.filter((m) => !knownMigrations.includes(m));
  if (unknown.length > 0) throw badFile(`den kommer från en nyare Ramplan (okända migreringar: ${unknown.join(', ')}). Uppgradera först.`);

  const report = await ctx.db.transaction().execute(async (tx) => {
    const tables = await listTablesInDependencyOrder(tx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    await setUserTriggers(tx, tables, false);
    const digests: TableDigest[] = [];
    for (;;) {
      const header = await next() as { table?: string; columns?: string[]; end?: boolean; tables?: number };
      if (header.end === true) {
        if (header.tables !== digests.length) throw badFile(`slutraden anger ${String(header.tables)} tabeller men filen har ${digests.length}.`);
        break;
      }
      const table = header.table === undefined ? undefined : byName.get(header.table);
      if (!table || !Array.isArray(header.columns)) throw badFile(`rad ${lineNo}: okänd tabell ${String(header.table)}.`);
      const missing = header.columns.filter((c) => !table.columns.includes(c));
      if (missing.length > 0) throw badFile(`tabellen ${table.name} har okända kolumner: ${missing.join(', ')}.`);
      digests.push(await restoreTable(tx, table, header.columns, next, () => lineNo));
    }
    await setUserTriggers(tx, tables, true);
    await resetIdentities(tx, tables);
    return { manifest, tables: digests };
  });
  await piping;
  return report;
}

async function restoreTable(
  tx: Parameters<typeof insertRows>[0], table: TableInfo, columns: readonly string[], next: () => Promise<unknown>, lineNo: () => number,
): Promise<TableDigest> {
  const hash = createHash('sha256');
  let rows = 0;
  let batch: Row[] = [];
  for (;;) {
    const value = await next();
    if (Array.isArray(value)) {
      if (!value.every((v) => v === null || typeof v === 'string')) throw badFile(`rad ${lineNo()}: ett värde är varken text eller null.`);
      hash.update(JSON.stringify(value)).update('\n');
      batch.push(value as Row);
      rows++;
      if (batch.length >= 2_000) { await insertRows(tx, table, columns, batch); batch = []; }
      continue;
    }
    const end = value as { tableEnd?: string; rows?: number; sha256?: string };
    if (end.tableEnd !== table.name) throw badFile(`rad ${lineNo()}: tabellen ${table.name} avslutas inte.`);
    await insertRows(tx, table, columns, batch);
    const sha256 = hash.digest('hex');
    if (end.rows !== rows || end.sha256 !== sha256) {
      throw badFile(`tabellen ${table.name} stämmer inte med sin kontrollsumma (${rows} rader lästa, ${String(end.rows)} angivna). Filen är skadad.`);
    }
    return { name: table.name, rows, sha256 };
  }
}
