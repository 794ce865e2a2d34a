// Use cases of externally financed projects: the registry with its budget and financing plan, the
// checks (a project that breaks a rule stays a draft), the cash-flow view, and how projects feed the
// committee's plan. Each write is one transaction with an audit entry; bad input writes nothing.
import type { ServiceContext } from './context.ts';
import { ServiceError, invalid, notFound } from './errors.ts';
import type { AuthUser } from './auth.ts';
import { requireVersion } from './overview.ts';
import type { DbOrTx } from '../db/database.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import {
  deleteProjectPlanLines, findProject, insertProject, listFunderShares, listProjects, loadProjectBudget, replaceFunderShares, replaceProjectBudget, updateProject,
  type ProjectFields, type ProjectRow,
} from '../db/repositories/projects.ts';
import { insertPlanLines, type NewPlanLine } from '../db/repositories/plan-lines.ts';
import { findAccount, listAccountRanges } from '../db/repositories/reference.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import {
  COST_CATEGORIES, FINANCING_TYPES, FUNDERS, STAFF_ACCOUNT, STAFF_UPLIFT_PPM, checkProject, endingRevenueFlags, financingTypeName, financingTypeProblem, findFunder,
  isDraftStatus, isFinancingType, type FinancingType, projectBudget, projectPlanFeed,
  projectStatusLabel, staffRowRate, validateProjectTerms, type CostRow, type FinancingRow, type FlatRate, type FunderShare, type ProjectPlan, type ProjectStatus,
  type StaffRow, type YearBudget,
} from '../domain/projects.ts';
import { projectCashFlow, type CashFlow } from '../domain/project-cash-flow.ts';
import type { FieldError } from '../domain/agreement.ts';
import { categoryForAccount } from '../domain/category.ts';
import { canEditVersion } from '../domain/plan.ts';
import { ore, sumOre, type Ore } from '../domain/money.ts';
import { parsePeriod } from '../domain/period.ts';

export type ProjectBudgetRows = {
  readonly staff: readonly StaffRow[]; readonly costs: readonly CostRow[]; readonly financing: readonly FinancingRow[]; readonly maxShares: readonly FunderShare[];
};

export type ProjectDetail = {
  readonly project: ProjectRow; readonly budget: ProjectBudgetRows; readonly years: readonly YearBudget[];
  readonly staffRates: ReadonlyArray<{ role: string; year: number; hourlyRateOre: Ore; costOre: Ore }>;
  readonly issues: readonly FieldError[]; readonly cashFlow: CashFlow;
};

const planOf = (p: Pick<ProjectRow, 'programme' | 'startPeriod' | 'endPeriod' | 'flatRate' | 'staffUpliftPpm'>, b: ProjectBudgetRows): ProjectPlan => ({
  programme: p.programme, startPeriod: p.startPeriod, endPeriod: p.endPeriod, flatRate: p.flatRate, staffUpliftPpm: p.staffUpliftPpm,
  staff: b.staff, costs: b.costs, financing: b.financing, maxShares: b.maxShares,
});

/** A project's staff, costs, financing and its own maximum shares. */
async function loadBudget(db: DbOrTx, projectId: number): Promise<ProjectBudgetRows> {
  const [budget, maxShares] = await Promise.all([loadProjectBudget(db, projectId), listFunderShares(db, projectId)]);
  return { ...budget, maxShares };
}

async function requireProject(db: DbOrTx, org: OrganisationRow, code: string): Promise<ProjectRow> {
  const p = await findProject(db, org.id, code);
  if (!p) throw notFound(`Projektet ${code} finns inte för ${org.name}.`);
  return p;
}

export async function listProjectsOf(ctx: ServiceContext, org: OrganisationRow): Promise<Array<{ project: ProjectRow; totalCostOre: Ore; financingOre: Ore; issueCount: number }>> {
  const projects = await listProjects(ctx.db, org.id);
  return Promise.all(projects.map(async (project) => {
    const plan = planOf(project, await loadBudget(ctx.db, project.id));
    const years = projectBudget(plan);
    return {
      project, totalCostOre: sumOre(years.map((y) => y.totalOre)), financingOre: sumOre(years.map((y) => y.financingOre)),
      issueCount: checkProject(plan).length,
    };
  }));
}

