// Which version and year a view shows when the URL leaves them out, and how the chosen context is
// described in the top bar ("Budget 2020, plan 2021–2022 · version: Förslag").
import type { PlanVersion, VersionKind, VersionStatus } from './api-types.ts';

export interface ResolvedView {
  version: PlanVersion;
  year: number;
}

function defaultVersion(versions: readonly PlanVersion[]): PlanVersion | undefined {
  return (
    versions.find((v) => v.kind === 'budget' && v.status === 'draft') ??
    versions.find((v) => v.kind === 'budget') ??
    versions.find((v) => v.kind === 'actual') ??
    versions[0]
  );
}

function defaultYear(version: PlanVersion): number {
  // Actuals: the latest closed year. A plan: its budget year (the first year).
  return version.kind === 'actual' ? version.lastYear : version.firstYear;
}

export function yearsOf(version: Pick<PlanVersion, 'firstYear' | 'lastYear'>): number[] {
  const years: number[] = [];
  for (let y = version.firstYear; y <= version.lastYear; y += 1) years.push(y);
  return years;
}

export function resolveView(
  versions: readonly PlanVersion[],
  requestedVersion: string | null,
  requestedYear: number | null,
): ResolvedView | null {
  const version = versions.find((v) => v.code === requestedVersion) ?? defaultVersion(versions);
  if (version === undefined) return null;
  const inRange = requestedYear !== null && requestedYear >= version.firstYear && requestedYear <= version.lastYear;
  return { version, year: inRange ? requestedYear : defaultYear(version) };
}

/** When the user switches version, keep the year if the new version covers it. */
export function yearForVersion(version: PlanVersion, currentYear: number): number {
  return currentYear >= version.firstYear && currentYear <= version.lastYear ? currentYear : defaultYear(version);
}

export function versionStatusLabel(kind: VersionKind, status: VersionStatus): string {
  if (kind === 'actual') return 'Utfall';
  switch (status) {
    case 'draft':
      return 'Förslag';
    case 'review':
      return 'För granskning';
    case 'submitted':
      return 'Inlämnad';
    case 'adopted':
      return 'Fastställd';
  }
}

/** The kind of a version in Swedish (from the domain, shared with the server and the reports). */
export { versionKindLabel } from './domain.ts';

export function periodLabel(version: PlanVersion, year: number): string {
  const { firstYear, lastYear } = version;
  switch (version.kind) {
    case 'actual':
      return `Utfall ${year}`;
    case 'forecast':
      return `Prognos ${year}`;
    case 'budget':
    case 'scenario': {
      const span = lastYear > firstYear
        ? `Budget ${firstYear}, plan ${firstYear + 1 === lastYear ? String(lastYear) : `${firstYear + 1}–${lastYear}`}`
        : `Budget ${firstYear}`;
      return year === firstYear ? span : `Planår ${year} · ${span}`;
    }
  }
}

export function contextLabel(orgName: string, version: PlanVersion, year: number): string {
  return `${orgName} · ${periodLabel(version, year)} · version: ${versionStatusLabel(version.kind, version.status)}`;
}
