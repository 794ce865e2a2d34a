// For the *.tool.test.ts suites that need an external program (Chromium, LibreOffice, pdftotext):
// run when it is installed, skip with a visible notice when not, and fail when RAMPLAN_REQUIRE_ALL=1
// (CI), so a missing program never passes silently there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether a program is on the PATH (or an absolute path that exists). */
export function hasProgram(program: string): boolean {
  if (program.startsWith('/')) return existsSync(program);
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

/** Chromium's tagged PDF: a structure tree and the MarkInfo that says the content is marked. */
export function expectTaggedPdf(pdf: Uint8Array): void {
  const bytes = Buffer.from(pdf).toString('latin1');
  expect(bytes.startsWith('%PDF-')).toBe(true);
  expect(bytes).toContain('/StructTreeRoot');
  expect(bytes).toMatch(/\/MarkInfo\s*<<[^>]*\/Marked\s+true/);
}

/** `describe` when every program is there, else a visible skip (or an error under RAMPLAN_REQUIRE_ALL=1). */
export function describeWith(programs: readonly string[]): typeof describe {
  const missing = programs.filter((p) => !hasProgram(p));
  if (missing.length === 0) return describe;
  const message = `[reports] HOPPAR ÖVER tester som kräver ${missing.join(', ')}: programmet saknas. Installera t.ex. med apt-get install chromium libreoffice-writer poppler-utils.`;
  if (process.env['RAMPLAN_REQUIRE_ALL'] === '1') throw new Error(`${message} (RAMPLAN_REQUIRE_ALL=1)`);
  console.warn(message);
  return describe.skip as typeof describe;
}
