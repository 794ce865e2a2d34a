// The underlag as the API sends it (src/api/routes/underlag.ts). The narrative format mirrors
// src/reports/rich-text.ts; the report model mirrors src/reports/report-model.ts (the web may not
// import either: it talks to the server over HTTP).
import type { VersionStatus } from '../api-types.ts';

export type Mark = { type: 'strong' } | { type: 'em' } | { type: 'link'; href: string };
/** A live figure's reference; the server resolves it (its fields are the server's business). */
export type FigureRef = { kind: string; [field: string]: unknown };
export type TextNode = { type: 'text'; text: string; marks?: Mark[] };
export type FigureNode = { type: 'figure'; ref: FigureRef };
export type InlineNode = TextNode | FigureNode;
export type LiveElement = { kind: string; [field: string]: unknown };
export type Block =
  | { type: 'paragraph'; content: InlineNode[] }
  | { type: 'heading'; level: 3 | 4; content: InlineNode[] }
  | { type: 'bullet-list' | 'ordered-list'; items: InlineNode[][] }
  | { type: 'live'; element: LiveElement };

export type Section = { key: string; title: string; blocks: Block[] };

export type ReportRun =
  | { type: 'text'; text: string; strong: boolean; em: boolean; href: string | null }
  | { type: 'figure'; text: string; value: number | null; unit: string | null; label: string; missing: boolean };
export type ReportCell = { kind: string; text: string };
export type ReportTable = {
  id: string; number: number; caption: string;
  columns: Array<{ key: string; header: string; kind: string }>;
  rows: Array<{ cells: ReportCell[]; role: 'body' | 'total' }>;
  note: string | null;
};
export type ReportChart = { id: string; number: number; title: string; textAlternative: string; table: ReportTable };
export type ReportBlock =
  | { type: 'heading'; level: 3 | 4; runs: ReportRun[] }
  | { type: 'paragraph'; runs: ReportRun[] }
  | { type: 'list'; ordered: boolean; items: ReportRun[][] }
  | { type: 'table'; table: ReportTable }
  | { type: 'chart'; chart: ReportChart }
  | { type: 'placeholder'; text: string };
export type ReportSection = { key: string; id: string; title: string; blocks: ReportBlock[] };
export type UnderlagReport = {
  title: string; periodLabel: string; generatedAtLabel: string; isExample: boolean; exampleNotice: string | null;
  organisation: { name: string; parentName: string | null };
  version: { name: string; statusLabel: string; diarienummer: string | null; decisionDate: string | null };
  sections: ReportSection[];
  problems: Array<{ section: string | null; message: string }>;
};

export type UnderlagSummary = {
  id: number; budgetYear: number; actualYear: number; version: string; status: VersionStatus; statusLabel: string;
  edition: number; headRevision: number; createdAt: string; createdBy: string;
};
export type RevisionInfo = {
  revision: number; edition: number; author: string; savedAt: string; note: string;
  decidedAt: string | null; decidedBy: string | null; diarienummer: string | null; decisionDate: string | null;
};
export type UnderlagDocument = {
  underlag: UnderlagSummary;
  revision: RevisionInfo & { status: VersionStatus; statusLabel: string };
  sections: Section[];
  report: UnderlagReport;
  editable: boolean;
  steps: Array<{ to: VersionStatus; label: string; decision: boolean }>;
  canBeginNewEdition: boolean;
  decided: RevisionInfo | null;
};
export type Draft = { key: string; title: string; text: string; content: InlineNode[]; live: boolean; figures: string[] };
export type Revisions = {
  revisions: RevisionInfo[];
  steps: Array<{ revision: number; from: VersionStatus; to: VersionStatus; actor: string; at: string; comment: string | null }>;
};
export type Comparison = {
  from: { revision: number; decided: boolean }; to: { revision: number; decided: boolean };
  sections: Array<{
    key: string; status: 'added' | 'removed' | 'changed' | 'unchanged'; oldTitle: string | null; newTitle: string | null; moved: boolean;
    changes: Array<{ kind: 'added' | 'removed' | 'changed'; old: string | null; new: string | null }>;
  }>;
  figures: Array<{ section: string; label: string; old: string | null; new: string | null }>;
};
export type SaveConflict = { revision: number; author: string; savedAt: string; sections: Section[] };
export type ExportFormat = 'docx' | 'pdf' | 'html' | 'xlsx';
