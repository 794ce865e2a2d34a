// `ramplan sie` as a user runs it: a real process. Bad files are refused at once with a clear message
// and exit code 1, writing nothing; a good one imports (exit 0); an import killed with SIGKILL while
// PostgreSQL shows its COPY leaves the database exactly as before.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/database.ts';
import { generateSie4E } from '../sie/index.ts';
import { RAMPLAN_BIN as BIN, runRamplan, type CliRun } from '../../test/ramplan-cli.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

const FIXTURES = path.resolve('..', 'shared', 'fixtures', 'sie');
const APP_NAME = 'ramplan-sie-kill-test';
let database: TestDatabase;
let db: Db;
let tmp: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ramplan-sie-cli-'));
  // Migrate once, so that "nothing written" compares full tables.
  expect((await ramplan(['migrate'])).code).toBe(0);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
  await rm(tmp, { recursive: true, force: true });
});


function urlWithName(): string {
  const url = new URL(database.url);
  url.searchParams.set('application_name', APP_NAME);
  return url.toString();
}

function ramplan(args: readonly string[]): Promise<CliRun> {
  return runRamplan(args, { DATABASE_URL: urlWithName() });
}

async function counts(): Promise<string> {
  const r = await sql<{ c: string }>`
    SELECT concat_ws(' ', (SELECT count(*) FROM organisation), (SELECT count(*) FROM account), (SELECT count(*) FROM plan_version),
      (SELECT count(*) FROM plan_line_all), (SELECT count(*) FROM actual_account), (SELECT count(*) FROM plan_summary), (SELECT count(*) FROM sie_import),
      (SELECT count(*) FROM sie_balance), (SELECT count(*) FROM audit_log), (SELECT coalesce(sum(amount_ore), 0) FROM plan_line_all)) AS c`.execute(db);
  return r.rows[0]?.c ?? '';
}

/** A minimal ZIP (what an .xlsx is) with one stored entry. */
function zipBytes(): Buffer {
  const data = deflateRawSync(Buffer.from('<workbook/>'));
  const name = Buffer.from('xl/workbook.xml');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}

