// A writer works on the underlag in the browser: creates it from the template, edits a paragraph of
// a section in place, takes a drafted sentence with its live figures, saves, reloads and finds it
// there; the download links are there (and, once decided, the archive for the registry); the page
// passes axe when read and while edited.
import { expect, it } from 'vitest';
import { describeBrowser, logIn, openSession, plain, screenshot, seriousAxeViolations, useServerAndBrowser } from './harness.ts';

describeBrowser('underlag', () => {
  const env = useServerAndBrowser();

  it('creates the underlag, edits a paragraph, takes a draft, saves, and finds it after a reload', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ekonom', '/orgs/RUN/underlag?version=budget-2020');
    await page.getByRole('button', { name: 'Skapa underlag för 2020' }).click();
    const intro = page.getByRole('region', { name: 'Inledning' });
    await intro.waitFor();
    expect(await page.locator('.document h2').allTextContents()).toEqual([
      'Inledning', 'Det regionala utvecklingsuppdraget', 'Samverkan med kommunerna', 'Mål för regional utveckling',
      'Fortsatt kapacitet för regional utveckling, uppdraget på sikt', 'Ekonomiska förutsättningar, aktuellt ekonomiskt läge',
      'Risker och bevakningspunkter',
    ]);
    expect(plain(await page.locator('data.live-figure').first().textContent())).not.toBe('');
    const downloads = page.getByRole('navigation', { name: 'Hämta underlaget' }).getByRole('link');
    const hrefs = await downloads.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.map((h) => /format=(\w+)/.exec(h ?? '')?.[1])).toEqual(['docx', 'pdf', 'html', 'xlsx']);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Redigera avsnittet Inledning' }).click();
    const editor = page.getByRole('textbox', { name: 'Text i avsnittet Inledning' });
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Nämnden lämnar här sitt underlag, skrivet direkt i Ramplan.');
    await page.getByRole('button', { name: /^Använd: Intäkternas fördelning 2018/ }).click();
    expect(plain(await editor.textContent())).toContain('Under 2018 stod regionen och kommunerna för drygt 50 % av intäkterna');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'underlag-edit');
    await page.getByRole('button', { name: 'Spara avsnittet' }).click();
    await expect.poll(async () => plain(await page.getByRole('status').filter({ hasText: 'Sparat' }).textContent())).toMatch(/Sparat som revision 2/);

    await page.reload();
    const saved = page.getByRole('region', { name: 'Inledning' });
    await saved.getByText('Nämnden lämnar här sitt underlag, skrivet direkt i Ramplan.').waitFor();
    expect(plain(await saved.textContent())).toContain('Under 2018 stod regionen och kommunerna för drygt 50 % av intäkterna');
    expect(await saved.locator('data.live-figure').count()).toBeGreaterThan(0);
    // The revisions list loads on its own after the document: wait for it rather than count at once.
    await expect.poll(async () => page.getByRole('region', { name: 'Revisioner' }).getByText('Sparade avsnittet Inledning').count()).toBe(1);
    await screenshot(page, 'underlag');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a reader sees the document with downloads and nothing editable', async () => {
    const { page, context, pageErrors } = await openSession(env.browser, env.server.baseUrl);
    await logIn(page, 'ledamot', '/orgs/RUN/underlag?version=budget-2020');
    await page.getByRole('region', { name: 'Inledning' }).waitFor();
    expect(await page.getByRole('button', { name: /^Redigera/ }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Hämta underlaget' }).getByRole('link').count()).toBe(4);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
  it('once decided, the downloads offer the archive for the registry, and it downloads as a ZIP', async () => {
    const ekonom = await openSession(env.browser, env.server.baseUrl);
    await logIn(ekonom.page, 'ekonom', '/orgs/RUN/underlag?version=budget-2020');
    const bar = ekonom.page.getByRole('region', { name: 'Status och beslutsflöde' });
    await bar.getByRole('button', { name: 'Skicka för granskning' }).click();
    await bar.getByRole('button', { name: 'Lämna in' }).click();
    await bar.getByRole('button', { name: 'Lämna in' }).waitFor({ state: 'detached' });
    expect(await ekonom.page.getByRole('link', { name: 'Arkiv för diariet (ZIP)' }).count()).toBe(0);
    await ekonom.context.close();

    const region = await openSession(env.browser, env.server.baseUrl);
    await logIn(region.page, 'regionekonom', '/orgs/RUN/underlag?version=budget-2020');
    await region.page.getByRole('button', { name: 'Registrera beslut' }).click();
    await region.page.getByLabel('Diarienummer').fill('RS 2019/123');
    await region.page.getByLabel('Beslutsdatum').fill('2019-06-18');
    await region.page.getByRole('button', { name: 'Registrera beslut' }).last().click();
    const archive = region.page.getByRole('navigation', { name: 'Hämta underlaget' }).getByRole('link', { name: 'Arkiv för diariet (ZIP)' });
    await archive.waitFor();
    const href = await archive.getAttribute('href');
    expect(href).toMatch(/^\/api\/orgs\/RUN\/underlag\/\d+\/archive$/);
    const zip = await region.page.request.get(href ?? '');
    expect(zip.status()).toBe(200);
    expect(zip.headers()['content-type']).toBe('application/zip');
    expect((await zip.body()).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(await seriousAxeViolations(region.page)).toEqual([]);
    expect(region.pageErrors).toEqual([]);
    await region.context.close();
  }, 120_000);
});
