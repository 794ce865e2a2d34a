// `ramplan report underlag` as a user runs it: all four formats written to a temporary folder (checked by
// their first bytes), the DOCX converted by LibreOffice with every section title and the key figures in
// its text, and refusals in Swedish that write no file and exit non-zero. The PDF (Chromium) and the
// DOCX (LibreOffice) parts skip with a visible notice when the program is missing, and fail instead
// under RAMPLAN_REQUIRE_ALL=1 (CI installs chromium and libreoffice-writer).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRamplan as ramplan } from '../../test/ramplan-cli.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { CHROMIUM_PATH, describeWith, expectTaggedPdf } from '../reports/render/tool-support.ts';

let database: TestDatabase;
let dir: string;
const SECTIONS = [
  'Inledning', 'Det regionala utvecklingsuppdraget', 'Samverkan med kommunerna', 'Mål för regional utveckling',
  'Fortsatt kapacitet för regional utveckling, uppdraget på sikt', 'Ekonomiska förutsättningar, aktuellt ekonomiskt läge',
  'Risker och bevakningspunkter',
];

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ramplan-report-'));
  const demo = await ramplan(['demo', '--quiet', '--database-url', database.url]);
  if (demo.code !== 0) throw new Error(demo.stderr);
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

const report = (format: string, out: string, extra: readonly string[] = [], env: Record<string, string> = {}) =>
  ramplan(['report', 'underlag', '--org', 'RUN', '--year', '2020', '--format', format, '--out', out, '--quiet', '--database-url', database.url, ...extra], env);

describe('ramplan report underlag', () => {
  const formats: Array<[string, string]> = [['docx', 'PK\u0003\u0004'], ['xlsx', 'PK\u0003\u0004'], ['html', '<!doctype html']];
  for (const [format, magic] of formats) {
    it(`writes ${format.toUpperCase()} from the default template`, async () => {
      const out = path.join(dir, `underlag.${format}`);
      const run = await report(format, out);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Skrev .* från standardmallen/);
      expect(readFileSync(out).subarray(0, magic.length).toString('latin1').toLowerCase()).toBe(magic.toLowerCase());
    }, 60_000);
  }

  it('names the organisation it cannot find, and writes nothing', async () => {
    const out = path.join(dir, 'saknas.docx');
    const run = await ramplan(['report', 'underlag', '--org', 'XYZ', '--year', '2020', '--format', 'docx', '--out', out, '--quiet', '--database-url', database.url]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Fel: --org: organisationen XYZ finns inte.');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a year without a budget version and an unknown format in Swedish', async () => {
    const year = await ramplan(['report', 'underlag', '--org', 'RUN', '--year', '2031', '--format', 'html', '--out', path.join(dir, 'x.html'), '--quiet', '--database-url', database.url]);
    expect(year.code).toBe(1);
    expect(year.stderr).toMatch(/^Fel: År: Regionala utvecklingsnämnden har ingen budgetversion som börjar 2031/);
    const format = await report('odt', path.join(dir, 'x.odt'));
    expect(format.code).not.toBe(0);
    expect(existsSync(path.join(dir, 'x.odt'))).toBe(false);
  });

  it('PDF without Chromium fails with the message that says how to get it', async () => {
    const out = path.join(dir, 'ingen.pdf');
    const run = await report('pdf', out, [], { RAMPLAN_CHROMIUM: '/finns/inte/chromium' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Fel: PDF kan inte skapas: .*Installera chromium/);
    expect(existsSync(out)).toBe(false);
  });
});

describeWith([CHROMIUM_PATH])('the PDF through Chromium', () => {
  it('writes a tagged PDF from the default template', async () => {
    const out = path.join(dir, 'underlag.pdf');
    const run = await report('pdf', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Skrev .* från standardmallen/);
    expectTaggedPdf(readFileSync(out));
  }, 60_000);
});

describeWith(['soffice'])('the DOCX through LibreOffice', () => {
  it('converts, and its text holds every section title and the key figures', async () => {
    const docx = path.join(dir, 'lo.docx');
    const run = await report('docx', docx);
    expect(run.code, run.stderr).toBe(0);
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, docx], { encoding: 'utf8', timeout: 90_000 });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(path.join(dir, 'lo.txt'), 'utf8').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
    for (const title of SECTIONS) expect(text).toContain(title);
    expect(text).toContain('Under 2018 stod regionen och kommunerna för drygt 50 % av intäkterna');
    expect(text).toContain('ett positivt resultatutfall på 3 tkr');
    expect(text).toContain('Nettokostnaden är 32 536 tkr mot en ram på 32 550 tkr');
    expect(text).toContain('19 250 000');
    expect(text).toContain('Mål och indikatorer');
    expect(text).toContain('80,4 % (2017)');
    expect(text).toContain('Projektfinansiering per projekt, finansiär och finansieringstyp');
    expect(text).not.toContain('uppgift saknas');
  }, 120_000);
});
