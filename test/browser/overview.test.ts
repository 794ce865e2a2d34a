// A person logs in and reads the committee overview: the seed's revenue shares for 2018, the balance
// check in words, the plan's scenarios and the result history.
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, screenshot, useServerAndBrowser } from './harness.ts';

describeBrowser('översikt', () => {
  const env = useServerAndBrowser();

  it('refuses a wrong password with a message tied to the form', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/logga-in');
    await page.getByLabel('Användarnamn').fill('ekonom');
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    const error = page.locator('.form-error');
    await expect.poll(async () => plain(await error.textContent())).toMatch(/lösenord/i);
    expect(await error.getAttribute('aria-live')).toBe('assertive');
    expect(await page.getByLabel('Lösenord').getAttribute('aria-invalid')).toBe('true');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows the 2018 revenue shares of the seed after logging in as ekonom', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom');
    await expect.poll(() => page.url()).toMatch(/\/orgs\/RUN\/oversikt\?ar=\d{4}&version=/);

    // Choose the actuals and 2018 with the context controls, as a person would.
    await page.getByLabel('Version', { exact: true }).selectOption('actual');
    await page.getByLabel('År', { exact: true }).selectOption('2018');
    await expect.poll(() => page.url()).toContain('/orgs/RUN/oversikt?ar=2018&version=actual');
    await expect.poll(async () => plain(await page.locator('.topbar-context').textContent())).toBe(
      'Regionala utvecklingsnämnden · Utfall 2018 · version: Utfall',
    );

    const revenue = page.locator('section', { has: page.getByRole('heading', { name: 'Intäkter per kategori' }) });
    await revenue.getByText('Visa som tabell').click();
    const table = revenue.getByRole('table');
    const share = async (category: string) =>
      plain(await table.locator(`tr[data-category="${category}"] td`).last().textContent());
    await expect.poll(() => share('kultursamverkan')).toBe('22 %');
    expect(await share('projektmedel')).toBe('21 %');
    expect(await share('avgifter')).toBe('5 %');
    expect(await share('lansstyrelsen')).toBe('1 %');

    // The chart says the same in text.
    const chartText = plain(await revenue.getByRole('img').getAttribute('aria-label'));
    expect(chartText).toContain('Kultursamverkansmodellen');
    expect(chartText).toContain('(22 %)');

    // Balance in words and icon, never colour alone; example data is marked.
    expect(plain(await page.locator('.balance-headline').textContent())).toBe('I balans');
    expect(await page.getByText('Exempeldata').count()).toBeGreaterThan(0);
    await screenshot(page, 'overview-2018');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('switches the uplift scenario of the plan and keeps it in the URL', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/oversikt?ar=2020&version=budget-2020');
    const plan = page.locator('section', { has: page.getByRole('heading', { name: /^Flerårsplan/ }) });
    const resultRow = plan.locator('.plan-table tr', { has: page.getByRole('rowheader', { name: 'Resultat' }) });
    await resultRow.waitFor();
    const before = plain(await resultRow.textContent());
    await plan.getByRole('radio', { name: 'Uppräkning 3 %' }).check();
    await expect.poll(() => page.url()).toContain('scenario=3');
    await expect.poll(async () => plain(await resultRow.textContent())).not.toBe(before);
    expect(await plan.getByRole('radio', { name: 'Uppräkning 3 %' }).isChecked()).toBe(true);

    // The link can be mailed: opening it again shows the same scenario.
    await page.reload();
    await expect.poll(() => plan.getByRole('radio', { name: 'Uppräkning 3 %' }).isChecked()).toBe(true);

    const results = page.locator('section', { has: page.getByRole('heading', { name: 'Resultat över tid' }) });
    await results.getByText('Visa som tabell').click();
    expect(await results.getByRole('row').count()).toBeGreaterThan(5);
    await screenshot(page, 'overview-plan');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
