// The underlag as a report: its input built from a stored revision (a decided revision from the
// snapshot it was decided on, so it never changes; any other from the live numbers), the report model,
// and the four outputs (HTML, DOCX, PDF, XLSX) from that one model. Also the drafted sentences offered
// to the writer, and the comparison of two revisions.
import type { ServiceContext } from './context.ts';
import { ServiceError, notFound } from './errors.ts';
import { gatherUnderlagData, resolveScope, swedishLocalTime, type UnderlagScope } from './underlag-data.ts';
import { parseContent, type Section } from './underlag-content.ts';
import { compareFigures, compareSections, printedFigures, type Comparison } from './underlag-compare.ts';
import type { DbOrTx } from '../db/database.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import { listTenantOrganisations } from '../db/repositories/organisations.ts';
import { findRevision, findUnderlagFor, type RevisionRow, type UnderlagRow } from '../db/repositories/underlag.ts';
import { findVersion, type VersionRow } from '../db/repositories/versions.ts';
import {
  PdfUnavailableError, buildUnderlagModel, contentText, defaultUnderlagTemplate, drawChartsWithChromium, reportCharts, draftBalanceSentence, draftLargestCostsSentence, draftResultContent,
  draftResultHistorySentence, draftRevenueSharesContent, renderDocx, renderHtml, renderPdf, renderXlsx, text,
  type InlineNode, type UnderlagData, type UnderlagInput, type UnderlagReport, type UnderlagStatus,
} from '../reports/index.ts';

export type ExportFormat = 'docx' | 'pdf' | 'html' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'html', 'xlsx'];

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type OutputOptions = { readonly chromiumPath?: string | undefined };

function planYearsOf(version: VersionRow, budgetYear: number): number[] {
  const years: number[] = [];
  for (let y = budgetYear + 1; y <= version.lastYear; y++) years.push(y);
  return years;
}

async function organisationOf(ctx: ServiceContext, org: OrganisationRow): Promise<UnderlagInput['organisation']> {
  const parent = org.parentId === null ? undefined : (await listTenantOrganisations(ctx.db, org.tenantId)).find((o) => o.id === org.parentId);
  return { name: org.name, code: org.code, ...(parent ? { parentName: parent.name } : {}) };
}

/** The input of a report over the live numbers. */
export async function liveInput(
  ctx: ServiceContext, org: OrganisationRow, scope: UnderlagScope, sections: readonly Section[],
  status: UnderlagStatus, decision?: { diarienummer: string; decisionDate: string },
): Promise<UnderlagInput> {
  const [organisation, data] = await Promise.all([organisationOf(ctx, org), gatherUnderlagData(ctx, org, scope)]);
  return {
    organisation, budgetYear: scope.budgetYear, planYears: planYearsOf(scope.version, scope.budgetYear),
    version: { code: scope.version.code, name: scope.version.name, status, ...(decision ?? {}) },
    generatedAt: swedishLocalTime(ctx.now()),
    isExample: org.isExample || scope.version.isExample,
    sections, data,
  };
}

export async function scopeOf(ctx: ServiceContext, org: OrganisationRow, doc: UnderlagRow): Promise<UnderlagScope> {
  const version = await findVersion(ctx.db, org.id, doc.versionCode);
  if (!version) throw notFound(`Versionen ${doc.versionCode} finns inte för ${org.name}.`);
  return { version, budgetYear: doc.budgetYear, actualYear: doc.actualYear };
}

/** Where a revision stands: decided, the current one (the document's status), or superseded (a draft). */
export function revisionStatus(doc: UnderlagRow, revision: RevisionRow): UnderlagStatus {
  if (revision.decidedAt !== null) return 'adopted';
  if (revision.revision === doc.headRevision && revision.edition === doc.edition) return doc.status;
  return 'draft';
}

export function sectionsOf(revision: RevisionRow): Section[] {
  const parsed = parseContent(revision.content);
  if (!parsed.ok) throw new Error(`stored revision ${String(revision.revision)} does not parse: ${parsed.error.message}`);
  return parsed.value;
}

