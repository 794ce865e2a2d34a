import { describe, expect, it } from 'vitest';
import { availableSteps, statusLabel } from './workflow.ts';

describe('workflow steps in the web app', () => {
  it('offers a nämndekonom the steps up to handing in, and a regionekonom the decision', () => {
    const submit = ['read', 'plan.edit', 'workflow.submit'];
    expect(availableSteps('draft', submit).map((s) => s.label)).toEqual(['Skicka för granskning']);
    expect(availableSteps('review', submit).map((s) => s.to)).toEqual(['submitted', 'draft']);
    expect(availableSteps('submitted', submit)).toEqual([]);
    const decide = [...submit, 'workflow.decide'];
    expect(availableSteps('submitted', decide).map((s) => [s.to, s.needsDecision])).toEqual([['adopted', true], ['draft', false]]);
  });

  it('offers nothing on a decided version or to a reader', () => {
    expect(availableSteps('adopted', ['workflow.decide', 'workflow.submit'])).toEqual([]);
    expect(availableSteps('draft', ['read'])).toEqual([]);
    expect(statusLabel('submitted')).toBe('Inlämnad');
  });
});
