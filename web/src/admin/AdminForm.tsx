// The admin pages' form: FieldForm (the error beside the field it names, otherwise under the form;
// a success announced) over the fields the admin forms show.
import type { ReactNode } from 'react';
import type { ApiResult } from '../api.ts';
import { FieldForm, type Fields } from '../features/FieldForm.tsx';

export type FieldProps = Fields;

interface Props {
  legend: string;
  submitLabel: string;
  onSubmit: () => Promise<ApiResult<unknown>>;
  onDone: () => void;
  doneMessage: string;
  children: (fields: FieldProps) => ReactNode;
}

/** Fields the admin forms show; an error naming another field is shown under the form. */
const ADMIN_FIELDS: readonly string[] = ['username', 'displayName', 'email', 'password', 'role', 'municipalityCode', 'subject', 'from', 'to', 'actor', 'limit'];

export function AdminForm(props: Props) {
  return <FieldForm {...props} fields={ADMIN_FIELDS} />;
}
