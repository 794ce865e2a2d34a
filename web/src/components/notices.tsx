import type { ReactNode } from 'react';
import type { ApiErrorBody } from '../api-types.ts';
import { InfoIcon, LockIcon, WarningIcon } from './icons.tsx';

/** Marks figures that are example data, never to be mistaken for a real plan. */
export function ExampleBadge() {
  return (
    <span className="badge badge-example">
      <InfoIcon />
      Exempeldata
    </span>
  );
}

export function ReadOnlyNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-readonly">
      <LockIcon />
      <div>{children}</div>
    </div>
  );
}

export function ErrorNotice({ error, action }: { error: ApiErrorBody; action?: ReactNode }) {
  return (
    <div className="notice notice-error" role="alert">
      <WarningIcon />
      <div>
        <p>{error.message}</p>
        {error.problems !== undefined && error.problems.length > 1 && (
          <ul aria-label="Problem rad för rad">
            {error.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {action}
      </div>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Hämtar {what}…
    </p>
  );
}
