// The typed client of the underlag routes, over the shared apiRequest.
import { apiRequest } from '../api.ts';
import type { VersionStatus } from '../api-types.ts';
import type { Block, Comparison, Draft, ExportFormat, Revisions, UnderlagDocument, UnderlagSummary } from './types.ts';

const seg = encodeURIComponent;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});
const base = (org: string) => `/api/orgs/${seg(org)}/underlag`;

export const underlagApi = {
  list: (org: string, signal?: AbortSignal) => apiRequest<UnderlagSummary[]>('GET', base(org), opt(signal)),
  create: (org: string, budgetYear: number, version: string) =>
    apiRequest<UnderlagDocument>('POST', base(org), { body: { budgetYear, version } }),
  get: (org: string, id: number, revision: number | null, signal?: AbortSignal) =>
    apiRequest<UnderlagDocument>('GET', `${base(org)}/${id}${revision === null ? '' : `?revision=${revision}`}`, opt(signal)),
  saveSection: (org: string, id: number, key: string, revision: number, blocks: Block[], title?: string) =>
    apiRequest<UnderlagDocument>('PUT', `${base(org)}/${id}/sections/${seg(key)}`, { body: { revision, blocks, ...(title === undefined ? {} : { title }) } }),
  addSection: (org: string, id: number, revision: number, title: string, after: string | null) =>
    apiRequest<UnderlagDocument & { key: string }>('POST', `${base(org)}/${id}/sections`, { body: { revision, title, ...(after === null ? {} : { after }) } }),
  removeSection: (org: string, id: number, key: string, revision: number) =>
    apiRequest<UnderlagDocument>('DELETE', `${base(org)}/${id}/sections/${seg(key)}?revision=${revision}`),
  reorder: (org: string, id: number, revision: number, keys: string[]) =>
    apiRequest<UnderlagDocument>('PUT', `${base(org)}/${id}/section-order`, { body: { revision, keys } }),
  step: (org: string, id: number, body: { to: VersionStatus; comment?: string; diarienummer?: string; decisionDate?: string }) =>
    apiRequest<UnderlagDocument>('POST', `${base(org)}/${id}/status`, { body }),
  newVersion: (org: string, id: number) => apiRequest<UnderlagDocument>('POST', `${base(org)}/${id}/new-version`),
  revisions: (org: string, id: number, signal?: AbortSignal) => apiRequest<Revisions>('GET', `${base(org)}/${id}/revisions`, opt(signal)),
  compare: (org: string, id: number, from: number, to: number, signal?: AbortSignal) =>
    apiRequest<Comparison>('GET', `${base(org)}/${id}/compare?from=${from}&to=${to}`, opt(signal)),
  drafts: (org: string, id: number, signal?: AbortSignal) => apiRequest<Draft[]>('GET', `${base(org)}/${id}/drafts`, opt(signal)),
  exportHref: (org: string, id: number, format: ExportFormat, revision: number | null) =>
    `${base(org)}/${id}/export?format=${format}${revision === null ? '' : `&revision=${revision}`}`,
  /** The archive of the newest decided revision for the registry (ZIP: PDF, XLSX, JSON, manifest with checksums). */
  archiveHref: (org: string, id: number) => `${base(org)}/${id}/archive`,
};
