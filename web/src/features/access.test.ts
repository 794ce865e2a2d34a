import { describe, expect, it } from 'vitest';
import { canEditPlan } from './access.ts';
import { fieldOfError } from './FieldForm.tsx';
import { parsePercent } from './ProjectEditor.tsx';

describe('edit controls of agreements, projects and goals', () => {
  it('show only with plan.edit among the org\'s permissions', () => {
    expect(canEditPlan({ permissions: ['read', 'plan.edit'] })).toBe(true);
    expect(canEditPlan({ permissions: ['read', 'text.edit', 'contributions.read'] })).toBe(false);
  });
});

describe('an error beside its field', () => {
  const fields = ['staff', 'staff.0.hours', 'csv'];
  it('goes to the field it names, else the longest field that contains it, else under the form', () => {
    expect(fieldOfError('staff.0.hours', fields)).toBe('staff.0.hours');
    expect(fieldOfError('staff.1.role', fields)).toBe('staff');
    expect(fieldOfError('csv', fields)).toBe('csv');
    expect(fieldOfError('revision', fields)).toBeUndefined();
    expect(fieldOfError(undefined, fields)).toBeUndefined();
  });
});

describe('percent as typed', () => {
  it('takes a comma or a point, up to four decimals', () => {
    expect(parsePercent('2,4')).toBe(2.4);
    expect(parsePercent(' 50 ')).toBe(50);
    expect(parsePercent('2,40001')).toBeNull();
    expect(parsePercent('tio')).toBeNull();
  });
});
