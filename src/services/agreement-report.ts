// Exports of the collaboration agreement: the contributions of every year as CSV and XLSX, and the
// report to one municipality (what it pays, what the agreement delivered) as HTML and XLSX. The
// report is computed once as plain data; the renderers only draw it.
import ExcelJS from 'exceljs';
import type { ServiceContext } from './context.ts';
import { invalid } from './errors.ts';
import { getAgreement, type AgreementDetail } from './agreements.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import { followupPeriodLabel, keySourceLabel, municipalityPayments, type MunicipalityYear } from '../domain/agreement.ts';
import { formatKrExact, formatRate, formatNumberSv } from '../domain/format.ts';
import { roundToKronor, type Ore } from '../domain/money.ts';
import { rateFromPpm } from '../domain/rate.ts';

export type MunicipalityReport = {
  readonly agreement: { readonly name: string; readonly firstYear: number; readonly lastYear: number; readonly isExample: boolean; readonly description: string };
  readonly committee: string;
  readonly municipality: { readonly code: string; readonly name: string };
  readonly years: readonly MunicipalityYear[];
  readonly totalOre: Ore;
  readonly delivered: ReadonlyArray<{ period: string; label: string; text: string; own: boolean }>;
  readonly meetings: ReadonlyArray<{ day: string; forum: string; subject: string }>;
  readonly evaluation: { day: string; text: string } | null;
};