export async function getProject(ctx: ServiceContext, org: OrganisationRow, code: string): Promise<ProjectDetail> {
  const project = await requireProject(ctx.db, org, code);
  const budget = await loadBudget(ctx.db, project.id);
  const plan = planOf(project, budget);
  return {
    project, budget, years: projectBudget(plan),
    staffRates: budget.staff.map((s) => {
      const rate = staffRowRate(plan, s);
      return { role: s.role, year: s.year, hourlyRateOre: rate, costOre: ore(rate * s.hours) };
    }),
    issues: checkProject(plan), cashFlow: projectCashFlow(plan, project.claimIntervalMonths, project.paymentLagDays),
  };
}

export type ProjectInput = ProjectFields & {
  readonly staff: readonly StaffRow[]; readonly costs: readonly CostRow[]; readonly financing: readonly FinancingRow[]; readonly maxShares: readonly FunderShare[];
};

/** What a save sends: the staff uplift and the maximum shares may be left out, and then stay as they are. */
export type ProjectUpdate = Omit<ProjectInput, 'staffUpliftPpm' | 'maxShares'> & { readonly staffUpliftPpm?: number; readonly maxShares?: readonly FunderShare[] };

/** The default a new project gets when the request leaves the uplift out. */
export const DEFAULT_STAFF_UPLIFT_PPM = STAFF_UPLIFT_PPM;

/** The input's own problems (not the financing rules): each names its field. */
function validateInput(i: ProjectInput): void {
  if (i.name.trim() === '') throw invalid('name', 'Namn: ange projektets namn.');
  if (i.programme.trim() === '') throw invalid('programme', 'Program: ange programmet eller finansiären projektet söker från.');
  const start = parsePeriod(i.startPeriod);
  if (!start.ok) throw invalid('startPeriod', `Startmånad: ${start.error}`);
  const end = parsePeriod(i.endPeriod);
  if (!end.ok) throw invalid('endPeriod', `Slutmånad: ${end.error}`);
  if (end.value < start.value) throw invalid('endPeriod', `Slutmånad: ${i.endPeriod} ligger före startmånaden ${i.startPeriod}.`);
  if (Number(i.endPeriod.slice(0, 4)) - Number(i.startPeriod.slice(0, 4)) > 9) throw invalid('endPeriod', 'Slutmånad: ett projekt får vara högst tio år.');
  for (const s of i.staff) {
    if (s.role.trim() === '') throw invalid('staff', 'Personal: ange rollen för varje rad.');
    if (!Number.isSafeInteger(s.monthlySalaryOre) || s.monthlySalaryOre < 0) throw invalid('staff', `Personal: månadslönen för ${s.role} ska vara ett belopp i hela öre, noll eller mer.`);
    if (!Number.isSafeInteger(s.hours) || s.hours < 0 || s.hours > 1_720) throw invalid('staff', `Personal: ${s.role} ${s.year} har ${s.hours} timmar; ett år har högst 1 720 timmar.`);
  }
  const seen = new Set<string>();
  for (const c of i.costs) {
    if (!COST_CATEGORIES.some((x) => x.code === c.category)) throw invalid('costs', `Kostnader: kategorin "${c.category}" finns inte.`);
    if (!Number.isSafeInteger(c.amountOre) || c.amountOre < 0) throw invalid('costs', 'Kostnader: belopp ska vara hela öre, noll eller mer.');
    if (seen.has(`c${c.year}${c.category}`)) throw invalid('costs', `Kostnader: ${c.category} ${c.year} förekommer två gånger.`);
    seen.add(`c${c.year}${c.category}`);
  }
  for (const f of i.financing) {
    if (!findFunder(f.funder)) throw invalid('financing', `Finansiering: finansiären "${f.funder}" finns inte (${FUNDERS.map((x) => x.code).join(', ')}).`);
    if (!isFinancingType(f.type)) throw invalid('financing', `Finansiering: finansieringstypen "${String(f.type)}" finns inte (${FINANCING_TYPES.map((x) => x.code).join(', ')}).`);
    const typeProblem = financingTypeProblem(f.funder, f.type);
    if (typeProblem !== null) throw invalid('financing', typeProblem);
    if (!Number.isSafeInteger(f.amountOre) || f.amountOre < 0) throw invalid('financing', 'Finansiering: belopp ska vara hela öre, noll eller mer.');
    const key = `f${f.year}:${f.funder}:${f.type}`;
    if (seen.has(key)) throw invalid('financing', `Finansiering: ${findFunder(f.funder)?.name ?? f.funder}, ${financingTypeName(f.type).toLowerCase()} ${f.year} förekommer två gånger.`);
    seen.add(key);
  }
  const terms = validateProjectTerms(i.maxShares, i.staffUpliftPpm)[0];
  if (terms) throw invalid(terms.field, terms.message);
}

