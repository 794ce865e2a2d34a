// The DOCX as LibreOffice reads it: converted headless without error, its text holding every section
// title and the key figures; and its structure (headings, header rows, alt text) in the XML itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { demoUnderlagInput } from '../fixtures/demo-input.ts';
import { reportTables } from '../report-model.ts';
import { buildUnderlagModel } from '../underlag-model.ts';
import { renderDocx } from './render-docx.ts';
import { describeWith } from './tool-support.ts';

const report = buildUnderlagModel(demoUnderlagInput());

/** One file of a zip (the docx), read from the central directory; enough for a test. */
function unzipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extra + comment;
  }
  throw new Error(`${name} finns inte i arkivet`);
}

describe('renderDocx structure', () => {
  let xml: string;
  beforeAll(async () => {
    xml = unzipEntry(Buffer.from(await renderDocx(report)), 'word/document.xml');
  });

  it('uses Word heading styles, a table of contents and header rows', () => {
    const h1 = [...xml.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>([^<]+)<\/w:t>/g)].map((m) => m[1]);
    expect(h1).toEqual(report.sections.map((s) => s.title));
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(reportTables(report).length);
  });

  it('gives every chart image alt text', () => {
    const docPr = [...xml.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(docPr).toHaveLength(3);
    for (const d of docPr) expect(d).toMatch(/descr="Stapeldiagram över [^"]{40,}" title="Diagram \d\. /);
  });
});

describeWith(['soffice', 'pdftotext'])('renderDocx through LibreOffice', () => {
  let text: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ramplan-docx-'));
    const file = path.join(dir, 'underlag.docx');
    writeFileSync(file, await renderDocx(report));
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 90_000 });
    expect(r.status, r.stderr).toBe(0);
    const t = spawnSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'underlag.pdf'), '-'], { encoding: 'utf8' });
    expect(t.status, t.stderr).toBe(0);
    text = t.stdout.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
    expect(readFileSync(path.join(dir, 'underlag.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('converts without error, and its text holds every section title and the key figures', () => {
    for (const s of report.sections) expect(text).toContain(s.title);
    expect(text).toContain('Under 2018 stod regionen och kommunerna för drygt 50 % av intäkterna');
    expect(text).toContain('ett positivt resultatutfall på 3 tkr');
    expect(text).toContain('Summa intäkter 98 400 100,0');
    expect(text).toContain('19 250 000');
    expect(text).toContain('Exempeldata.');
    expect(text).toMatch(/Sida 1 av \d+/);
  });
});
