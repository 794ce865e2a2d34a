// `ramplan sie export`: one organisation's year as a SIE file (type 3 by default) in CP437 with
// #KSUMMA: the chart as #KONTO, units and projects as #DIM/#OBJEKT, the actuals as #PSALDO (the
// account's total as a `{}` row, its parts per cost centre and project as object rows) and #RES,
// and a plan version as #PBUDGET. Amounts go back to the ledger's sign (revenue negative).
import type { ServiceContext } from './context.ts';
import { ServiceError, notFound } from './errors.ts';
import { exportLines, listVersionOwnerCodes } from '../db/repositories/sie-import.ts';
import { findOrganisationByCode, listTenantOrganisations, type OrganisationRow } from '../db/repositories/organisations.ts';
import { listAccounts, listCategories } from '../db/repositories/reference.ts';
import { findVersion, listVersions, type VersionRow } from '../db/repositories/versions.ts';
import type { CategoryKind } from '../domain/category.ts';
import type { Ore } from '../domain/money.ts';
import type { Day, Period } from '../domain/period.ts';
import { emptyCompany, emptyModel, writeSie } from '../sie/index.ts';
import type { ObjectRef, SieAccount, SieModel, SiePeriodAmount, SieReplacement, SieWriteType } from '../sie/index.ts';
import { ramplanSign } from './sie-import-plan.ts';

export type SieExportInput = {
  readonly year: number;
  readonly orgCode?: string;
  /** A plan version to write as #PBUDGET (an actual version is written as #PSALDO instead of the default actuals). */
  readonly versionCode?: string;
  readonly type?: SieWriteType;
  readonly program: { readonly name: string; readonly version: string };
};

export type SieExportResult = {
  readonly bytes: Uint8Array;
  readonly org: { readonly code: string; readonly name: string };
  readonly type: SieWriteType;
  readonly actualVersion: string | null;
  readonly budgetVersion: string | null;
  readonly accounts: number;
  readonly periodRows: number;
  readonly budgetRows: number;
  readonly replacements: readonly SieReplacement[];
  readonly omitted: Readonly<Record<string, number>>;
};

export function parseSieType(text: string): SieWriteType | undefined {
  const t = text.trim().toUpperCase();
  return t === '1' ? 1 : t === '2' ? 2 : t === '3' ? 3 : t === '4E' || t === '4' ? '4E' : undefined;
}

async function resolveExportOrg(ctx: ServiceContext, orgCode: string | undefined): Promise<OrganisationRow> {
  if (orgCode !== undefined) {
    const org = await findOrganisationByCode(ctx.db, orgCode);
    if (!org) throw notFound(`Organisationen ${orgCode} finns inte.`);
    return org;
  }
  // Without --org: the one organisation that has plan versions.
  const owners = await listVersionOwnerCodes(ctx.db);
  const only = owners.length === 1 ? owners[0] : undefined;
  if (only === undefined) {
    throw new ServiceError('validation', owners.length === 0
      ? 'Databasen har inga versioner att exportera.'
      : `Databasen har flera organisationer med versioner (${owners.join(', ')}); ange vilken med --org.`);
  }
  const org = await findOrganisationByCode(ctx.db, only);
  if (!org) throw notFound(`Organisationen ${only} finns inte.`);
  return org;
}

type Line = Awaited<ReturnType<typeof exportLines>>[number];

function periodRows(lines: readonly Line[], org: OrganisationRow, kinds: ReadonlyMap<string, CategoryKind>): { totals: SiePeriodAmount[]; parts: SiePeriodAmount[] } {
  const totals = new Map<string, { period: Period; account: string; amount: number }>();
  const parts: SiePeriodAmount[] = [];
  for (const l of lines) {
    if (l.period === null) continue;
    const amount = ramplanSign(l.amountOre, kinds.get(l.category) ?? 'cost');
    const period = l.period as Period;
    const key = `${l.accountCode}|${l.period}`;
    const t = totals.get(key);
    if (t) t.amount += amount;
    else totals.set(key, { period, account: l.accountCode, amount });
    const objects: ObjectRef[] = [];
    if (l.unitId !== org.id) objects.push({ dim: 1, id: l.unitCode });
    if (l.projectCode !== null) objects.push({ dim: 6, id: l.projectCode });
    if (objects.length > 0 && amount !== 0) parts.push({ yearIndex: 0, period, account: l.accountCode, objects, amount: amount as Ore, quantity: null });
  }
  return {
    totals: [...totals.values()].filter((t) => t.amount !== 0)
      .map((t) => ({ yearIndex: 0, period: t.period, account: t.account, objects: [], amount: t.amount as Ore, quantity: null })),
    parts,
  };
}

