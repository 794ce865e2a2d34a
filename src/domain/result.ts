// Expected failures are values, not exceptions (docs/STYLE.md, habit 6). Exceptions are for bugs.

export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/** Unwraps a Result the caller has proven to be ok; a failure here is a bug, so it throws. */
export function unwrap<T, E>(r: Result<T, E>): T {
  if (r.ok) return r.value;
  throw new Error(`unwrap på ett fel: ${String(r.error)}`);
}
