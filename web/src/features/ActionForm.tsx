// A small form that sends one write to the API: its error is shown beside it (what happened, in
// Swedish, naming the field), a success is announced, and the page reloads its data.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiResult } from '../api.ts';
import type { ApiErrorBody } from '../api-types.ts';
import { ErrorNotice } from '../components/notices.tsx';

interface Props {
  id: string;
  legend: string;
  submitLabel: string;
  onSubmit: () => Promise<ApiResult<unknown>>;
  onDone: () => void;
  doneMessage: string;
  children: ReactNode;
}

export function ActionForm({ id, legend, submitLabel, onSubmit, onDone, doneMessage, children }: Props) {
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
  return (
    <form className="action-form" aria-labelledby={`${id}-legend`} onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend id={`${id}-legend`}>{legend}</legend>
        {children}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
        {error !== null && <ErrorNotice error={error} />}
        <p role="status" className="save-status">
          {status}
        </p>
      </fieldset>
    </form>
  );
}
