// The figures of a run as data first (bench/out/latest.json), then drawn as a text table.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type Figure = {
  readonly id: string;
  readonly name: string;
  readonly medianMs: number;
  readonly runs: number;
  /** What the figure is compared with, measured in the same run. */
  readonly floorName: string;
  readonly floorMedianMs: number;
  /** medianMs / floorMedianMs. */
  readonly ratio: number;
  /** The aim for the median in ms; null when the figure has none. */
  readonly aimMs: number | null;
  readonly met: boolean | null;
};

export function figure(f: Omit<Figure, 'ratio' | 'met'>): Figure {
  return {
    ...f,
    ratio: f.medianMs / f.floorMedianMs,
    met: f.aimMs === null ? null : f.medianMs <= f.aimMs,
  };
}

export function formatMs(ms: number): string {
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

export function formatRatio(r: number): string {
  if (r >= 10) return `${r.toFixed(0)}×`;
  return r >= 0.1 ? `${r.toFixed(2)}×` : `${r.toPrecision(2)}×`;
}

const metText = (met: boolean | null): string => (met === null ? '—' : met ? 'met' : 'NOT MET');

export function figureTable(figures: readonly Figure[]): string {
  const header = ['figure', 'median', 'floor', 'floor median', 'ratio', 'aim', 'aim met'];
  const rows = figures.map((f) => [
    `${f.id} ${f.name}`, formatMs(f.medianMs), f.floorName, formatMs(f.floorMedianMs), formatRatio(f.ratio),
    f.aimMs === null ? '—' : `≤ ${formatMs(f.aimMs)}`, metText(f.met),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export async function writeJson(file: string, data: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
}
