// A form that sends one write and shows its error next to the field it names: the input gets
// aria-invalid and aria-describedby pointing at the message (and, for a file, the list of its lines'
// problems). An error naming no field of this form is shown under it. Success is announced.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiResult } from '../api.ts';
import type { ApiErrorBody } from '../api-types.ts';
import { ErrorNotice } from '../components/notices.tsx';
import './features.css';

export interface Fields {
  /** Props for the input of `field`: its id, and invalid/described-by when the error names it. */
  input: (field: string) => { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** The id the label's htmlFor should use. */
  id: (field: string) => string;
  /** The error next to the field, when it names it. */
  error: (field: string) => ReactNode;
  /** Props for a group (fieldset) that an error may name as a whole. */
  group: (field: string) => { 'aria-describedby'?: string };
}

interface Props {
  legend: string;
  submitLabel: string;
  /** The fields this form shows: an error naming one is put beside it (a longer name wins: staff.0.hours before staff). */
  fields: readonly string[];
  onSubmit: () => Promise<ApiResult<unknown>>;
  onDone: () => void;
  doneMessage: string;
  children: (fields: Fields) => ReactNode;
}

/** An error of the form itself (checked before sending), in the API's shape. */
export const fieldError = (field: string, message: string) =>
  Promise.resolve({ ok: false as const, status: 400, error: { error: 'validation', field, message } });

/** The field of `fields` an error names: itself, or the longest that is a prefix of it (staff.0.hours → staff). */
export function fieldOfError(named: string | undefined, fields: readonly string[]): string | undefined {
  if (named === undefined) return undefined;
  return fields.filter((f) => named === f || named.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0];
}

export function FieldForm({ legend, submitLabel, fields, onSubmit, onDone, doneMessage, children }: Props) {
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
  const target = fieldOfError(error?.field, fields);
  const key = (field: string) => field.replace(/[^A-Za-z0-9_-]/g, '-');
  const errorId = (field: string) => `${id}-${key(field)}-error`;
  // Set while the children render: an error whose field shows no message is shown under the form.
  let shownBeside = false;
  const api: Fields = {
    id: (field) => `${id}-${key(field)}`,
    input: (field) => ({
      id: `${id}-${key(field)}`,
      ...(target === field ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) } : {}),
    }),
    group: (field) => (target === field ? { 'aria-describedby': errorId(field) } : {}),
    error: (field) => {
      if (target !== field || error === null) return null;
      shownBeside = true;
      return (
        <div id={errorId(field)} className="field-error" role="alert">
          <p>{error.message}</p>
          {error.problems !== undefined && error.problems.length > 1 && (
            <ul aria-label="Problem rad för rad">
              {error.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      );
    },
  };
  const children_ = children(api);
  return (
    <form className="action-form feature-form" aria-labelledby={`${id}-legend`} onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend id={`${id}-legend`}>{legend}</legend>
        {children_}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
        {error !== null && !shownBeside && <ErrorNotice error={error} />}
        <p role="status" className="save-status">
          {status}
        </p>
      </fieldset>
    </form>
  );
}

/**
 * A labelled text field of a FieldForm, its error beside it: an input, or a textarea when `rows` is
 * given. The markup every form repeated (label for the id, aria from `f.input`, the error after).
 * A function called while the form's children render, not a component: FieldForm learns during that
 * render whether an error was shown beside its field (else it shows it under the form).
 */
export function textField({ f, name, label, value, onChange, rows, inputMode }: {
  f: Fields; name: string; label: string; value: string; onChange: (value: string) => void;
  rows?: number; inputMode?: 'numeric' | 'decimal' | 'text';
}) {
  return (
    <div className="field">
      <label htmlFor={f.id(name)}>{label}</label>
      {rows === undefined
        ? <input {...f.input(name)} {...(inputMode === undefined ? {} : { inputMode })} value={value} onChange={(e) => onChange(e.target.value)} />
        : <textarea {...f.input(name)} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />}
      {f.error(name)}
    </div>
  );
}
