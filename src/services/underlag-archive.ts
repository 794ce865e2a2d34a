// The archive export of a decided underlag, for the registry (diariet; issue 5/6, "Backup and archive"):
// one ZIP with the decided revision as PDF (tagged) and XLSX, the decision with its frozen snapshot as
// JSON, the plan version's lines and workflow history as JSON, and a manifest listing every file with
// its SHA-256 and size. Everything is read in one read-only snapshot of the database, and the report
// is built from the snapshot the decision froze, so the archive says exactly what was decided.
// The format is described in docs/archive-format.md.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { zipSync, type Zippable } from 'fflate';
import type { ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { CONTENT_TYPES, exportFilename, renderReport, type OutputOptions } from './underlag-output.ts';
import { inSnapshot } from '../db/repositories/backup.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import { listPlanLines } from '../db/repositories/plan-lines.ts';
import { findRevision, findUnderlag, listDecidedRevisions, listUnderlag, listUnderlagTransitions, type UnderlagRow } from '../db/repositories/underlag.ts';
import { findVersion, listTransitions } from '../db/repositories/versions.ts';
import { statusLabel } from '../domain/workflow.ts';
import { buildUnderlagModel, type UnderlagInput } from '../reports/index.ts';

export const ARCHIVE_FORMAT = 'ramplan-arkiv';
export const ARCHIVE_FORMAT_VERSION = 1;

export type ArchiveManifestFile = {
  readonly name: string; readonly bytes: number; readonly sha256: string; readonly contentType: string; readonly description: string;
};

export type ArchiveManifest = {
  readonly format: typeof ARCHIVE_FORMAT;
  readonly formatVersion: number;
  readonly ramplanVersion: string;
  /** UTC, ISO 8601. */
  readonly createdAt: string;
  readonly organisation: { readonly code: string; readonly name: string };
  readonly underlag: {
    readonly id: number; readonly budgetYear: number; readonly version: string; readonly edition: number; readonly revision: number;
    readonly diarienummer: string; readonly decisionDate: string;
  };
  /** Every other file of the archive, in the order they were written. */
  readonly files: readonly ArchiveManifestFile[];
};

export type ArchiveFile = { readonly bytes: Uint8Array; readonly filename: string; readonly manifest: ArchiveManifest };

let cachedVersion: string | undefined;

/** Ramplan's version, from its package.json. */
export function ramplanVersion(): string {
  if (cachedVersion === undefined) {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
    cachedVersion = typeof version === 'string' ? version : 'okänd';
  }
  return cachedVersion;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown): Uint8Array => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/** What the archive needs from the database, read at one instant. */
async function readDecided(ctx: ServiceContext, org: OrganisationRow, id: number) {
  return inSnapshot(ctx.db, async (tx) => {
    const doc = await findUnderlag(tx, org.id, id);
    if (!doc) throw new ServiceError('not_found', `Underlaget ${String(id)} finns inte för ${org.name}.`);
    const decided = (await listDecidedRevisions(tx, doc.id))[0];
    if (!decided || decided.diarienummer === null || decided.decisionDate === null || decided.decidedAt === null) {
      throw new ServiceError('conflict',
        `Underlaget för ${String(doc.budgetYear)} är inte beslutat (${statusLabel(doc.status).toLowerCase()}). Bara ett beslutat underlag kan arkiveras, med sitt diarienummer och beslutsdatum.`);
    }
    const revision = await findRevision(tx, doc.id, decided.revision);
    if (!revision || revision.snapshot === null || revision.snapshot === undefined) {
      throw new Error(`decided revision ${String(decided.revision)} of underlag ${String(doc.id)} has no snapshot`);
    }
    const version = await findVersion(tx, org.id, doc.versionCode);
    if (!version) throw new ServiceError('not_found', `Versionen ${doc.versionCode} finns inte för ${org.name}.`);
    const years: number[] = [];
    for (let y = version.firstYear; y <= version.lastYear; y++) years.push(y);
    const [lines, versionSteps, underlagSteps] = await Promise.all([
      Promise.all(years.map((y) => listPlanLines(tx, version.id, y))).then((perYear) => perYear.flat()),
      listTransitions(tx, version.id),
      listUnderlagTransitions(tx, doc.id),
    ]);
    return { doc, decided, revision, snapshot: revision.snapshot as UnderlagInput, version, lines, versionSteps, underlagSteps };
  });
}

/**
 * The archive of an underlag's newest decided revision. An underlag that was never decided is a
 * conflict (409) that says so; without Chromium the PDF cannot be made (pdf_unavailable, 503).
 */
export async function archiveUnderlag(ctx: ServiceContext, org: OrganisationRow, id: number, options: OutputOptions = {}): Promise<ArchiveFile> {
  const createdAt = ctx.now();
  const d = await readDecided(ctx, org, id);
  const report = buildUnderlagModel(d.snapshot);
  const [pdf, xlsx] = await Promise.all([renderReport(report, 'pdf', options), renderReport(report, 'xlsx', options)]);
  const name = (format: 'pdf' | 'xlsx') => exportFilename(org.code, d.doc.budgetYear, d.decided.revision, true, format);
  const decision = {
    revision: d.decided.revision, edition: d.decided.edition, diarienummer: d.decided.diarienummer ?? '', decisionDate: d.decided.decisionDate ?? '',
    decidedBy: d.decided.decidedBy, decidedAt: d.decided.decidedAt?.toISOString() ?? null,
    savedBy: d.decided.author, savedAt: d.decided.savedAt.toISOString(), note: d.decided.note,
  };
  const files: Array<{ name: string; bytes: Uint8Array; contentType: string; description: string }> = [
    { name: name('pdf'), bytes: pdf, contentType: CONTENT_TYPES.pdf, description: 'Det beslutade underlaget som PDF (taggad, tillgänglig)' },
    { name: name('xlsx'), bytes: xlsx, contentType: CONTENT_TYPES.xlsx, description: 'Underlagets tabeller som kalkylblad, belopp som tal' },
    {
      name: 'beslut.json', contentType: 'application/json',
      description: 'Beslutet (diarienummer, beslutsdatum, vem och när), underlagets beslutsflöde och den frysta ögonblicksbilden: texten och siffrorna som beslutades',
      bytes: json({
        underlag: {
          id: d.doc.id, organisation: { code: org.code, name: org.name }, budgetYear: d.doc.budgetYear, actualYear: d.doc.actualYear,
          version: d.doc.versionCode, currentStatus: d.doc.status, currentEdition: d.doc.edition,
        },
        decision,
        history: d.underlagSteps.map((s) => ({ ...s, at: s.at.toISOString() })),
        snapshot: d.snapshot,
      }),
    },
    {
      name: 'planversion.json', contentType: 'application/json',
      description: `Planversionens budgetrader (belopp i öre) och beslutsflöde, lästa ${createdAt.toISOString()}`,
      bytes: json({
        version: {
          code: d.version.code, name: d.version.name, kind: d.version.kind, status: d.version.status, firstYear: d.version.firstYear, lastYear: d.version.lastYear,
          adoptedAt: d.version.adoptedAt?.toISOString() ?? null, adoptedBy: d.version.adoptedBy, diarienummer: d.version.diarienummer, decisionDate: d.version.decisionDate,
        },
        readAt: createdAt.toISOString(),
        history: d.versionSteps.map((s) => ({ ...s, at: s.at.toISOString() })),
        lines: d.lines.map((l) => ({
          id: l.id, year: l.year, period: l.period, unit: l.unitCode, unitName: l.unitName, account: l.accountCode, accountName: l.accountName,
          category: l.category, categoryName: l.categoryName, kind: l.kind, amountOre: l.amountOre, projectCode: l.projectCode, funderCode: l.funderCode,
          revision: l.revision, updatedBy: l.updatedBy,
        })),
      }),
    },
  ];
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT, formatVersion: ARCHIVE_FORMAT_VERSION, ramplanVersion: ramplanVersion(), createdAt: createdAt.toISOString(),
    organisation: { code: org.code, name: org.name },
    underlag: {
      id: d.doc.id, budgetYear: d.doc.budgetYear, version: d.doc.versionCode, edition: d.decided.edition, revision: d.decided.revision,
      diarienummer: decision.diarienummer, decisionDate: decision.decisionDate,
    },
    files: files.map((f) => ({ name: f.name, bytes: f.bytes.byteLength, sha256: sha256(f.bytes), contentType: f.contentType, description: f.description })),
  };
  // The ZIP's times are the archive's creation time (UTC as local, the ZIP format has no zone).
  const mtime = createdAt;
  const entries: Zippable = { 'manifest.json': [json(manifest), { mtime }] };
  // PDF and XLSX are compressed already; stored as they are.
  for (const f of files) entries[f.name] = [f.bytes, { mtime, level: f.contentType === 'application/json' ? 6 : 0 }];
  const zip = zipSync(entries);
  return { bytes: zip, filename: `${exportFilename(org.code, d.doc.budgetYear, d.decided.revision, true, 'pdf').replace(/\.pdf$/, '')}-arkiv.zip`, manifest };
}

/** The underlag of a budget year to archive: the one with a decided revision (the newest such), for `--year`. */
export async function decidedUnderlagOfYear(ctx: ServiceContext, org: OrganisationRow, budgetYear: number): Promise<UnderlagRow> {
  const ofYear = (await listUnderlag(ctx.db, org.id)).filter((u) => u.budgetYear === budgetYear);
  if (ofYear.length === 0) throw new ServiceError('not_found', `Det finns inget underlag för ${org.name} ${String(budgetYear)}.`);
  const decided: UnderlagRow[] = [];
  for (const u of ofYear) if ((await listDecidedRevisions(ctx.db, u.id)).length > 0) decided.push(u);
  const chosen = decided.sort((a, b) => b.id - a.id)[0];
  if (!chosen) {
    throw new ServiceError('conflict', `Underlaget för ${org.name} ${String(budgetYear)} är inte beslutat. Bara ett beslutat underlag kan arkiveras.`);
  }
  return chosen;
}