/** The input of a revision: a decided one exactly as decided (its snapshot), else over the live numbers. */
export async function inputOfRevision(ctx: ServiceContext, org: OrganisationRow, doc: UnderlagRow, revision: RevisionRow): Promise<UnderlagInput> {
  if (revision.snapshot !== null && revision.snapshot !== undefined) return revision.snapshot as UnderlagInput;
  return liveInput(ctx, org, await scopeOf(ctx, org, doc), sectionsOf(revision), revisionStatus(doc, revision));
}

export async function requireRevision(ctx: { readonly db: DbOrTx }, doc: UnderlagRow, revision: number | undefined): Promise<RevisionRow> {
  const n = revision ?? doc.headRevision;
  const row = await findRevision(ctx.db, doc.id, n);
  if (!row) throw notFound(`Revision ${n} av underlaget finns inte (senaste är ${doc.headRevision}).`);
  return row;
}

/** One format of a report; a PDF without Chromium is the catalog's `pdf_unavailable` (503 in the API). */
export async function renderReport(report: UnderlagReport, format: ExportFormat, options: OutputOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'html': return new TextEncoder().encode(renderHtml(report));
    case 'docx': return renderDocx(report, await drawChartsWithChromium(reportCharts(report), options.chromiumPath === undefined ? {} : { chromiumPath: options.chromiumPath }));
    case 'xlsx': return renderXlsx(report);
    case 'pdf':
      return renderPdf(report, options.chromiumPath === undefined ? {} : { chromiumPath: options.chromiumPath }).catch((error: unknown) => {
        if (error instanceof PdfUnavailableError) throw new ServiceError('pdf_unavailable', error.message);
        throw error;
      });
  }
}

export type ExportFile = { readonly bytes: Uint8Array; readonly contentType: string; readonly filename: string };

/** "underlag-RUN-2020-r7.docx"; a decided revision says so: "underlag-RUN-2020-beslutat-r7.pdf". */
export function exportFilename(orgCode: string, budgetYear: number, revision: number | null, decided: boolean, format: ExportFormat): string {
  const safe = orgCode.replace(/[^A-Za-z0-9_-]/g, '');
  const rev = revision === null ? '' : `-${decided ? 'beslutat-' : ''}r${String(revision)}`;
  return `underlag-${safe}-${String(budgetYear)}${rev}.${format}`;
}

export async function exportRevision(
  ctx: ServiceContext, org: OrganisationRow, doc: UnderlagRow, revision: number | undefined, format: ExportFormat, options: OutputOptions = {},
): Promise<ExportFile> {
  const row = await requireRevision(ctx, doc, revision);
  const report = buildUnderlagModel(await inputOfRevision(ctx, org, doc, row));
  return {
    bytes: await renderReport(report, format, options), contentType: CONTENT_TYPES[format],
    filename: exportFilename(org.code, doc.budgetYear, row.revision, row.decidedAt !== null, format),
  };
}

/**
 * The underlag for the command line: the stored document's newest revision when there is one, else
 * the default template over the live numbers (built in memory, nothing is written).
 */
export async function underlagReportFor(
  ctx: ServiceContext, org: OrganisationRow, budgetYear: number, versionCode: string | undefined, format: ExportFormat, options: OutputOptions = {},
): Promise<ExportFile & { readonly stored: boolean; readonly problems: readonly string[] }> {
  const scope = await resolveScope(ctx, org, budgetYear, versionCode);
  const doc = await findUnderlagFor(ctx.db, org.id, budgetYear, scope.version.id);
  let input: UnderlagInput;
  let revision: RevisionRow | undefined;
  if (doc && doc.headRevision > 0) {
    revision = await requireRevision(ctx, doc, undefined);
    input = await inputOfRevision(ctx, org, doc, revision);
  } else {
    input = await liveInput(ctx, org, scope, await templateSections(ctx, org, scope), 'draft');
  }
  const report = buildUnderlagModel(input);
  return {
    bytes: await renderReport(report, format, options), contentType: CONTENT_TYPES[format],
    filename: exportFilename(org.code, budgetYear, revision?.revision ?? null, revision?.decidedAt != null, format),
    stored: revision !== undefined, problems: report.problems.map((p) => (p.section ? `${p.section}: ${p.message}` : p.message)),
  };
}

