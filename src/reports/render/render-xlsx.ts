// The underlag's tables as an Excel workbook: a first sheet about the document, then every table of
// the document (chart data included) as its own sheet. Numbers are stored as numbers, never text:
// money as exact kronor (öre / 100) shown in tkr with one decimal by the number format '#,##0.0,'
// (the trailing comma scales by a thousand) or in kronor with '#,##0'; shares as fractions with
// '0.0%'. So a SUM over a column gives the document's total to the öre.
import ExcelJS from 'exceljs';
import type { ReportCell, ReportColumn, ReportTable, UnderlagReport } from '../report-model.ts';
import { reportTables } from '../report-model.ts';
import { coverMeta } from './render-html.ts';

export const MONEY_FORMAT_TKR = '#,##0.0,';
export const MONEY_FORMAT_KR = '#,##0';
export const PERCENT_FORMAT = '0.0%';
export const INTEGER_FORMAT = '#,##0';

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/** Sheet names: "T3 Intäkter 2018", at most 31 characters, without []:*?/\, unique (case-insensitive). */
export function sheetNames(tables: readonly ReportTable[]): string[] {
  const used = new Set<string>(['om dokumentet']);
  return tables.map((t) => {
    const base = `T${String(t.number)} ${t.shortName}`.replace(INVALID_SHEET_CHARS, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim();
    let name = base;
    for (let n = 2; used.has(name.toLocaleLowerCase('sv')); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${String(n)}`;
    used.add(name.toLocaleLowerCase('sv'));
    return name;
  });
}

function cellValue(cell: ReportCell): string | number | null {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'money':
      return cell.ore / 100;
    case 'percent':
      return cell.value / 100;
    case 'integer':
      return cell.value;
    case 'empty':
      return null;
  }
}

function numFmt(col: ReportColumn | undefined): string | undefined {
  if (!col) return undefined;
  switch (col.kind) {
    case 'money':
      return col.moneyUnit === 'kr' ? MONEY_FORMAT_KR : MONEY_FORMAT_TKR;
    case 'percent':
      return PERCENT_FORMAT;
    case 'integer':
      return INTEGER_FORMAT;
    case 'text':
      return undefined;
  }
}

function addTableSheet(wb: ExcelJS.Workbook, t: ReportTable, name: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  const title = ws.addRow([`Tabell ${String(t.number)}. ${t.caption}`]);
  title.font = { bold: true, size: 12 };
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((c, i) => {
    c.border = { bottom: { style: 'medium' } };
    c.alignment = { vertical: 'bottom', wrapText: true, horizontal: t.columns[i - 1]?.kind === 'text' ? 'left' : 'right' };
  });
  for (const row of t.rows) {
    const r = ws.addRow(row.cells.map(cellValue));
    row.cells.forEach((_, i) => {
      const fmt = numFmt(t.columns[i]);
      if (fmt !== undefined) r.getCell(i + 1).numFmt = fmt;
    });
    if (row.role === 'total') {
      r.font = { bold: true };
      r.eachCell({ includeEmpty: true }, (c) => { c.border = { top: { style: 'thin' } }; });
    }
  }
  if (t.note !== null) {
    ws.addRow([]);
    ws.addRow([t.note]).font = { italic: true };
  }
  t.columns.forEach((c, i) => {
    const longest = Math.max(c.header.length, ...t.rows.map((r) => r.cells[i]?.text.length ?? 0));
    ws.getColumn(i + 1).width = Math.min(c.kind === 'text' ? 48 : 22, Math.max(10, longest + 2));
  });
}

export async function renderXlsx(report: UnderlagReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ramplan';
  wb.title = `${report.title}, ${report.organisation.name}`;
  const created = new Date(report.generatedAt);
  if (!Number.isNaN(created.getTime())) {
    wb.created = created;
    wb.modified = created;
  }
  const tables = reportTables(report);
  const names = sheetNames(tables);

  const about = wb.addWorksheet('Om dokumentet');
  about.addRow([report.title]).font = { bold: true, size: 14 };
  about.addRow([report.organisation.name]);
  about.addRow([]);
  for (const [k, v] of coverMeta(report)) about.addRow([k, v]);
  if (report.exampleNotice !== null) {
    about.addRow([]);
    about.addRow(['Exempeldata', report.exampleNotice]).font = { bold: true };
  }
  about.addRow([]);
  about.addRow(['Flik', 'Tabell']).font = { bold: true };
  tables.forEach((t, i) => about.addRow([names[i] ?? '', `Tabell ${String(t.number)}. ${t.caption}`]));
  about.getColumn(1).width = 34;
  about.getColumn(2).width = 90;

  tables.forEach((t, i) => addTableSheet(wb, t, names[i] ?? `T${String(t.number)}`));
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
