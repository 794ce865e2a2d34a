// `ramplan report underlag --org CODE --year YYYY [--version CODE] --format docx|pdf|html|xlsx --out <file>`:
// the committee's underlag for a budget year, from the stored document when there is one, else the
// default template over the live numbers (built in memory; nothing is written to the database). The
// file is written only when the whole document was rendered, and the exit code is 0 only then.
import { writeFile, rename } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { Command, Option } from 'commander';
import { openRuntime, type AppConfig } from '../app.ts';
import { ServiceError } from '../services/errors.ts';
import { EXPORT_FORMATS, underlagReportFor, type ExportFormat } from '../services/underlag-output.ts';
import { findOrganisationByCode } from '../db/repositories/organisations.ts';

type ReportOptions = { org: string; year: string; version?: string; format: string; out: string };

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new ServiceError('validation', `--year: ange budgetåret med fyra siffror, inte "${value}".`);
  return Number(value);
}

export function addReportCommand(program: Command, config: (cmd: Command) => AppConfig): void {
  const report = program.command('report').description('rapporter ur Ramplan');
  report.command('underlag')
    .description('underlaget till plan och budget som DOCX, PDF, HTML eller XLSX')
    .requiredOption('--org <kod>', 'nämndens kod, t.ex. RUN')
    .requiredOption('--year <år>', 'budgetåret, t.ex. 2020')
    .option('--version <kod>', 'budgetversionen (annars den som börjar budgetåret)')
    .addOption(new Option('--format <format>', 'filformat').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .requiredOption('--out <fil>', 'filen som skrivs')
    .action(async (options: ReportOptions, cmd: Command) => {
      const year = parseYear(options.year);
      const format = options.format as ExportFormat;
      const out = resolve(options.out);
      if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) {
        throw new ServiceError('validation', `--out: mappen ${dirname(out)} finns inte.`);
      }
      const runtime = await openRuntime(config(cmd));
      try {
        const org = await findOrganisationByCode(runtime.ctx.db, options.org);
        if (!org) throw new ServiceError('not_found', `--org: organisationen ${options.org} finns inte.`);
        // A PDF without Chromium is the catalog's pdf_unavailable; its Swedish message says how to get it.
        const file = await underlagReportFor(runtime.ctx, org, year, options.version, format, { chromiumPath: process.env['RAMPLAN_CHROMIUM'] });
        // Written beside the target and renamed, so a failure never leaves half a file under the name.
        const partial = `${out}.${String(process.pid)}.tmp`;
        await writeFile(partial, file.bytes);
        await rename(partial, out);
        const source = file.stored ? 'det sparade underlaget' : 'standardmallen (inget underlag sparat för året)';
        console.log(`Skrev ${out} (${format.toUpperCase()}, ${file.bytes.byteLength.toLocaleString('sv-SE')} byte) från ${source}.`);
        for (const p of file.problems) console.error(`Obs: ${p}`);
      } finally {
        await runtime.close();
      }
    });
}
