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
  | 'too_many_attempts';

export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly current: unknown;

  constructor(code: ErrorCode, message: string, details: { field?: string; current?: unknown } = {}) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.field = details.field;
    this.current = details.current;
  }
}

export const notFound = (message: string): ServiceError => new ServiceError('not_found', message);
export const forbidden = (message: string): ServiceError => new ServiceError('forbidden', message);
export const invalid = (field: string, message: string): ServiceError => new ServiceError('validation', message, { field });
