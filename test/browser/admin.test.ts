// An administratör creates a user (a too short password is refused next to the field), gives the
// user a role on the committee, and the new user signs in and reads the committee; the audit trail
// page shows the change and an unbroken chain. Both pages pass axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { findOrganisationByCode } from '../../src/db/repositories/organisations.ts';
import { grantRole, insertUser } from '../../src/db/repositories/users.ts';
import { hashPassword } from '../../src/services/passwords.ts';
import { createTestDatabase, type TestDatabase } from '../test-database.ts';
import { describeBrowser, ensureWebBuilt, launchBrowser, openSession, plain, seriousAxeViolations, webDist } from './harness.ts';

const ADMIN_PASSWORD = 'administratörens-lösen';

describeBrowser('användare och roller', () => {
  let database: TestDatabase;
  let app: App;
  let baseUrl = '';
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    database = await createTestDatabase();
    app = await buildApp({ databaseUrl: database.url, demo: true, webDist, logger: false });
    const rvb = await findOrganisationByCode(app.runtime.db, 'RVB');
    if (!rvb) throw new Error('demo region missing');
    const id = await insertUser(app.runtime.db, { tenantId: rvb.id, username: 'ada-admin', displayName: 'Ada Administratör', passwordHash: await hashPassword(ADMIN_PASSWORD) });
    await grantRole(app.runtime.db, rvb.id, id, rvb.id, 'admin');
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.drop();
  });

  it('creates a user, grants a role, and the user reads the committee; the audit trail shows it', async () => {
    const { page, context, pageErrors } = await openSession(browser, baseUrl);
    await page.goto('/');
    await page.getByLabel('Användarnamn').fill('ada-admin');
    await page.getByLabel('Lösenord').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('link', { name: 'Användare', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/orgs\/RUN\/anvandare$/);
    await page.locator('#users-table').waitFor();

    const form = page.locator('form', { has: page.getByText('Skapa en lokal användare') });
    await form.getByLabel('Användarnamn', { exact: true }).fill('nybörjare');
    await form.getByLabel('Namn', { exact: true }).fill('Nina Nybörjare');
    await form.getByLabel(/^Lösenord/).fill('kort');
    await form.getByRole('button', { name: 'Skapa användare' }).click();
    await expect.poll(async () => plain(await form.getByRole('alert').first().textContent())).toMatch(/Användarnamnet ska ha 2–64 tecken/);
    expect(await form.getByLabel('Användarnamn', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Användarnamn', { exact: true }).fill('nina');
    await form.getByRole('button', { name: 'Skapa användare' }).click();
    await expect.poll(async () => plain(await form.getByRole('alert').first().textContent())).toMatch(/minst 12 tecken/);
    expect(await form.getByLabel(/^Lösenord/).getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel(/^Lösenord/).fill('ninas-långa-lösenord');
    await form.getByRole('button', { name: 'Skapa användare' }).click();
    await expect.poll(async () => plain(await page.locator('#users-table').textContent())).toContain('Nina Nybörjare');

    const detail = page.locator('section', { has: page.getByRole('heading', { name: 'Hantera nina' }) });
    await detail.waitFor();
    const grant = detail.locator('form', { has: page.getByText('Ge en roll') });
    await grant.getByLabel('Organisation').selectOption({ label: 'Regionala utvecklingsnämnden' });
    await grant.getByLabel('Roll').selectOption({ label: 'Skribent' });
    await grant.getByRole('button', { name: 'Ge roll' }).click();
    await expect.poll(async () => plain(await detail.getByRole('table').textContent())).toContain('Skribent');
    const row = page.locator('#users-table tbody tr', { has: page.getByRole('rowheader', { name: 'nina' }) });
    await expect.poll(async () => plain(await row.textContent())).toContain('Skribent på Regionala utvecklingsnämnden');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Granskningslogg' }).click();
    await expect.poll(async () => plain(await page.locator('#chain-status').textContent())).toMatch(/Kedjan är obruten/);
    const log = plain(await page.locator('#audit-table tbody').textContent());
    expect(log).toContain('user.role.grant');
    expect(log).toContain('user.create');
    expect(await page.getByRole('link', { name: 'Exportera CSV' }).getAttribute('href')).toBe('/api/orgs/RUN/audit.csv');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();

    // The new user signs in and reads the committee.
    const nina = await openSession(browser, baseUrl);
    await nina.page.goto('/');
    await nina.page.getByLabel('Användarnamn').fill('nina');
    await nina.page.getByLabel('Lösenord').fill('ninas-långa-lösenord');
    await nina.page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => nina.page.url()).toMatch(/\/orgs\/RUN\//);
    expect(await nina.page.getByRole('link', { name: 'Användare', exact: true }).count()).toBe(0);
    expect(nina.pageErrors).toEqual([]);
    await nina.context.close();
  });
});
