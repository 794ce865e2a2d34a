import { describe, expect, it } from 'vitest';
import type { Org, SessionUser } from '../api-types.ts';
import { describeValue, isAdminOf } from './access.ts';

const org = (code: string, parentCode: string | null): Pick<Org, 'code' | 'parentCode'> => ({ code, parentCode });
const orgs = [org('RVB', null), org('RUN', 'RVB'), org('RUF', 'RUN'), org('HSN', 'RVB')];
const user = (roles: SessionUser['roles']): SessionUser => ({ username: 'u', displayName: 'U', demo: false, roles });

describe('isAdminOf', () => {
  it('an administrator on the region reaches its committees and their units', () => {
    const u = user([{ orgCode: 'RVB', role: 'admin', roleName: 'Administratör' }]);
    expect(['RVB', 'RUN', 'RUF', 'HSN'].map((c) => isAdminOf(u, orgs, c))).toEqual([true, true, true, true]);
  });

  it('an administrator on a committee does not reach the region or another committee', () => {
    const u = user([{ orgCode: 'RUN', role: 'admin', roleName: 'Administratör' }]);
    expect(['RVB', 'RUN', 'RUF', 'HSN'].map((c) => isAdminOf(u, orgs, c))).toEqual([false, true, true, false]);
  });

  it('other roles never show the administration', () => {
    expect(isAdminOf(user([{ orgCode: 'RVB', role: 'region-controller', roleName: 'Regionekonom' }]), orgs, 'RUN')).toBe(false);
  });
});

describe('describeValue', () => {
  it('shows an object as key: value pairs and nothing as a dash', () => {
    expect(describeValue({ role: 'writer', municipalityCode: null })).toBe('role: writer, municipalityCode: null');
    expect(describeValue(null)).toBe('–');
  });
});
