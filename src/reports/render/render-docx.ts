// The underlag as a Word document (docx): Title, Heading1 per section and Heading2/3 inside, a table
// of contents field, real tables with repeating header rows and right-aligned Swedish numbers as the
// model printed them, and each chart as an image with alt text (SVG with a PNG fallback) followed by
// its data table. Swedish (sv-SE) is the language of every run, so Word checks spelling in Swedish.
import {
  AlignmentType, BorderStyle, Document, LineRuleType, ExternalHyperlink, Footer, HeadingLevel, ImageRun, LevelFormat, Packer, PageBreak,
  PageNumber, Paragraph, ShadingType, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType,
} from 'docx';
import type { ParagraphChild } from 'docx';
import type { ReportBlock, ReportChart, ReportRun, ReportTable, UnderlagReport } from '../report-model.ts';
import { tableLayout } from './column-widths.ts';
import { coverMeta } from './render-html.ts';
import type { ChartPictures } from './chart-raster.ts';
import { renderChartPng } from './png-chart.ts';
import { chartLayout, renderChartSvg } from './svg-chart.ts';

const ACCENT = '1F4E79';
const RULE = 'C5CED8';
const FONT = 'Arial';
const ORDERED = 'ramplan-ordered';
/** Text width of an A4 page with the margins below, in CSS pixels (96 dpi). */
const TEXT_WIDTH_PX = 620;
/** A4 width 11 906 twips less the left and right margins. */
const TEXT_WIDTH_TWIPS = 11906 - 1247 - 1134;

function runs(rs: readonly ReportRun[]): ParagraphChild[] {
  return rs.map((r) => {
    if (r.type === 'figure') return new TextRun({ text: r.text, ...(r.missing ? { highlight: 'yellow' } : {}) });
    const run = new TextRun({ text: r.text, bold: r.strong, italics: r.em, ...(r.href === null ? {} : { style: 'Hyperlink' }) });
    return r.href === null ? run : new ExternalHyperlink({ link: r.href, children: [run] });
  });
}


const caption = (text: string): Paragraph => new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(text)] });

function table(t: ReportTable, captionText = `Tabell ${String(t.number)}. ${t.caption}`): Array<Paragraph | Table> {
  const layout = tableLayout(t, TEXT_WIDTH_TWIPS);
  const numeric = (i: number): boolean => (t.columns[i]?.kind ?? 'text') !== 'text';
  const cell = (text: string, i: number, opts: { header?: boolean; total?: boolean }): TableCell => new TableCell({
    children: [new Paragraph({
      alignment: numeric(i) ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { before: 30, after: 30 },
      children: [new TextRun({ text, bold: (opts.header ?? false) || (opts.total ?? false), size: layout.sizePt * 2 })],
    })],
    margins: { left: 80, right: 80 },
    ...(opts.total ? { shading: { type: ShadingType.CLEAR, fill: 'F2F5F8', color: 'auto' } } : {}),
    borders: {
      top: opts.total ? { style: BorderStyle.SINGLE, size: 8, color: '1A1A1A' } : { style: BorderStyle.NONE, size: 0, color: 'auto' },
      bottom: opts.header ? { style: BorderStyle.SINGLE, size: 12, color: ACCENT } : { style: BorderStyle.SINGLE, size: 4, color: RULE },
      left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
    },
  });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.header, i, { header: true })) });
  const body = t.rows.map((row) => new TableRow({ cantSplit: true, children: row.cells.map((c, i) => cell(c.text, i, { total: row.role === 'total' })) }));
  const out: Array<Paragraph | Table> = [caption(captionText), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: layout.widths, rows: [header, ...body] })];
  if (t.note !== null) out.push(new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: t.note, size: 17, color: '4A5560' })] }));
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