/** A project that breaks a rule may be saved only as a draft (planerat): never applied for, granted or closed. */
function requireRulesForStatus(status: ProjectStatus, issues: readonly FieldError[]): void {
  if (isDraftStatus(status) || issues.length === 0) return;
  const label = projectStatusLabel(status).toLowerCase();
  // One broken rule is said in the message; several are listed one by one in `problems` (the message says how many).
  const message = issues.length === 1
    ? `Status: projektet kan inte få status ${label} förrän reglerna håller. ${issues[0]?.message ?? ''} Spara det som planerat (utkast) så länge.`
    : `Status: projektet kan inte få status ${label} förrän reglerna håller; det bryter mot ${issues.length} regler, var och en i listan. Spara det som planerat (utkast) så länge.`;
  throw invalid('status', message, issues.map((i) => i.message));
}

export async function createProject(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, code: string, input: ProjectInput): Promise<ProjectDetail> {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(code)) throw invalid('code', 'Kod: 1–40 tecken, bokstäver a–z, siffror, - och _.');
  validateInput(input);
  requireRulesForStatus(input.status, checkProject(planOf(input, input)));
  await ctx.db.transaction().execute(async (tx) => {
    if (await findProject(tx, org.id, code)) throw new ServiceError('conflict', `Det finns redan ett projekt med koden ${code}.`, { field: 'code' });
    const id = await insertProject(tx, { ...input, tenantId: org.tenantId, orgId: org.id, code });
    await replaceProjectBudget(tx, org.tenantId, id, input);
    await replaceFunderShares(tx, org.tenantId, id, input.maxShares);
    await appendAudit(tx, { tenantId: org.tenantId, actor: user.username, action: 'project.create', entity: 'project', entityId: code, before: null, after: input });
  });
  return getProject(ctx, org, code);
}

export async function saveProject(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, code: string, revision: number, update: ProjectUpdate): Promise<ProjectDetail> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await requireProject(tx, org, code);
    const beforeBudget = await loadBudget(tx, before.id);
    // Left out, the uplift and the maximum shares stay as they are; the checks see what will be saved.
    const input: ProjectInput = { ...update, staffUpliftPpm: update.staffUpliftPpm ?? before.staffUpliftPpm, maxShares: update.maxShares ?? beforeBudget.maxShares };
    validateInput(input);
    requireRulesForStatus(input.status, checkProject(planOf(input, input)));
    if (!(await updateProject(tx, before.id, revision, input))) {
      throw new ServiceError('conflict', 'Projektet har ändrats av någon annan sedan du läste det. Läs in det igen och gör om ändringen.', { field: 'revision' });
    }
    await replaceProjectBudget(tx, org.tenantId, before.id, input);
    await replaceFunderShares(tx, org.tenantId, before.id, input.maxShares);
    await appendAudit(tx, { tenantId: org.tenantId, actor: user.username, action: 'project.update', entity: 'project', entityId: code, before: { ...before, ...beforeBudget }, after: input });
  });
  return getProject(ctx, org, code);
}

/**
 * Puts a project's revenue and direct costs into a draft budget version as plan lines marked with
 * the project code (replacing what the project put there before): the external financing on each
 * funder's revenue account, staff on the salary account, other costs on their accounts.
 */
