// The one catalog of expected failures that cross the service boundary. Each has a stable code
// (used by the API and the CLI) and a Swedish message a user can act on.
export type ErrorCode =
  | 'invalid_credentials'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'version_adopted'
  | 'database_not_empty'
  | 'database_unavailable'
  | 'too_many_attempts'
  /** A PDF was asked for and Chromium is not installed; the message says how to get it. */
  | 'pdf_unavailable';

export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly current: unknown;
  /** Each problem on its own (e.g. a file's lines, "Rad 3: …"), when there are several. */
  readonly problems: readonly string[] | undefined;

  constructor(code: ErrorCode, message: string, details: { field?: string; current?: unknown; problems?: readonly string[] } = {}) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.field = details.field;
    this.current = details.current;
    this.problems = details.problems;
  }
}

export const notFound = (message: string): ServiceError => new ServiceError('not_found', message);
export const forbidden = (message: string): ServiceError => new ServiceError('forbidden', message);
export const invalid = (field: string, message: string, problems?: readonly string[]): ServiceError =>
  new ServiceError('validation', message, problems === undefined ? { field } : { field, problems });
