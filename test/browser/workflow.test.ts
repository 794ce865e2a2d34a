// The budget through the workflow as people do it: the nämndekonom sends it for review and hands it
// in (then nothing is editable), the regionekonom records the decision with its diarienummer.
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, screenshot, seriousAxeViolations, useServerAndBrowser } from './harness.ts';

const budgetPath = '/orgs/RUN/budget?ar=2020&version=budget-2020';

describeBrowser('workflow', () => {
  const env = useServerAndBrowser();

  it('utkast → för granskning → inlämnad by the nämndekonom, beslutad by the regionekonom', async () => {
    const ekonom = await openSession(env.browser, env.server.baseUrl);
    await logIn(ekonom.page, 'ekonom', budgetPath);
    const status = ekonom.page.locator('.workflow p').first();
    await expect.poll(async () => plain(await status.textContent())).toBe('Status: Utkast');
    await ekonom.page.getByRole('button', { name: 'Skicka för granskning' }).click();
    await expect.poll(async () => plain(await status.textContent())).toBe('Status: För granskning');
    await ekonom.page.getByRole('button', { name: 'Lämna in' }).click();
    await expect.poll(async () => plain(await status.textContent())).toBe('Status: Inlämnad');
    // Handed in: nothing in the grid is editable, and the nämndekonom cannot decide.
    await expect.poll(async () => ekonom.page.locator('[role="grid"][aria-readonly="true"]').count()).toBe(1);
    expect(await ekonom.page.getByRole('button', { name: 'Registrera beslut' }).count()).toBe(0);
    expect(ekonom.pageErrors).toEqual([]);

    const region = await openSession(env.browser, env.server.baseUrl);
    await logIn(region.page, 'regionekonom', budgetPath);
    await region.page.getByRole('button', { name: 'Registrera beslut' }).click();
    await region.page.getByLabel('Diarienummer').fill('RS 2019/123');
    await region.page.getByLabel('Beslutsdatum').fill('2019-06-18');
    expect(await seriousAxeViolations(region.page)).toEqual([]);
    await screenshot(region.page, 'workflow-decision');
    await region.page.getByRole('button', { name: 'Registrera beslut' }).last().click();
    const regionStatus = region.page.locator('.workflow p').first();
    await expect.poll(async () => plain(await regionStatus.textContent())).toMatch(/^Status: Beslutad/);
    expect(await region.page.getByRole('button', { name: /Återremittera|Skicka|Lämna in/ }).count()).toBe(0);

    const api = await region.page.request.get('/api/orgs/RUN/versions/budget-2020/history');
    const steps = (await api.json()) as Array<{ to: string; actor: string }>;
    expect(steps.map((s) => `${s.to}:${s.actor}`)).toEqual(['review:ekonom', 'submitted:ekonom', 'adopted:regionekonom']);
    expect(region.pageErrors).toEqual([]);
  });
});