export async function municipalityReport(ctx: ServiceContext, org: OrganisationRow, id: number, code: string): Promise<MunicipalityReport> {
  const d = await getAgreement(ctx, org, id);
  const party = d.parties.find((p) => p.code === code);
  if (!party) throw invalid('municipalityCode', `Kommun: ${code} är inte part i överenskommelsen.`);
  const payments = municipalityPayments(code, d.years.flatMap((y) => (y.contributions ? [{ year: y.year, totalOre: y.totalOre, contributions: y.contributions }] : [])));
  return {
    agreement: { name: d.agreement.name, firstYear: d.agreement.firstYear, lastYear: d.agreement.lastYear, isExample: d.agreement.isExample, description: d.agreement.description },
    committee: org.name,
    municipality: party,
    years: payments.years,
    totalOre: payments.totalOre,
    delivered: d.followups.filter((f) => f.municipalityCode === null || f.municipalityCode === code)
      .map((f) => ({ period: f.period, label: followupPeriodLabel(f.period), text: f.text, own: f.municipalityCode === code })),
    meetings: d.forums.flatMap((f) => f.meetings.map((m) => ({ day: m.day, forum: f.name, subject: m.subject }))).sort((a, b) => a.day.localeCompare(b.day)),
    evaluation: d.evaluation,
  };
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderMunicipalityReportHtml(r: MunicipalityReport): string {
  const rows = r.years.map((y) => `<tr><th scope="row">${y.year}</th><td class="num">${formatNumberSv(y.population, 0)}</td>`
    + `<td class="num">${formatRate(rateFromPpm(y.sharePpm), 2)}</td><td class="num">${formatKrExact(y.amountOre)}</td><td class="num">${formatKrExact(y.totalOre)}</td></tr>`).join('\n');
  const delivered = r.delivered.map((d) => `<li><strong>${escapeHtml(d.label)}${d.own ? ` (${escapeHtml(r.municipality.name)})` : ''}:</strong> ${escapeHtml(d.text)}</li>`).join('\n');
  const meetings = r.meetings.map((m) => `<li>${escapeHtml(m.day)} · ${escapeHtml(m.forum)}: ${escapeHtml(m.subject)}</li>`).join('\n');
  const title = `${r.municipality.name}: ${r.agreement.name}`;
  return `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #888;padding:.3rem .5rem;text-align:left}.num{text-align:right;font-variant-numeric:tabular-nums}
.example{border:2px solid #1a1a1a;padding:.2rem .5rem;display:inline-block}</style></head>
<body>
<header><p>${escapeHtml(r.committee)}</p><h1>${escapeHtml(title)}</h1>
${r.agreement.isExample ? '<p class="example">Exempeldata: beloppen är påhittade för demonstration.</p>' : ''}
<p>${escapeHtml(r.agreement.description)}</p></header>
<main>
<h2>Vad ${escapeHtml(r.municipality.name)} betalar</h2>
<table><caption>Kommunbidrag ${r.agreement.firstYear}–${r.agreement.lastYear}, fördelat efter folkmängd (största-restmetoden)</caption>
<thead><tr><th scope="col">År</th><th scope="col" class="num">Folkmängd i nyckeln</th><th scope="col" class="num">Andel</th><th scope="col" class="num">Bidrag</th><th scope="col" class="num">Alla kommuner</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th scope="row">Summa</th><td></td><td></td><td class="num">${formatKrExact(r.totalOre)}</td><td></td></tr></tfoot></table>
<h2>Vad överenskommelsen har levererat</h2>
${delivered === '' ? '<p>Inga uppföljningar är registrerade ännu.</p>' : `<ul>\n${delivered}\n</ul>`}
<h2>Möten i forumen</h2>
${meetings === '' ? '<p>Inga möten är registrerade.</p>' : `<ul>\n${meetings}\n</ul>`}
<h2>Slututvärdering</h2>
${r.evaluation ? `<p>${escapeHtml(r.evaluation.day)}: ${escapeHtml(r.evaluation.text)}</p>` : '<p>Överenskommelsen utvärderas i sin helhet i slutet av avtalsperioden.</p>'}
</main>
</body>
</html>
`;
}

/** Kronor for a spreadsheet cell: exact to the öre as a decimal number of kronor. */
const krCell = (o: Ore): number => (roundToKronor(o) * 100n === BigInt(o) ? Number(roundToKronor(o)) : o / 100);
const KR_FORMAT = '#,##0.00 "kr"';

export async function renderMunicipalityReportXlsx(r: MunicipalityReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ramplan';
  const ws = wb.addWorksheet('Kommunbidrag');
  ws.addRow([`${r.municipality.name}: ${r.agreement.name}`]).font = { bold: true, size: 14 };
  if (r.agreement.isExample) ws.addRow(['Exempeldata: beloppen är påhittade för demonstration.']);
  ws.addRow([]);
  ws.addRow(['År', 'Folkmängd i nyckeln', 'Andel (%)', 'Bidrag (kr)', 'Alla kommuner (kr)']).font = { bold: true };
  for (const y of r.years) ws.addRow([y.year, y.population, y.sharePpm / 10_000, krCell(y.amountOre), krCell(y.totalOre)]);
  ws.addRow(['Summa', null, null, krCell(r.totalOre), null]).font = { bold: true };
  ws.getColumn(4).numFmt = KR_FORMAT;
  ws.getColumn(5).numFmt = KR_FORMAT;
  ws.getColumn(3).numFmt = '0.0000';
  ws.columns.forEach((c) => { c.width = 22; });
  const del = wb.addWorksheet('Levererat');
  del.addRow(['Period', 'Gäller', 'Uppföljning']).font = { bold: true };
  for (const d of r.delivered) del.addRow([d.label, d.own ? r.municipality.name : 'Alla kommuner', d.text]);
  del.addRow([]);
  del.addRow(['Datum', 'Forum', 'Möte']).font = { bold: true };
  for (const m of r.meetings) del.addRow([m.day, m.forum, m.subject]);
  del.getColumn(3).width = 80;
  del.getColumn(2).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every year's contributions as rows (the CSV and XLSX exports and the underlag share them). */
export function contributionRows(d: AgreementDetail): Array<{ year: number; code: string; name: string; population: number; amountOre: Ore; keySource: string }> {
  return d.years.flatMap((y) => (y.contributions ?? []).map((c) => ({
    year: y.year, code: c.municipalityCode, name: c.name, population: c.population, amountOre: c.amountOre,
    keySource: y.keySource === null ? '' : keySourceLabel(y.keySource),
  })));
}

const csvCell = (s: string): string => (/[;"\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** CSV as Swedish Excel opens it: semicolons, decimal comma, a BOM so the å ä ö survive. */
export function renderContributionsCsv(d: AgreementDetail): string {
  const lines = ['År;Kommunkod;Kommun;Folkmängd;Bidrag (kr);Nyckel'];
  for (const r of contributionRows(d)) {
    const abs = Math.abs(r.amountOre);
    const kr = `${r.amountOre < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
    lines.push([String(r.year), r.code, csvCell(r.name), String(r.population), kr, csvCell(r.keySource)].join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function renderContributionsXlsx(d: AgreementDetail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ramplan';
  const ws = wb.addWorksheet('Kommunbidrag');
  ws.addRow([d.agreement.name]).font = { bold: true, size: 14 };
  if (d.agreement.isExample) ws.addRow(['Exempeldata: beloppen är påhittade för demonstration.']);
  ws.addRow([]);
  const years = d.years.filter((y) => y.contributions !== null);
  ws.addRow(['Kommunkod', 'Kommun', ...years.map((y) => `${y.year} (kr)`)]).font = { bold: true };
  for (const p of d.parties) {
    ws.addRow([p.code, p.name, ...years.map((y) => {
      const c = y.contributions?.find((x) => x.municipalityCode === p.code);
      return c ? krCell(c.amountOre) : null;
    })]);
  }
  ws.addRow(['', 'Summa', ...years.map((y) => krCell(y.totalOre))]).font = { bold: true };
  for (let i = 0; i < years.length; i++) ws.getColumn(3 + i).numFmt = KR_FORMAT;
  ws.getColumn(2).width = 18;
  for (let i = 0; i < years.length; i++) ws.getColumn(3 + i).width = 18;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
