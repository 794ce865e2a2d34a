// The underlag as a tagged PDF: the HTML rendering printed by Chromium (playwright-core), so the PDF
// has the HTML's structure (headings, tables, figure alternatives) as PDF tags and an outline from the
// headings. Chromium is a system program: when it is missing the error says how to get it.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { UnderlagReport } from '../report-model.ts';
import { escapeXml as esc } from './escape.ts';
import { renderHtml } from './render-html.ts';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
] as const;

/** An expected failure of the PDF output, with a Swedish message a person can act on. */
export class PdfUnavailableError extends Error {
  readonly code: 'chromium-missing' | 'chromium-failed';
  constructor(code: 'chromium-missing' | 'chromium-failed', message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'PdfUnavailableError';
    this.code = code;
  }
}

export type PdfOptions = { readonly chromiumPath?: string };

function footer(report: UnderlagReport): string {
  const left = `${report.title}, ${report.organisation.name} · ${report.version.statusLabel}`;
  return `<div style="width:100%;font-size:8px;color:#4a5560;font-family:'Liberation Sans',Arial,sans-serif;padding:0 18mm 0 20mm;display:flex;justify-content:space-between;">`
    + `<span>${esc(left)}</span><span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`;
}

export async function renderPdf(report: UnderlagReport, options: PdfOptions = {}): Promise<Uint8Array> {
  const executablePath = options.chromiumPath ?? DEFAULT_CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    throw new PdfUnavailableError('chromium-missing',
      `PDF kan inte skapas: Chromium finns inte i ${executablePath}. Installera chromium, t.ex. apt-get install chromium, `
      + 'eller ange var Chromium finns. Dokumentet går att hämta som HTML, DOCX eller XLSX under tiden.');
  }
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  } catch (cause) {
    throw new PdfUnavailableError('chromium-failed', `PDF kan inte skapas: Chromium i ${executablePath} gick inte att starta. Kontrollera installationen (apt-get install chromium).`, { cause });
  }
  try {
    const page = await browser.newPage();
    await page.setContent(renderHtml(report), { waitUntil: 'load' });
    const pdf = await page.pdf({
      tagged: true,
      outline: true,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer(report),
      margin: { top: '20mm', bottom: '22mm', left: '20mm', right: '18mm' },
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await browser.close();
  }
}
