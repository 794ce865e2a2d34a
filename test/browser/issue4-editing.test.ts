// Editing what issue 4 left to the API alone, in the env.browser and by keyboard where it matters: a
// project's staff rows (unit cost shown as it is typed), costs and maximum shares; the agreement's key
// by hand and from CSV (each bad line beside the field), a forum and its meeting; a new strategy, goal,
// indicator and activity marked done; the overview's notice of project revenue that ends. Errors sit
// beside the field they name (aria-invalid, aria-describedby); every page passes axe; a reader sees no edit controls.
import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, seriousAxeViolations, useServerAndBrowser } from './harness.ts';

/** The error beside an input: aria-invalid, and aria-describedby naming an element with the message. */
async function errorBeside(field: Locator): Promise<string> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const id = (await field.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
  return plain(await field.page().locator(`[id="${id}"]`).textContent());
}

describeBrowser('issue 4: redigering i webben', () => {
  const env = useServerAndBrowser();

  it('an editor edits a project\'s staff rows, costs and maximum shares; errors beside the field', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/projekt/GRON-INLAND');
    const form = page.getByRole('form', { name: 'Budget och finansieringsplan' });
    await form.getByLabel('Årlig uppräkning av enhetskostnaden (%)').fill('2,4');
    await form.getByRole('button', { name: 'Lägg till personalrad' }).click();
    const rows = await form.getByLabel(/^Roll, rad/).count();
    await form.getByLabel(`Roll, rad ${rows}`).fill('Kommunikatör');
    await form.getByLabel(`År, rad ${rows}`).selectOption('2022');
    await form.getByLabel(`Månadslön, rad ${rows}`).fill('43 000');
    // Keyboard only: Tab to the hours, type them.
    await form.getByLabel(`Månadslön, rad ${rows}`).press('Tab');
    await page.keyboard.type('2000');
    expect(plain(await form.locator(`[data-unit-cost="${rows - 1}"]`).textContent())).toBe('300,00 kr/h, uppräknad 2022: 307,20 kr/h');
    await page.keyboard.press('Enter');
    expect(await errorBeside(form.getByLabel(`Timmar, rad ${rows}`))).toMatch(/^Personal rad \d+, timmar: ange ett heltal 0–1 720\./);
    await form.getByLabel(`Timmar, rad ${rows}`).fill('200');
    await form.getByLabel('Resor och logi 2021').fill('tio kronor');
    await form.getByRole('button', { name: 'Spara budget och finansiering' }).click();
    expect(await errorBeside(form.getByLabel('Resor och logi 2021'))).toMatch(/^Kostnader, resor och logi 2021:/);
    await form.getByLabel('Resor och logi 2021').fill('25 000');
    await form.getByLabel(/^Regionala projektmedel \(1:1\) \(standard 50 %\)/).fill('60');
    await form.getByRole('button', { name: 'Spara budget och finansiering' }).click();
    expect(await errorBeside(form.getByLabel(/^Regionala projektmedel \(1:1\) \(standard 50 %\)/))).toBe('Högsta andel för Regionala projektmedel (1:1): ange 0–50 %.');
    await form.getByLabel(/^Regionala projektmedel \(1:1\) \(standard 50 %\)/).fill('50');
    await form.getByRole('button', { name: 'Spara budget och finansiering' }).click();
    await expect.poll(async () => plain(await form.getByRole('status').textContent())).toBe('Budget och finansiering är sparade.');
    const staffTable = page.locator('table', { has: page.getByText(/^Personal som enhetskostnad/) }).first();
    await expect.poll(async () => plain(await staffTable.textContent())).toContain('Kommunikatör');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('an editor enters the key by hand, imports a CSV with its bad lines listed beside it, adds a forum and a meeting', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/samverkan');
    const key = page.locator('form', { has: page.getByText('Fördelningsnyckel, inmatad folkmängd') });
    await key.getByLabel('År', { exact: true }).selectOption('2022');
    await expect.poll(async () => key.getByLabel('Umeå (2480)').inputValue()).not.toBe('');
    await key.getByLabel('Umeå (2480)').fill('många');
    await key.getByRole('button', { name: 'Spara nyckeln' }).click();
    expect(await errorBeside(key.getByLabel('Umeå (2480)'))).toBe('Folkmängd Umeå: ange ett heltal, t.ex. 127 119.');
    await key.getByLabel('Umeå (2480)').fill('130 000');
    await key.getByRole('button', { name: 'Spara nyckeln' }).click();
    await expect.poll(async () => plain(await key.getByRole('status').textContent())).toBe('Nyckeln är sparad och bidragen omräknade.');
    await expect.poll(async () => plain(await page.locator('table', { has: page.getByText('Totalbelopp per år') }).locator('tbody tr').last().textContent())).toContain('inmatad folkmängd');

    const csv = page.locator('form', { has: page.getByText('Fördelningsnyckel från CSV') });
    await csv.getByLabel(/^Rader med kommunkod/).fill('kommunkod;år;folkmängd\n2480;2030;5\n24X0;2021;7');
    await csv.getByRole('button', { name: 'Importera nyckeln' }).click();
    const textarea = csv.getByLabel(/^Rader med kommunkod/);
    const beside = await errorBeside(textarea);
    expect(beside).toContain('Rad 3: kommunkoden "24X0" ska vara fyra siffror.');
    expect(await csv.getByRole('list', { name: 'Problem rad för rad' }).count()).toBe(0); // a single problem: the message says it
    await textarea.fill('kommunkod;år;folkmängd\n2480;2030;5\n2401;2031;7');
    await csv.getByRole('button', { name: 'Importera nyckeln' }).click();
    await expect.poll(async () => plain(await csv.getByRole('list', { name: 'Problem rad för rad' }).textContent())).toContain('Rad 2: år 2030 ingår inte');
    expect(plain(await csv.getByRole('list', { name: 'Problem rad för rad' }).textContent())).toContain('Rad 3: år 2031 ingår inte');

    const forum = page.locator('form', { has: page.getByText('Nytt forum') });
    await forum.getByRole('button', { name: 'Lägg till forum' }).click();
    expect(await errorBeside(forum.getByLabel('Forumets namn'))).toBe('Namn: ange forumets namn.');
    await forum.getByLabel('Forumets namn').fill('Kommundirektörsgruppen');
    await forum.getByLabel('Vilka som möts').selectOption('officials');
    await forum.getByRole('button', { name: 'Lägg till forum' }).click();
    const forums = page.locator('section', { has: page.getByRole('heading', { name: 'Forum och möten' }) });
    await expect.poll(async () => plain(await forums.textContent())).toContain('Kommundirektörsgruppen (tjänstepersoner)');
    const meeting = page.locator('form', { has: page.getByText('Logga ett möte') });
    await meeting.getByLabel('Forum', { exact: true }).selectOption({ label: 'Kommundirektörsgruppen' });
    await meeting.getByLabel(/^Datum/).fill('2021-03-15');
    await meeting.getByLabel('Ämne').fill('Nyckeln för 2022');
    await meeting.getByRole('button', { name: 'Lägg till möte' }).click();
    await expect.poll(async () => plain(await forums.textContent())).toContain('2021-03-15: Nyckeln för 2022');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('an editor adds RUS 2020–2030 and moves to it, a goal on two sub-strategies, an indicator and an activity marked done', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/mal?ar=2021&version=budget-2020');
    const strategy = page.locator('form', { has: page.getByText('Ny regional utvecklingsstrategi') });
    await strategy.getByLabel('Namn').fill('Regional utvecklingsstrategi för Västerbottens län 2020–2030');
    await strategy.getByRole('button', { name: 'Lägg till strategin' }).click();
    expect(await errorBeside(strategy.getByLabel(/^Delstrategier eller prioriteringar/))).toMatch(/^Delstrategier:/);
    await strategy.getByLabel(/^Delstrategier eller prioriteringar/).fill('En levande plats\nEn cirkulär plats\nAttraktiva livsmiljöer');
    await strategy.getByRole('button', { name: 'Lägg till strategin' }).click();
    await expect.poll(async () => plain(await strategy.getByRole('status').textContent())).toMatch(/^Strategin är tillagd/);
    const adopt = page.locator('form', { has: page.getByText('Byt regional utvecklingsstrategi') });
    await adopt.getByLabel('Strategi').selectOption('RUS-2020-2030');
    await adopt.getByLabel('Gäller från år').fill('2021');
    await adopt.getByRole('button', { name: 'Byt strategi' }).click();
    const current = page.locator('section', { has: page.getByRole('heading', { name: 'Regional utvecklingsstrategi 2021' }) });
    await expect.poll(async () => plain(await current.textContent())).toContain('En cirkulär plats');
    expect(plain(await current.textContent())).toMatch(/Från \d{4}: .*2014/); // the history keeps the old one

    const goal = page.locator('form', { has: page.getByText('Nytt mål', { exact: true }) });
    await goal.getByLabel('Mål', { exact: true }).fill('Cirkulär upphandling i hela länet');
    await goal.getByRole('button', { name: 'Lägg till målet' }).click();
    await expect.poll(async () => plain(await goal.getByRole('alert').textContent())).toMatch(/^Delstrategier: välj minst en/);
    await goal.getByLabel('1. En levande plats').check();
    await goal.getByLabel('2. En cirkulär plats').press('Space');
    await goal.getByRole('button', { name: 'Lägg till målet' }).click();
    await expect.poll(async () => plain(await page.locator('#goals-table').textContent())).toContain('Cirkulär upphandling i hela länet');
    expect(plain(await page.locator('#goals-table').textContent())).toContain('1. En levande plats; 2. En cirkulär plats');

    const indicator = page.locator('form', { has: page.getByText('Ny indikator') });
    await indicator.getByLabel('Mål', { exact: true }).selectOption({ label: 'Cirkulär upphandling i hela länet' });
    await indicator.getByLabel('Indikator').fill('Andel cirkulära upphandlingar');
    await indicator.getByLabel(/^Enhet/).fill('%');
    await indicator.getByLabel('Källa').selectOption('kolada');
    await indicator.getByLabel(/^Kolada-id/).fill('X123');
    await indicator.getByRole('button', { name: 'Lägg till indikatorn' }).click();
    expect(await errorBeside(indicator.getByLabel(/^Kolada-id/))).toMatch(/^Kolada-id: "X123" är inget nyckeltal/);
    await indicator.getByLabel('Källa').selectOption('manual');
    await indicator.getByLabel('Utgångsår').fill('2020');
    await indicator.getByLabel('Utgångsvärde').fill('12,5');
    await indicator.getByLabel('Målvärde 2021').fill('20');
    await indicator.getByRole('button', { name: 'Lägg till indikatorn' }).click();
    await expect.poll(async () => plain(await page.locator('#goals-table').textContent())).toContain('Andel cirkulära upphandlingar (manuell)');

    const activity = page.locator('form', { has: page.getByText('Ny aktivitet') });
    await activity.getByLabel('Mål', { exact: true }).selectOption({ label: 'Cirkulär upphandling i hela länet' });
    await activity.getByLabel('Aktivitet').fill('Utbilda upphandlare');
    await activity.getByLabel('Ansvarig').fill('Hållbarhetsenheten');
    await activity.getByLabel(/^Klart senast/).fill('2021-02-30');
    await activity.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
    expect(await errorBeside(activity.getByLabel(/^Klart senast/))).toMatch(/^Klart senast:/);
    await activity.getByLabel(/^Klart senast/).fill('2021-06-30');
    await activity.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
    const detail = page.locator('section', { has: page.getByRole('heading', { name: 'Cirkulär upphandling i hela länet', level: 2 }) });
    await expect.poll(async () => plain(await detail.textContent())).toContain('Utbilda upphandlare – Hållbarhetsenheten, klart senast 2021-06-30');
    await detail.getByRole('button', { name: /^Markera som klar/ }).click();
    await expect.poll(async () => plain(await detail.textContent())).toMatch(/klar, markerad av .*\(ekonom\) \d{4}-\d{2}-\d{2}/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a reader sees the ending project revenue on the overview and no edit controls', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ledamot', '/orgs/RUN/oversikt?ar=2020&version=budget-2020');
    const notice = page.locator('#ending-revenue');
    await expect.poll(async () => plain(await notice.textContent())).toContain('Intäkter som upphör när projekt slutar');
    expect(plain(await notice.textContent())).toMatch(/2021: Projektet Smart specialisering Västerbotten slutar 2021-06/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${env.server.baseUrl}/orgs/RUN/mal?ar=2020&version=budget-2020`);
    await expect.poll(async () => page.getByText('Du har läsbehörighet').count()).toBe(1);
    expect(await page.getByText('Nytt mål', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Markera som/ }).count()).toBe(0);
    await page.goto(`${env.server.baseUrl}/orgs/RUN/projekt/SMART-VBN`);
    await expect.poll(async () => page.locator('#claims-table').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Lägg till personalrad' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
