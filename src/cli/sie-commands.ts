// `ramplan sie inspect|import|export`. Import shows a progress bar on a terminal (bytes read of the
// file's size) and a plain summary otherwise; its exit code is 0 only when the file was imported.
// RAMPLAN_REPORT_MAXRSS=1 prints the process's peak memory at the end (for the benchmark).
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { Option, type Command } from 'commander';
import { openRuntime, type AppConfig } from '../app.ts';
import { ServiceError } from '../services/errors.ts';
import { readSieForImport, writeSieImport, type SieImportResult } from '../services/sie-import.ts';
import { inspectSieFile, inspectionText, importable, preflightSieFile, type SieInspection } from '../services/sie-import-read.ts';
import { exportSie, parseSieType } from '../services/sie-export.ts';
import type { Day } from '../domain/period.ts';

function actor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function progressBar(stream: NodeJS.WriteStream): { update: (read: number, total: number) => void; done: (text: string) => void } {
  let last = -1;
  let closed = false;
  return {
    update(read, total) {
      const share = total > 0 ? Math.min(1, read / total) : 1;
      const percent = Math.floor(share * 100);
      if (percent === last) return;
      last = percent;
      const width = 30;
      const filled = Math.round(share * width);
      const mb = (n: number): string => (n / 1_048_576).toFixed(1);
      stream.write(`\rLäser [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)} %  ${mb(read)} / ${mb(total)} MB`);
    },
    done(text) {
      if (closed && text === '') return; // the bar is gone already
      closed = true;
      stream.write(`\r${' '.repeat(70)}\r${text}\n`);
    },
  };
}

function printProblems(i: SieInspection, out: (line: string) => void): void {
  for (const p of i.problems) out(`  ${p.level === 'error' ? 'FEL' : 'varning'}: ${p.message}`);
}

function resultText(r: SieImportResult): string[] {
  const lines = [
    `Inläst i ${r.org.code} (${r.org.name}), räkenskapsår ${r.fiscalYear.start} – ${r.fiscalYear.end}, import nr ${String(r.importId)}.`,
  ];
  if (r.createdOrganisation) lines.push(`Organisationen ${r.org.code} fanns inte och har skapats från filens #FNAMN/#ORGNR (med standardkategorier och kontointervall).`);
  if (r.orgNumberSet) lines.push(`Filens organisationsnummer har sparats på ${r.org.code}.`);
  const source = r.actualsFrom === 'vouchers' ? 'verifikationerna' : r.actualsFrom === 'psaldo' ? '#PSALDO' : 'ingenting (filen har inget utfall)';
  lines.push(`Utfall från ${source}: ${r.actualLines.toLocaleString('sv-SE')} rader i versionen ${r.actualVersion ?? '–'}.`);
  if (r.budgetVersion !== null) lines.push(`Budget (#PBUDGET): ${r.budgetLines.toLocaleString('sv-SE')} rader i versionen ${r.budgetVersion}.`);
  lines.push(`För avstämning sparat: ${r.balances.toLocaleString('sv-SE')} saldon. Nya konton: ${String(r.newAccounts)}. Projekt: ${String(r.projects)}.`);
  if (r.createdUnits.length > 0) lines.push(`Nya enheter (kostnadsställen): ${r.createdUnits.map((u) => `${u.code} ${u.name}`).join(', ')}.`);
  if (r.unmappedAccounts.length > 0) {
    lines.push(`Konton utan kategori (${String(r.unmappedAccounts.length)}), utfallet ligger kvar per konto under "Ej mappade": ${r.unmappedAccounts.map((a) => `${a.code} ${a.name}`).join(', ')}.`);
  }
  if (r.replaced.length > 0) lines.push(`Ersätter tidigare import nr ${r.replaced.join(', ')} av samma företag och räkenskapsår (den finns kvar i historiken).`);
  for (const c of r.checks) lines.push(`Avstämning ${c.name}: ${String(c.compared)} jämförda, ${String(c.mismatches)} avvikelser.`);
  for (const n of r.notes) lines.push(`Obs: ${n}`);
  for (const w of r.warnings) lines.push(`  varning: ${w}`);
  return lines;
}

