// The whole underlag of the demo committee (RUN, budget 2020) as DOCX, HTML, PDF and XLSX, through the
// same service the API and the CLI use: read the numbers, build the report model, render. The floor
// is reading the numbers and building the model alone, so the ratio shows what each renderer adds.
// Aims (issue 5): ≤ 2 s DOCX or HTML, ≤ 5 s PDF.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App } from '../src/app.ts';
import { removeDataFolder } from '../src/db/embedded.ts';
import { findOrganisationByCode } from '../src/db/repositories/organisations.ts';
import { buildUnderlagModel, DEFAULT_CHROMIUM_PATH } from '../src/reports/index.ts';
import { liveInput, templateSections, underlagReportFor, type ExportFormat } from '../src/services/underlag-output.ts';
import { resolveScope } from '../src/services/underlag-data.ts';
import { median, sampleInterleaved } from './measure.ts';
import { figure, formatMs, type Figure } from './report.ts';

export type UnderlagBenchOptions = { readonly runs: number; readonly warmup: number; readonly log: (line: string) => void };

const AIMS: Readonly<Record<ExportFormat, number>> = { docx: 2_000, html: 2_000, pdf: 5_000, xlsx: 2_000 };

export async function runUnderlagBench(o: UnderlagBenchOptions): Promise<{ figures: Figure[] }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ramplan-bench-underlag-'));
  let app: App | undefined;
  try {
    app = await buildApp({ dataDir, demo: true, logger: false });
    const ctx = app.runtime.ctx;
    const org = await findOrganisationByCode(ctx.db, 'RUN');
    if (!org) throw new Error('demo committee RUN missing');
    const formats: ExportFormat[] = existsSync(DEFAULT_CHROMIUM_PATH) ? ['docx', 'html', 'pdf', 'xlsx'] : ['docx', 'html', 'xlsx'];
    if (!formats.includes('pdf')) o.log(`  PDF skipped: no Chromium at ${DEFAULT_CHROMIUM_PATH}`);
    const sizes: Partial<Record<ExportFormat, number>> = {};
    const tasks: Record<string, () => Promise<unknown>> = {
      floor: async () => {
        const scope = await resolveScope(ctx, org, 2020);
        return buildUnderlagModel(await liveInput(ctx, org, scope, await templateSections(ctx, org, scope), 'draft'));
      },
    };
    for (const f of formats) {
      tasks[f] = async () => {
        const file = await underlagReportFor(ctx, org, 2020, undefined, f);
        sizes[f] = file.bytes.byteLength;
      };
    }
    const samples = await sampleInterleaved(tasks, { runs: o.runs, warmup: o.warmup });
    const floor = median(samples['floor'] ?? []);
    o.log(`  read numbers + build model (floor): ${formatMs(floor)}`);
    return {
      figures: formats.map((f) => {
        const ms = median(samples[f] ?? []);
        o.log(`  ${f.toUpperCase()}: ${formatMs(ms)} (${String(sizes[f] ?? 0)} bytes)`);
        return figure({
          id: `underlag-${f}`, name: `underlag for the demo (RUN 2020) as ${f.toUpperCase()}: read + model + render`,
          medianMs: ms, runs: o.runs, floorName: 'read the numbers + build the report model', floorMedianMs: floor, aimMs: AIMS[f],
        });
      }),
    };
  } finally {
    await app?.close();
    await removeDataFolder(dataDir);
  }
}
