import { describe, expect, it } from 'vitest';
import type { PlanVersion } from './api-types.ts';
import { contextLabel, resolveView, yearForVersion, yearsOf } from './view-context.ts';

const actual: PlanVersion = { code: 'actual', name: 'Utfall', kind: 'actual', status: 'adopted', firstYear: 2009, lastYear: 2018, isExample: true, adoptedAt: null };
const budget: PlanVersion = { code: 'budget-2020', name: 'Budget 2020', kind: 'budget', status: 'draft', firstYear: 2020, lastYear: 2022, isExample: true, adoptedAt: null };

describe('resolveView', () => {
  it('prefers the draft budget and its budget year when the URL says nothing', () => {
    expect(resolveView([actual, budget], null, null)).toEqual({ version: budget, year: 2020 });
  });
  it('takes the latest closed year for actuals', () => {
    expect(resolveView([actual, budget], 'actual', null)).toEqual({ version: actual, year: 2018 });
  });
  it('keeps a requested year inside the version and replaces one outside it', () => {
    expect(resolveView([actual, budget], 'actual', 2012)?.year).toBe(2012);
    expect(resolveView([actual, budget], 'budget-2020', 2012)?.year).toBe(2020);
  });
  it('falls back to the default version for an unknown code, and to null without versions', () => {
    expect(resolveView([actual, budget], 'nope', null)?.version.code).toBe('budget-2020');
    expect(resolveView([], null, null)).toBeNull();
  });
});

describe('years', () => {
  it('lists the years of a version, inclusive', () => {
    expect(yearsOf(budget)).toEqual([2020, 2021, 2022]);
  });
  it('keeps the year when switching to a version that covers it', () => {
    expect(yearForVersion(budget, 2021)).toBe(2021);
    expect(yearForVersion(actual, 2021)).toBe(2018);
  });
});

describe('contextLabel', () => {
  it('describes a draft budget as in the UX guide', () => {
    expect(contextLabel('Regionala utvecklingsnämnden', budget, 2020)).toBe(
      'Regionala utvecklingsnämnden · Budget 2020, plan 2021–2022 · version: Förslag',
    );
  });
  it('names a plan year and actuals', () => {
    expect(contextLabel('RUN', budget, 2022)).toBe('RUN · Planår 2022 · Budget 2020, plan 2021–2022 · version: Förslag');
    expect(contextLabel('RUN', actual, 2018)).toBe('RUN · Utfall 2018 · version: Utfall');
    expect(contextLabel('RUN', { ...budget, status: 'adopted' }, 2020)).toContain('version: Fastställd');
  });
});
