// `ramplan sie import` and the web import: a SIE file into an organisation's actuals (and a budget
// version when the file has #PBUDGET), all or nothing. The file is read in one streaming pass
// (sie-import-read.ts) that folds the vouchers into sums; only when it has no errors does one
// transaction write everything: the organisation and units it needs, the accounts, the lines by
// COPY (repositories/sie-import-copy.ts), the balances kept for reconciliation, the import's history
// row and an audit entry. A second import of the same company and fiscal year replaces the first
// one's lines (they carry its id) and marks it replaced; the history keeps both.
import type { ServiceContext } from './context.ts';
import { ServiceError, notFound } from './errors.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { withCopyTransaction } from '../db/repositories/sie-import-copy.ts';
import {
  analyzeActualLines, analyzePlanLines, copyActualLines, copyBalances, copyPlanLines, deleteImportLines, deleteVersionLines, findCurrentImports, findOrganisationCodesByOrgNumber,
  importClashes, insertCategoriesIfMissing, insertSieImport, insertUnitMap, listUnitMap, lockSieImports, markImportsReplaced, setImportWorkMem,
  setOrganisationNumber, setVersionYears, summarizeActualLines, summarizeImportedLines, versionHasLines,
} from '../db/repositories/sie-import.ts';
import {
  findOrganisationByCode, insertOrganisation, insertRootOrganisation, listTenantOrganisations, type OrganisationRow,
} from '../db/repositories/organisations.ts';
import { insertAccountRanges, insertAccounts, insertCategories, listAccountRanges, listAccounts, listCategories } from '../db/repositories/reference.ts';
import { findVersion, insertVersion, listVersions, type VersionRow } from '../db/repositories/versions.ts';
import type { Tx } from '../db/database.ts';
import { DEFAULT_ACCOUNT_RANGES, DEFAULT_CATEGORIES } from '../domain/category.ts';
import type { Day, Period } from '../domain/period.ts';
import { planSieImport, type ImportPlan, type PlannedLines, type ReconciliationCheck } from './sie-import-plan.ts';
import { yearsOf } from './sie-import-lines.ts';
import { importable, readSieFile, type SieFileRead, type SieInspection, type SieReadOptions } from './sie-import-read.ts';

export type SieImportInput = {
  readonly file: string;
  readonly fileName?: string;
  /** `--org`: import into this organisation (by code). */
  readonly orgCode?: string;
  /** The web's import: the organisation the user is in (already checked for 'plan.edit'). */
  readonly org?: OrganisationRow;
  /** Who imports (username); recorded in the history and the audit log. */
  readonly actor: string;
  readonly ignoreChecksum?: boolean;
  readonly onProgress?: SieReadOptions['onProgress'];
  /** Called when reading is done and the database work starts. */
  readonly onWriting?: () => void;
  /** Called as each phase ends (read, plan, copy, commit, analyze): for the benchmark's timeline. */
  readonly onPhase?: (phase: 'read' | 'plan' | 'copy' | 'commit' | 'analyze') => void;
};

export type SieImportResult = {
  readonly importId: number;
  readonly org: { readonly code: string; readonly name: string };
  readonly createdOrganisation: boolean;
  readonly orgNumberSet: boolean;
  readonly fiscalYear: { readonly start: Day; readonly end: Day };
  readonly actualsFrom: ImportPlan['actualsFrom'];
  readonly actualVersion: string | null;
  readonly budgetVersion: string | null;
  readonly actualLines: number;
  readonly budgetLines: number;
  readonly balances: number;
  readonly newAccounts: number;
  readonly unmappedAccounts: ReadonlyArray<{ readonly code: string; readonly name: string; readonly category: string }>;
  readonly createdUnits: ReadonlyArray<{ readonly code: string; readonly name: string; readonly costCentre: string }>;
  readonly projects: number;
  readonly replaced: readonly number[];
  readonly checks: readonly ReconciliationCheck[];
  /** Reconciliation mismatches and the file's warnings, Swedish. */
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
};

