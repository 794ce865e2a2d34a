import { describe, expect, it } from 'vitest';
import { can, isRole, permissionsOf, roleLabel, ROLES } from './access.ts';

describe('roles and permissions', () => {
  it('only the administratör administers users and reads the audit trail', () => {
    expect(ROLES.filter((r) => can(r, 'users.admin'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'audit.read'))).toEqual(['admin']);
  });

  it('controllers edit plans; a skribent edits only text; a läsare and a kommun edit nothing', () => {
    expect(ROLES.filter((r) => can(r, 'plan.edit'))).toEqual(['admin', 'region-controller', 'committee-controller']);
    expect(ROLES.filter((r) => can(r, 'text.edit'))).toEqual(['admin', 'region-controller', 'committee-controller', 'writer']);
    expect(permissionsOf('municipality')).toEqual(['contributions.read']);
  });

  it('a nämndekonom hands in but does not decide; a regionekonom decides', () => {
    expect(can('committee-controller', 'workflow.submit')).toBe(true);
    expect(can('committee-controller', 'workflow.decide')).toBe(false);
    expect(can('region-controller', 'workflow.decide')).toBe(true);
  });

  it('no role means no permission, and role names are Swedish', () => {
    expect(can(undefined, 'read')).toBe(false);
    expect(roleLabel('region-controller')).toBe('Regionekonom');
    expect(isRole('editor')).toBe(false);
    expect(isRole('writer')).toBe(true);
  });
});
