// The demo's externally financed projects (exempeldata). The seed names the funders (EU, the
// municipalities, SKL, Kulturrådet, Vinnova, Tillväxtverket) and state assignments such as
// exportsamverkan; the projects, salaries and amounts here are illustrative. One draft breaks the
// 50 % rule of the regional 1:1 funds on purpose, to show that it cannot be applied for as it is.
import type { Tx } from '../../db/database.ts';
import { insertProject, replaceProjectBudget } from '../../db/repositories/projects.ts';
import { defaultFinancingType, findFunder, projectBudget, type CostRow, type FinancingRow, type FlatRate, type ProjectPlan, type ProjectStatus, type StaffRow } from '../../domain/projects.ts';
import { ore, oreFromKronor } from '../../domain/money.ts';

type DemoProject = {
  code: string; name: string; programme: string; status: ProjectStatus; startPeriod: string; endPeriod: string; flatRate: FlatRate;
  claimIntervalMonths: number; staff: StaffRow[]; costs: CostRow[];
  /** Shares in per mille of each year's cost per funder; own funding ('egen') takes the rest. */
  shares: Record<string, number>;
};

const kr = (n: number) => oreFromKronor(n);

/**
 * The demo's projects were budgeted before the 2,4 % yearly uplift of the staff unit cost was a
 * project setting, and the demo underlag's golden model (services/fixtures) pins their figures; so
 * they keep an uplift of 0, like every project saved before migration 0009. New projects get 2,4 %.
 */
const DEMO_STAFF_UPLIFT_PPM = 0;
const staff = (role: string, monthly: number, hoursByYear: Record<number, number>): StaffRow[] =>
  Object.entries(hoursByYear).map(([year, hours]) => ({ role, year: Number(year), monthlySalaryOre: kr(monthly), hours }));

export const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    code: 'SMART-VBN', name: 'Smart specialisering Västerbotten', programme: 'ERUF Övre Norrland', status: 'beviljat',
    startPeriod: '2019-01', endPeriod: '2021-06', flatRate: '15', claimIntervalMonths: 6,
    staff: [...staff('Projektledare', 46_000, { 2019: 1_720, 2020: 1_720, 2021: 860 }), ...staff('Analytiker', 40_000, { 2019: 860, 2020: 860, 2021: 430 })],
    costs: [
      { year: 2019, category: 'externa-tjanster', amountOre: kr(300_000) }, { year: 2020, category: 'externa-tjanster', amountOre: kr(300_000) },
      { year: 2021, category: 'externa-tjanster', amountOre: kr(150_000) }, { year: 2019, category: 'resor', amountOre: kr(60_000) },
      { year: 2020, category: 'resor', amountOre: kr(60_000) }, { year: 2021, category: 'resor', amountOre: kr(30_000) },
    ],
    shares: { eruf: 500, kommuner: 100 },
  },
  {
    code: 'EXPORT', name: 'Exportsamverkan Västerbotten', programme: 'Tillväxtverket', status: 'beviljat',
    startPeriod: '2019-01', endPeriod: '2020-12', flatRate: 'none', claimIntervalMonths: 3,
    staff: staff('Exportrådgivare', 42_000, { 2019: 1_720, 2020: 1_720 }),
    costs: [
      { year: 2019, category: 'resor', amountOre: kr(80_000) }, { year: 2020, category: 'resor', amountOre: kr(80_000) },
      { year: 2019, category: 'externa-tjanster', amountOre: kr(150_000) }, { year: 2020, category: 'externa-tjanster', amountOre: kr(150_000) },
    ],
    shares: { tillvaxtverket: 1_000 },
  },
  {
    code: 'DIGI-ESF', name: 'Digital kompetens i arbetslivet', programme: 'ESF+', status: 'ansokt',
    startPeriod: '2020-09', endPeriod: '2022-08', flatRate: '40', claimIntervalMonths: 4,
    staff: [...staff('Projektledare', 44_000, { 2020: 573, 2021: 1_720, 2022: 1_147 }), ...staff('Utbildare', 38_000, { 2020: 573, 2021: 1_720, 2022: 1_147 })],
    costs: [],
    shares: { esf: 540 },
  },
  {
    code: 'GRON-INLAND', name: 'Grön omställning i inlandet', programme: 'Regionala projektmedel (1:1)', status: 'planerat',
    startPeriod: '2021-01', endPeriod: '2022-12', flatRate: 'none', claimIntervalMonths: 6,
    staff: staff('Processledare', 41_000, { 2021: 1_720, 2022: 1_720 }),
    costs: [{ year: 2021, category: 'externa-tjanster', amountOre: kr(400_000) }, { year: 2022, category: 'externa-tjanster', amountOre: kr(400_000) }],
    shares: { 'regional-1-1': 600, kommuner: 200 },
  },
];

/** Each demo funder gives its default type: EU support from the EU funds, public cash from the others. */
const typeOf = (code: string) => {
  const funder = findFunder(code);
  if (!funder) throw new Error(`demo funder ${code} missing`);
  return defaultFinancingType(funder);
};

/** Funding per year from per-mille shares of the year's cost, each rounded down; own funding takes the rest. */
function financingOf(p: DemoProject): FinancingRow[] {
  const plan: ProjectPlan = {
    programme: p.programme, startPeriod: p.startPeriod, endPeriod: p.endPeriod, flatRate: p.flatRate, staff: p.staff, costs: p.costs, financing: [], staffUpliftPpm: DEMO_STAFF_UPLIFT_PPM, maxShares: [],
  };
  return projectBudget(plan).flatMap((y) => {
    const rows: FinancingRow[] = Object.entries(p.shares).map(([funder, pm]) => ({ funder, type: typeOf(funder), year: y.year, amountOre: ore(Math.floor((y.totalOre * pm) / 1_000)) }));
    const rest = y.totalOre - rows.reduce((s, r) => s + r.amountOre, 0);
    return rest > 0 ? [...rows, { funder: 'egen', type: typeOf('egen'), year: y.year, amountOre: ore(rest) }] : rows;
  });
}

export async function loadDemoProjects(tx: Tx, tenantId: number, committeeId: number): Promise<void> {
  for (const p of DEMO_PROJECTS) {
    const id = await insertProject(tx, {
      tenantId, orgId: committeeId, code: p.code, name: p.name, programme: p.programme, status: p.status, startPeriod: p.startPeriod,
      endPeriod: p.endPeriod, flatRate: p.flatRate, claimIntervalMonths: p.claimIntervalMonths, paymentLagDays: 80, isExample: true,
      staffUpliftPpm: DEMO_STAFF_UPLIFT_PPM,
    });
    await replaceProjectBudget(tx, tenantId, id, { staff: p.staff, costs: p.costs, financing: financingOf(p) });
  }
}
