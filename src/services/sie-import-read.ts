// Reading a SIE file (SIE 1–4 or SIE 5) from disk for `sie inspect` and `sie import`: one streaming pass that parses,
// hashes (sha256, kept in the import history) and collects what the import needs. The file is never
// held whole; a progress callback gets the bytes read.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { encodingName, isSie5, parseSie, parseSie5Batch, parseSieBatch } from '../sie/index.ts';
import type { ChecksumState, SieProblem, SieReadSummary } from '../sie/index.ts';
import type { Day } from '../domain/period.ts';
import { createSieCollector, type SieCollected } from './sie-import-collect.ts';

export type SieInspection = {
  readonly fileName: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly format: SieReadSummary['format'];
  readonly sieType: string | null;
  readonly encoding: string | null;
  readonly encodingName: string | null;
  readonly checksum: ChecksumState;
  readonly program: string | null;
  readonly generated: Day | null;
  readonly company: { readonly name: string | null; readonly orgNumber: string | null };
  readonly fiscalYears: ReadonlyArray<{ readonly yearIndex: number; readonly start: Day; readonly end: Day }>;
  readonly counts: Readonly<Record<string, number>>;
  readonly lines: number;
  readonly problems: readonly SieProblem[];
  readonly errors: number;
  readonly warnings: number;
  readonly unknownLabels: SieReadSummary['unknownLabels'];
};

export type SieReadOptions = {
  readonly ignoreChecksum?: boolean;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** The name to show and record (an upload's original name); default the file's own. */
  readonly fileName?: string;
};

export type SieFileRead = { readonly inspection: SieInspection; readonly collected: SieCollected };

/** Parses the file once: inspection (what `sie inspect` shows) and the collected data for an import. */
export async function readSieFile(file: string, options: SieReadOptions = {}): Promise<SieFileRead> {
  const size = (await stat(file)).size;
  const hash = createHash('sha256');
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
      const b = chunk as Buffer;
      hash.update(b);
      yield b;
    }
  }
  const collector = createSieCollector(size);
  const onProgress = options.onProgress;
  // The first 64 KiB read apart decide the reader, so the SIE 1–4 stream goes to parseSieBatch as it is.
  const parse = isSie5(await readPrefix(file)) ? parseSie5Batch : parseSieBatch;
  const summary = await parse(chunks(), { rows: collector.rows, record: collector.visit }, {
    ...(options.ignoreChecksum === true ? { ignoreChecksum: true } : {}),
    ...(onProgress ? { onProgress: (n: number) => onProgress(n, size) } : {}),
  });
  const collected = collector.finish(summary.counts.VER ?? 0);
  const errors = summary.problems.filter((p) => p.level === 'error').length;
  const inspection: SieInspection = {
    fileName: options.fileName ?? path.basename(file),
    bytes: size,
    sha256: hash.digest('hex'),
    format: summary.format,
    sieType: summary.format === 'sie5' ? '5' : summary.sieType === null ? null : String(summary.sieType),
    encoding: summary.encoding,
    encodingName: summary.encoding === null ? null : encodingName(summary.encoding),
    checksum: summary.checksum,
    program: collected.program,
    generated: collected.generated,
    company: { name: collected.companyName ?? summary.sie5?.companyName ?? null, orgNumber: collected.orgNumber ?? summary.sie5?.orgNumber ?? null },
    fiscalYears: [...collected.fiscalYears].map(([yearIndex, y]) => ({ yearIndex, start: y.start, end: y.end })).sort((a, b) => b.yearIndex - a.yearIndex),
    counts: summary.counts as Record<string, number>,
    lines: summary.lines,
    problems: summary.problems,
    errors,
    warnings: summary.problems.length - errors,
    unknownLabels: summary.unknownLabels,
  };
  return { inspection, collected };
}

export async function inspectSieFile(file: string, options: SieReadOptions = {}): Promise<SieInspection> {
  return (await readSieFile(file, options)).inspection;
}

/** Whether the file can be imported: read as SIE 1–4 or SIE 5 without errors. */
export function importable(i: SieInspection): boolean {
  return i.format !== 'refused' && i.errors === 0;
}

const CHECKSUM_TEXT: Record<ChecksumState['state'], string> = {
  absent: 'saknas (#KSUMMA finns inte)',
  ok: 'stämmer',
  mismatch: 'STÄMMER INTE',
  truncated: 'filen är avkortad (ingen avslutande #KSUMMA)',
};

/** The inspection as plain Swedish text (CLI and logs). */
export function inspectionText(i: SieInspection): string[] {
  const out: string[] = [];
  out.push(`Fil: ${i.fileName} (${i.bytes.toLocaleString('sv-SE')} byte, sha256 ${i.sha256.slice(0, 16)}…)`);
  if (i.format === 'refused') {
    out.push('Format: inte en SIE-fil');
  } else if (i.format === 'sie5') {
    out.push(`Typ: SIE 5 (XML)   Teckenkodning: ${i.encodingName ?? '?'}   Kontrollsumma: ingen i SIE 5 (en XML-signatur kontrolleras inte)`);
    out.push(`Program: ${i.program ?? '–'}   Skapad: ${i.generated ?? '–'}`);
  } else {
    out.push(`Typ: SIE ${i.sieType ?? '?'}   Teckenkodning: ${i.encodingName ?? '?'}   Kontrollsumma: ${CHECKSUM_TEXT[i.checksum.state]}`);
    out.push(`Program: ${i.program ?? '–'}   Skapad: ${i.generated ?? '–'}`);
  }
  out.push(`Företag: ${i.company.name ?? '–'}   Organisationsnummer: ${i.company.orgNumber ?? '–'}`);
  for (const y of i.fiscalYears) out.push(`Räkenskapsår ${String(y.yearIndex)}: ${y.start} – ${y.end}`);
  const counts = Object.entries(i.counts).filter(([k]) => k !== 'VER_END').map(([k, n]) => `#${k} ${n.toLocaleString('sv-SE')}`);
  if (counts.length > 0) out.push(`Poster${i.format === 'sie5' ? ' (som motsvarande SIE 4-poster)' : ''}: ${counts.join(', ')}`);
  out.push(`Problem: ${String(i.errors)} fel, ${String(i.warnings)} varningar`);
  for (const p of i.problems) out.push(`  ${p.level === 'error' ? 'FEL' : 'varning'}: ${p.message}`);
  return out;
}

/**
 * The first 64 KiB only: whether the file is SIE at all (empty, binary, ZIP/XLSX and PDF are refused
 * here; SIE 5 passes on to its own reader), so a command can refuse at once, before it opens the database.
 */
export async function preflightSieFile(file: string): Promise<readonly SieProblem[]> {
  const summary = await parseSie([await readPrefix(file)], () => {}, { ignoreChecksum: true });
  return summary.format !== 'refused' ? [] : summary.problems.filter((p) => p.level === 'error');
}

/** The first 64 KiB of a file (the whole file when shorter). */
async function readPrefix(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
