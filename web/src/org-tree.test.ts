import { describe, expect, it } from 'vitest';
import type { Org } from './api-types.ts';
import { committees, defaultOrg } from './org-tree.ts';

const org = (code: string, kind: Org['kind'], canEdit = false): Org => ({
  code, name: code, kind, parentCode: null, canEdit, role: canEdit ? 'committee-controller' : 'reader', permissions: canEdit ? ['read', 'plan.edit'] : ['read'],
});

describe('org tree', () => {
  it('offers committees, and opens one the user may edit', () => {
    const orgs = [org('VLL', 'region'), org('HSN', 'committee'), org('RUN', 'committee', true), org('U1', 'unit', true)];
    expect(committees(orgs).map((o) => o.code)).toEqual(['HSN', 'RUN']);
    expect(defaultOrg(orgs)?.code).toBe('RUN');
  });
  it('falls back to the first org when there are no committees, and to nothing without orgs', () => {
    expect(defaultOrg([org('U1', 'unit')])?.code).toBe('U1');
    expect(defaultOrg([])).toBeUndefined();
  });
});
