// The typed client of the agreement, project and goal routes, over the shared apiRequest.
import { apiRequest } from './api.ts';
import type { AgreementDetail, AgreementSummary } from './feature-types.ts';

const seg = encodeURIComponent;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

export const featureApi = {
  getAgreements: (org: string, signal?: AbortSignal) => apiRequest<AgreementSummary[]>('GET', `/api/orgs/${seg(org)}/agreements`, opt(signal)),
  getAgreement: (org: string, id: number, signal?: AbortSignal) =>
    apiRequest<AgreementDetail>('GET', `/api/orgs/${seg(org)}/agreements/${id}`, opt(signal)),
  setYearTotal: (org: string, id: number, year: number, totalOre: number) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/agreements/${id}/years/${year}`, { body: { totalOre } }),
  importKeyCsv: (org: string, id: number, csv: string) =>
    apiRequest<{ years: number[] }>('POST', `/api/orgs/${seg(org)}/agreements/${id}/key/csv`, { body: { csv } }),
  addFollowup: (org: string, id: number, body: { period: string; municipalityCode: string | null; text: string }) =>
    apiRequest<{ id: number }>('POST', `/api/orgs/${seg(org)}/agreements/${id}/followups`, { body }),
  addMeeting: (org: string, id: number, body: { forumId: number; day: string; subject: string }) =>
    apiRequest<{ id: number }>('POST', `/api/orgs/${seg(org)}/agreements/${id}/meetings`, { body }),
  agreementExportHref: (org: string, id: number, format: 'csv' | 'xlsx') => `/api/orgs/${seg(org)}/agreements/${id}/export?format=${format}`,
  municipalityReportHref: (org: string, id: number, code: string, format: 'html' | 'xlsx') =>
    `/api/orgs/${seg(org)}/agreements/${id}/municipalities/${seg(code)}/report?format=${format}`,
};