export function addSieCommands(program: Command, configOf: (cmd: Command) => AppConfig): void {
  const sie = program.command('sie').description('SIE-filer från och till bokföringen');

  sie.command('inspect')
    .description('visa vad en SIE-fil innehåller (typ, teckenkodning, företag, räkenskapsår, antal poster, kontrollsumma, problem)')
    .argument('<file>', 'SIE-filen')
    .option('--json', 'som JSON')
    .option('--ignore-checksum', 'fel kontrollsumma som varning i stället för fel')
    .action(async (file: string, options: { json?: boolean; ignoreChecksum?: boolean }) => {
      const inspection = await inspectSieFile(file, options.ignoreChecksum === true ? { ignoreChecksum: true } : {});
      if (options.json === true) console.log(JSON.stringify(inspection, null, 2));
      else for (const line of inspectionText(inspection)) console.log(line);
      if (!importable(inspection)) process.exitCode = 1;
    });

  sie.command('import')
    .description('läs in en SIE-fil: utfall (och budget) i en organisation, allt eller inget')
    .argument('<file>', 'SIE-filen')
    .option('--org <code>', 'organisationen att läsa in i (annars den med filens organisationsnummer, eller en ny)')
    .option('--ignore-checksum', 'läs in trots fel kontrollsumma (#KSUMMA)')
    .action(async (file: string, options: { org?: string; ignoreChecksum?: boolean }, cmd: Command) => {
      const refused = await preflightSieFile(file);
      if (refused.length > 0) {
        console.error(`Filen ${file} läses inte in. Inget har ändrats.`);
        for (const p of refused) console.error(`  FEL: ${p.message}`);
        throw new ServiceError('validation', 'Filen är inte en SIE-fil som kan läsas in.');
      }
      const tty = process.stderr.isTTY === true;
      const bar = tty ? progressBar(process.stderr) : undefined;
      const phases = process.env['RAMPLAN_REPORT_PHASES'] === '1'
        ? { onPhase: (phase: string) => { console.error(`phase ${phase} ${performance.now().toFixed(0)} ms`); } }
        : {};
      phases.onPhase?.('start');
      const input = {
        file, actor: actor(),
        ...(options.org !== undefined ? { orgCode: options.org } : {}),
        ...(options.ignoreChecksum === true ? { ignoreChecksum: true } : {}),
        ...phases,
        ...(bar ? { onProgress: bar.update, onWriting: () => bar.done('Filen är läst; skriver till databasen …') } : {}),
      };
      // The database is opened (and an embedded server started) while the file is read.
      const opening = openRuntime(configOf(cmd));
      let runtime: Awaited<typeof opening> | undefined;
      try {
        const read = await readSieForImport(input);
        runtime = await opening;
        const outcome = await writeSieImport(runtime.ctx, read, input);
        if (outcome.status === 'refused') {
          bar?.done('');
          console.error(`Filen ${outcome.inspection.fileName} läses inte in: ${String(outcome.inspection.errors)} fel. Inget har ändrats.`);
          printProblems(outcome.inspection, (l) => console.error(l));
          throw new ServiceError('validation', 'SIE-filen har fel och har inte lästs in.');
        }
        for (const line of resultText(outcome.result)) console.log(line);
      } catch (error) {
        bar?.done('');
        throw error;
      } finally {
        // Opened even when the read failed first: closed (and an embedded server stopped) all the same.
        await (runtime ?? await opening.catch(() => undefined))?.close();
        if (process.env['RAMPLAN_REPORT_MAXRSS'] === '1') console.error(`maxRSS ${String(process.resourceUsage().maxRSS)} kB`);
      }
    });

  sie.command('export')
    .description('skriv en organisations år som SIE-fil (CP437 med #KSUMMA): utfall som #PSALDO, en planversion som #PBUDGET')
    .requiredOption('--year <yyyy>', 'räkenskapsåret')
    .requiredOption('--out <file>', 'filen att skriva')
    .option('--org <code>', 'organisationen (kan utelämnas när bara en organisation har versioner)')
    .option('--version <code>', 'en planversion att skriva som #PBUDGET')
    .addOption(new Option('--type <type>', 'SIE-typ').choices(['1', '2', '3', '4E']).default('3'))
    .action(async (options: { year: string; out: string; org?: string; version?: string; type: string }, cmd: Command) => {
      const year = Number(options.year);
      if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new ServiceError('validation', `Ogiltigt år: ${options.year}`);
      const type = parseSieType(options.type);
      if (type === undefined) throw new ServiceError('validation', `Okänd SIE-typ: ${options.type} (1, 2, 3 eller 4E).`);
      const runtime = await openRuntime(configOf(cmd));
      const phases = process.env['RAMPLAN_REPORT_PHASES'] === '1'
        ? { onPhase: (phase: string) => { console.error(`phase ${phase} ${performance.now().toFixed(0)} ms`); } }
        : {};
      phases.onPhase?.('start');
      try {
        const today = new Date().toISOString().slice(0, 10) as Day;
        const r = await exportSie(runtime.ctx, {
          year, type, program: { name: 'Ramplan', version: '0.1.0' },
          ...(options.org !== undefined ? { orgCode: options.org } : {}),
          ...(options.version !== undefined ? { versionCode: options.version } : {}),
        }, today);
        await writeFile(options.out, r.bytes);
        console.log(`Skrev ${options.out}: SIE ${String(r.type)} för ${r.org.code} (${r.org.name}) ${String(year)}, ${r.bytes.length.toLocaleString('sv-SE')} byte, CP437 med #KSUMMA.`);
        console.log(`${String(r.accounts)} konton, ${String(r.periodRows)} #PSALDO-rader${r.actualVersion ? ` från ${r.actualVersion}` : ''}${r.budgetVersion ? `, ${String(r.budgetRows)} #PBUDGET-rader från ${r.budgetVersion}` : ''}.`);
        const omitted = Object.entries(r.omitted).map(([label, n]) => `#${label} ${String(n)}`);
        if (omitted.length > 0) console.log(`Typ ${String(r.type)} rymmer inte: ${omitted.join(', ')} (utelämnade).`);
        if (r.replacements.length > 0) {
          console.log(`${String(r.replacements.length)} tecken finns inte i CP437 och har ersatts:`);
          for (const x of r.replacements.slice(0, 50)) console.log(`  rad ${String(x.line)} ${x.field}: "${x.original}" → "${x.replacement}"`);
        }
      } finally {
        await runtime.close();
      }
    });
}
