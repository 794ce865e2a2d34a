// A small form that sends one write to the API whose error is shown under it (what happened, in
// Swedish, naming the field); a success is announced and the page reloads its data. It is FieldForm
// with no field of its own to put an error beside.
import type { ReactNode } from 'react';
import type { ApiResult } from '../api.ts';
import { FieldForm } from './FieldForm.tsx';

interface Props {
  /** Kept for callers that name their forms; the legend's id comes from FieldForm. */
  id?: string;
  legend: string;
  submitLabel: string;
  onSubmit: () => Promise<ApiResult<unknown>>;
  onDone: () => void;
  doneMessage: string;
  children: ReactNode;
}

const NO_FIELDS: readonly string[] = [];

export function ActionForm({ legend, submitLabel, onSubmit, onDone, doneMessage, children }: Props) {
  return (
    <FieldForm legend={legend} submitLabel={submitLabel} fields={NO_FIELDS} onSubmit={onSubmit} onDone={onDone} doneMessage={doneMessage}>
      {() => children}
    </FieldForm>
  );
}
