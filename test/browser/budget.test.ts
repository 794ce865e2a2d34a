// The controller edits the budget with the keyboard alone; saves survive a reload; a stale edit shows
// the conflict with both values; a reader sees nothing editable and the server refuses them anyway.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, screenshot, useServerAndBrowser } from './harness.ts';

const budgetPath = '/orgs/RUN/budget?ar=2020&version=budget-2020';

interface ApiLine {
  id: number;
  accountCode: string;
  unitCode: string;
  amountOre: number;
  revision: number;
}

async function linesFromApi(page: Page): Promise<ApiLine[]> {
  const response = await page.request.get('/api/orgs/RUN/versions/budget-2020/lines?year=2020');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { lines: ApiLine[] }).lines;
}

/** Tabs from the top of the page until focus is inside the grid; returns the number of Tab presses. */
async function tabIntoGrid(page: Page): Promise<number> {
  for (let presses = 1; presses <= 40; presses += 1) {
    await page.keyboard.press('Tab');
    const inGrid = await page.evaluate(() => document.activeElement?.closest('[role="grid"]') !== null);
    if (inGrid) return presses;
  }
  throw new Error('Tangentbordet nådde aldrig rutnätet.');
}

const activeCellText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? null).then(plain);
const activeRowText = (page: Page) => page.evaluate(() => document.activeElement?.closest('tr')?.textContent ?? null).then(plain);
const saveStatus = (page: Page) => page.locator('.save-status').textContent().then(plain);

