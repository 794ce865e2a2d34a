// Drafted Swedish sentences from the numbers, offered to the writer to take and edit (never forced,
// docs/UX.md). The seed's own sentences are the model: "Under 2018 stod … för drygt 50 % av
// intäkterna, kultursamverkansmodellen 22 %, …", "Årsbokslutet per 2018-12-31 uppvisar ett positivt
// resultatutfall på 3 tkr". Rounding words follow rounding-words.ts.
//
// The two sentences the template places with live figures (shares, result) are built once as inline
// content with figure references; their text is that content resolved, so the drafted text and the
// live text in the document can never differ.
import { formatKr, formatTkr } from '../domain/format.ts';
import type { Ore } from '../domain/money.ts';
import { absOre, ORE_PER_TKR, subOre } from '../domain/money.ts';
import type { ResultHistoryRow } from '../domain/result-history.ts';
import { RESTORE_WITHIN_YEARS } from '../domain/result-history.ts';
import type { Summary } from '../domain/summary.ts';
import { rangeOfYears, resolveFigure } from './figures.ts';
import { figure, text } from './rich-text.ts';
import type { InlineNode } from './rich-text.ts';
import { approxPercent, countWord, joinSv } from './rounding-words.ts';
import type { UnderlagData } from './underlag-input.ts';

/** How a revenue category is named in running text, as the seed names them. */
export const REVENUE_PHRASES: Readonly<Record<string, string>> = {
  regionbidrag: 'regionen',
  kommunbidrag: 'kommunerna',
  kultursamverkan: 'kultursamverkansmodellen',
  projektmedel: 'projektfinansiering',
  avgifter: 'seminarie- och konferensarrangemang',
  lansstyrelsen: 'länsstyrelsen',
  'ovriga-intakter': 'övriga intäkter',
};

const lower = (s: string): string => s.toLocaleLowerCase('sv');

/** The plain text of inline content, its figures resolved against the data. */
export function contentText(content: readonly InlineNode[], data: UnderlagData): string {
  return content.map((n) => (n.type === 'text' ? n.text : resolveFigure(n.ref, data).text)).join('');
}

const dataOf = (summary: Summary, year: number): UnderlagData => ({ summaries: [{ year, versionCode: '', versionName: '', summary }] });

/**
 * The revenue sources of a year by share, largest first, as live content. The region's and the
 * municipalities' contributions are named together ("regionen och kommunerna"), as the seed does;
 * sources under 1 % are left out (the sentence names the main sources, the table has them all).
 */
export function draftRevenueSharesContent(summary: Summary, year: number): InlineNode[] {
  const tenths = (code: string): number => Math.round((summary.revenue.find((r) => r.category === code)?.sharePercent ?? 0) * 10);
  const groups: Array<{ codes: string[]; phrase: string; tenths: number; order: number }> = [];
  const joint = ['regionbidrag', 'kommunbidrag'];
  const jointPresent = joint.every((c) => tenths(c) > 0);
  summary.revenue.forEach((r, order) => {
    if (jointPresent && r.category === 'kommunbidrag') return;
    if (jointPresent && r.category === 'regionbidrag') {
      groups.push({ codes: joint, phrase: 'regionen och kommunerna', tenths: tenths('regionbidrag') + tenths('kommunbidrag'), order });
    } else {
      groups.push({ codes: [r.category], phrase: REVENUE_PHRASES[r.category] ?? lower(r.name), tenths: tenths(r.category), order });
    }
  });
  const shown = groups.filter((g) => g.tenths >= 10).sort((a, b) => b.tenths - a.tenths || a.order - b.order);
  const share = (codes: string[]): InlineNode => figure({ kind: 'revenue-share', year, category: codes.length === 1 ? (codes[0] ?? '') : codes, format: 'approx' });
  const [first, ...rest] = shown;
  if (!first) return [text(`Under ${String(year)} fanns inga intäkter.`)];
  const out: InlineNode[] = [text(`Under ${String(year)} stod ${first.phrase} för `), share(first.codes), text(' av intäkterna')];
  rest.forEach((g, i) => {
    out.push(text(`${i === rest.length - 1 ? ' samt' : ','} ${g.phrase} `), share(g.codes));
  });
  out.push(text('.'));
  return out;
}

/** "Under 2018 stod regionen och kommunerna för drygt 50 % av intäkterna, kultursamverkansmodellen 22 %, …". */
export function draftRevenueSharesSentence(summary: Summary, year: number): string {
  return contentText(draftRevenueSharesContent(summary, year), dataOf(summary, year));
}

/** The result of the year's accounts as live content; the closing day defaults to 31 December. */
export function draftResultContent(year: number, closingDay = `${String(year)}-12-31`): InlineNode[] {
  return [text(`Årsbokslutet per ${closingDay} uppvisar `), figure({ kind: 'result-outcome', year }), text('.')];
}

/** "Årsbokslutet per 2018-12-31 uppvisar ett positivt resultatutfall på 3 tkr." */
export function draftResultSentence(summary: Summary, year: number, closingDay?: string): string {
  return contentText(draftResultContent(year, closingDay), dataOf(summary, year));
}

/** An amount in a sentence: whole tkr, or kronor when below one tkr so it never reads "0 tkr". */
function amountText(o: Ore): string {
  const m = absOre(o);
  return m !== 0 && m < ORE_PER_TKR ? formatKr(m) : formatTkr(m, 0);
}

