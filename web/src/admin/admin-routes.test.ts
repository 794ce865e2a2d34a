import { describe, expect, it } from 'vitest';
import { adminHref, parseRoute, routeHref } from '../routes.ts';

describe('the administration pages have URLs', () => {
  it('parses /orgs/RUN/anvandare and /orgs/RUN/granskningslogg, and writes them back', () => {
    expect(parseRoute('/orgs/RUN/anvandare', '')).toEqual({ name: 'admin', org: 'RUN', page: 'users' });
    expect(parseRoute('/orgs/RUN/granskningslogg', '')).toEqual({ name: 'admin', org: 'RUN', page: 'audit' });
    expect(routeHref({ name: 'admin', org: 'RUN', page: 'audit' })).toBe('/orgs/RUN/granskningslogg');
    expect(adminHref('Å B', 'users')).toBe('/orgs/%C3%85%20B/anvandare');
  });

  it('a deeper path is not an administration page', () => {
    expect(parseRoute('/orgs/RUN/anvandare/x', '').name).not.toBe('admin');
  });
});