function chart(c: ReportChart, pictures: ChartPictures): Array<Paragraph | Table> {
  const { width, height } = chartLayout(c);
  const scale = Math.min(1, TEXT_WIDTH_PX / width);
  const title = `Diagram ${String(c.number)}. ${c.title}`;
  const image = new ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(renderChartSvg(c, `docx-${c.id}`)),
    fallback: { type: 'png', data: pictures.get(c.id) ?? renderChartPng(c) },
    transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
    altText: { name: c.id, title, description: c.textAlternative },
  });
  return [
    caption(title),
    new Paragraph({ keepNext: true, children: [image] }),
    ...table(c.table, `Tabell ${String(c.table.number)}. Data för diagram ${String(c.number)}: ${c.table.caption}`),
  ];
}

function block(b: ReportBlock, listIndex: () => number, pictures: ChartPictures): Array<Paragraph | Table> {
  switch (b.type) {
    case 'paragraph':
      return [new Paragraph({ children: runs(b.runs) })];
    case 'heading':
      return [new Paragraph({ heading: b.level === 3 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: runs(b.runs) })];
    case 'list': {
      const instance = listIndex();
      return b.items.map((item) => new Paragraph({
        children: runs(item),
        ...(b.ordered ? { numbering: { reference: ORDERED, level: 0, instance } } : { bullet: { level: 0 } }),
      }));
    }
    case 'table':
      return table(b.table);
    case 'chart':
      return chart(b.chart, pictures);
    case 'placeholder':
      return [new Paragraph({ children: [new TextRun({ text: b.text, highlight: 'yellow' })] })];
  }
}

function cover(report: UnderlagReport): Paragraph[] {
  const out: Paragraph[] = [];
  if (report.organisation.parentName !== null) {
    out.push(new Paragraph({ spacing: { before: 1800 }, children: [new TextRun({ text: report.organisation.parentName.toLocaleUpperCase('sv'), size: 18, color: '4A5560' })] }));
  }
  out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }));
  out.push(new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: report.organisation.name, size: 28 })] }));
  for (const [k, v] of coverMeta(report)) {
    out.push(new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: `${k}: `, color: '4A5560' }), new TextRun(v)] }));
  }
  if (report.exampleNotice !== null) {
    out.push(new Paragraph({
      spacing: { before: 240, after: 240 },
      shading: { type: ShadingType.CLEAR, fill: 'FFF4E6', color: 'auto' },
      border: { left: { style: BorderStyle.SINGLE, size: 24, color: '9A4D00', space: 8 } },
      children: [new TextRun({ text: 'Exempeldata. ', bold: true }), new TextRun(report.exampleNotice)],
    }));
  }
  out.push(new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: 'Innehåll', bold: true, size: 28, color: ACCENT })] }));
  return out;
}

/**
 * `pictures`: the charts as PNG with their labels, by chart id (drawChartsWithChromium), used as the
 * fallback readers without SVG show; a chart without one gets the font-less painter's picture.
 */
export async function renderDocx(report: UnderlagReport, pictures: ChartPictures = new Map()): Promise<Uint8Array> {
  let lists = 0;
  const listIndex = (): number => ++lists;
  const body = report.sections.flatMap((s) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.title)] }),
    ...s.blocks.flatMap((b) => block(b, listIndex, pictures)),
  ]);
  const doc = new Document({
    creator: 'Ramplan',
    title: `${report.title}, ${report.organisation.name}`,
    description: `${report.periodLabel}. ${report.version.name} (${report.version.statusLabel}).`,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: 'sv-SE' } }, paragraph: { spacing: { after: 140, line: 288, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 44, bold: true, color: ACCENT }, paragraph: { spacing: { after: 120 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: ACCENT }, paragraph: { spacing: { before: 480, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: ACCENT }, paragraph: { spacing: { before: 320, after: 100 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 21, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 19 }, paragraph: { spacing: { before: 200, after: 80 } } },
      ],
    },
    numbering: { config: [{ reference: ORDERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 500, hanging: 300 } } } }] }] },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1247, right: 1134 } } },
      footers: {
        default: new Footer({ children: [new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [new TextRun({ size: 16, color: '4A5560', children: [`${report.title}, ${report.organisation.name} · Sida `, PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })],
        })] }),
      },
      children: [
        ...cover(report),
        new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: '1-2' }),
        new Paragraph({ children: [new PageBreak()] }),
        ...body,
      ],
    }],
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
