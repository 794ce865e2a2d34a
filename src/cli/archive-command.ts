// `ramplan archive --org CODE (--underlag ID | --year YYYY) --out <file.zip>`: the archive of a decided
// underlag for the registry (diariet): the decided revision as PDF and XLSX, the decision and its frozen
// snapshot, the plan version's lines and history, and a manifest with every file's SHA-256 and size
// (docs/archive-format.md). Written under a temporary name and renamed, so a failure leaves no file.
import { existsSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { openRuntime, type AppConfig } from '../app.ts';
import { ServiceError } from '../services/errors.ts';
import { archiveUnderlag, decidedUnderlagOfYear } from '../services/underlag-archive.ts';
import { findOrganisationByCode } from '../db/repositories/organisations.ts';

type ArchiveOptions = { org: string; underlag?: string; year?: string; out: string };

export function addArchiveCommand(program: Command, config: (cmd: Command) => AppConfig): void {
  program.command('archive')
    .description('arkivexport av ett beslutat underlag för diariet (ZIP med PDF, XLSX, JSON och manifest med kontrollsummor)')
    .requiredOption('--org <kod>', 'nämndens kod, t.ex. RUN')
    .option('--underlag <id>', 'underlagets id')
    .option('--year <år>', 'budgetåret (det beslutade underlaget för året)')
    .requiredOption('--out <fil.zip>', 'filen som skrivs')
    .action(async (options: ArchiveOptions, cmd: Command) => {
      if ((options.underlag === undefined) === (options.year === undefined)) {
        throw new ServiceError('validation', 'Ange antingen --underlag ID eller --year ÅÅÅÅ.');
      }
      if (options.underlag !== undefined && !/^[1-9]\d{0,9}$/.test(options.underlag)) {
        throw new ServiceError('validation', `--underlag: ange underlagets id som ett heltal, inte "${options.underlag}".`);
      }
      if (options.year !== undefined && !/^\d{4}$/.test(options.year)) {
        throw new ServiceError('validation', `--year: ange budgetåret med fyra siffror, inte "${options.year}".`);
      }
      const out = resolve(options.out);
      if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new ServiceError('validation', `--out: mappen ${dirname(out)} finns inte.`);
      const runtime = await openRuntime(config(cmd));
      try {
        const ctx = runtime.ctx;
        const org = await findOrganisationByCode(ctx.db, options.org);
        if (!org) throw new ServiceError('not_found', `--org: organisationen ${options.org} finns inte.`);
        const id = options.underlag !== undefined ? Number(options.underlag) : (await decidedUnderlagOfYear(ctx, org, Number(options.year))).id;
        const archive = await archiveUnderlag(ctx, org, id, { chromiumPath: process.env['RAMPLAN_CHROMIUM'] });
        const partial = `${out}.${String(process.pid)}.tmp`;
        await writeFile(partial, archive.bytes);
        await rename(partial, out);
        const u = archive.manifest.underlag;
        console.log(`Skrev ${out} (${archive.bytes.byteLength.toLocaleString('sv-SE')} byte): underlaget ${org.code} ${String(u.budgetYear)}, `
          + `beslutad revision ${String(u.revision)}, diarienummer ${u.diarienummer}, beslutat ${u.decisionDate}; ${String(archive.manifest.files.length + 1)} filer.`);
      } finally {
        await runtime.close();
      }
    });
}
