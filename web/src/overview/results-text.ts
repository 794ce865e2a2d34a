// A drafted sentence about the result history, offered beside the chart (docs/UX.md "A drafted
// sentence from the numbers is offered, never forced").
import type { ResultRow } from '../api-types.ts';
import { formatTkr } from '../domain.ts';

function listYears(years: number[]): string {
  if (years.length <= 1) return years.join('');
  return `${years.slice(0, -1).join(', ')} och ${String(years[years.length - 1])}`;
}

export function resultsSentence(rows: readonly ResultRow[]): string {
  if (rows.length === 0) return 'Det finns ingen resultathistorik ännu.';
  const sorted = rows.toSorted((a, b) => a.year - b.year);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  const deficits = sorted.filter((r) => r.resultOre < 0);
  const positive = sorted.filter((r) => r.resultOre > 0).length;
  const parts = [
    `${first.year}–${last.year} var resultatet positivt ${positive} av ${sorted.length} år.`,
  ];
  if (deficits.length > 0) {
    const covered = deficits.filter((r) => r.coveredFromSurplusOre > 0).map((r) => r.year);
    const packages = deficits.filter((r) => r.actionPackage).map((r) => r.year);
    parts.push(`Underskott ${deficits.length === 1 ? 'året' : 'åren'} ${listYears(deficits.map((r) => r.year))}.`);
    if (covered.length > 0) parts.push(`Underskottet täcktes av tidigare års balanserade överskott (${listYears(covered)}).`);
    if (packages.length > 0) parts.push(`Ett åtgärdspaket genomfördes ${listYears(packages)}.`);
  }
  parts.push(`Resultatet ${last.year} var ${formatTkr(last.resultOre)}; balanserat överskott ${formatTkr(last.accumulatedSurplusOre)}.`);
  return parts.join(' ');
}
