// SIE imports: the history, the cost-centre map, earlier imports of the same source, and the
// plan-line and balance rows they wrote (the rows themselves arrive by COPY: sie-import-copy.ts).
import { sql } from 'kysely';
import type { DbOrTx } from '../database.ts';
import { toOre, toSafeNumber } from '../convert.ts';
import type { Ore } from '../../domain/money.ts';
import { anyLineSource } from './plan-lines.ts';
import { copyField, type Copier, type CopyValue } from './sie-import-copy.ts';

/** Serialises imports into one organisation: held until the transaction ends. */
export async function lockSieImports(db: DbOrTx, orgId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7262577, ${2_000_000 + orgId}::int)`.execute(db);
}

/**
 * Memory for this transaction's sorts and hashes (the triggers' aggregates over a million-line COPY);
 * LOCAL, so it ends with the transaction.
 */
export async function setImportWorkMem(db: DbOrTx): Promise<void> {
  await sql`SET LOCAL work_mem = '64MB'`.execute(db);
}

/** Whether the version has any line (visible in this transaction). */
export async function versionHasLines(db: DbOrTx, versionId: number): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM plan_line WHERE version_id = ${versionId} AND ${anyLineSource()})
        OR EXISTS (SELECT 1 FROM actual_line WHERE version_id = ${versionId}) AS found`.execute(db);
  return r.rows[0]?.found === true;
}

/**
 * Whether an import's lines share a key (year, month, unit, account, project, funder) with another line
 * of the version: the partial unique index (migration 0008) leaves imported lines to this check.
 */
