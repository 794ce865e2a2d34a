// Shared set-up of the browser tests: the web app built once, a Ramplan server on a fresh database
// with the demo loaded, and Chromium driven by playwright-core. Without /usr/bin/chromium the suite is
// skipped with a notice, unless RAMPLAN_REQUIRE_ALL=1 (CI), where a skipped suite would hide a gap.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults, Result as AxeViolation } from 'axe-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createTestDatabase, type TestDatabase } from '../test-database.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const webDist = path.join(root, 'web', 'dist');
const chromiumPath = '/usr/bin/chromium';

export const describeBrowser: typeof describe = (() => {
  if (existsSync(chromiumPath)) return describe;
  if (process.env['RAMPLAN_REQUIRE_ALL'] === '1') {
    throw new Error(`Webbläsartesterna kräver Chromium i ${chromiumPath} (RAMPLAN_REQUIRE_ALL=1).`);
  }
  console.warn(`[browser] HOPPAR ÖVER webbläsartesterna: ${chromiumPath} finns inte. Installera chromium för att köra dem.`);
  return describe.skip as typeof describe;
})();

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** Builds web/dist when it is missing or older than the sources (web/ and the shared domain code). */
export function ensureWebBuilt(): void {
  const index = path.join(webDist, 'index.html');
  const sources = Math.max(newestMtime(path.join(root, 'web')), newestMtime(path.join(root, 'src', 'domain')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('[browser] Bygger webbappen (web/dist) …');
  execFileSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

export interface TestServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** A Ramplan server with the demo region on its own database, on a free loopback port. */
export async function startServer(): Promise<TestServer> {
  ensureWebBuilt();
  const database: TestDatabase = await createTestDatabase();
  const app = await buildApp({ databaseUrl: database.url, demo: true, webDist, logger: false });
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      baseUrl: address,
      close: async () => {
        await app.close();
        await database.drop();
      },
    };
  } catch (error) {
    await app.close();
    await database.drop();
    throw error;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a test ends by checking it is empty. */
  pageErrors: string[];
}

export async function openSession(browser: Browser, baseUrl: string, viewport = { width: 1366, height: 900 }): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'sv-SE' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

export async function logIn(page: Page, username: 'ekonom' | 'ledamot' | 'regionekonom' | 'admin', path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill('ramplan-demo');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
}

/** Text as a person reads it: no-break spaces and the typographic minus as plain characters. */
export function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-').replace(/\s+/g, ' ').trim();
}

const axeScript = path.join(root, 'node_modules', 'axe-core', 'axe.min.js');

/** Serious and critical WCAG 2.1 A/AA violations axe finds on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, not as a <script>: the app's Content-Security-Policy
  // (script-src 'self') rightly refuses inline scripts, and the tests run with that policy on.
  await page.evaluate(readFileSync(axeScript, 'utf8'));
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  if (results.passes.length === 0) throw new Error('axe körde inga regler: kontrollera att axe-core laddades.');
  return results.violations
    .filter((v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: AxeViolation) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** A screenshot in /tmp for a person to look at (the design is judged by eye, not asserted). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `/tmp/ramplan-${name}.png`, fullPage });
}

/**
 * A server on its own database and one Chromium for the tests of a file: started before them,
 * closed after. Read `server` and `browser` inside the tests (they are set by then).
 */
export function useServerAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
  };
}