describe('ramplan sie with bad input', () => {
  it('refuses an empty file, a binary file and an XLSX renamed .se at once, with a clear message, writing nothing', async () => {
    const before = await counts();
    const cases: Array<[string, Buffer, RegExp]> = [
      ['tom.se', Buffer.alloc(0), /tom/i],
      ['binär.se', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /binär|inte SIE|styrtecken|NUL/i],
      ['kalkyl.se', zipBytes(), /ZIP|Excel|XLSX/i],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(tmp, name);
      await writeFile(file, bytes);
      const inspect = await ramplan(['sie', 'inspect', file]);
      expect(inspect.code, name).toBe(1);
      expect(inspect.stdout, name).toMatch(message);
      const run = await ramplan(['sie', 'import', file]);
      expect(run.code, name).toBe(1);
      expect(run.stderr, name).toMatch(message);
      expect(run.stderr, name).toContain('Inget har ändrats');
      expect(run.stderr, name).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await counts()).toBe(before);
  });

  it('lists a file\'s errors with line numbers and exits 1; --json gives the inspection as data', async () => {
    const json = await ramplan(['sie', 'inspect', path.join(FIXTURES, 'jsisie_typ4_underdim_MOJIBAKE_fffd.SE'), '--json']);
    expect(json.code).toBe(1);
    const data = JSON.parse(json.stdout) as { sieType: string; errors: number; problems: Array<{ line: number | null; message: string }> };
    expect(data.sieType).toBe('4E');
    expect(data.problems.some((p) => p.line !== null && /Rad|rad \d+/.test(p.message))).toBe(true);
    const run = await ramplan(['sie', 'import', path.join(FIXTURES, 'jsisie_typ4_underdim_MOJIBAKE_fffd.SE')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/rad 6, 7, 15/);
  });

  it('imports a good file (exit 0, a plain summary without a terminal) and exports it again', async () => {
    const run = await ramplan(['sie', 'import', path.join(FIXTURES, 'sieg_typ4E_transaktioner_ovnbolag.se')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Inläst i .*räkenskapsår 2011-01-01 – 2011-12-31/);
    expect(run.stderr).not.toContain('\r');
    const out = path.join(tmp, 'ut.se');
    const exported = await ramplan(['sie', 'export', '--year', '2011', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const inspect = await ramplan(['sie', 'inspect', out]);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('Kontrollsumma: stämmer');
  });
});

describe('ramplan sie with SIE 5 (XML)', () => {
  const SAMPLE = path.join(FIXTURES, 'sie5_full_Sample_edison.sie');

  it('refuses a truncated file, an unbalanced entry and a non-numeric amount with their lines, writing nothing', async () => {
    const xml = readFileSync(SAMPLE, 'utf8');
    const before = await counts();
    // Line 1218 of the sample is `<LedgerEntry accountId="2610" amount="-17250" />` in journal 4101, entry 107 of 2014-01-26 (opened on line 1214).
    const lines = xml.split('\n');
    expect(lines[1217]).toContain('<LedgerEntry accountId="2610" amount="-17250" />');
    const cases: Array<[string, string, RegExp]> = [
      ['avkortad.sie', lines.slice(0, 1200).join('\n'), /FEL: Rad 1200: filen slutar innan elementet <LedgerEntry> avslutas: den är avkortad/],
      ['obalans.sie', lines.map((l, i) => (i === 1217 ? l.replace('-17250', '-17251') : l)).join('\n'),
        /FEL: Rad 1214: verifikation 4101 107 den 2014-01-26 balanserar inte: raderna summerar till −1,00\skr/],
      ['belopp.sie', lines.map((l, i) => (i === 1217 ? l.replace('-17250', '-17 250,00') : l)).join('\n'), /FEL: Rad 1218: ogiltigt belopp "-17 250,00" i LedgerEntry/],
    ];
    for (const [name, text, message] of cases) {
      const file = path.join(tmp, name);
      await writeFile(file, text);
      const run = await ramplan(['sie', 'import', file]);
      expect(run.code, name).toBe(1);
      expect(run.stderr, name).toMatch(message);
      expect(run.stderr, name).toMatch(/Inget har ändrats/);
    }
    expect(await counts()).toBe(before);
  });

  it('inspects and imports the full sample: its actual lines are the journal entries summed per account, month, unit and project', async () => {
    const inspect = await ramplan(['sie', 'inspect', SAMPLE]);
    expect(inspect.code, inspect.stderr).toBe(0);
    expect(inspect.stdout).toContain('Typ: SIE 5 (XML)   Teckenkodning: UTF-8 med BOM');
    expect(inspect.stdout).toContain('Företag: Övningsbolaget AB   Organisationsnummer: 555555-5555');
    expect(inspect.stdout).toContain('Räkenskapsår 0: 2014-01-01 – 2014-12-31');
    expect(inspect.stdout).toMatch(/Poster \(som motsvarande SIE 4-poster\): .*#VER 91, #TRANS 343/);
    expect(inspect.stdout).toMatch(/varning: Rad 1749: filen är signerad \(XMLDSig\), men signaturen kontrolleras inte/);

    const run = await ramplan(['sie', 'import', SAMPLE]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Inläst i .*räkenskapsår 2014-01-01 – 2014-12-31/);
    const lines = await sql<{ account_code: string; period: string; unit: string; project_code: string | null; amount_ore: string }>`
      SELECT l.account_code, l.period, o.code AS unit, l.project_code, l.amount_ore FROM plan_line_all l
      JOIN organisation o ON o.id = l.unit_id
      WHERE l.sie_import_id = (SELECT max(id) FROM sie_import) AND l.account_code IN ('3010', '7830') ORDER BY 1, 2, 4 NULLS FIRST`.execute(db);
    expect(lines.rows.length).toBeGreaterThan(0);
    // Revenue is positive in Ramplan. February 2014 on 3010, project 200: entries 4101/115 (−6750, −27000) and 4101/117 (−5000).
    expect(lines.rows.find((l) => l.account_code === '3010' && l.period === '2014-02' && l.project_code === '200')?.amount_ore).toBe('3875000');
    // 7830 (cost): its eight entries sum to 7400.83, the account's closing balance in the XML.
    expect(lines.rows.filter((l) => l.account_code === '7830').reduce((s, l) => s + Number(l.amount_ore), 0)).toBe(740_083);
    // 3010 over the year: −259535 in the file (its ClosingBalance 2014-12), +259535 kr here.
    expect(lines.rows.filter((l) => l.account_code === '3010').reduce((s, l) => s + Number(l.amount_ore), 0)).toBe(25_953_500);
    // 52 lines: the result accounts' sums per month, unit and project (balance accounts are kept for reconciliation).
    const total = await sql<{ n: string }>`SELECT count(*) AS n FROM plan_line_all WHERE sie_import_id = (SELECT max(id) FROM sie_import)`.execute(db);
    expect(Number(total.rows[0]?.n)).toBe(52);
  });
});

describe('SIGKILL during an import', () => {
  it('leaves the database exactly as before', async () => {
    const file = path.join(tmp, 'stor.se');
    const chunks: Uint8Array[] = [];
    for await (const c of generateSie4E({ transactions: 300_000, seed: 3 })) chunks.push(c);
    await writeFile(file, Buffer.concat(chunks));
    const before = await counts();
    let killedInside = 0;
    for (let attempt = 0; attempt < 3 && killedInside === 0; attempt++) {
      const child = spawn(process.execPath, [BIN, 'sie', 'import', file], { env: { ...process.env, DATABASE_URL: urlWithName() }, stdio: 'ignore' });
      let done = false;
      const closed = new Promise<void>((resolve) => child.on('close', () => { done = true; resolve(); }));
      const deadline = Date.now() + 120_000;
      while (!done && Date.now() < deadline) {
        const r = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity
          WHERE application_name = ${APP_NAME} AND xact_start IS NOT NULL AND query ILIKE 'COPY actual_line%'`.execute(db);
        if (Number(r.rows[0]?.n) > 0) { child.kill('SIGKILL'); killedInside++; break; }
      }
      await closed;
      // PostgreSQL notices the dropped connection and rolls the transaction back.
      for (let i = 0; i < 50; i++) {
        const r = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = ${APP_NAME}`.execute(db);
        if (Number(r.rows[0]?.n) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await counts()).toBe(before);
    }
    expect(killedInside).toBe(1);
  }, 300_000);
});
