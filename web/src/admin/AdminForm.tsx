// A form that sends one write: the error is shown next to the field it names (and the field is
// marked invalid), otherwise under the form; a success is announced and the page reloads its data.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiResult } from '../api.ts';
import type { ApiErrorBody } from '../api-types.ts';
import { ErrorNotice } from '../components/notices.tsx';

export interface FieldProps {
  /** Props for the input of `field`: its id, and invalid/described-by when the error names it. */
  input: (field: string) => { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** The error next to the field, when it names it. */
  error: (field: string) => ReactNode;
}

interface Props {
  legend: string;
  submitLabel: string;
  onSubmit: () => Promise<ApiResult<unknown>>;
  onDone: () => void;
  doneMessage: string;
  children: (fields: FieldProps) => ReactNode;
}

export function AdminForm({ legend, submitLabel, onSubmit, onDone, doneMessage, children }: Props) {
  const id = useId();
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus('');
    const result = await onSubmit();
    setBusy(false);
    if (result.ok) {
      setError(null);
      setStatus(doneMessage);
      onDone();
    } else {
      setError(result.error);
    }
  };
  const named = (field: string) => error !== null && error.field === field;
  const fields: FieldProps = {
    input: (field) => ({
      id: `${id}-${field}`,
      ...(named(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {}),
    }),
    error: (field) =>
      named(field) ? (
        <p id={`${id}-${field}-error`} className="field-error" role="alert">
          {error?.message}
        </p>
      ) : null,
  };
  const unnamed = error !== null && (error.field === undefined || !formFieldIds.has(error.field));
  return (
    <form className="action-form" aria-labelledby={`${id}-legend`} onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend id={`${id}-legend`}>{legend}</legend>
        {children(fields)}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
        {unnamed && error !== null && <ErrorNotice error={error} />}
        <p role="status" className="save-status">
          {status}
        </p>
      </fieldset>
    </form>
  );
}

/** Fields the admin forms show; an error naming another field is shown under the form. */
const formFieldIds = new Set(['username', 'displayName', 'email', 'password', 'role', 'municipalityCode', 'subject', 'from', 'to', 'actor', 'limit']);
