// `ramplan`: the command line over the same services as the API (see `ramplan --help`).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { buildApp, isDemoDatabase, openRuntime, type AppConfig } from '../app.ts';
import { loadDemo } from '../services/demo/load-demo.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../services/demo/demo-data.ts';
import { describeFailure } from './failure.ts';
import { roleLabel } from '../domain/access.ts';
import { describeChainBreak, verifyAuditChain } from '../services/audit.ts';
import { addSieCommands } from './sie-commands.ts';
import { oidcSettingsFromEnv } from '../services/oidc.ts';
import { restoreBackup } from '../services/backup.ts';
import { backupToFile } from './backup-file.ts';
import { knownMigrations } from '../db/migrate.ts';
import { createReadStream } from 'node:fs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

type GlobalOptions = { data: string; databaseUrl?: string; quiet?: boolean };

function configFrom(options: GlobalOptions): AppConfig {
  return {
    dataDir: options.data,
    databaseUrl: options.databaseUrl,
    ...(options.quiet ? {} : { log: (line: string) => console.error(line) }),
  };
}

function printDemoUsers(): void {
  console.log('Demoanvändare (endast i demoläge):');
  for (const u of DEMO_USERS) {
    console.log(`  ${u.username.padEnd(13)} / ${DEMO_PASSWORD}   ${roleLabel(u.role).toLowerCase()} på ${u.org}`);
  }
}

/** The top-level command in `argv` (after the global options), or undefined. */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--data' || a === '--database-url') { i++; continue; }
    if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * The program with every command. `report` and `archive` load the report renderers (most of the
 * startup time and memory), so `ramplan sie …` (an import of a large file) starts without them.
 */