/**
 * The result history in words: how many years showed a surplus, the deficit years and how they were
 * handled (covered from earlier surplus, or what remains to restore and by when), action packages.
 */
export function draftResultHistorySentence(rows: readonly ResultHistoryRow[]): string {
  if (rows.length === 0) return '';
  const n = rows.length;
  const span = n === 1 ? `Under ${rangeOfYears(rows.map((r) => r.year))}` : `Under de ${String(n)} åren ${rangeOfYears(rows.map((r) => r.year))}`;
  const deficits = rows.filter((r) => r.resultOre < 0);
  const anyZero = rows.some((r) => r.resultOre === 0);
  const positive = anyZero ? 'positiva resultat eller nollresultat' : 'positiva resultat';
  if (deficits.length === 0) return `${span} har samtliga årsbokslut visat ${positive}.`;
  const k = deficits.length;
  const years = joinSv(deficits.map((d) => String(d.year)));
  const sentences = [k === n
    ? `${span} har samtliga årsbokslut visat underskott.`
    : `${span} har årsboksluten, med ${countWord(k)} undantag (${years}), visat ${positive}.`];

  const fully = deficits.filter((d) => d.coveredFromSurplusOre === absOre(d.resultOre));
  const partly = deficits.filter((d) => d.coveredFromSurplusOre !== absOre(d.resultOre));
  if (partly.length === 0) {
    const who = k === 1 ? 'Underskottet kunde' : k === 2 ? 'Under båda underskottsåren kunde underskotten' : `Under samtliga ${countWord(k)} underskottsår kunde underskotten`;
    sentences.push(`${who} hanteras direkt via tidigare års balanserade överskott.`);
  } else {
    if (fully.length > 0) {
      sentences.push(`Underskottet ${joinSv(fully.map((d) => String(d.year)))} kunde hanteras direkt via tidigare års balanserade överskott.`);
    }
    for (const d of partly) {
      const rest = subOre(absOre(d.resultOre), d.coveredFromSurplusOre);
      const covered = d.coveredFromSurplusOre === 0 ? 'kunde inte täckas av balanserat överskott' : `täcktes till ${amountText(d.coveredFromSurplusOre)} av balanserat överskott`;
      sentences.push(`Underskottet ${String(d.year)} ${covered}; ${amountText(rest)} ska återställas senast ${String(d.year + RESTORE_WITHIN_YEARS)}.`);
    }
  }
  const packages = deficits.filter((d) => d.actionPackage);
  if (packages.length === 1) {
    sentences.push(`År ${String(packages[0]?.year)} genomfördes ett åtgärdspaket inom verksamheten och underskottet kunde därmed reduceras.`);
  } else if (packages.length > 1) {
    sentences.push(`Åren ${joinSv(packages.map((p) => String(p.year)))} genomfördes åtgärdspaket inom verksamheten och underskotten kunde därmed reduceras.`);
  }
  return sentences.join(' ');
}

/**
 * The budget against the frame: "Budgeten för 2020 är i balans. Intäkterna överstiger kostnaderna
 * med 14 tkr, och nettokostnaden på 32 536 tkr ryms inom ramen på 32 550 tkr med 14 tkr till godo."
 */
export function draftBalanceSentence(summary: Summary, year: number, subject = 'Budgeten'): string {
  const y = String(year);
  const r = summary.resultOre;
  const resultClause = r > 0 ? `Intäkterna överstiger kostnaderna med ${amountText(r)}`
    : r < 0 ? `Kostnaderna överstiger intäkterna med ${amountText(r)}` : 'Intäkterna och kostnaderna är lika stora';
  const frame = summary.frameOre;
  if (frame === null) {
    const verdict = r < 0 ? `${subject} för ${y} är inte i balans.` : `Ingen ram är ännu satt för ${y}, så ${lower(subject)} kan bara bedömas mot resultatet.`;
    return `${verdict} ${resultClause}.`;
  }
  const net = summary.netCostOre;
  const frameClause = net <= frame
    ? `nettokostnaden på ${amountText(net)} ryms inom ramen på ${amountText(frame)}${net === frame ? '' : ` med ${amountText(subOre(frame, net))} till godo`}`
    : `nettokostnaden på ${amountText(net)} överskrider ramen på ${amountText(frame)} med ${amountText(subOre(net, frame))}`;
  const verdict = summary.inBalance ? `${subject} för ${y} är i balans.` : `${subject} för ${y} är inte i balans.`;
  return `${verdict} ${resultClause}, och ${frameClause}.`;
}

/** "De största kostnaderna under 2018 avsåg personal, externa bidrag och ägaranslag, som tillsammans stod för knappt 84 % av kostnaderna." */
export function draftLargestCostsSentence(summary: Summary, year: number, count = 3): string {
  const largest = [...summary.costs].filter((c) => c.amountOre > 0).sort((a, b) => b.amountOre - a.amountOre).slice(0, count);
  if (largest.length === 0) return `Inga kostnader är redovisade för ${String(year)}.`;
  const names = joinSv(largest.map((c) => lower(c.name)));
  const tenths = largest.reduce((a, c) => a + Math.round(c.sharePercent * 10), 0);
  if (largest.length === 1) {
    return `Den största kostnaden under ${String(year)} avsåg ${names}, som stod för ${approxPercent(tenths / 10).text} av kostnaderna.`;
  }
  return `De största kostnaderna under ${String(year)} avsåg ${names}, som tillsammans stod för ${approxPercent(tenths / 10).text} av kostnaderna.`;
}
