// A person reads the collaboration agreement: each municipality's contribution for a year adds up
// to the total, the chart says the same in text, the page passes axe, and an editor's follow-up is
// saved while a bad one is refused with a message next to the form.
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, screenshot, seriousAxeViolations, useServerAndBrowser } from './harness.ts';

/** "1 234 567,50 kr" → 123456750 öre. */
const ore = (text: string | null) => {
  const m = /^(-?[\d ]+),(\d{2}) kr$/.exec(plain(text));
  if (!m) throw new Error(`inte ett belopp i kr: ${String(text)}`);
  return Number((m[1] ?? '').replace(/ /g, '')) * 100 + Number(m[2]);
};

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
    // A reader sees the log but nothing to change, delete or create.
    expect(await page.getByRole('list', { name: 'Uppföljningar' }).locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^(Ändra|Ta bort)/ }).count()).toBe(0);
    expect(await page.getByText('Registrera en ny samverkansöverenskommelse').count()).toBe(0);
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

  it('the committee controller creates an agreement, enters a key, edits a meeting and deletes a follow-up', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/samverkan');
    await page.getByText('Registrera en ny samverkansöverenskommelse').click();
    const create = page.locator('form', { has: page.getByText('Ny överenskommelse', { exact: true }) });
    const parties = create.getByRole('group', { name: 'Parter' });
    expect(await parties.getByRole('checkbox').count()).toBe(15);
    expect(await parties.getByRole('checkbox', { checked: false }).count()).toBe(0);
    // A bad amount is refused beside its field, and nothing is created.
    await create.getByLabel('Namn').fill('Samverkan 2027–2030');
    await create.getByLabel('Första år', { exact: true }).fill('2027');
    await create.getByLabel(/^Sista år/).fill('2030');
    await create.getByLabel(/^Årsbelopp första året/).fill('1 234 567,5x');
    await create.getByLabel(/^Årlig uppräkning/).fill('1,5');
    await parties.getByLabel(/^Sorsele/).uncheck();
    await create.getByRole('button', { name: 'Skapa överenskommelsen' }).click();
    const amount = create.getByLabel(/^Årsbelopp första året/);
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    expect(plain(await create.getByRole('alert').textContent())).toMatch(/^Årsbelopp första året: Ogiltigt belopp/);
    await amount.fill('1 234 567,50');
    await create.getByRole('button', { name: 'Skapa överenskommelsen' }).click();
    await expect.poll(() => page.url()).toMatch(/\/orgs\/RUN\/samverkan\/\d+/);
    await expect.poll(async () => plain(await page.locator('#agreement-h').textContent())).toBe('Samverkan 2027–2030');
    expect(plain(await page.locator('section', { has: page.locator('#agreement-h') }).textContent())).toContain('Avtalsperiod 2027–2030 · 14 kommuner · årlig uppräkning 1,5 %');

    // The key of 2027 entered by hand: 1 000, 1 001, … per party.
    const keyForm = page.locator('form', { has: page.getByText('Fördelningsnyckel, inmatad folkmängd') });
    await keyForm.getByLabel('År', { exact: true }).selectOption('2027');
    const inputs = keyForm.getByRole('group', { name: 'Folkmängd per kommun' }).getByRole('textbox');
    expect(await inputs.count()).toBe(14);
    for (let i = 0; i < 14; i++) await inputs.nth(i).fill(String(1_000 + i));
    await keyForm.getByRole('button', { name: 'Spara nyckeln' }).click();
    await expect.poll(async () => plain(await keyForm.getByRole('status').textContent())).toBe('Nyckeln är sparad och bidragen omräknade.');
    await page.locator('#contrib-year').selectOption('2027');
    const table = page.locator('#contributions-table');
    await expect.poll(async () => plain(await table.locator('tbody tr').first().locator('td').first().textContent())).toMatch(/^1 0\d\d$/);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(14);
    expect(await table.locator('tbody tr[data-municipality="2422"]').count()).toBe(0);
    let sum = 0;
    for (let i = 0; i < 14; i++) sum += ore(await rows.nth(i).locator('td').nth(1).textContent());
    expect(sum).toBe(123_456_750);
    expect(plain(await table.locator('tfoot td').nth(1).textContent())).toBe('1 234 567,50 kr');
    expect(plain(await table.locator('tfoot td').first().textContent())).toBe(String(14 * 1_000 + 91).replace(/^(\d+)(\d{3})$/, '$1 $2'));

    // A forum, a meeting in it and a follow-up; then the meeting is changed and the follow-up deleted.
    const forumForm = page.locator('form', { has: page.getByText('Nytt forum', { exact: true }) });
    await forumForm.getByLabel('Forumets namn').fill('Beredningsgruppen');
    await forumForm.getByRole('button', { name: 'Lägg till forum' }).click();
    await expect.poll(async () => page.getByRole('heading', { name: /Beredningsgruppen/ }).count()).toBe(1);
    const meetingForm = page.locator('form', { has: page.getByText('Logga ett möte', { exact: true }) });
    await meetingForm.getByLabel(/^Datum/).fill('2027-02-10');
    await meetingForm.getByLabel('Ämne').fill('Uppstart');
    await meetingForm.getByRole('button', { name: 'Lägg till möte' }).click();
    const meetings = page.getByRole('list', { name: 'Möten i Beredningsgruppen' });
    await expect.poll(async () => plain(await meetings.textContent())).toContain('2027-02-10: Uppstart');
    const followupForm = page.locator('form', { has: page.getByText('Ny uppföljning', { exact: true }) });
    await followupForm.getByLabel(/^Period/).fill('2027-T1');
    await followupForm.getByLabel('Vad uppföljningen visar').fill('Första tertialen följde planen');
    await followupForm.getByRole('button', { name: 'Lägg till uppföljning' }).click();
    const followups = page.getByRole('list', { name: 'Uppföljningar' });
    await expect.poll(async () => plain(await followups.textContent())).toContain('Första tertialen följde planen');

    // The terms: a period that would leave the follow-up outside is refused beside the field; a longer one is saved.
    const terms = page.locator('form', { has: page.getByText('Namn, period, uppräkning och parter', { exact: true }) });
    await terms.getByLabel('Första år', { exact: true }).fill('2028');
    await terms.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect.poll(async () => plain(await terms.getByRole('alert').textContent())).toBe('Första år: uppföljningen för tertial 1 2027 ligger före 2028. Ändra eller ta bort den först.');
    expect(await terms.getByLabel('Första år', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await terms.getByLabel('Första år', { exact: true }).fill('2027');
    await terms.getByLabel(/^Sista år/).fill('2031');
    await terms.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect.poll(async () => plain(await page.locator('section', { has: page.locator('#agreement-h') }).textContent())).toContain('Avtalsperiod 2027–2031');
    const totals = page.locator('table', { has: page.getByText('Totalbelopp per år') });
    const lastRow = totals.locator('tbody tr').last();
    expect(plain(await lastRow.locator('th').textContent())).toBe('2031');
    // 2030's 1 290 961 kr (rounded) uplifted by 1,5 %; the years before are kept.
    expect(plain(await lastRow.locator('td').first().textContent())).toBe('1 310 325 kr');
    expect(plain(await totals.locator('tbody tr').first().locator('td').first().textContent())).toBe('1 234 568 kr');

    await meetings.getByRole('button', { name: 'Ändra mötet 2027-02-10 Uppstart' }).click();
    const edit = meetings.locator('form');
    await edit.getByLabel(/^Datum/).fill('2027-02-31');
    await edit.getByRole('button', { name: 'Spara mötet' }).click();
    await expect.poll(async () => plain(await edit.getByRole('alert').textContent())).toMatch(/^Datum:/);
    await edit.getByLabel(/^Datum/).fill('2027-02-11');
    await edit.getByLabel('Ämne').fill('Uppstart med kommunerna');
    await edit.getByLabel(/^Anteckningar/).fill('Alla fjorton kommuner deltog');
    await edit.getByRole('button', { name: 'Spara mötet' }).click();
    await expect.poll(async () => plain(await meetings.textContent())).toContain('2027-02-11: Uppstart med kommunerna – Alla fjorton kommuner deltog');
    expect(await meetings.locator('form').count()).toBe(0);

    const deleteFollowup = followups.getByRole('button', { name: /^Ta bort uppföljningen Tertial 1 2027/ });
    const questions: string[] = [];
    page.once('dialog', (d) => { questions.push(d.message()); void d.dismiss(); });
    await deleteFollowup.click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toBe('Ta bort uppföljningen för tertial 1 2027: ”Första tertialen följde planen”?');
    expect(plain(await followups.textContent())).toContain('Första tertialen följde planen');
    page.once('dialog', (d) => void d.accept());
    await deleteFollowup.click();
    const followupSection = page.locator('section', { has: page.locator('#followup-h') });
    await expect.poll(async () => plain(await followupSection.textContent())).toContain('Inga uppföljningar är registrerade.');
    expect(plain(await followupSection.getByRole('status').textContent())).toBe('Uppföljningen för tertial 1 2027 är borttagen.');

    // What was saved is on the server too.
    await page.reload();
    await expect.poll(async () => plain(await page.getByRole('list', { name: 'Möten i Beredningsgruppen' }).textContent())).toContain('Uppstart med kommunerna');
    expect(await page.getByText('Första tertialen följde planen').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'agreements-created');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('says when two agreements cover the same years, and which one the underlag uses', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/samverkan');
    expect(await page.locator('#agreement-overlaps').count()).toBe(0);
    await page.getByText('Registrera en ny samverkansöverenskommelse').click();
    const create = page.locator('form', { has: page.getByText('Ny överenskommelse', { exact: true }) });
    await create.getByLabel('Namn').fill('Samverkan 2021–2024');
    await create.getByLabel('Första år', { exact: true }).fill('2021');
    await create.getByLabel(/^Sista år/).fill('2024');
    await create.getByLabel(/^Årsbelopp första året/).fill('1 000 000');
    await create.getByLabel(/^Årlig uppräkning/).fill('0');
    await create.getByRole('button', { name: 'Skapa överenskommelsen' }).click();
    await expect.poll(async () => plain(await page.locator('#agreement-h').textContent())).toBe('Samverkan 2021–2024');
    const notice = page.locator('#agreement-overlaps');
    await expect.poll(async () => plain(await notice.textContent())).toBe(
      'Överenskommelse om samverkan för regional utveckling 2019–2022 och Samverkan 2021–2024 gäller båda 2021–2022. '
      + 'Underlaget visar Överenskommelse om samverkan för regional utveckling 2019–2022 för de åren.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
