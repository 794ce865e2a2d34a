// A person reads the goals table of 2019 (women and men beside the total) and an editor records an
// assessment; a missing comment on a goal not fully met is refused beside the form. The committee
// controller changes a goal and an indicator's target for a year beyond the fourth, and deletes an
// activity after confirming; a reader sees no edit controls. All pass axe.
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, seriousAxeViolations, useServerAndBrowser } from './harness.ts';

describeBrowser('mål och indikatorer', () => {
  const env = useServerAndBrowser();

  it('shows the goals table with outcomes split by sex and passes axe', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ledamot', '/orgs/RUN/mal?ar=2019&version=budget-2019');
    const table = page.locator('#goals-table');
    await expect.poll(async () => plain(await table.textContent())).toContain('Fler i arbete i hela länet');
    expect(plain(await table.textContent())).toContain('80,9 % (79,7 % / 82,0 %)');
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

  it('the committee controller changes a goal and a target beyond the fourth year, and deletes an activity; a reader sees no edit controls', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/mal?ar=2020&version=budget-2020');
    const detail = page.locator('section', { has: page.getByRole('heading', { name: 'Stark samverkan med länets kommuner', level: 2 }) });
    await detail.getByRole('button', { name: 'Ändra målet Stark samverkan med länets kommuner' }).click();
    const goalForm = detail.locator('form', { has: page.getByText('Ändra målet', { exact: true }) });
    await goalForm.getByLabel('Mål', { exact: true }).fill('   ');
    await goalForm.getByRole('button', { name: 'Spara målet' }).click();
    const title = goalForm.getByLabel('Mål', { exact: true });
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    expect(plain(await page.locator(`[id="${await title.getAttribute('aria-describedby') ?? ''}"]`).textContent())).toBe('Mål: skriv målet.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await title.fill('Stark samverkan med länets femton kommuner');
    await goalForm.getByRole('button', { name: 'Spara målet' }).click();
    await expect.poll(async () => plain(await page.locator('#goals-table').textContent())).toContain('Stark samverkan med länets femton kommuner');
    const goal = page.locator('section', { has: page.getByRole('heading', { name: 'Stark samverkan med länets femton kommuner', level: 2 }) });
    await expect.poll(async () => plain(await goal.getByRole('status').textContent())).toBe('Målet är sparat.');

    await goal.getByRole('button', { name: 'Ändra indikatorn Möten i samverkansforumen' }).click();
    const indicatorForm = goal.locator('form', { has: page.getByText('Ändra indikatorn Möten i samverkansforumen') });
    expect(await indicatorForm.getByLabel('Målvärde 2020').inputValue()).toBe('6');
    await indicatorForm.getByLabel('Målvärden till år').fill('2026');
    await indicatorForm.getByLabel('Målvärde 2026').fill('tio');
    await indicatorForm.getByRole('button', { name: 'Spara indikatorn' }).click();
    await expect.poll(() => indicatorForm.getByLabel('Målvärde 2026').getAttribute('aria-invalid')).toBe('true');
    await indicatorForm.getByLabel('Målvärde 2026').fill('10');
    await indicatorForm.getByRole('button', { name: 'Spara indikatorn' }).click();
    await expect.poll(async () => plain(await goal.locator('.indicator-targets').first().textContent())).toBe('Målvärden: 2019: 4 · 2020: 6 · 2026: 10');
    // The form closed; focus is back on the button that opened it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Ändra indikatorn Möten i samverkansforumen');

    const activity = 'Utvärdering av samverkansöverenskommelsen 2019–2022';
    expect(plain(await goal.textContent())).toContain(activity);
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await goal.getByRole('button', { name: `Ta bort aktiviteten ${activity}` }).click();
    await expect.poll(async () => plain(await goal.textContent())).toContain('Inga aktiviteter.');
    expect(questions).toEqual([`Ta bort aktiviteten "${activity}"?`]);
    expect(plain(await goal.getByRole('status').textContent())).toBe(`Aktiviteten "${activity}" är borttagen.`);
    // Cancelling a delete keeps the goal.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await goal.getByRole('button', { name: 'Ta bort målet Stark samverkan med länets femton kommuner' }).click();
    expect(await page.locator('#goals-table').textContent()).toContain('Stark samverkan med länets femton kommuner');
    expect(plain(await goal.getByRole('status').textContent())).toBe(`Aktiviteten "${activity}" är borttagen.`); // nothing was sent
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();

    const reader = await openSession(env.browser, env.server.baseUrl);
    await logIn(reader.page, 'ledamot', '/orgs/RUN/mal?ar=2026&version=budget-2020');
    const readerGoal = reader.page.locator('section', { has: reader.page.getByRole('heading', { name: 'Stark samverkan med länets femton kommuner', level: 2 }) });
    await expect.poll(async () => plain(await readerGoal.textContent())).toContain('2026: 10');
    expect(plain(await reader.page.locator('#goals-table').textContent())).toContain('Möten i samverkansforumen');
    expect(await reader.page.getByRole('button', { name: /^(Ändra|Ta bort)/ }).count()).toBe(0);
    expect(reader.pageErrors).toEqual([]);
    await reader.context.close();
  });

  it('an editor changes an outcome split by sex and moves an assessment (errors beside the field), and deletes a goal with its contents after confirming', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/mal?ar=2019&version=budget-2019');
    const goal = page.locator('section', { has: page.getByRole('heading', { name: 'Fler i arbete i hela länet', level: 2 }) });
    await goal.getByRole('button', { name: 'Ändra utfallet 2019-Å för Förvärvsarbetande invånare 20–64 år' }).click();
    const outcome = goal.locator('form', { has: page.getByText('Ändra utfallet 2019-Å') });
    expect(await outcome.getByLabel('Kvinnor').inputValue()).toBe('79,7');
    await outcome.getByLabel('Kvinnor').fill('många');
    await outcome.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect.poll(() => outcome.getByLabel('Kvinnor').getAttribute('aria-invalid')).toBe('true');
    expect(plain(await outcome.getByRole('alert').textContent())).toBe('Kvinnor: ange ett tal, t.ex. 78,5.');
    await outcome.getByLabel('Kvinnor').fill('79,9');
    await outcome.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect.poll(async () => plain(await page.locator('#goals-table').textContent())).toContain('80,9 % (79,9 % / 82,0 %)');

    await goal.getByRole('button', { name: 'Ändra bedömningen 2019-T1' }).click();
    const assessment = goal.locator('form', { has: page.getByText('Ändra bedömningen 2019-T1') });
    const period = assessment.getByLabel(/^Period/);
    await period.fill('2019-Å');
    await assessment.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect.poll(() => period.getAttribute('aria-invalid')).toBe('true');
    expect(plain(await page.locator(`[id="${await period.getAttribute('aria-describedby') ?? ''}"]`).textContent())).toBe('Period: målet har redan en bedömning för 2019-Å.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await period.fill('2019-D');
    await assessment.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect.poll(async () => plain(await goal.textContent())).toContain('2019-D: Delvis uppfyllt – Sysselsättningen ökar i kustkommunerna');
    expect(plain(await goal.textContent())).not.toContain('2019-T1:');

    const doomed = 'Högre utbildningsnivå och tryggad kompetensförsörjning';
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole('button', { name: `Ta bort målet ${doomed}` }).click();
    await expect.poll(async () => plain(await page.locator('#goals-table').textContent())).not.toContain(doomed);
    expect(questions).toEqual([`Ta bort målet "${doomed}"? Målets 1 indikator (med 1 utfall), 1 aktivitet och 1 bedömning tas också bort.`]);
    expect(await page.getByRole('heading', { name: doomed }).count()).toBe(0);
    await expect.poll(async () => page.getByRole('status').filter({ hasText: `Målet "${doomed}" är borttaget.` }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
