// Loads one API resource for a view. The key says when to load again (a new org, year, version…);
// a superseded request is aborted so an old answer never overwrites a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from './api.ts';
import type { ApiErrorBody } from './api-types.ts';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ok'; value: T; refreshing: boolean }
  | { state: 'error'; status: number; error: ApiErrorBody };

export function useApi<T>(
  key: string | null,
  fetcher: (signal: AbortSignal) => Promise<ApiResult<T>>,
  options: { keepStale?: boolean } = {},
): { load: Load<T>; reload: () => void } {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [nonce, setNonce] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  // With keepStale the old answer stays on screen while the new one loads, so controls the user is
  // operating (e.g. a radio group) stay mounted and keep focus.
  const keepStale = options.keepStale === true;

  useEffect(() => {
    if (key === null) return undefined;
    const controller = new AbortController();
    setLoad((previous) =>
      keepStale && previous.state === 'ok' ? { ...previous, refreshing: true } : { state: 'loading' },
    );
    fetcherRef.current(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setLoad(result.ok ? { state: 'ok', value: result.value, refreshing: false } : { state: 'error', status: result.status, error: result.error });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad({ state: 'error', status: 0, error: { error: 'client', message: `Något gick fel i webbläsaren: ${String(error)}` } });
      },
    );
    return () => controller.abort();
  }, [key, nonce, keepStale]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { load, reload };
}