export async function importClashes(db: DbOrTx, versionId: number, importId: number): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM plan_line_all n JOIN plan_line_all o
        ON o.version_id = n.version_id AND o.year = n.year AND o.period IS NOT DISTINCT FROM n.period AND o.unit_id = n.unit_id
       AND o.account_code = n.account_code AND o.project_code IS NOT DISTINCT FROM n.project_code AND o.funder_code IS NOT DISTINCT FROM n.funder_code
       AND o.id <> n.id
     WHERE n.version_id = ${versionId} AND n.sie_import_id = ${importId}
    ) AS found`.execute(db);
  return r.rows[0]?.found === true;
}

/** Organisations whose organisation number has the same digits (556677-8899 = 5566778899). */
export async function findOrganisationCodesByOrgNumber(db: DbOrTx, digits: string): Promise<string[]> {
  const rows = await db.selectFrom('organisation').select('code')
    .where(sql<boolean>`regexp_replace(coalesce(org_number, ''), '[^0-9]', '', 'g') = ${digits}`).orderBy('id').execute();
  return rows.map((r) => r.code);
}

export async function setOrganisationNumber(db: DbOrTx, orgId: number, orgNumber: string): Promise<void> {
  await db.updateTable('organisation').set({ org_number: orgNumber }).where('id', '=', String(orgId)).execute();
}

export async function listUnitMap(db: DbOrTx, orgId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('sie_unit_map').select(['object_id', 'unit_id']).where('org_id', '=', String(orgId)).execute();
  return new Map(rows.map((r) => [r.object_id, toSafeNumber(r.unit_id, 'sie_unit_map.unit_id')]));
}

export async function insertUnitMap(db: DbOrTx, tenantId: number, orgId: number, entries: ReadonlyArray<{ objectId: string; unitId: number }>): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('sie_unit_map').values(entries.map((e) => ({ tenant_id: tenantId, org_id: orgId, object_id: e.objectId, unit_id: e.unitId })))
    .onConflict((oc) => oc.columns(['org_id', 'object_id']).doNothing()).execute();
}

export async function insertCategoriesIfMissing(
  db: DbOrTx, tenantId: number, categories: ReadonlyArray<{ code: string; kind: 'revenue' | 'cost'; name: string; order: number }>,
): Promise<void> {
  if (categories.length === 0) return;
  await db.insertInto('category').values(categories.map((c) => ({ tenant_id: tenantId, code: c.code, kind: c.kind, name: c.name, sort_order: c.order })))
    .onConflict((oc) => oc.columns(['tenant_id', 'code']).doNothing()).execute();
}

export async function setVersionYears(db: DbOrTx, versionId: number, firstYear: number, lastYear: number): Promise<void> {
  await db.updateTable('plan_version').set({ first_year: firstYear, last_year: lastYear }).where('id', '=', String(versionId)).execute();
}

export type EarlierImport = { readonly id: number; readonly actualVersionId: number | null; readonly budgetVersionId: number | null; readonly fileName: string; readonly importedAt: Date };

/** Imports of the same source and fiscal year into the organisation whose actuals are still current. */
export async function findCurrentImports(db: DbOrTx, orgId: number, sourceKey: string, fiscalStart: string): Promise<EarlierImport[]> {
  const rows = await db.selectFrom('sie_import').select(['id', 'actual_version_id', 'budget_version_id', 'file_name', 'imported_at'])
    .where('org_id', '=', String(orgId)).where('source_key', '=', sourceKey).where(sql<boolean>`fiscal_start = ${fiscalStart}::date`)
    .where('status', '=', 'imported').orderBy('id').execute();
  return rows.map((r) => ({
    id: toSafeNumber(r.id, 'sie_import.id'),
    actualVersionId: r.actual_version_id === null ? null : toSafeNumber(r.actual_version_id, 'sie_import.actual_version_id'),
    budgetVersionId: r.budget_version_id === null ? null : toSafeNumber(r.budget_version_id, 'sie_import.budget_version_id'),
    fileName: r.file_name, importedAt: r.imported_at,
  }));
}

/** Removes the plan lines earlier imports wrote into a version (set-based: one statement). */
export async function deleteImportLines(db: DbOrTx, versionId: number, importIds: readonly number[]): Promise<number> {
  if (importIds.length === 0) return 0;
  const r = await db.deleteFrom('plan_line').where('version_id', '=', String(versionId))
    .where('sie_import_id', 'in', importIds.map(String)).executeTakeFirst();
  const a = await db.deleteFrom('actual_line').where('version_id', '=', String(versionId))
    .where('sie_import_id', 'in', importIds.map(String)).executeTakeFirst();
  return Number(r.numDeletedRows) + Number(a.numDeletedRows);
}

export async function deleteVersionLines(db: DbOrTx, versionId: number): Promise<number> {
  const r = await db.deleteFrom('plan_line').where('version_id', '=', String(versionId)).where(anyLineSource()).executeTakeFirst();
  const a = await db.deleteFrom('actual_line').where('version_id', '=', String(versionId)).executeTakeFirst();
  return Number(r.numDeletedRows) + Number(a.numDeletedRows);
}

export async function markImportsReplaced(db: DbOrTx, importIds: readonly number[], by: number): Promise<void> {
  if (importIds.length === 0) return;
  await db.updateTable('sie_import').set({ status: 'replaced', replaced_by: by }).where('id', 'in', importIds.map(String)).execute();
}

export type NewSieImport = {
  readonly tenantId: number; readonly orgId: number; readonly sourceKey: string; readonly fileName: string; readonly sha256: string;
  readonly bytes: number; readonly producer: string | null; readonly generatedOn: string | null; readonly sieType: string; readonly encoding: string;
  readonly companyName: string | null; readonly orgNumber: string | null; readonly fiscalStart: string; readonly fiscalEnd: string;
  readonly actualsFrom: 'vouchers' | 'psaldo' | 'none'; readonly actualVersionId: number | null; readonly budgetVersionId: number | null;
  readonly lineCount: number; readonly counts: unknown; readonly problems: unknown; readonly report: unknown; readonly importedBy: string;
};

export async function insertSieImport(db: DbOrTx, i: NewSieImport): Promise<number> {
  const row = await db.insertInto('sie_import').values({
    tenant_id: i.tenantId, org_id: i.orgId, source_key: i.sourceKey, file_name: i.fileName, sha256: i.sha256, bytes: i.bytes,
    producer: i.producer, generated_on: i.generatedOn, sie_type: i.sieType, encoding: i.encoding, company_name: i.companyName,
    org_number: i.orgNumber, fiscal_start: i.fiscalStart, fiscal_end: i.fiscalEnd, actuals_from: i.actualsFrom,
    actual_version_id: i.actualVersionId, budget_version_id: i.budgetVersionId, line_count: i.lineCount,
    counts: JSON.stringify(i.counts), problems: JSON.stringify(i.problems), report: JSON.stringify(i.report), imported_by: i.importedBy,
  }).returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(row.id, 'sie_import.id');
}

export async function setImportLineCount(db: DbOrTx, importId: number, lineCount: number): Promise<void> {
  await db.updateTable('sie_import').set({ line_count: lineCount }).where('id', '=', String(importId)).execute();
}

export type SieImportRow = {
  readonly id: number; readonly orgCode: string; readonly fileName: string; readonly sha256: string; readonly bytes: number;
  readonly producer: string | null; readonly sieType: string; readonly encoding: string; readonly companyName: string | null;
  readonly orgNumber: string | null; readonly fiscalStart: string; readonly fiscalEnd: string; readonly actualsFrom: string;
  readonly lineCount: number; readonly status: 'imported' | 'replaced'; readonly replacedBy: number | null;
  readonly importedBy: string; readonly importedAt: Date; readonly counts: unknown; readonly problems: unknown; readonly report: unknown;
};

export async function listSieImports(db: DbOrTx, orgId: number, limit = 50): Promise<SieImportRow[]> {
  const rows = await db.selectFrom('sie_import as i').innerJoin('organisation as o', 'o.id', 'i.org_id')
    .select(['i.id', 'o.code', 'i.file_name', 'i.sha256', 'i.bytes', 'i.producer', 'i.sie_type', 'i.encoding', 'i.company_name',
      'i.org_number', sql<string>`to_char(i.fiscal_start, 'YYYY-MM-DD')`.as('fiscal_start'), sql<string>`to_char(i.fiscal_end, 'YYYY-MM-DD')`.as('fiscal_end'),
      'i.actuals_from', 'i.line_count', 'i.status', 'i.replaced_by', 'i.imported_by', 'i.imported_at', 'i.counts', 'i.problems', 'i.report'])
    .where('i.org_id', '=', String(orgId)).orderBy('i.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: toSafeNumber(r.id, 'sie_import.id'), orgCode: r.code, fileName: r.file_name, sha256: r.sha256, bytes: toSafeNumber(r.bytes, 'sie_import.bytes'),
    producer: r.producer, sieType: r.sie_type, encoding: r.encoding, companyName: r.company_name, orgNumber: r.org_number,
    fiscalStart: r.fiscal_start, fiscalEnd: r.fiscal_end, actualsFrom: r.actuals_from, lineCount: toSafeNumber(r.line_count, 'sie_import.line_count'),
    status: r.status, replacedBy: r.replaced_by === null ? null : toSafeNumber(r.replaced_by, 'sie_import.replaced_by'),
    importedBy: r.imported_by, importedAt: r.imported_at, counts: r.counts, problems: r.problems, report: r.report,
  }));
}

/**
 * Summarises the page ranges the COPY added in the BRIN index over imported lines (migration 0016),
 * inside the import's transaction: until a range is summarised, every query on any version reads it.
 */
export async function summarizeImportedLines(db: DbOrTx): Promise<void> {
  await sql`SELECT brin_summarize_new_values('plan_line_imported')`.execute(db);
}

/** The same for actual lines (migration 0018): the ranges an import filled, before it commits. */
export async function summarizeActualLines(db: DbOrTx): Promise<void> {
  await sql`SELECT brin_summarize_new_values('actual_line_version')`.execute(db);
}

/** Statistics for actual lines after a load (their columns are all what queries find them by). */
export async function analyzeActualLines(db: DbOrTx): Promise<void> {
  await sql`ANALYZE actual_line`.execute(db);
}

/**
 * Fresh planner statistics after a bulk load (DESIGN.md: COPY, then ANALYZE), for the columns every
 * query finds lines by (version, year, and whether imported: the partial indexes of migrations 0016
 * and 0017). Sampling is most of ANALYZE's cost; the other columns' statistics follow from
 * autovacuum's own ANALYZE, which a large load sets off. 402 454 new lines: 163 ms for the table,
 * 84 ms for these three columns.
 */
export async function analyzePlanLines(db: DbOrTx): Promise<void> {
  await sql`ANALYZE plan_line (version_id, year, sie_import_id)`.execute(db);
}

export const PLAN_LINE_COPY_COLUMNS = [
  'tenant_id', 'org_id', 'version_id', 'year', 'period', 'unit_id', 'account_code', 'category_code', 'project_code', 'amount_ore', 'updated_by', 'sie_import_id',
] as const;

/** An import's lines as columns: each text once in a dictionary, each line as indexes into them. */
export type PlanLineColumns = {
  readonly length: number;
  /** 'YYYY-MM' */
  readonly periods: readonly string[];
  readonly unitIds: readonly number[];
  readonly accounts: readonly string[];
  readonly categories: readonly string[];
  readonly projects: ReadonlyArray<string | null>;
  readonly period: Int32Array;
  readonly unit: Int32Array;
  readonly account: Int32Array;
  readonly category: Int32Array;
  readonly project: Int32Array;
  /** Whole öre. */
  readonly amount: Float64Array;
};

export type PlanLineOwner = { readonly tenantId: number; readonly orgId: number; readonly versionId: number; readonly updatedBy: string; readonly importId: number };

/**
 * The lines by COPY, the text built from each dictionary entry escaped once: a line is one string
 * concatenation of ready pieces, with nothing allocated for its fields.
 */
export async function copyPlanLines(copy: Copier, owner: PlanLineOwner, lines: PlanLineColumns): Promise<number> {
  const field = (v: CopyValue): string => copyField(v);
  const head = `${field(owner.tenantId)}\t${field(owner.orgId)}\t${field(owner.versionId)}\t`;
  const tail = `\t${field(owner.updatedBy)}\t${field(owner.importId)}\n`;
  const periods = lines.periods.map((p) => `${p.slice(0, 4)}\t${field(p)}\t`);
  const units = lines.unitIds.map((u) => `${field(u)}\t`);
  const accounts = lines.accounts.map((a) => `${field(a)}\t`);
  const categories = lines.categories.map((c) => `${field(c)}\t`);
  const projects = lines.projects.map((p) => `${field(p)}\t`);
  function* chunks(): Generator<string> {
    let text = '';
    for (let i = 0; i < lines.length; i++) {
      text += head + periods[lines.period[i]!]! + units[lines.unit[i]!]! + accounts[lines.account[i]!]! + categories[lines.category[i]!]!
        + projects[lines.project[i]!]! + String(lines.amount[i]!) + tail;
      if (text.length >= 256 * 1024) {
        yield text;
        text = '';
      }
    }
    if (text !== '') yield text;
  }
  await copy.text('plan_line', PLAN_LINE_COPY_COLUMNS, chunks());
  return lines.length;
}

/**
 * An import's actual lines into actual_line (migration 0018): each distinct account (with its
 * category) once in actual_account, numbered; each line as numbers, its project and its amount. The
 * COPY text is built from pre-escaped pieces, one concatenation per line. Lines are numbered in the
 * order written (their id in plan_line_all is derived from the number).
 */
export async function copyActualLines(copy: Copier, owner: PlanLineOwner, lines: PlanLineColumns): Promise<number> {
  const pairs = new Map<number, number>(); // account × categories + category → actual_account.idx
  const pairOf = new Int32Array(lines.length);
  const accountRows: Array<readonly CopyValue[]> = [];
  const categories = lines.categories.length;
  for (let i = 0; i < lines.length; i++) {
    const key = lines.account[i]! * categories + lines.category[i]!;
    let idx = pairs.get(key);
    if (idx === undefined) {
      idx = accountRows.length;
      pairs.set(key, idx);
      accountRows.push([owner.importId, idx, owner.tenantId, lines.accounts[lines.account[i]!] ?? '', lines.categories[lines.category[i]!] ?? '']);
    }
    pairOf[i] = idx;
  }
  await copy.rows('actual_account', ['sie_import_id', 'idx', 'tenant_id', 'account_code', 'category_code'], accountRows);
  const field = (v: CopyValue): string => copyField(v);
  const head = `${field(owner.importId)}\t`;
  const version = `\t${field(owner.versionId)}\t`;
  const periods = lines.periods.map((p) => {
    const m = /^(\d{4})-(\d{2})$/.exec(p);
    if (m === null) throw new Error(`not a period: ${p}`);
    return `${String(Number(m[1]))}\t${String(Number(m[2]))}\t`;
  });
  const units = lines.unitIds.map((u) => `${field(u)}\t`);
  const projects = lines.projects.map((p) => `\t${field(p)}\t`);
  function* chunks(): Generator<string> {
    let text = '';
    for (let i = 0; i < lines.length; i++) {
      text += head + String(i) + version + periods[lines.period[i]!]! + units[lines.unit[i]!]! + String(pairOf[i]!)
        + projects[lines.project[i]!]! + String(lines.amount[i]!) + '\n';
      if (text.length >= 256 * 1024) {
        yield text;
        text = '';
      }
    }
    if (text !== '') yield text;
  }
  await copy.text('actual_line', ['sie_import_id', 'line_no', 'version_id', 'year', 'month', 'unit_id', 'account_idx', 'project_code', 'amount_ore'], chunks());
  return lines.length;
}

export type CopiedBalance = {
  readonly kind: 'IB' | 'UB' | 'RES' | 'OIB' | 'OUB' | 'PSALDO' | 'VER'; readonly yearIndex: number; readonly period: string | null;
  readonly account: string; readonly objects: string; readonly amountOre: Ore;
};

export async function copyBalances(copy: Copier, tenantId: number, importId: number, balances: Iterable<CopiedBalance>): Promise<number> {
  function* rows(): Generator<readonly CopyValue[]> {
    for (const b of balances) yield [tenantId, importId, b.kind, b.yearIndex, b.period, b.account, b.objects, b.amountOre];
  }
  return copy.rows('sie_balance', ['tenant_id', 'import_id', 'kind', 'year_index', 'period', 'account', 'objects', 'amount_ore'], rows());
}

export async function listBalances(db: DbOrTx, importId: number): Promise<CopiedBalance[]> {
  const rows = await db.selectFrom('sie_balance').selectAll().where('import_id', '=', String(importId)).execute();
  return rows.map((r) => ({ kind: r.kind, yearIndex: r.year_index, period: r.period, account: r.account, objects: r.objects, amountOre: toOre(r.amount_ore) }));
}

/** Plan lines of a version and year with the unit's code: what an export writes. */
export async function exportLines(db: DbOrTx, versionId: number, year: number): Promise<Array<{
  period: string | null; unitId: number; unitCode: string; accountCode: string; category: string; projectCode: string | null; amountOre: Ore;
}>> {
  const rows = await db.selectFrom('plan_line_all as l').innerJoin('organisation as u', 'u.id', 'l.unit_id')
    .select((eb) => ['l.period', 'l.unit_id', 'u.code', 'l.account_code', 'l.category_code', 'l.project_code', eb.fn.sum<string>('l.amount_ore').as('amount')])
    .where('l.version_id', '=', String(versionId)).where('l.year', '=', year)
    .groupBy(['l.period', 'l.unit_id', 'u.code', 'l.account_code', 'l.category_code', 'l.project_code'])
    .orderBy('l.account_code').orderBy('l.period').orderBy('u.code').execute();
  return rows.map((r) => ({
    period: r.period, unitId: toSafeNumber(r.unit_id, 'plan_line.unit_id'), unitCode: r.code, accountCode: r.account_code,
    category: r.category_code, projectCode: r.project_code, amountOre: toOre(r.amount),
  }));
}

/** Codes of the organisations that own at least one plan version (an export without --org needs exactly one). */
export async function listVersionOwnerCodes(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectFrom('organisation as o').select('o.code')
    .where((eb) => eb.exists(eb.selectFrom('plan_version as v').select('v.id').whereRef('v.org_id', '=', 'o.id'))).orderBy('o.code').execute();
  return rows.map((r) => r.code);
}
