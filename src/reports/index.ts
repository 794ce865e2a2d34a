// The public API of the reports layer: the underlag's input, its report model, the default template,
// drafted sentences, and the four renderers over the one model.
export type {
  GoalData, GoalIndicatorData, MultiYearPlanData, MunicipalContributionRow, MunicipalContributionsData, PlanCategoryRowData,
  PlanScenarioData, PlanYearTotalsData, ProjectFinancingRow, SummaryEntry, UnderlagData, UnderlagInput, UnderlagSectionInput,
  UnderlagStatus,
} from './underlag-input.ts';
export type {
  Block, FigureRef, InlineNode, LiveElement, Mark, MoneyFormat, PercentFormat, TextNode, FigureNode,
} from './rich-text.ts';
export { bulletList, figure, isSafeHref, live, paragraph, parseBlocks, text } from './rich-text.ts';
export type {
  ChartSeries, ColumnKind, FigureUnit, ReportBlock, ReportCell, ReportChart, ReportColumn, ReportProblem, ReportRow, ReportRun,
  ReportSection, ReportTable, UnderlagReport,
} from './report-model.ts';
export { reportCharts, reportTables, runsText } from './report-model.ts';
export { buildUnderlagModel, EXAMPLE_NOTICE, STATUS_LABELS } from './underlag-model.ts';
export { defaultUnderlagTemplate, RUS_SUB_STRATEGIES } from './template.ts';
export type { TemplateOptions } from './template.ts';
export {
  contentText, draftBalanceSentence, draftLargestCostsSentence, draftResultContent, draftResultHistorySentence, draftResultSentence,
  draftRevenueSharesContent, draftRevenueSharesSentence,
} from './drafting.ts';
export { approxPercent } from './rounding-words.ts';
export type { ApproxPercent, RoundingWord } from './rounding-words.ts';
export { renderHtml } from './render/render-html.ts';
export { renderDocx } from './render/render-docx.ts';
export { drawChartsWithChromium, type ChartPictures } from './render/chart-raster.ts';
export { renderXlsx } from './render/render-xlsx.ts';
export { DEFAULT_CHROMIUM_PATH, PdfUnavailableError, renderPdf } from './render/render-pdf.ts';
export type { PdfOptions } from './render/render-pdf.ts';
