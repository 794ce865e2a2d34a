// WCAG 2.1 AA is law, not polish (docs/UX.md): axe finds no serious or critical violation on the
// login, overview and budget pages; the keyboard alone gets from the login to an edit in the grid;
// and at 200 % zoom (a 640 px wide viewport) nothing needs sideways scrolling.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, screenshot, seriousAxeViolations, useServerAndBrowser } from './harness.ts';

async function openAllTables(page: Page): Promise<void> {
  for (const summary of await page.locator('details summary').all()) await summary.click();
}

async function pressUntilFocused(page: Page, key: string, accept: () => Promise<boolean>, max = 40): Promise<number> {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press(key);
    if (await accept()) return presses;
  }
  throw new Error(`Fokus kom aldrig fram med ${key}.`);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '').then(plain);

describeBrowser('tillgänglighet', () => {
  const env = useServerAndBrowser();

  it('finds no serious or critical axe violations on the login page, also with an error shown', async () => {
    const { page, context } = await openSession(env.browser, env.server.baseUrl);
    await page.goto('/logga-in');
    await page.getByLabel('Användarnamn').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.locator('.form-error p').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'login');
    await context.close();
  });

  it('finds no serious or critical axe violations on the overview, with its tables open', async () => {
    const { page, context } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/oversikt?ar=2018&version=actual');
    await page.getByRole('heading', { name: 'Resultat över tid' }).waitFor();
    await page.locator('.plan-table').waitFor();
    await page.locator('#results-h ~ .lead').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await openAllTables(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const headings = await page.locator('h1, h2, h3').evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
    expect(headings[0]).toBe(1);
    for (let i = 1; i < headings.length; i += 1) expect((headings[i] ?? 0) - (headings[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    await context.close();
  });

  it('finds no serious or critical axe violations on the budget page, while editing, and read-only', async () => {
    const { page, context } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/budget?ar=2020&version=budget-2020');
    await page.getByRole('grid').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('gridcell').filter({ hasText: '32 550 000' }).dblclick();
    await page.getByRole('textbox').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await context.close();

    const reader = await openSession(env.browser, env.server.baseUrl);
    await logIn(reader.page, 'ledamot', '/orgs/RUN/budget?ar=2020&version=budget-2020');
    await reader.page.getByRole('grid').waitFor();
    expect(await seriousAxeViolations(reader.page)).toEqual([]);
    await reader.context.close();
  });

  it('gets from the login page to an edit in the grid with the keyboard alone', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await page.goto('/');
    await page.getByLabel('Användarnamn').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-username');
    await page.keyboard.type('ekonom');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ramplan-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();

    // The first Tab reaches the skip link; then on to the side navigation's "Budget".
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Hoppa till innehållet');
    await pressUntilFocused(page, 'Tab', async () => (await focusedText(page)) === 'Budget');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('/orgs/RUN/budget');
    await page.getByRole('grid').waitFor();
    // A new section moves focus to its heading, so the next Tabs continue from there.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await pressUntilFocused(page, 'Tab', () => page.evaluate(() => document.activeElement?.getAttribute('role') === 'gridcell'));
    const outline = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? getComputedStyle(el).boxShadow : '';
    });
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('gridcell');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('textbox', { name: /Belopp i kronor/ }).count()).toBe(1);
    await page.keyboard.press('Escape');
    // Tab leaves the grid (one tab stop), as the ARIA grid pattern asks.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="grid"]') === null)).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('works at 200 % zoom without sideways scrolling', async () => {
    const { page, context } = await openSession(env.browser, env.server.baseUrl, { width: 640, height: 800 });
    await logIn(page, 'ekonom', '/orgs/RUN/oversikt?ar=2018&version=actual');
    await page.getByRole('heading', { name: 'Resultat över tid' }).waitFor();
    await page.locator('.plan-table').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await page.getByRole('navigation', { name: 'Avsnitt' }).getByRole('link', { name: 'Budget' }).isVisible()).toBe(true);
    await screenshot(page, 'overview-zoom200', false);
    await page.getByRole('navigation', { name: 'Avsnitt' }).getByRole('link', { name: 'Budget' }).click();
    await page.getByRole('grid').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('gridcell').first().click();
    await page.keyboard.press('Enter');
    await screenshot(page, 'budget-zoom200', false);
    await context.close();
  });
});