describeBrowser('budget', () => {
  const env = useServerAndBrowser();

  it('edits an amount with the keyboard, updates the sums at once, and keeps it after a reload', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', budgetPath);
    await page.getByRole('grid').waitFor();
    const revenueBefore = plain(await page.getByTestId('sum-revenue').textContent());
    expect(revenueBefore).toBe('102 320 000 kr');

    await page.locator('body').focus();
    await tabIntoGrid(page);
    expect(await activeRowText(page)).toContain('3510 Regionbidrag (budgetram)');
    expect(await activeCellText(page)).toBe('32 550 000');

    // Typing starts editing and replaces the value; Enter saves and moves down.
    await page.keyboard.type('32 600 000');
    expect(await page.getByRole('textbox', { name: /Belopp i kronor för/ }).inputValue()).toBe('32 600 000');
    await page.keyboard.press('Enter');
    await expect.poll(() => saveStatus(page)).toBe('Sparat');
    expect(plain(await page.getByTestId('sum-revenue').textContent())).toBe('102 370 000 kr');
    expect(await activeRowText(page)).toContain('3560');

    // Escape cancels an edit that was started with F2.
    await page.keyboard.press('F2');
    await page.keyboard.press('End');
    await page.keyboard.type('9');
    await page.keyboard.press('Escape');
    expect(await activeCellText(page)).toBe('19 250 000');

    // An invalid amount is explained next to the grid and nothing is saved.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('12,3,4');
    await page.keyboard.press('Enter');
    await expect.poll(async () => plain(await page.locator('.grid-error').textContent())).toContain('Ogiltigt belopp');
    expect(await page.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await screenshot(page, 'budget-edited');

    await page.reload();
    await page.getByRole('grid').waitFor();
    const first = page.getByRole('row').filter({ hasText: '3510 Regionbidrag (budgetram)' });
    expect(plain(await first.getByRole('gridcell').last().textContent())).toBe('32 600 000');
    expect(plain(await page.getByTestId('sum-revenue').textContent())).toBe('102 370 000 kr');
    const saved = (await linesFromApi(page)).find((l) => l.accountCode === '3510');
    expect(saved?.amountOre).toBe(3_260_000_000);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows both values when someone else saved the line first, and lets the user choose', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', budgetPath);
    await page.getByRole('grid').waitFor();

    // Someone else changes the Kommunbidrag line while the page is open.
    const line = (await linesFromApi(page)).find((l) => l.accountCode === '3560');
    if (line === undefined) throw new Error('Demoraden 3560 saknas');
    const other = await page.request.patch(`/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, {
      data: { amountOre: 1_930_000_000, revision: line.revision },
    });
    expect(other.status()).toBe(200);

    await page.locator('body').focus();
    await tabIntoGrid(page);
    await page.keyboard.press('ArrowDown');
    expect(await activeRowText(page)).toContain('3560');
    await page.keyboard.type('19400000');
    await page.keyboard.press('Enter');

    const panel = page.locator('.conflicts');
    await panel.waitFor();
    const text = plain(await panel.textContent());
    expect(text).toContain('Ditt värde');
    expect(text).toContain('19 400 000,00 kr');
    expect(text).toContain('19 300 000,00 kr');
    // Until the user chooses, the grid shows what is saved.
    const row = page.getByRole('row').filter({ hasText: '3560' });
    expect(plain(await row.getByRole('gridcell').last().textContent())).toContain('19 300 000');
    await screenshot(page, 'budget-conflict');

    await panel.getByRole('button', { name: 'Skriv över med mitt värde' }).click();
    await expect.poll(() => saveStatus(page)).toBe('Sparat');
    expect(await panel.count()).toBe(0);
    const saved = (await linesFromApi(page)).find((l) => l.accountCode === '3560');
    expect(saved?.amountOre).toBe(1_940_000_000);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('undoes the last edit with Ctrl+Z', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', budgetPath);
    await page.getByRole('grid').waitFor();
    await page.locator('body').focus();
    await tabIntoGrid(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const before = await activeCellText(page);
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await expect.poll(() => saveStatus(page)).toBe('Sparat');
    expect(await activeCellText(page)).toBe('1');
    await page.keyboard.press('Control+z');
    await expect.poll(() => activeCellText(page)).toBe(before);
    await expect.poll(async () => (await linesFromApi(page)).find((l) => l.accountCode === '3610')?.amountOre).toBe(2_250_000_000);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('pastes a column of amounts from Excel into consecutive lines', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', budgetPath);
    await page.getByRole('grid').waitFor();
    await page.locator('body').focus();
    await tabIntoGrid(page);
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
    expect(await activeRowText(page)).toContain('3660');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1 030 000\tLänsstyrelsen\r\n6 500 000,50\tEU\r\n');
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => saveStatus(page)).toBe('Sparat');
    expect(plain(await page.locator('.grid-announcement').textContent())).toBe('2 belopp inklistrade.');
    const lines = await linesFromApi(page);
    expect(lines.find((l) => l.accountCode === '3660')?.amountOre).toBe(103_000_000);
    expect(lines.find((l) => l.accountCode === '3710' && l.unitCode === 'RUF-NAR')?.amountOre).toBe(650_000_050);

    // A block with one bad value pastes nothing and says which line of the clipboard was wrong.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1\nett tal\n');
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(async () => plain(await page.locator('.grid-announcement').textContent())).toContain('Inget klistrades in: rad 2');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('offers a reader nothing editable, and the server refuses their edit', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ledamot', budgetPath);
    const grid = page.getByRole('grid');
    await grid.waitFor();
    expect(plain(await page.locator('.notice-readonly').textContent())).toContain('läsbehörighet');
    expect(await grid.getAttribute('aria-readonly')).toBe('true');
    expect(await page.locator('[role="gridcell"][aria-readonly="false"]').count()).toBe(0);
    expect(await page.locator('.cell-editable').count()).toBe(0);

    await page.locator('body').focus();
    await tabIntoGrid(page);
    for (const key of ['Enter', 'F2', '5', 'Delete']) {
      await page.keyboard.press(key);
      expect(await page.locator('[role="grid"] input').count()).toBe(0);
    }
    await screenshot(page, 'budget-reader');

    const line = (await linesFromApi(page))[0];
    if (line === undefined) throw new Error('Inga budgetrader');
    const refused = await page.request.patch(`/api/orgs/RUN/versions/budget-2020/lines/${line.id}`, {
      data: { amountOre: 1, revision: line.revision },
    });
    expect(refused.status()).toBe(403);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows an adopted version as adopted, with nothing editable, even to the controller', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/budget?ar=2019&version=budget-2019');
    await page.getByRole('grid').waitFor();
    expect(plain(await page.locator('.badge-adopted').textContent())).toContain('Fastställd');
    expect(plain(await page.locator('.notice-readonly').textContent())).toContain('fastställd');
    expect(await page.locator('[role="gridcell"][aria-readonly="false"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
