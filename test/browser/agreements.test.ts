// A person reads the collaboration agreement: each municipality's contribution for a year adds up
// to the total, the chart says the same in text, the page passes axe, and an editor's follow-up is
// saved while a bad one is refused with a message next to the form.
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, seriousAxeViolations, useServerAndBrowser } from './harness.ts';

describeBrowser('samverkan med kommunerna', () => {
  const env = useServerAndBrowser();

  it('shows the 2020 contributions per municipality with a chart and passes axe', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ledamot');
    await page.getByRole('link', { name: 'Samverkan med kommunerna' }).click();
    await expect.poll(() => page.url()).toMatch(/\/orgs\/RUN\/samverkan/);
    await page.getByLabel('År', { exact: true }).last().selectOption('2020');
    const table = page.locator('#contributions-table');
    await expect.poll(async () => plain(await table.locator('tfoot td').nth(1).textContent())).toBe('19 250 000,00 kr');
    expect(await table.locator('tbody tr').count()).toBe(15);
    const chart = plain(await page.getByRole('img', { name: /Kommunernas bidrag 2020/ }).getAttribute('aria-label'));
    expect(chart).toContain('Umeå');
    expect(await page.getByText('Du har läsbehörighet').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('an editor adds a follow-up; a bad period is refused beside the form', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/samverkan');
    const form = page.locator('form', { has: page.getByText('Ny uppföljning') });
    await form.getByLabel(/^Period/).fill('2020-T9');
    await form.getByLabel('Vad uppföljningen visar').fill('Testuppföljning från webbläsaren');
    await form.getByRole('button', { name: 'Lägg till uppföljning' }).click();
    await expect.poll(async () => plain(await form.getByRole('alert').textContent())).toMatch(/^Period:/);
    await form.getByLabel(/^Period/).fill('2020-T2');
    await form.getByRole('button', { name: 'Lägg till uppföljning' }).click();
    await expect.poll(async () => plain(await page.locator('section', { has: page.getByRole('heading', { name: 'Uppföljning' }) }).textContent())).toContain('Testuppföljning från webbläsaren');
    const kolada = page.locator('form', { has: page.getByText('Fördelningsnyckel från Kolada (N01951)') });
    await kolada.getByLabel(/^År/).selectOption('2019');
    await kolada.getByRole('button', { name: 'Hämta nyckeln ur sparade Kolada-värden' }).click();
    await expect.poll(async () => plain(await page.locator('table', { has: page.getByText('Totalbelopp per år') }).locator('tbody tr').first().textContent())).toContain('Kolada (N01951)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
