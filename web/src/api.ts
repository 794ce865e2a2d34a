// A small typed client for the JSON API. Expected failures come back as values, never as throws:
// the caller decides what to tell the user. A 401 on any call except the login itself means the
// session has ended; the app is told through `onSessionLost` and shows the login page.
import type { Ore } from './domain.ts';
import type {
  ApiErrorBody,
  LinesResponse,
  Org,
  PlanLine,
  PlanResponse,
  PlanVersion,
  ResultsResponse,
  SessionUser,
  Summary,
} from './api-types.ts';

export type ApiResult<T> =
  | { ok: true; status: number; value: T }
  | { ok: false; status: number; error: ApiErrorBody };

let sessionLostListener: (() => void) | null = null;

export function onSessionLost(listener: (() => void) | null): void {
  sessionLostListener = listener;
}

const networkError: ApiErrorBody = {
  error: 'network',
  message: 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.',
};

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && 'message' in value;
}

export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; signal?: AbortSignal; expectSessionLoss?: boolean } = {},
): Promise<ApiResult<T>> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  if (options.signal) init.signal = options.signal;
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, status: 0, error: networkError };
  }
  const text = await response.text();
  let json: unknown = null;
  if (text !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (response.ok) return { ok: true, status: response.status, value: json as T };
  if (response.status === 401 && options.expectSessionLoss !== false) sessionLostListener?.();
  const error: ApiErrorBody = isErrorBody(json)
    ? json
    : { error: `http_${response.status}`, message: `Servern svarade med fel (${response.status}). Försök igen om en stund.` };
  return { ok: false, status: response.status, error };
}

const seg = encodeURIComponent;

export const api = {
  getSession: (signal?: AbortSignal) =>
    apiRequest<SessionUser>('GET', '/api/session', { expectSessionLoss: false, ...(signal ? { signal } : {}) }),
  login: (username: string, password: string) =>
    apiRequest<SessionUser>('POST', '/api/session', { body: { username, password }, expectSessionLoss: false }),
  logout: () => apiRequest<null>('DELETE', '/api/session', { expectSessionLoss: false }),
  getOrgs: (signal?: AbortSignal) => apiRequest<Org[]>('GET', '/api/orgs', signal ? { signal } : {}),
  getVersions: (org: string, signal?: AbortSignal) =>
    apiRequest<PlanVersion[]>('GET', `/api/orgs/${seg(org)}/versions`, signal ? { signal } : {}),
  getSummary: (org: string, year: number, version: string, signal?: AbortSignal) =>
    apiRequest<Summary>(
      'GET',
      `/api/orgs/${seg(org)}/summary?year=${year}&version=${seg(version)}`,
      signal ? { signal } : {},
    ),
  getLines: (org: string, version: string, year: number, signal?: AbortSignal) =>
    apiRequest<LinesResponse>(
      'GET',
      `/api/orgs/${seg(org)}/versions/${seg(version)}/lines?year=${year}`,
      signal ? { signal } : {},
    ),
  patchLine: (org: string, version: string, id: PlanLine['id'], amountOre: Ore, revision: number) =>
    apiRequest<PlanLine>('PATCH', `/api/orgs/${seg(org)}/versions/${seg(version)}/lines/${seg(String(id))}`, {
      body: { amountOre, revision },
    }),
  getPlan: (org: string, version: string, scenario: string | null, signal?: AbortSignal) =>
    apiRequest<PlanResponse>(
      'GET',
      `/api/orgs/${seg(org)}/plan?version=${seg(version)}${scenario === null ? '' : `&scenario=${seg(scenario)}`}`,
      signal ? { signal } : {},
    ),
  getResults: (org: string, signal?: AbortSignal) =>
    apiRequest<ResultsResponse>('GET', `/api/orgs/${seg(org)}/results`, signal ? { signal } : {}),
};
