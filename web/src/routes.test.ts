import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, safeNext, sectionHref, type Route } from './routes.ts';

describe('parseRoute', () => {
  it('reads the overview with year, version and scenario from the query', () => {
    expect(parseRoute('/orgs/RUN/oversikt', '?ar=2018&version=actual&scenario=1.5')).toEqual({
      name: 'overview', org: 'RUN', year: 2018, version: 'actual', scenario: '1.5',
    });
  });
  it('treats /orgs/RUN as its overview and ignores a malformed year', () => {
    expect(parseRoute('/orgs/RUN', '?ar=20x8')).toEqual({ name: 'overview', org: 'RUN', year: null, version: null, scenario: null });
  });
  it('reads the budget view', () => {
    expect(parseRoute('/orgs/RUN/budget', '?ar=2020&version=budget-2020')).toEqual({
      name: 'budget', org: 'RUN', year: 2020, version: 'budget-2020',
    });
  });
  it('knows login, home and unknown paths', () => {
    expect(parseRoute('/logga-in', '?till=%2Forgs%2FRUN%2Fbudget')).toEqual({ name: 'login', next: '/orgs/RUN/budget' });
    expect(parseRoute('/', '')).toEqual({ name: 'home' });
    expect(parseRoute('/orgs/RUN/okand', '')).toEqual({ name: 'not-found', path: '/orgs/RUN/okand' });
    expect(parseRoute('/orgs/RUN/projekt/REACT-EU/extra', '')).toEqual({ name: 'not-found', path: '/orgs/RUN/projekt/REACT-EU/extra' });
  });
});

describe('routeHref', () => {
  const routes: Route[] = [
    { name: 'overview', org: 'RUN', year: 2018, version: 'actual', scenario: '3' },
    { name: 'overview', org: 'RUN', year: null, version: null, scenario: null },
    { name: 'budget', org: 'RUN', year: 2020, version: 'budget-2020' },
    { name: 'login', next: '/orgs/RUN/budget?ar=2020' },
    { name: 'login', next: null },
    { name: 'home' },
    { name: 'agreements', org: 'RUN', year: 2020, version: 'budget-2020', item: '1' },
    { name: 'projects', org: 'RUN', year: null, version: null, item: 'GRÖN OMSTÄLLNING' },
    { name: 'goals', org: 'RUN', year: 2020, version: null, item: null },
  ];
  it.each(routes)('round-trips %o through its URL', (route) => {
    const url = new URL(routeHref(route), 'http://x.invalid');
    expect(parseRoute(url.pathname, url.search)).toEqual(route);
  });
  it('builds the URLs the UX guide expects', () => {
    expect(sectionHref('overview', { org: 'RUN', year: 2018, version: 'actual' })).toBe('/orgs/RUN/oversikt?ar=2018&version=actual');
    expect(sectionHref('budget', { org: 'RUN', year: 2020, version: 'budget-2020' })).toBe('/orgs/RUN/budget?ar=2020&version=budget-2020');
    expect(sectionHref('agreements', { org: 'RUN', year: 2020, version: 'budget-2020' })).toBe('/orgs/RUN/samverkan?ar=2020&version=budget-2020');
    expect(sectionHref('goals', { org: 'RUN', year: null, version: null })).toBe('/orgs/RUN/mal');
  });
});

describe('safeNext', () => {
  it('accepts only paths on this site', () => {
    expect(safeNext('/orgs/RUN')).toBe('/orgs/RUN');
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('/logga-in')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