export type SieImportOutcome =
  | { readonly status: 'imported'; readonly inspection: SieInspection; readonly result: SieImportResult }
  | { readonly status: 'refused'; readonly inspection: SieInspection };

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** A code for an organisation from a name or id: ASCII letters, digits and '-', at most `max` characters. */
export function codeFrom(text: string, max = 32): string {
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  const code = folded.replace(/[^A-Z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '').replace(/-{2,}/g, '-').slice(0, max).replace(/[-_]+$/, '');
  return code === '' ? 'ORG' : code;
}

const digitsOf = (s: string | null): string => (s ?? '').replace(/\D/g, '');

async function freeCode(tx: Tx, wanted: string): Promise<string> {
  const base = CODE.test(wanted) ? wanted : codeFrom(wanted);
  if (!(await findOrganisationByCode(tx, base))) return base;
  for (let n = 2; n < 10_000; n++) {
    const code = `${base.slice(0, 32 - String(n).length - 1)}-${String(n)}`;
    if (!(await findOrganisationByCode(tx, code))) return code;
  }
  throw new Error(`no free organisation code for ${wanted}`);
}

const dayOf = (p: Period, last: boolean): Day => {
  if (!last) return `${p}-01` as Day;
  const [y = 0, m = 1] = p.split('-').map(Number);
  return `${p}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}` as Day;
};

function fiscalYearOf(plan: ImportPlan): { start: Day; end: Day } | null {
  if (plan.fiscalYear) return plan.fiscalYear;
  const periods = [...plan.actual.periods, ...plan.budget.periods].sort();
  const first = periods[0];
  const last = periods[periods.length - 1];
  return first === undefined || last === undefined ? null : { start: dayOf(first, false), end: dayOf(last, true) };
}

export async function importSieFile(ctx: ServiceContext, input: SieImportInput): Promise<SieImportOutcome> {
  return writeSieImport(ctx, await readSieForImport(input), input);
}

/** The file read as an import reads it (no database needed: a command can open one meanwhile). */
export async function readSieForImport(input: SieImportInput): Promise<SieFileRead> {
  const read = await readSieFile(input.file, {
    ...(input.ignoreChecksum === true ? { ignoreChecksum: true } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.fileName !== undefined ? { fileName: input.fileName } : {}),
  });
  input.onPhase?.('read');
  return read;
}

/** The import of a file read by readSieForImport: refused when it has errors, else all of it in one transaction. */
export async function writeSieImport(ctx: ServiceContext, read: SieFileRead, input: SieImportInput): Promise<SieImportOutcome> {
  const { inspection, collected } = read;
  if (!importable(inspection)) return { status: 'refused', inspection };
  input.onWriting?.();

  let actualLinesWritten = 0;
  let budgetLinesWritten = 0;
  const result = await withCopyTransaction(ctx.db, async (tx, copy) => {
    const resolved = await resolveOrganisation(tx, input, inspection);
    const { org } = resolved;
    await lockSieImports(tx, org.id);
    await setImportWorkMem(tx);

    if (resolved.created) {
      await insertCategories(tx, org.tenantId, DEFAULT_CATEGORIES);
      await insertAccountRanges(tx, org.tenantId, DEFAULT_ACCOUNT_RANGES);
    }
    const categories = await listCategories(tx, org.tenantId);
    const plan = planSieImport(collected, {
      ranges: await listAccountRanges(tx, org.tenantId),
      categoryKinds: new Map(categories.map((c) => [c.code, c.kind])),
      accounts: new Map((await listAccounts(tx, org.tenantId)).map((a) => [a.code, { name: a.name, category: a.category }])),
    });
    input.onPhase?.('plan');
    const fiscalYear = fiscalYearOf(plan);
    if (fiscalYear === null) {
      throw new ServiceError('validation', 'Filen har inget räkenskapsår (#RAR 0, i SIE 5 FiscalYear) och inga belopp att läsa in.');
    }
    await insertCategoriesIfMissing(tx, org.tenantId, plan.usedUnmapped);
    await insertAccounts(tx, org.tenantId, plan.newAccounts);

    // Cost centres → units under the organisation: the map of earlier imports, a unit with that code, or a new one.
    const unitIds = await listUnitMap(tx, org.id);
    const below = await unitsBelow(tx, org);
    const createdUnits: Array<{ code: string; name: string; costCentre: string }> = [];
    const newMap: Array<{ objectId: string; unitId: number }> = [];
    for (const [id, name] of [...plan.costCentres].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (unitIds.has(id)) continue;
      const existing = below.find((u) => u.code === id) ?? below.find((u) => u.code === `${org.code}-${id}`);
      let unitId = existing?.id;
      if (unitId === undefined) {
        const code = await freeCode(tx, CODE.test(id) ? id : `${org.code}-${codeFrom(id, 20)}`);
        unitId = await insertOrganisation(tx, { tenantId: org.tenantId, parentId: org.id, code, name: (name.trim() || id).slice(0, 200), kind: 'unit' });
        createdUnits.push({ code, name: name || id, costCentre: id });
      }
      unitIds.set(id, unitId);
      newMap.push({ objectId: id, unitId });
    }
    await insertUnitMap(tx, org.tenantId, org.id, newMap);

    const sourceKey = digitsOf(inspection.company.orgNumber) !== ''
      ? `orgnr:${digitsOf(inspection.company.orgNumber)}`
      : `namn:${inspection.company.name ?? inspection.fileName}`;
    const earlier = await findCurrentImports(tx, org.id, sourceKey, fiscalYear.start);

    const actualYears = yearsOf(plan.actual);
    let actual: VersionRow | undefined;
    if (actualYears !== null) {
      actual = await ensureVersionYears(tx, org, actualYears, await findActualVersion(tx, org), {
        code: 'actual', name: 'Utfall', kind: 'actual',
      });
    }
    // The earlier import's actuals go, wherever they were written (never counted twice).
    for (const e of earlier) {
      if (e.actualVersionId !== null) await deleteImportLines(tx, e.actualVersionId, [e.id]).catch(translateFrozen);
    }

    // #PBUDGET: a budget version named after the producer and date; a re-import reuses its own draft.
    let budget: VersionRow | undefined;
    const budgetYears = yearsOf(plan.budget);
    if (budgetYears !== null) {
      const reusable = await reusableBudget(tx, org, earlier);
      const name = `Budget ${String(budgetYears.first)} från ${inspection.program ?? 'SIE-fil'}${inspection.generated ? ` ${inspection.generated}` : ''}`.slice(0, 200);
      if (reusable) {
        await deleteVersionLines(tx, reusable.id);
        budget = await ensureVersionYears(tx, org, budgetYears, reusable, { code: reusable.code, name, kind: 'budget' });
      } else {
        budget = await ensureVersionYears(tx, org, budgetYears, undefined, { code: await freeVersionCode(tx, org, `sie-budget-${String(budgetYears.first)}`), name, kind: 'budget' });
      }
    }

    const importId = await insertSieImport(tx, {
      tenantId: org.tenantId, orgId: org.id, sourceKey, fileName: inspection.fileName, sha256: inspection.sha256, bytes: inspection.bytes,
      producer: inspection.program, generatedOn: inspection.generated, sieType: inspection.sieType ?? '?', encoding: inspection.encoding ?? '?',
      companyName: inspection.company.name, orgNumber: inspection.company.orgNumber, fiscalStart: fiscalYear.start, fiscalEnd: fiscalYear.end,
      actualsFrom: plan.actualsFrom, actualVersionId: actual?.id ?? null, budgetVersionId: budget?.id ?? null,
      lineCount: plan.actual.length + plan.budget.length, counts: inspection.counts, problems: inspection.problems,
      report: {
        createdOrganisation: resolved.created, createdUnits, newAccounts: plan.newAccounts.length, unmappedAccounts: plan.unmappedAccounts,
        projects: [...plan.projects].map(([id, name]) => ({ id, name })), checks: plan.checks, warnings: plan.warnings, notes: plan.notes,
        replaced: earlier.map((e) => e.id),
      },
      importedBy: input.actor,
    });

    const columns = (lines: PlannedLines) => ({
      ...lines,
      unitIds: lines.units.map((u) => {
        const id = u === '' ? org.id : unitIds.get(u);
        if (id === undefined) throw new Error(`cost centre ${u} has no unit`);
        return id;
      }),
    });
    try {
      // Actuals go to actual_line, a budget to plan_line (where it can be edited): migration 0018.
      for (const [lines, version, write] of [[plan.actual, actual, copyActualLines], [plan.budget, budget, copyPlanLines]] as const) {
        if (version === undefined) continue;
        // An import's lines are unique by construction; only a version that already has other lines can clash.
        const others = await versionHasLines(tx, version.id);
        const written = await write(copy, { tenantId: org.tenantId, orgId: org.id, versionId: version.id, updatedBy: input.actor, importId }, columns(lines));
        if (write === copyActualLines) actualLinesWritten += written;
        else budgetLinesWritten += written;
        if (others && await importClashes(tx, version.id, importId)) throw Object.assign(new Error('clash'), { code: '23505' });
      }
    } catch (error) {
      translateCopyError(error, org);
    }
    if (actualLinesWritten > 0) await summarizeActualLines(tx);
    if (budgetLinesWritten > 0) await summarizeImportedLines(tx);
    input.onPhase?.('copy');
    const balances = await copyBalances(copy, org.tenantId, importId, plan.balanceRows.map((b) => ({ ...b, amountOre: b.amount })));
    await markImportsReplaced(tx, earlier.map((e) => e.id), importId);

    const outcome: SieImportResult = {
      importId, org: { code: org.code, name: org.name }, createdOrganisation: resolved.created, orgNumberSet: resolved.orgNumberSet,
      fiscalYear, actualsFrom: plan.actualsFrom, actualVersion: actual?.code ?? null, budgetVersion: budget?.code ?? null,
      actualLines: plan.actual.length, budgetLines: plan.budget.length, balances, newAccounts: plan.newAccounts.length,
      unmappedAccounts: plan.unmappedAccounts, createdUnits, projects: plan.projects.size, replaced: earlier.map((e) => e.id),
      checks: plan.checks,
      warnings: [...resolved.warnings, ...plan.warnings, ...inspection.problems.filter((p) => p.level === 'warning').map((p) => p.message)],
      notes: plan.notes,
    };
    await appendAudit(tx, {
      tenantId: org.tenantId, actor: input.actor, action: 'sie.import', entity: 'sie_import', entityId: String(importId), before: null,
      after: {
        file: inspection.fileName, sha256: inspection.sha256, org: org.code, fiscalYear, actualLines: outcome.actualLines,
        budgetLines: outcome.budgetLines, actualVersion: outcome.actualVersion, budgetVersion: outcome.budgetVersion,
        createdOrganisation: resolved.created, createdUnits: createdUnits.map((u) => u.code), replaced: outcome.replaced,
      },
    });
    return outcome;
  });
  input.onPhase?.('commit');
  // Statistics after the commit: the new lines are then what every later query sees.
  if (actualLinesWritten >= 10_000) await analyzeActualLines(ctx.db);
  if (budgetLinesWritten >= 10_000) await analyzePlanLines(ctx.db);
  input.onPhase?.('analyze');
  return { status: 'imported', inspection, result };
}

type Resolved = { org: OrganisationRow; created: boolean; orgNumberSet: boolean; warnings: string[] };

async function resolveOrganisation(tx: Tx, input: SieImportInput, inspection: SieInspection): Promise<Resolved> {
  const warnings: string[] = [];
  const fileNumber = inspection.company.orgNumber;
  const digits = digitsOf(fileNumber);
  let org = input.org;
  if (org === undefined && input.orgCode !== undefined) {
    org = await findOrganisationByCode(tx, input.orgCode);
    if (!org) throw notFound(`Organisationen ${input.orgCode} finns inte.`);
  }
  if (org === undefined && digits !== '') {
    const codes = await findOrganisationCodesByOrgNumber(tx, digits);
    if (codes.length > 1) {
      throw new ServiceError('conflict', `Flera organisationer har organisationsnummer ${fileNumber ?? ''} (${codes.join(', ')}); ange vilken med --org.`);
    }
    if (codes[0] !== undefined) org = await findOrganisationByCode(tx, codes[0]);
  }
  if (org !== undefined) {
    let orgNumberSet = false;
    if (digits !== '' && org.orgNumber === null) {
      await setOrganisationNumber(tx, org.id, fileNumber ?? digits);
      orgNumberSet = true;
    } else if (digits !== '' && digitsOf(org.orgNumber) !== digits) {
      warnings.push(`Filen gäller organisationsnummer ${fileNumber ?? ''}, men ${org.name} har ${org.orgNumber ?? ''}; filen har lästs in i ${org.code} som du angav.`);
    }
    return { org, created: false, orgNumberSet, warnings };
  }
  const name = inspection.company.name ?? (fileNumber !== null ? `Organisation ${fileNumber}` : null);
  if (name === null) {
    throw new ServiceError('validation', 'Filen saknar både företagsnamn (#FNAMN) och organisationsnummer (#ORGNR); ange organisationen med --org.');
  }
  const code = await freeCode(tx, codeFrom(name, 24));
  const id = await insertRootOrganisation(tx, { code, name: name.slice(0, 200), orgNumber: fileNumber });
  const created = await findOrganisationByCode(tx, code);
  if (!created || created.id !== id) throw new Error('created organisation not found');
  return { org: created, created: true, orgNumberSet: false, warnings };
}

async function unitsBelow(tx: Tx, org: OrganisationRow): Promise<OrganisationRow[]> {
  const all = await listTenantOrganisations(tx, org.tenantId);
  const inside = new Set([org.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const o of all) if (o.parentId !== null && inside.has(o.parentId) && !inside.has(o.id)) { inside.add(o.id); grew = true; }
  }
  return all.filter((o) => inside.has(o.id) && o.id !== org.id);
}

async function findActualVersion(tx: Tx, org: OrganisationRow): Promise<VersionRow | undefined> {
  const versions = (await listVersions(tx, org.id)).filter((v) => v.kind === 'actual');
  return versions.find((v) => v.code === 'actual') ?? versions[0];
}

async function freeVersionCode(tx: Tx, org: OrganisationRow, base: string): Promise<string> {
  if (!(await findVersion(tx, org.id, base))) return base;
  for (let n = 2; ; n++) if (!(await findVersion(tx, org.id, `${base}-${String(n)}`))) return `${base}-${String(n)}`;
}

async function reusableBudget(tx: Tx, org: OrganisationRow, earlier: readonly { budgetVersionId: number | null }[]): Promise<VersionRow | undefined> {
  const ids = new Set(earlier.map((e) => e.budgetVersionId).filter((id): id is number => id !== null));
  if (ids.size === 0) return undefined;
  return (await listVersions(tx, org.id)).find((v) => ids.has(v.id) && v.status === 'draft');
}

async function ensureVersionYears(
  tx: Tx, org: OrganisationRow, years: { first: number; last: number }, existing: VersionRow | undefined,
  create: { code: string; name: string; kind: 'actual' | 'budget' },
): Promise<VersionRow> {
  if (existing === undefined) {
    await insertVersion(tx, { tenantId: org.tenantId, orgId: org.id, code: create.code, name: create.name, kind: create.kind, firstYear: years.first, lastYear: years.last });
  } else if (existing.status === 'adopted') {
    throw new ServiceError('version_adopted', `Versionen ${existing.name} är beslutad och kan inte ändras av en import.`);
  } else if (years.first < existing.firstYear || years.last > existing.lastYear) {
    const first = Math.min(years.first, existing.firstYear);
    const last = Math.max(years.last, existing.lastYear);
    if (last - first > 20) throw new ServiceError('validation', `Versionen ${existing.name} kan inte omfatta ${String(first)}–${String(last)} (högst 21 år).`);
    await setVersionYears(tx, existing.id, first, last);
  }
  const v = await findVersion(tx, org.id, existing?.code ?? create.code);
  if (!v) throw new Error('version vanished inside its transaction');
  return v;
}

function translateFrozen(error: unknown): never {
  if (typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'RP002') {
    throw new ServiceError('version_adopted', (error as unknown as Error).message);
  }
  throw error;
}

function translateCopyError(error: unknown, org: OrganisationRow): never {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  if (code === '23505') {
    throw new ServiceError('conflict',
      `Utfallet krockar med rader som redan finns i ${org.name} för samma konto, enhet, period och projekt men inte kommer från en tidigare import av samma företag och räkenskapsår. Inget har lästs in.`);
  }
  return translateFrozen(error);
}