export async function applyProjectToVersion(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, code: string, versionCode: string): Promise<{ lines: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    const version = await requireVersion(tx, org, versionCode);
    const editable = canEditVersion(version);
    if (!editable.ok) throw new ServiceError('version_adopted', editable.error);
    if (version.kind === 'actual') throw invalid('version', 'Version: projekt läggs in i en budget, prognos eller ett scenario, inte i utfallet.');
    const project = await requireProject(tx, org, code);
    const budget = await loadBudget(tx, project.id);
    const plan = planOf(project, budget);
    const issues = checkProject(plan);
    if (issues.length > 0) throw invalid('project', `Projekt: ${project.name} bryter mot reglerna och läggs inte in i planen. ${issues.map((i) => i.message).join(' ')}`);
    const ranges = await listAccountRanges(tx, org.tenantId);
    const amounts = new Map<string, { year: number; account: string; funder: string | null; amount: number }>();
    const add = (year: number, account: string, funder: string | null, amount: number) => {
      if (year < version.firstYear || year > version.lastYear || amount === 0) return;
      const k = `${year}:${account}:${funder ?? ''}`;
      const cur = amounts.get(k);
      amounts.set(k, { year, account, funder, amount: (cur?.amount ?? 0) + amount });
    };
    for (const y of projectBudget(plan)) add(y.year, STAFF_ACCOUNT, null, y.staffOre);
    // Contributions in kind are no money in the committee's ledger: no cost line, no revenue line (decision 0008).
    for (const c of budget.costs) {
      const account = COST_CATEGORIES.find((x) => x.code === c.category)?.account;
      if (account !== null) add(c.year, account ?? '6410', null, c.amountOre);
    }
    for (const f of budget.financing) {
      const account = findFunder(f.funder)?.account;
      if (account && FINANCING_TYPES.find((t) => t.code === f.type)?.cash !== false) add(f.year, account, f.funder, f.amountOre);
    }
    const lines: NewPlanLine[] = [];
    for (const a of amounts.values()) {
      const account = await findAccount(tx, org.tenantId, a.account);
      const category = account?.category ?? (account ? categoryForAccount(account.code, ranges) : undefined);
      if (!account || category === undefined) throw invalid('version', `Version: kontot ${a.account} saknas i kontoplanen eller hör inte till någon kategori.`);
      lines.push({
        tenantId: org.tenantId, orgId: org.id, versionId: version.id, year: a.year, period: null, unitId: org.id, accountCode: a.account,
        category, projectCode: project.code, funderCode: a.funder, amountOre: ore(a.amount),
      });
    }
    const removed = await deleteProjectPlanLines(tx, version.id, project.code);
    await insertPlanLines(tx, lines, user.username);
    await appendAudit(tx, {
      tenantId: org.tenantId, actor: user.username, action: 'project.apply_to_plan', entity: 'plan_version', entityId: version.code,
      before: { project: project.code, removedLines: removed }, after: { project: project.code, lines: lines.map((l) => ({ year: l.year, account: l.accountCode, funder: l.funderCode, amountOre: l.amountOre })) },
    });
    return { lines: lines.length };
  });
}

export type PlanFeedView = {
  readonly years: ReadonlyArray<{ year: number; revenueOre: Ore; costOre: Ore; flags: ReadonlyArray<{ project: string; message: string; amountOre: Ore }> }>;
};

/** Projects' revenue and costs per plan year (applied for, granted, closed), with revenue that ends flagged. */
export async function projectPlanYears(ctx: ServiceContext, org: OrganisationRow, firstYear: number, lastYear: number): Promise<PlanFeedView> {
  if (lastYear < firstYear || lastYear - firstYear > 10) throw invalid('lastYear', 'År: välj högst tio år framåt.');
  const projects = (await listProjects(ctx.db, org.id)).filter((p) => !isDraftStatus(p.status));
  const plans = await Promise.all(projects.map(async (p) => ({ p, plan: planOf(p, await loadBudget(ctx.db, p.id)) })));
  const years = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const feeds = plans.flatMap(({ plan }) => projectPlanFeed(plan).filter((f) => f.year === year));
    years.push({
      year, revenueOre: sumOre(feeds.map((f) => f.revenueOre)), costOre: sumOre(feeds.map((f) => f.costOre)),
      flags: plans.flatMap(({ p, plan }) => endingRevenueFlags(p.name, plan).filter((f) => f.year === year).map((f) => ({ project: p.code, message: f.message, amountOre: f.amountOre }))),
    });
  }
  return { years };
}

/** What the underlag places: the project financing table for a year (each project's cost and funders). */
export async function projectFinancingTable(ctx: ServiceContext, org: OrganisationRow, year: number): Promise<Array<{
  code: string; name: string; programme: string; status: ProjectStatus; statusLabel: string; period: string; isExample: boolean;
  costOre: Ore; funders: Array<{ funder: string; name: string; type: FinancingType; typeName: string; amountOre: Ore }>;
}>> {
  const projects = await listProjects(ctx.db, org.id);
  const rows = [];
  for (const p of projects) {
    const budget = await loadBudget(ctx.db, p.id);
    const y = projectBudget(planOf(p, budget)).find((x) => x.year === year);
    if (!y) continue;
    rows.push({
      code: p.code, name: p.name, programme: p.programme, status: p.status, statusLabel: projectStatusLabel(p.status), period: `${p.startPeriod}–${p.endPeriod}`,
      isExample: p.isExample, costOre: y.totalOre,
      funders: budget.financing.filter((f) => f.year === year).map((f) => ({
        funder: f.funder, name: findFunder(f.funder)?.name ?? f.funder, type: f.type, typeName: financingTypeName(f.type), amountOre: f.amountOre,
      })),
    });
  }
  return rows;
}

export const PROJECT_FLAT_RATES: readonly FlatRate[] = ['none', '15', '40'];
