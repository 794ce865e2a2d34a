// A person reads the project registry and a project's financing and cash flow; an editor tries to
// apply for a project that breaks the 50 % rule and is told why, next to the form.
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, seriousAxeViolations, useServerAndBrowser } from './harness.ts';

describeBrowser('projekt', () => {
  const env = useServerAndBrowser();

  it('lists the projects with their rule checks in words and passes axe', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ledamot');
    await page.getByRole('link', { name: 'Projekt', exact: true }).click();
    const table = page.locator('#projects-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    expect(plain(await table.locator('tr[data-project="GRON-INLAND"]').textContent())).toContain('Bryter mot en regel');
    expect(plain(await table.locator('tr[data-project="SMART-VBN"]').textContent())).toContain('Följer reglerna');
    expect(plain(await page.locator('#project-plan-table').textContent())).toMatch(/Projektet Smart specialisering Västerbotten slutar 2021-06/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await table.getByRole('link', { name: 'Smart specialisering Västerbotten' }).click();
    await expect.poll(async () => plain(await page.locator('#claims-table').textContent())).toContain('2019-09-18');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('refuses to apply for a rule-breaking project, saying why', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/projekt/GRON-INLAND');
    await page.getByLabel('Status', { exact: true }).selectOption('ansokt');
    await page.getByRole('button', { name: 'Spara projektet' }).click();
    const form = page.locator('form', { has: page.getByText('Status och finansieringsplan') });
    await expect.poll(async () => plain(await form.getByRole('alert').textContent())).toMatch(/^Status: projektet kan inte få status ansökt.*högst 50 %/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
