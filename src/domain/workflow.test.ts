import { describe, expect, it } from 'vitest';
import { findTransition, isEditableStatus, statusLabel, validateDecision, type WorkflowStatus } from './workflow.ts';

const STATUSES: WorkflowStatus[] = ['draft', 'review', 'submitted', 'adopted'];

describe('the adoption workflow', () => {
  it('goes utkast → för granskning → inlämnat → beslutat, with the permission each step needs', () => {
    const path = [['draft', 'review'], ['review', 'submitted'], ['submitted', 'adopted']] as const;
    expect(path.map(([from, to]) => { const t = findTransition(from, to); return t.ok ? t.value.permission : t.error; }))
      .toEqual(['workflow.submit', 'workflow.submit', 'workflow.decide']);
  });

  it('nothing leaves beslutat, and no step skips a status', () => {
    for (const to of STATUSES) {
      const t = findTransition('adopted', to);
      expect(t.ok).toBe(false);
      if (!t.ok) expect(t.error).toMatch(/beslutad/);
    }
    expect(findTransition('draft', 'adopted').ok).toBe(false);
    expect(findTransition('draft', 'submitted').ok).toBe(false);
  });

  it('only utkast and för granskning can be edited', () => {
    expect(STATUSES.filter(isEditableStatus)).toEqual(['draft', 'review']);
    expect(STATUSES.map(statusLabel)).toEqual(['Utkast', 'För granskning', 'Inlämnad', 'Beslutad']);
  });

  it('a decision needs a diarienummer and a date, named in the message', () => {
    expect(validateDecision({ diarienummer: ' RS 2019/123 ', decisionDate: '2019-06-18' })).toEqual({ ok: true, value: { diarienummer: 'RS 2019/123', decisionDate: '2019-06-18' } });
    const noNumber = validateDecision({ decisionDate: '2019-06-18' });
    expect(noNumber.ok ? null : noNumber.error.field).toBe('diarienummer');
    const badDate = validateDecision({ diarienummer: 'RS 1', decisionDate: '18/6 2019' });
    expect(badDate.ok ? null : badDate.error.field).toBe('decisionDate');
  });
});
