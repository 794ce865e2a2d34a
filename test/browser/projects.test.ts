// A person reads the project registry and a project's financing and cash flow; an editor tries to
// apply for a project that breaks the 50 % rule and is told why, next to the form; the committee
// controller edits a project's period and flat rate, adds financing in kind and sees the checks.
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, screenshot, seriousAxeViolations, useServerAndBrowser } from './harness.ts';

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
    // A reader sees the financing plan by type, but no form to change the project.
    expect((await page.locator('#financing-plan tr[data-line="eruf:eu"]').locator('th, td').allTextContents()).map(plain).slice(0, 2)).toEqual(['ERUF Övre Norrland (EU)', 'EU-stöd']);
    expect(await page.getByRole('heading', { name: 'Ändra projektet' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Grunduppgifter' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Budget och finansieringsplan' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('refuses to apply for a rule-breaking project, saying why', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/projekt/GRON-INLAND');
    await page.getByLabel('Status', { exact: true }).selectOption('ansokt');
    await page.getByRole('button', { name: 'Spara grunduppgifterna' }).click();
    const form = page.getByRole('form', { name: 'Grunduppgifter' });
    await expect.poll(async () => plain(await form.getByRole('alert').textContent())).toMatch(/^Status: projektet kan inte få status ansökt.*högst 50 %/);
    expect(await page.getByLabel('Status', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the committee controller edits the period and flat rate, adds financing in kind and sees the checks', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/projekt/GRON-INLAND');
    const basics = page.getByRole('form', { name: 'Grunduppgifter' });
    const issues = page.locator('#project-issues');
    await basics.getByLabel('Slutmånad (ÅÅÅÅ-MM)').fill('2023-06');
    await basics.getByLabel('15 % för indirekta kostnader på direkta personalkostnader').check();
    await basics.getByRole('button', { name: 'Spara grunduppgifterna' }).click();
    await expect.poll(async () => plain(await basics.getByRole('status').textContent())).toBe('Grunduppgifterna är sparade.');
    await expect.poll(async () => plain(await page.locator('#project-h + p').textContent())).toContain('2021-01–2023-06 · Schablon 15 %');
    // The flat rate adds 15 % on staff, so the financing no longer covers the cost: said in words, per year.
    await expect.poll(async () => plain(await issues.textContent())).toMatch(/Finansiering: 2021 är finansieringen 892 006,00 kr men kostnaden 965 806,90 kr \(73 800,90 kr saknas\)\./);
    expect(await page.locator('#project-budget tbody tr').count()).toBe(3);

    // Financing in kind from the municipalities, without its cost first: the mismatch is named.
    const budget = page.getByRole('form', { name: 'Budget och finansieringsplan' });
    await budget.getByLabel('Finansiär för en ny rad').selectOption('kommuner');
    await budget.getByLabel('Finansieringstyp för den nya raden').selectOption('public-in-kind');
    await budget.getByRole('button', { name: 'Lägg till finansieringsrad' }).click();
    await budget.getByLabel('Kommuner, offentlig medfinansiering i annat än pengar (bidrag in natura) 2021').fill('50 000');
    await budget.getByRole('button', { name: 'Spara budget och finansiering' }).click();
    await expect.poll(async () => plain(await issues.textContent())).toContain(
      'Finansiering: 2021 är medfinansieringen i annat än pengar 50 000 kr men kostnaden för bidrag i annat än pengar 0 kr',
    );
    const plan = page.locator('#financing-plan tr[data-line="kommuner:public-in-kind"]');
    await expect.poll(async () => (await plan.locator('th, td').allTextContents()).map(plain)).toEqual([
      'Kommuner', 'Offentlig medfinansiering i annat än pengar (bidrag in natura)', '50 000 kr', '–', '–', '50 000 kr',
    ]);

    // With its value among the costs, the in-kind check holds; only the flat rate's shortfall and the 1:1 share remain.
    await budget.getByLabel('Bidrag i annat än pengar (in natura) 2021').fill('50 000');
    await budget.getByRole('button', { name: 'Spara budget och finansiering' }).click();
    await expect.poll(async () => plain(await issues.textContent())).not.toContain('medfinansieringen i annat än pengar');
    const text = plain(await issues.textContent());
    expect(text).toContain('Finansiering: 2021 är finansieringen 942 006,00 kr men kostnaden 1 015 806,90 kr (73 800,90 kr saknas).');
    expect(text).toMatch(/Regionala projektmedel \(1:1\) står för 5\d,\d % av kostnaderna; högst 50 % är tillåtet\./);
    expect(plain(await page.locator('#project-budget tbody tr').first().locator('td[data-type="public-in-kind"]').textContent())).toBe('50 000 kr');

    // Applying for it is refused, the failing checks listed beside the status.
    await basics.getByLabel('Status', { exact: true }).selectOption('ansokt');
    await basics.getByRole('button', { name: 'Spara grunduppgifterna' }).click();
    const refusal = basics.getByRole('alert');
    await expect.poll(async () => plain(await refusal.locator('p').textContent())).toBe(
      'Status: projektet kan inte få status ansökt förrän reglerna håller; det bryter mot 3 regler, var och en i listan. Spara det som planerat (utkast) så länge.',
    );
    const listed = (await refusal.getByRole('list', { name: 'Problem rad för rad' }).getByRole('listitem').allTextContents()).map(plain);
    expect(listed).toEqual([
      'Finansiering: 2021 är finansieringen 942 006,00 kr men kostnaden 1 015 806,90 kr (73 800,90 kr saknas).',
      'Finansiering: 2022 är finansieringen 892 006,00 kr men kostnaden 965 806,90 kr (73 800,90 kr saknas).',
      'Finansiering: Regionala projektmedel (1:1) står för 54,0 % av kostnaderna; högst 50 % är tillåtet.',
    ]);
    expect(await basics.getByLabel('Status', { exact: true }).getAttribute('aria-describedby')).toBe(await refusal.getAttribute('id'));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'projects-edit-basics-in-kind');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('refuses a budget that breaks the rules for a granted project, listing the checks under the form and writing nothing', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/projekt/SMART-VBN');
    const budget = page.getByRole('form', { name: 'Budget och finansieringsplan' });
    const before = (await page.locator('#financing-plan tr[data-line="eruf:eu"]').locator('td').allTextContents()).map(plain);
    await budget.getByLabel('ERUF Övre Norrland (EU), EU-stöd 2019').fill('1');
    await budget.getByLabel('ERUF Övre Norrland (EU), EU-stöd 2020').fill('1');
    await budget.getByRole('button', { name: 'Spara budget och finansiering' }).click();
    const alert = budget.getByRole('alert');
    await expect.poll(async () => plain(await alert.locator('p').first().textContent())).toMatch(/^Status: projektet kan inte få status beviljat förrän reglerna håller; det bryter mot 2 regler/);
    const listed = (await alert.getByRole('listitem').allTextContents()).map(plain);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(/^Finansiering: 2019 är finansieringen .* men kostnaden .* saknas\)\.$/);
    expect(listed[1]).toMatch(/^Finansiering: 2020 är finansieringen /);
    await page.reload();
    await expect.poll(async () => (await page.locator('#financing-plan tr[data-line="eruf:eu"]').locator('td').allTextContents()).map(plain)).toEqual(before);
    expect(plain(await page.locator('#project-h + p').textContent())).toContain('Beviljat');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
