// The typed client of the SIE import routes: the upload streams the chosen File as the request body
// (application/octet-stream), never read into the page's memory.
import { apiRequest, type ApiResult } from '../api.ts';
import type { ApiErrorBody } from '../api-types.ts';

export type SieProblem = { level: 'error' | 'warning'; line: number | null; message: string; code: string };

export type SieInspection = {
  fileName: string;
  bytes: number;
  sha256: string;
  format: 'sie' | 'sie5' | 'refused';
  sieType: string | null;
  encodingName: string | null;
  checksum: { state: 'absent' | 'ok' | 'mismatch' | 'truncated' };
  program: string | null;
  generated: string | null;
  company: { name: string | null; orgNumber: string | null };
  fiscalYears: { yearIndex: number; start: string; end: string }[];
  counts: Record<string, number>;
  lines: number;
  problems: SieProblem[];
  errors: number;
  warnings: number;
};

export type SieImportResult = {
  importId: number;
  org: { code: string; name: string };
  createdOrganisation: boolean;
  fiscalYear: { start: string; end: string };
  actualsFrom: 'vouchers' | 'psaldo' | 'none';
  actualVersion: string | null;
  budgetVersion: string | null;
  actualLines: number;
  budgetLines: number;
  balances: number;
  newAccounts: number;
  unmappedAccounts: { code: string; name: string; category: string }[];
  createdUnits: { code: string; name: string; costCentre: string }[];
  projects: number;
  replaced: number[];
  checks: { name: string; compared: number; mismatches: number }[];
  warnings: string[];
  notes: string[];
};

export type SieJob = {
  jobId: string;
  state: 'reading' | 'writing' | 'imported' | 'refused' | 'failed';
  bytesRead: number;
  bytesTotal: number;
  error: string | null;
  result: SieImportResult | null;
  problems: SieProblem[];
};

export type SieHistoryRow = {
  id: number; fileName: string; producer: string | null; companyName: string | null; fiscalStart: string; fiscalEnd: string;
  actualsFrom: string; lineCount: number; status: 'imported' | 'replaced'; replacedBy: number | null; importedBy: string; importedAt: string;
};

/** Import (SIE) is for those who may change the plan: the org's permissions from GET /api/orgs. */
export const canImportSie = (org: { permissions: readonly string[] }): boolean => org.permissions.includes('plan.edit');

const base = (org: string) => `/api/orgs/${encodeURIComponent(org)}/sie`;
const networkError: ApiErrorBody = { error: 'network', message: 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.' };

export const sieApi = {
  async upload(org: string, file: File): Promise<ApiResult<{ uploadId: string; inspection: SieInspection }>> {
    let response: Response;
    try {
      response = await fetch(`${base(org)}/uploads?name=${encodeURIComponent(file.name)}`, {
        method: 'POST', credentials: 'same-origin', body: file,
        headers: { accept: 'application/json', 'content-type': 'application/octet-stream' },
      });
    } catch {
      return { ok: false, status: 0, error: networkError };
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, status: response.status, value: json as { uploadId: string; inspection: SieInspection } };
    const error = typeof json === 'object' && json !== null && 'message' in json ? (json as ApiErrorBody)
      : { error: `http_${String(response.status)}`, message: `Servern svarade med fel (${String(response.status)}).` };
    return { ok: false, status: response.status, error };
  },
  start: (org: string, uploadId: string, ignoreChecksum: boolean) =>
    apiRequest<SieJob>('POST', `${base(org)}/uploads/${encodeURIComponent(uploadId)}/import`, { body: { ignoreChecksum } }),
  job: (org: string, jobId: string) => apiRequest<SieJob>('GET', `${base(org)}/jobs/${encodeURIComponent(jobId)}`),
  history: (org: string, signal?: AbortSignal) => apiRequest<{ imports: SieHistoryRow[] }>('GET', `${base(org)}/imports`, signal ? { signal } : {}),
};
