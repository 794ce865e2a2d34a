// Import (SIE) in the browser: the ekonom chooses a fixture, sees the inspection (type, company,
// fiscal year, counts, checksum), confirms, follows the job to its result and finds the import in the
// history; a SIE 5 file is previewed as such; an empty file is refused with its reason and nothing to confirm; the page passes axe; a
// reader (no 'plan.edit') has no "Import (SIE)" in the navigation.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, logIn, openSession, plain, screenshot, seriousAxeViolations, startServer, type TestServer } from './harness.ts';

const FIXTURE = path.resolve('..', 'shared', 'fixtures', 'sie', 'sieg_typ4E_transaktioner_ovnbolag.se');

describeBrowser('SIE import', () => {
  let server: TestServer;
  let browser: Browser;
  let tmp: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'ramplan-sie-browser-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('uploads a file, shows the inspection, imports it and shows the result and the history', async () => {
    const { page, pageErrors } = await openSession(browser, server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/oversikt');
    await page.getByRole('navigation', { name: 'Avsnitt' }).getByRole('link', { name: 'Import (SIE)' }).click();
    await page.getByRole('heading', { name: 'Import (SIE)', level: 1 }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('SIE-fil').setInputFiles(FIXTURE);
    await page.getByRole('button', { name: 'Granska filen' }).click();
    const preview = page.getByRole('region', { name: /^Granskning av sieg_typ4E_transaktioner_ovnbolag\.se/ });
    await preview.waitFor();
    const text = plain(await preview.textContent());
    expect(text).toContain('SIE 4E');
    expect(text).toContain('Övningsbolaget');
    expect(text).toMatch(/Räkenskapsår0: \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
    expect(text).toContain('#VER');
    expect(text).toContain('0 fel');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Läs in sieg_typ4E_transaktioner_ovnbolag.se' }).click();
    const result = page.getByRole('region', { name: 'Resultat' });
    await result.waitFor({ timeout: 30_000 });
    const resultText = plain(await result.textContent());
    expect(resultText).toMatch(/Inläst i .* \(RUN\)/);
    expect(resultText).toContain('138 rader från verifikationerna');
    expect(resultText).toContain('Nya enheter (kostnadsställen)');
    expect(resultText).toContain('Konton utan kategori');
    expect(plain(await page.getByRole('status').filter({ hasText: 'Inläst' }).textContent())).toBe('Inläst.');
    const history = page.getByRole('table', { name: 'Importer, senaste först' });
    await history.getByText('sieg_typ4E_transaktioner_ovnbolag.se').waitFor();
    expect(plain(await history.textContent())).toContain('gällande');
    await screenshot(page, 'sie-import');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('previews a SIE 5 (XML) file: its type, company, year and counts, the unchecked signature, and offers the import', async () => {
    const { page, pageErrors } = await openSession(browser, server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/import-sie');
    await page.getByLabel('SIE-fil').setInputFiles(path.resolve('..', 'shared', 'fixtures', 'sie', 'sie5_full_Sample_edison.sie'));
    await page.getByRole('button', { name: 'Granska filen' }).click();
    const preview = page.getByRole('region', { name: /^Granskning av sie5_full_Sample_edison\.sie/ });
    await preview.waitFor();
    const text = plain(await preview.textContent());
    expect(text).toContain('SIE 5 (XML)');
    expect(text).toContain('Övningsbolaget AB (555555-5555)');
    expect(text).toContain('0: 2014-01-01 – 2014-12-31');
    expect(text).toContain('ingen i SIE 5 (en XML-signatur kontrolleras inte)');
    expect(text).toMatch(/#VER \(verifikationer\)91/);
    expect(text).toContain('0 fel, 1 varningar');
    expect(text).toMatch(/signaturen kontrolleras inte/);
    await page.getByRole('button', { name: 'Läs in sie5_full_Sample_edison.sie' }).waitFor();
    await screenshot(page, 'sie5-preview');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('refuses an empty file with its reason and offers nothing to import', async () => {
    const { page, pageErrors } = await openSession(browser, server.baseUrl);
    const empty = path.join(tmp, 'tom.se');
    await writeFile(empty, '');
    await logIn(page, 'ekonom', '/orgs/RUN/import-sie');
    await page.getByLabel('SIE-fil').setInputFiles(empty);
    await page.getByRole('button', { name: 'Granska filen' }).click();
    const alert = page.getByRole('alert');
    await alert.first().waitFor();
    expect(plain(await alert.first().textContent())).toMatch(/tom|inte en SIE-fil|application\/octet-stream/i);
    expect(await page.getByRole('button', { name: /^Läs in / }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('is not offered to a reader', async () => {
    const { page } = await openSession(browser, server.baseUrl);
    await logIn(page, 'ledamot', '/orgs/RUN/oversikt');
    await page.getByRole('navigation', { name: 'Avsnitt' }).getByRole('link', { name: 'Översikt' }).waitFor();
    expect(await page.getByRole('link', { name: 'Import (SIE)' }).count()).toBe(0);
  });
});
