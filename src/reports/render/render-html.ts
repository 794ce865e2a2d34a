// The underlag as one complete, accessible and printable HTML document: lang="sv", headings in order
// (h1 title, h2 sections, h3–h4 inside), a table of contents, tables with caption and th scope,
// numbers right-aligned as the model printed them, charts as inline SVG with role="img" and a text
// alternative followed by their data as a table, live figures as <data class="live">.
import type { ReportBlock, ReportRun, ReportSection, ReportTable, UnderlagReport } from '../report-model.ts';
import { escapeXml as esc } from './escape.ts';
import { HTML_STYLES } from './html-styles.ts';
import { renderChartSvg } from './svg-chart.ts';

function run(r: ReportRun): string {
  if (r.type === 'figure') {
    if (r.missing) return `<mark class="missing">${esc(r.text)}</mark>`;
    return `<data class="live" value="${esc(String(r.value ?? ''))}" title="${esc(`Levande uppgift. ${r.label}`)}">${esc(r.text)}</data>`;
  }
  let html = esc(r.text);
  if (r.em) html = `<em>${html}</em>`;
  if (r.strong) html = `<strong>${html}</strong>`;
  if (r.href !== null) html = `<a href="${esc(r.href)}">${html}</a>`;
  return html;
}

const runs = (rs: readonly ReportRun[]): string => rs.map(run).join('');

export function renderTableHtml(t: ReportTable, captionPrefix = `Tabell ${String(t.number)}. `): string {
  const head = t.columns.map((c) => `<th scope="col"${c.kind === 'text' ? '' : ' class="num"'}>${esc(c.header)}</th>`).join('');
  const body = t.rows.map((row) => {
    const cells = row.cells.map((cell, i) => {
      const col = t.columns[i];
      const numeric = col !== undefined && col.kind !== 'text';
      const cls = numeric ? ' class="num"' : '';
      return i === 0 ? `<th scope="row"${cls}>${esc(cell.text)}</th>` : `<td${cls}>${esc(cell.text)}</td>`;
    }).join('');
    return `<tr${row.role === 'total' ? ' class="total"' : ''}>${cells}</tr>`;
  }).join('\n');
  const note = t.note === null ? '' : `\n<p class="table-note">${esc(t.note)}</p>`;
  return `<table id="${esc(t.id)}">\n<caption>${esc(captionPrefix + t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${note}`;
}

function block(b: ReportBlock): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${runs(b.runs)}</p>`;
    case 'heading':
      return `<h${String(b.level)}>${runs(b.runs)}</h${String(b.level)}>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${runs(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return renderTableHtml(b.table);
    case 'chart': {
      const c = b.chart;
      return `<figure class="chart" id="${esc(c.id)}">\n<figcaption>${esc(`Diagram ${String(c.number)}. ${c.title}`)}</figcaption>\n`
        + `${renderChartSvg(c)}\n</figure>\n${renderTableHtml(c.table, `Tabell ${String(c.table.number)}. Data för diagram ${String(c.number)}: `)}`;
    }
    case 'placeholder':
      return `<p class="placeholder">${esc(b.text)}</p>`;
  }
}

function section(s: ReportSection): string {
  return `<section aria-labelledby="${esc(s.id)}">\n<h2 id="${esc(s.id)}">${esc(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`;
}

/** The meta lines of the cover, shared with the DOCX renderer. */
export function coverMeta(report: UnderlagReport): Array<readonly [string, string]> {
  const v = report.version;
  const rows: Array<readonly [string, string]> = [
    ['Period', report.periodLabel],
    ['Version', v.name],
    ['Status', v.statusLabel],
  ];
  if (v.diarienummer !== null) rows.push(['Diarienummer', v.diarienummer]);
  if (v.decisionDate !== null) rows.push(['Beslutsdatum', v.decisionDate]);
  rows.push(['Skapad', report.generatedAtLabel]);
  return rows;
}

export function renderHtml(report: UnderlagReport): string {
  const org = report.organisation;
  const meta = coverMeta(report).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('');
  const notice = report.exampleNotice === null ? '' : `<p class="example-notice" role="note"><strong>Exempeldata.</strong> ${esc(report.exampleNotice)}</p>`;
  const toc = report.sections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${report.title} – ${org.name}`)}</title>
<style>${HTML_STYLES}</style>
</head>
<body>
<header class="cover">
${org.parentName === null ? '' : `<p class="org">${esc(org.parentName)}</p>\n`}<h1>${esc(report.title)}</h1>
<p class="committee">${esc(org.name)}</p>
<dl class="meta">${meta}</dl>
${notice}
</header>
<nav class="toc" aria-labelledby="innehall"><h2 id="innehall">Innehåll</h2>
<ol>
${toc}
</ol>
</nav>
<main>
${report.sections.map(section).join('\n')}
</main>
<footer><p>${esc(`${report.title}, ${org.name}. ${report.version.name} (${report.version.statusLabel.toLocaleLowerCase('sv')}), skapad ${report.generatedAtLabel} i Ramplan.`)}</p></footer>
</body>
</html>
`;
}