/** The default template; the shares sentence drafted from the actual year's numbers when there are any. */
export async function templateSections(ctx: ServiceContext, org: OrganisationRow, scope: UnderlagScope): Promise<Section[]> {
  const data = await gatherUnderlagData(ctx, org, scope);
  const actual = data.summaries.find((s) => s.year === scope.actualYear);
  return defaultUnderlagTemplate({ actualYear: scope.actualYear, budgetYear: scope.budgetYear, ...(actual ? { actualSummary: actual.summary } : {}) });
}

export type Draft = {
  readonly key: string; readonly title: string; readonly text: string; readonly content: readonly InlineNode[]; readonly live: boolean;
  /** Each live figure of the content as printed now, in order (the editor shows them before a save). */
  readonly figures: readonly string[];
};

/** Sentences drafted from the numbers, offered to the writer (never placed by themselves). */
export function draftsFrom(data: UnderlagData, actualYear: number, budgetYear: number): Draft[] {
  const out: Draft[] = [];
  const add = (key: string, title: string, content: InlineNode[], live: boolean): void => {
    const t = contentText(content, data);
    const figures = content.filter((n) => n.type === 'figure').map((n) => contentText([n], data));
    if (t.trim() !== '') out.push({ key, title, text: t, content, live, figures });
  };
  const actual = data.summaries.find((s) => s.year === actualYear);
  const budget = data.summaries.find((s) => s.year === budgetYear);
  if (actual) {
    add('revenue-shares', `Intäkternas fördelning ${String(actualYear)}`, draftRevenueSharesContent(actual.summary, actualYear), true);
    add('result', `Resultat ${String(actualYear)}`, draftResultContent(actualYear), true);
    add('largest-costs', `Största kostnaderna ${String(actualYear)}`, [text(draftLargestCostsSentence(actual.summary, actualYear))], false);
  }
  if (data.resultHistory && data.resultHistory.length > 0) {
    add('result-history', 'Resultathistorik', [text(draftResultHistorySentence(data.resultHistory))], false);
  }
  if (budget) add('balance', `Budget i balans ${String(budgetYear)}`, [text(draftBalanceSentence(budget.summary, budgetYear))], false);
  return out;
}

export async function draftsFor(ctx: ServiceContext, org: OrganisationRow, doc: UnderlagRow): Promise<Draft[]> {
  const data = await gatherUnderlagData(ctx, org, await scopeOf(ctx, org, doc));
  return draftsFrom(data, doc.actualYear, doc.budgetYear);
}

export type RevisionComparison = Comparison & {
  readonly from: { readonly revision: number; readonly decided: boolean; readonly generatedAt: string };
  readonly to: { readonly revision: number; readonly decided: boolean; readonly generatedAt: string };
};

export async function compareRevisionsOf(ctx: ServiceContext, org: OrganisationRow, doc: UnderlagRow, from: number, to: number): Promise<RevisionComparison> {
  const [a, b] = await Promise.all([requireRevision(ctx, doc, from), requireRevision(ctx, doc, to)]);
  const [inputA, inputB] = await Promise.all([inputOfRevision(ctx, org, doc, a), inputOfRevision(ctx, org, doc, b)]);
  const sectionsA = a.snapshot ? [...inputA.sections] : sectionsOf(a);
  const sectionsB = b.snapshot ? [...inputB.sections] : sectionsOf(b);
  const modelA = buildUnderlagModel(inputA);
  const modelB = buildUnderlagModel(inputB);
  return {
    from: { revision: a.revision, decided: a.decidedAt !== null, generatedAt: inputA.generatedAt },
    to: { revision: b.revision, decided: b.decidedAt !== null, generatedAt: inputB.generatedAt },
    sections: compareSections(sectionsA, sectionsB),
    figures: compareFigures(printedFigures(sectionsA, modelA), printedFigures(sectionsB, modelB)),
  };
}
