// What a project save sends (PUT /api/orgs/{org}/projects/{code}): the project as the server last
// gave it, with one form's changes on top. The uplift and maximum shares are left out unless the
// form changes them, so they stay as stored.
import type { ProjectDetail } from '../feature-types.ts';

export type ProjectBody = {
  revision: number; name: string; programme: string; status: ProjectDetail['status']; startPeriod: string; endPeriod: string;
  flatRate: ProjectDetail['flatRate']; claimIntervalMonths: number; paymentLagDays: number;
  staff: { role: string; year: number; monthlySalaryOre: number; hours: number }[];
  costs: { year: number; category: string; amountOre: number }[];
  financing: { funder: string; type: string; year: number; amountOre: number }[];
  staffUpliftPercent?: number;
  maxShares?: { funder: string; maxSharePercent: number }[];
};

export function projectBody(p: ProjectDetail, changes: Partial<ProjectBody>): ProjectBody {
  return {
    revision: p.revision, name: p.name, programme: p.programme, status: p.status, startPeriod: p.startPeriod, endPeriod: p.endPeriod, flatRate: p.flatRate,
    claimIntervalMonths: p.claimIntervalMonths, paymentLagDays: p.paymentLagDays,
    staff: p.staff.map((s) => ({ role: s.role, year: s.year, monthlySalaryOre: s.monthlySalaryOre, hours: s.hours })),
    costs: p.costs.map((c) => ({ year: c.year, category: c.category, amountOre: c.amountOre })),
    financing: p.financing.map((f) => ({ funder: f.funder, type: f.type, year: f.year, amountOre: f.amountOre })),
    ...changes,
  };
}

/** Every year the project has a row in, besides the years of its period: rows left outside a shortened period stay visible (and editable). */
export function projectYearsWithRows(p: ProjectDetail): { year: number; inPeriod: boolean }[] {
  const inPeriod = new Set(p.years.map((y) => y.year));
  const all = new Set([...inPeriod, ...p.staff.map((s) => s.year), ...p.costs.map((c) => c.year), ...p.financing.map((f) => f.year)]);
  return [...all].sort((a, b) => a - b).map((year) => ({ year, inPeriod: inPeriod.has(year) }));
}