export async function exportSie(ctx: ServiceContext, input: SieExportInput, today: Day): Promise<SieExportResult> {
  const type = input.type ?? 3;
  const org = await resolveExportOrg(ctx, input.orgCode);
  const versions = await listVersions(ctx.db, org.id);
  let actual: VersionRow | undefined = versions.find((v) => v.code === 'actual' && v.kind === 'actual') ?? versions.find((v) => v.kind === 'actual');
  let budget: VersionRow | undefined;
  if (input.versionCode !== undefined) {
    const v = await findVersion(ctx.db, org.id, input.versionCode);
    if (!v) throw notFound(`Versionen ${input.versionCode} finns inte i ${org.name}.`);
    if (v.kind === 'actual') actual = v; else budget = v;
  }
  const categories = await listCategories(ctx.db, org.tenantId);
  const kinds = new Map(categories.map((c) => [c.code, c.kind]));
  const actualLines = actual ? await exportLines(ctx.db, actual.id, input.year) : [];
  const budgetLines = budget ? await exportLines(ctx.db, budget.id, input.year) : [];
  if (actualLines.length === 0 && budgetLines.length === 0) {
    throw new ServiceError('validation', `${org.name} har inga belopp för ${String(input.year)} att exportera${budget ? ` i ${budget.name}` : ''}.`);
  }

  const accountCategory = new Map<string, string>();
  for (const l of [...actualLines, ...budgetLines]) accountCategory.set(l.accountCode, l.category);
  const chart = await listAccounts(ctx.db, org.tenantId);
  const accounts: SieAccount[] = chart.map((a) => {
    const category = accountCategory.get(a.code) ?? a.category;
    const kind = category === null ? undefined : kinds.get(category);
    return { account: a.code, name: a.name, type: kind === 'revenue' ? 'I' : kind === 'cost' ? 'K' : null, sru: null, unit: null };
  });

  const orgs = await listTenantOrganisations(ctx.db, org.tenantId);
  const unitName = new Map(orgs.map((o) => [o.code, o.name]));
  const units = new Set<string>();
  const projects = new Set<string>();
  for (const l of [...actualLines, ...budgetLines]) {
    if (l.unitId !== org.id) units.add(l.unitCode);
    if (l.projectCode !== null) projects.add(l.projectCode);
  }
  const a = periodRows(actualLines, org, kinds);
  const b = periodRows(budgetLines, org, kinds);
  const res = new Map<string, number>();
  for (const t of a.totals) res.set(t.account, (res.get(t.account) ?? 0) + t.amount);

  const model: SieModel = {
    ...emptyModel(),
    company: { ...emptyCompany(), name: org.name, orgNumber: org.orgNumber, currency: 'SEK' },
    fiscalYears: [{ yearIndex: 0, start: `${String(input.year)}-01-01` as Day, end: `${String(input.year)}-12-31` as Day }],
    accounts,
    dimensions: [
      ...(units.size > 0 ? [{ dim: 1, name: 'Kostnadsställe', parent: null }] : []),
      ...(projects.size > 0 ? [{ dim: 6, name: 'Projekt', parent: null }] : []),
    ],
    objects: [
      ...[...units].sort().map((id) => ({ dim: 1, id, name: unitName.get(id) ?? id })),
      ...[...projects].sort().map((id) => ({ dim: 6, id, name: id })),
    ],
    balances: [...res].filter(([, v]) => v !== 0).map(([account, amount]) => ({ label: 'RES' as const, yearIndex: 0, account, amount: amount as Ore, quantity: null })),
    periodBalances: a.totals,
    objectPeriodBalances: a.parts,
    periodBudgets: b.totals,
    objectPeriodBudgets: b.parts,
  };
  const written = writeSie(model, { type, program: input.program, generatedAt: today });
  return {
    bytes: written.bytes, org: { code: org.code, name: org.name }, type, actualVersion: actual && actualLines.length > 0 ? actual.code : null,
    budgetVersion: budget?.code ?? null, accounts: accounts.length, periodRows: a.totals.length + a.parts.length, budgetRows: b.totals.length + b.parts.length,
    replacements: written.replacements, omitted: written.omitted as Record<string, number>,
  };
}
