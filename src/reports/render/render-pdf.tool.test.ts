// The PDF through Chromium: tagged (structure tree, marked content), its text holding every section
// and the key figures (pdftotext), and a clear Swedish error when Chromium is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoUnderlagInput } from '../fixtures/demo-input.ts';
import { buildUnderlagModel } from '../underlag-model.ts';
import { PdfUnavailableError, renderPdf } from './render-pdf.ts';
import { CHROMIUM_PATH, describeWith } from './tool-support.ts';

const report = buildUnderlagModel(demoUnderlagInput());

describe('renderPdf without Chromium', () => {
  it('says in Swedish how to get it', async () => {
    const error = await renderPdf(report, { chromiumPath: '/finns/inte/chromium' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfUnavailableError);
    expect((error as PdfUnavailableError).code).toBe('chromium-missing');
    expect((error as Error).message).toContain('installera chromium, t.ex. apt-get install chromium'.replace('installera', 'Installera'));
  });
});

describeWith([CHROMIUM_PATH, 'pdftotext'])('renderPdf with Chromium', () => {
  let pdf: Uint8Array;
  let text: string;
  beforeAll(async () => {
    pdf = await renderPdf(report);
    const dir = mkdtempSync(path.join(tmpdir(), 'ramplan-pdf-'));
    const file = path.join(dir, 'underlag.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    text = r.stdout.replace(/[\u00a0\u202f]/g, ' ');
  }, 60_000);

  it('is a tagged PDF', () => {
    const bytes = Buffer.from(pdf).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toContain('/StructTreeRoot');
    expect(bytes).toMatch(/\/MarkInfo\s*<<[^>]*\/Marked\s+true/);
  });

  it('holds every section title and the key figures in its text', () => {
    for (const s of report.sections) expect(text.replace(/\s+/g, ' ')).toContain(s.title);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('drygt 50 % av intäkterna');
    expect(flat).toContain('ett positivt resultatutfall på 3 tkr');
    expect(flat).toContain('98 400');
    expect(flat).toContain('19 250 000');
    expect(flat).toContain('Exempeldata');
    expect(flat).toMatch(/Sida 1 av \d+/);
  });
});