export async function createProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('ramplan')
    .description('Ramplan: plan och budget för nämnder i regioner och kommuner')
    .addOption(new Option('--data <dir>', 'datamapp för den inbyggda databasen').env('RAMPLAN_DATA').default('./data'))
    .addOption(new Option('--database-url <url>', 'extern PostgreSQL i stället för den inbyggda').env('DATABASE_URL'))
    .option('--quiet', 'skriv bara ut det väsentliga')
    .showHelpAfterError('(kör "ramplan --help" för hjälp)')
    .configureOutput({ outputError: (text, write) => write(text) });

  const globals = (cmd: Command): GlobalOptions => cmd.optsWithGlobals<GlobalOptions>();

  program.command('serve')
    .description('starta webbservern (och den inbyggda databasen)')
    .addOption(new Option('--port <n>', 'port').env('PORT').default('3000').argParser(parsePort))
    .addOption(new Option('--host <host>', 'adress att lyssna på').env('HOST').default('localhost'))
    .option('--demo-if-empty', 'läs in demoregionen när databasen är tom (npm start gör det)')
    .action(async (options: { port: number | string; host: string; demoIfEmpty?: boolean }, cmd: Command) => {
      const port = typeof options.port === 'string' ? parsePort(options.port) : options.port;
      const app = await buildApp({
        ...configFrom(globals(cmd)),
        demo: options.demoIfEmpty === true,
        webDist: join(projectRoot, 'web', 'dist'),
        logger: false,
        oidc: oidcSettingsFromEnv(process.env),
        // Behind HTTPS (a reverse proxy in production): Secure cookies and HSTS.
        secureCookies: process.env['RAMPLAN_SECURE_COOKIES'] === '1',
      });
      const stop = async (signal: string) => {
        console.error(`\n${signal}: stänger Ramplan …`);
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      if (app.demoLoaded) console.log(`Demoregionen inläst: ${app.demoLoaded.organisations} organisationer, ${app.demoLoaded.lines} budgetrader.`);
      await app.listen({ port, host: options.host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address !== null ? address.port : port;
      const where = app.runtime.databaseKind === 'embedded' ? `inbyggd PostgreSQL i ${globals(cmd).data}` : 'extern PostgreSQL';
      console.log(`Ramplan körs på http://localhost:${actualPort} (databas: ${where}). Avsluta med Ctrl+C.`);
      if (options.demoIfEmpty && await isDemoDatabase(app.runtime)) printDemoUsers();
    });

  program.command('demo')
    .description('läs in demoregionen (Region Västerbotten, Regionala utvecklingsnämnden) i en tom databas')
    .action(async (_options: unknown, cmd: Command) => {
      const runtime = await openRuntime(configFrom(globals(cmd)));
      try {
        console.log('Läser in demoregionen …');
        const summary = await loadDemo(runtime.ctx);
        console.log(`Demoregionen inläst: ${summary.organisations} organisationer, ${summary.lines} budgetrader.`);
        printDemoUsers();
      } finally {
        await runtime.close();
      }
    });

  program.command('migrate')
    .description('uppdatera databasens schema (görs också vid varje start)')
    .action(async (_options: unknown, cmd: Command) => {
      const runtime = await openRuntime(configFrom(globals(cmd)));
      await runtime.close();
      console.log('Databasens schema är aktuellt.');
    });

  program.command('backup')
    .description('skriv en konsistent säkerhetskopia av hela databasen (gzip, se docs/backup-format.md)')
    .requiredOption('--out <file>', 'filen att skriva')
    .action(async (options: { out: string }, cmd: Command) => {
      const runtime = await openRuntime(configFrom(globals(cmd)));
      try {
        const report = await backupToFile(runtime.ctx, options.out);
        const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
        console.log(`Säkerhetskopian skrevs till ${options.out}: ${report.tables.length} tabeller, ${rows} rader.`);
      } finally {
        await runtime.close();
      }
    });

  program.command('restore')
    .description('återställ en säkerhetskopia till en tom databas (allt eller inget)')
    .argument('<file>', 'säkerhetskopian')
    .action(async (file: string, _options: unknown, cmd: Command) => {
      const runtime = await openRuntime(configFrom(globals(cmd)));
      try {
        const report = await restoreBackup(runtime.ctx, createReadStream(file), knownMigrations());
        const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
        console.log(`Återställt från ${file} (skapad ${report.manifest.createdAt}): ${report.tables.length} tabeller, ${rows} rader.`);
        const chain = await verifyAuditChain(runtime.ctx);
        console.log(chain.breaks.length === 0 ? `Granskningsloggen är obruten (${chain.entries} poster).` : `Varning: granskningsloggen är bruten på ${chain.breaks.length} ställen.`);
      } finally {
        await runtime.close();
      }
    });

  const audit = program.command('audit').description('granskningsloggen');
  audit.command('verify')
    .description('kontrollera att granskningsloggens hashkedja är obruten')
    .action(async (_options: unknown, cmd: Command) => {
      const runtime = await openRuntime(configFrom(globals(cmd)));
      try {
        const report = await verifyAuditChain(runtime.ctx);
        if (report.breaks.length === 0) {
          console.log(`Granskningsloggen är obruten: ${report.entries} poster. Senaste hash: ${report.headHash ?? '–'}`);
          return;
        }
        for (const b of report.breaks.slice(0, 50)) console.error(describeChainBreak(b));
        if (report.breaks.length > 50) console.error(`… och ${report.breaks.length - 50} till.`);
        process.exitCode = 1;
        throw new AuditChainBroken(`Granskningsloggen är bruten på ${report.breaks.length} ställen (${report.entries} poster).`);
      } finally {
        await runtime.close();
      }
    });

  const command = argv === undefined ? undefined : commandOf(argv);
  if (command !== 'sie') {
    const [{ addReportCommand }, { addArchiveCommand }] = await Promise.all([import('./report-command.ts'), import('./archive-command.ts')]);
    addReportCommand(program, (cmd) => configFrom(globals(cmd)));
    addArchiveCommand(program, (cmd) => configFrom(globals(cmd)));
  }

  addSieCommands(program, (cmd) => configFrom(globals(cmd)));

  return program;
}

class AuditChainBroken extends Error {
  override name = 'AuditChainBroken';
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`Ogiltig port: ${value}`);
  return n;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await (await createProgram(argv)).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    console.error(describeFailure(error));
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exit(code);
}
