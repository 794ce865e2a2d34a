// The typed client of the agreement, project and goal routes, over the shared apiRequest.
import { apiRequest } from './api.ts';
import type { AgreementDetail, AgreementSummary, AgreementTermsBody, Funder, GoalView, StrategiesView, ProjectDetail, ProjectListItem, ProjectPlanFeed } from './feature-types.ts';

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
  keyFromKolada: (org: string, id: number, year: number) => apiRequest<null>('POST', `/api/orgs/${seg(org)}/agreements/${id}/key/${year}/kolada`, { body: {} }),
  saveEvaluation: (org: string, id: number, body: { day: string; text: string }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/agreements/${id}/evaluation`, { body }),
  setKey: (org: string, id: number, year: number, entries: { municipalityCode: string; population: number }[]) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/agreements/${id}/key/${year}`, { body: { entries } }),
  addForum: (org: string, id: number, body: { name: string; kind: 'politicians' | 'officials' }) =>
    apiRequest<{ id: number }>('POST', `/api/orgs/${seg(org)}/agreements/${id}/forums`, { body }),
  addMeeting: (org: string, id: number, body: { forumId: number; day: string; subject: string; notes?: string }) =>
    apiRequest<{ id: number }>('POST', `/api/orgs/${seg(org)}/agreements/${id}/meetings`, { body }),
  getMunicipalities: (org: string, signal?: AbortSignal) => apiRequest<{ code: string; name: string }[]>('GET', `/api/orgs/${seg(org)}/municipalities`, opt(signal)),
  createAgreement: (org: string, body: AgreementTermsBody & { firstYearTotalOre: number }) =>
    apiRequest<{ id: number }>('POST', `/api/orgs/${seg(org)}/agreements`, { body }),
  updateAgreement: (org: string, id: number, body: AgreementTermsBody & { firstYearTotalOre?: number }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/agreements/${id}`, { body }),
  updateForum: (org: string, id: number, forumId: number, body: { name: string; kind: 'politicians' | 'officials' }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/agreements/${id}/forums/${forumId}`, { body }),
  deleteForum: (org: string, id: number, forumId: number) => apiRequest<null>('DELETE', `/api/orgs/${seg(org)}/agreements/${id}/forums/${forumId}`),
  updateMeeting: (org: string, id: number, meetingId: number, body: { forumId: number; day: string; subject: string; notes: string }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/agreements/${id}/meetings/${meetingId}`, { body }),
  deleteMeeting: (org: string, id: number, meetingId: number) => apiRequest<null>('DELETE', `/api/orgs/${seg(org)}/agreements/${id}/meetings/${meetingId}`),
  updateFollowup: (org: string, id: number, followupId: number, body: { period: string; municipalityCode: string | null; text: string }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/agreements/${id}/followups/${followupId}`, { body }),
  deleteFollowup: (org: string, id: number, followupId: number) => apiRequest<null>('DELETE', `/api/orgs/${seg(org)}/agreements/${id}/followups/${followupId}`),
  agreementExportHref: (org: string, id: number, format: 'csv' | 'xlsx') => `/api/orgs/${seg(org)}/agreements/${id}/export?format=${format}`,
  municipalityReportHref: (org: string, id: number, code: string, format: 'html' | 'xlsx') =>
    `/api/orgs/${seg(org)}/agreements/${id}/municipalities/${seg(code)}/report?format=${format}`,
  getProjects: (org: string, signal?: AbortSignal) => apiRequest<ProjectListItem[]>('GET', `/api/orgs/${seg(org)}/projects`, opt(signal)),
  getProject: (org: string, code: string, signal?: AbortSignal) =>
    apiRequest<ProjectDetail>('GET', `/api/orgs/${seg(org)}/projects/${seg(code)}`, opt(signal)),
  getFunders: (signal?: AbortSignal) => apiRequest<Funder[]>('GET', '/api/funders', opt(signal)),
  getProjectPlan: (org: string, firstYear: number, lastYear: number, signal?: AbortSignal) =>
    apiRequest<ProjectPlanFeed>('GET', `/api/orgs/${seg(org)}/project-plan?firstYear=${firstYear}&lastYear=${lastYear}`, opt(signal)),
  createProject: (org: string, body: object) => apiRequest<ProjectDetail>('POST', `/api/orgs/${seg(org)}/projects`, { body }),
  saveProject: (org: string, code: string, body: object) => apiRequest<ProjectDetail>('PUT', `/api/orgs/${seg(org)}/projects/${seg(code)}`, { body }),
  applyProject: (org: string, code: string, version: string) =>
    apiRequest<{ lines: number }>('POST', `/api/orgs/${seg(org)}/projects/${seg(code)}/plan-lines`, { body: { version } }),
  getStrategies: (org: string, year: number, signal?: AbortSignal) =>
    apiRequest<StrategiesView>('GET', `/api/orgs/${seg(org)}/strategies?year=${year}`, opt(signal)),
  getGoals: (org: string, year: number, signal?: AbortSignal) => apiRequest<GoalView[]>('GET', `/api/orgs/${seg(org)}/goals?year=${year}`, opt(signal)),
  addStrategy: (org: string, body: { code: string; name: string; firstYear: number; lastYear: number; subStrategies: string[] }) =>
    apiRequest<null>('POST', `/api/orgs/${seg(org)}/strategies`, { body }),
  createGoal: (org: string, body: { title: string; description: string; strategyCode: string; subStrategies: number[] }) =>
    apiRequest<{ id: number }>('POST', `/api/orgs/${seg(org)}/goals`, { body }),
  addIndicator: (org: string, goalId: number, body: {
    name: string; unit: string; direction: 'higher' | 'lower'; koladaKpi: string | null; genderSplit: boolean;
    baselineYear: number | null; baselineValue: number | null; targets: { year: number; target: number }[];
  }) => apiRequest<{ id: number }>('POST', `/api/orgs/${seg(org)}/goals/${goalId}/indicators`, { body }),
  markActivityDone: (org: string, id: number, done: boolean) => apiRequest<null>('PUT', `/api/orgs/${seg(org)}/activities/${id}/done`, { body: { done } }),
  adoptStrategy: (org: string, strategyCode: string, fromYear: number) =>
    apiRequest<null>('POST', `/api/orgs/${seg(org)}/strategies/adopt`, { body: { strategyCode, fromYear } }),
  assessGoal: (org: string, id: number, body: { period: string; assessment: string; comment: string }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/goals/${id}/assessment`, { body }),
  recordOutcome: (org: string, id: number, body: { period: string; total: number; women: number | null; men: number | null }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/indicators/${id}/outcome`, { body }),
  addActivity: (org: string, id: number, body: { title: string; owner: string; dueDay: string }) =>
    apiRequest<{ id: number }>('POST', `/api/orgs/${seg(org)}/goals/${id}/activities`, { body }),
  updateGoal: (org: string, id: number, body: { title: string; description: string; strategyCode: string; subStrategies: number[] }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/goals/${id}`, { body }),
  /** `withContents` confirms that the goal's indicators, activities and assessments go with it. */
  deleteGoal: (org: string, id: number, withContents: boolean) =>
    apiRequest<null>('DELETE', `/api/orgs/${seg(org)}/goals/${id}${withContents ? '?withContents=true' : ''}`),
  updateIndicator: (org: string, id: number, body: {
    name: string; unit: string; direction: 'higher' | 'lower'; koladaKpi: string | null; genderSplit: boolean;
    baselineYear: number | null; baselineValue: number | null; targets: { year: number; target: number }[];
  }) => apiRequest<null>('PUT', `/api/orgs/${seg(org)}/indicators/${id}`, { body }),
  deleteIndicator: (org: string, id: number, withContents: boolean) =>
    apiRequest<null>('DELETE', `/api/orgs/${seg(org)}/indicators/${id}${withContents ? '?withContents=true' : ''}`),
  updateActivity: (org: string, id: number, body: { title: string; owner: string; dueDay: string; done: boolean }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/activities/${id}`, { body }),
  deleteActivity: (org: string, id: number) => apiRequest<null>('DELETE', `/api/orgs/${seg(org)}/activities/${id}`),
  updateAssessment: (org: string, goalId: number, period: string, body: { period: string; assessment: string; comment: string }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/goals/${goalId}/assessments/${seg(period)}`, { body }),
  deleteAssessment: (org: string, goalId: number, period: string) => apiRequest<null>('DELETE', `/api/orgs/${seg(org)}/goals/${goalId}/assessments/${seg(period)}`),
  updateOutcome: (org: string, indicatorId: number, period: string, body: { period: string; total: number; women: number | null; men: number | null }) =>
    apiRequest<null>('PUT', `/api/orgs/${seg(org)}/indicators/${indicatorId}/outcomes/${seg(period)}`, { body }),
  deleteOutcome: (org: string, indicatorId: number, period: string) => apiRequest<null>('DELETE', `/api/orgs/${seg(org)}/indicators/${indicatorId}/outcomes/${seg(period)}`),
  fetchKolada: (org: string, kpi: string, years: number[]) =>
    apiRequest<{ ok: boolean; message: string; stored: number }>('POST', `/api/orgs/${seg(org)}/kolada/fetch`, { body: { kpi, years } }),
};
