// A person reads the goals table of 2019 (women and men beside the total) and an editor records an
// assessment; a missing comment on a goal not fully met is refused beside the form. Both pass axe.
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, seriousAxeViolations, useServerAndBrowser } from './harness.ts';

describeBrowser('mål och indikatorer', () => {
  const env = useServerAndBrowser();

  it('shows the goals table with outcomes split by sex and passes axe', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ledamot', '/orgs/RUN/mal?ar=2019&version=budget-2019');
    const table = page.locator('#goals-table');
    await expect.poll(async () => plain(await table.textContent())).toContain('Fler i arbete i hela länet');
    expect(plain(await table.textContent())).toContain('80,9 % (79,7 % / 82 %)');
    expect(plain(await page.locator('section', { has: page.getByRole('heading', { name: /Regional utvecklingsstrategi/ }) }).textContent())).toContain('Skapa strukturer för innovation');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('an editor assesses a goal; "delvis" without a comment is refused', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/mal?ar=2020&version=budget-2020');
    const form = page.locator('form', { has: page.getByText('Bedömning av ett mål') });
    await form.getByLabel('Bedömning', { exact: true }).selectOption('partly');
    await form.getByRole('button', { name: 'Spara bedömningen' }).click();
    await expect.poll(async () => plain(await form.getByRole('alert').textContent())).toMatch(/^Kommentar:/);
    await form.getByLabel('Kommentar').fill('Går framåt men inte i inlandet.');
    await form.getByRole('button', { name: 'Spara bedömningen' }).click();
    await expect.poll(async () => plain(await page.locator('#goals-table').textContent())).toContain('Delvis uppfyllt (2020-T1)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
