// The collaboration agreement with the municipalities (samverkansöverenskommelse): its period, the
// yearly totals (the first year's total uplifted by the agreed rate, each year rounded by the rule,
// or a total set for a year), the allocation key (population per municipality and year: entered,
// imported from CSV, or from Kolada N01951) and the contributions that follow from them by the
// largest-remainder rule, so every year's invoices add up exactly to the total.
import { municipalContributions, validateParties, type Party } from './contributions.ts';
import { sumOre, type Ore } from './money.ts';
import { rateToPercentText, upliftBy, type Rate } from './rate.ts';
import { err, ok, type Result } from './result.ts';
import { divRoundHalfAwayFromZero } from './rounding.ts';

export type FieldError = { readonly field: string; readonly message: string };

export type KeySource = 'entered' | 'csv' | 'kolada';
export const KEY_SOURCES: readonly KeySource[] = ['entered', 'csv', 'kolada'];

export function keySourceLabel(source: KeySource): string {
  switch (source) {
    case 'entered':
      return 'inmatat';
    case 'csv':
      return 'importerat från CSV';
    case 'kolada':
      return 'Kolada N01951';
  }
}

export type AgreementTerms = {
  readonly name: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly firstYearTotalOre: number;
  readonly uplift: Rate;
};

/** The longest agreement period Ramplan accepts (years, inclusive). */
export const MAX_AGREEMENT_YEARS = 10;

/** Every problem with the terms, each naming its field in Swedish. */
export function validateAgreementTerms(t: AgreementTerms): FieldError[] {
  const errors: FieldError[] = [];
  if (t.name.trim() === '') errors.push({ field: 'name', message: 'Namn: ange överenskommelsens namn.' });
  if (!Number.isSafeInteger(t.firstYear) || t.firstYear < 1900 || t.firstYear > 2200) {
    errors.push({ field: 'firstYear', message: `Första år: ${String(t.firstYear)} är inte ett giltigt år.` });
  }
  if (!Number.isSafeInteger(t.lastYear) || t.lastYear < t.firstYear) {
    errors.push({ field: 'lastYear', message: `Sista år: ${String(t.lastYear)} kan inte ligga före första år ${String(t.firstYear)}.` });
  } else if (t.lastYear - t.firstYear + 1 > MAX_AGREEMENT_YEARS) {
    errors.push({ field: 'lastYear', message: `Sista år: avtalsperioden får vara högst ${MAX_AGREEMENT_YEARS} år.` });
  }
  if (!Number.isSafeInteger(t.firstYearTotalOre) || t.firstYearTotalOre < 0) {
    errors.push({ field: 'firstYearTotalOre', message: 'Årsbelopp: beloppet ska vara noll eller större, i hela öre.' });
  }
  if (t.uplift < 0 || t.uplift > 100_000) {
    errors.push({ field: 'upliftPercent', message: `Uppräkning: ${rateToPercentText(t.uplift)} % ligger utanför 0–10 %.` });
  }
  return errors;
}

export type YearTotal = { readonly year: number; readonly totalOre: Ore };

/** The yearly totals: the first year's total, then uplifted once a year, rounded each year by the rule. */
export function agreementYearTotals(firstYear: number, lastYear: number, firstYearTotal: Ore, uplift: Rate): YearTotal[] {
  const totals: YearTotal[] = [];
  let total = firstYearTotal;
  for (let year = firstYear; year <= lastYear; year++) {
    totals.push({ year, totalOre: total });
    total = upliftBy(total, uplift);
  }
  return totals;
}

export type KeyEntry = { readonly municipalityCode: string; readonly population: number };
export type Contribution = {
  readonly municipalityCode: string; readonly name: string; readonly population: number; readonly amountOre: Ore;
};

/**
 * One year's contributions in the parties' order. The key must hold every party (a missing party is
 * an error, not a zero: a forgotten municipality would silently raise everyone else's share).
 */
export function contributionsForYear(
  year: number, totalOre: Ore, parties: ReadonlyArray<{ code: string; name: string }>, key: readonly KeyEntry[],
): Result<Contribution[], string[]> {
  const byCode = new Map(key.map((k) => [k.municipalityCode, k.population]));
  const missing = parties.filter((p) => !byCode.has(p.code));
  if (missing.length > 0) {
    return err([`Fördelningsnyckeln för ${year} saknar invånarantal för ${missing.map((m) => m.name).join(', ')}.`]);
  }
  const withPopulation: Party[] = parties.map((p) => ({ code: p.code, name: p.name, population: byCode.get(p.code) ?? 0 }));
  const valid = validateParties(withPopulation);
  if (!valid.ok) return err(valid.error.map((e) => `${year}: ${e}`));
  return ok(municipalContributions(totalOre, withPopulation).map((c) => ({
    municipalityCode: c.code, name: c.name, population: c.population, amountOre: c.amountOre,
  })));
}

export type PopulationRow = { readonly line: number; readonly municipalityCode: string; readonly year: number; readonly population: number };

/**
 * Reads a population key from CSV, as SCB or Excel gives it: `kommunkod;år;folkmängd` (a name
 * column between code and year is allowed and ignored), separator `;`, `,` or tab, an optional
 * header line, thousands written with spaces. Every problem is returned with its line number.
 */
export function parsePopulationCsv(text: string): Result<PopulationRow[], string[]> {
  const rows: PopulationRow[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (raw.trim() === '') continue;
    const sep = raw.includes(';') ? ';' : raw.includes('\t') ? '\t' : ',';
    const cells = raw.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
    if (line === 1 && !/^\d{4}$/.test(cells[0] ?? '')) continue; // header
    if (cells.length !== 3 && cells.length !== 4) {
      errors.push(`Rad ${line}: väntade kommunkod, (namn,) år och folkmängd, fick ${cells.length} kolumner.`);
      continue;
    }
    const code = cells[0] ?? '';
    const yearText = cells[cells.length - 2] ?? '';
    const popText = (cells[cells.length - 1] ?? '').replace(/[\s\u00a0\u202f]/g, '');
    if (!/^\d{4}$/.test(code)) errors.push(`Rad ${line}: kommunkoden "${code}" ska vara fyra siffror.`);
    if (!/^\d{4}$/.test(yearText)) errors.push(`Rad ${line}: året "${yearText}" ska vara fyra siffror.`);
    if (!/^\d{1,9}$/.test(popText)) errors.push(`Rad ${line}: folkmängden "${cells[cells.length - 1] ?? ''}" ska vara ett heltal.`);
    if (!/^\d{4}$/.test(code) || !/^\d{4}$/.test(yearText) || !/^\d{1,9}$/.test(popText)) continue;
    const key = `${code}:${yearText}`;
    if (seen.has(key)) {
      errors.push(`Rad ${line}: kommun ${code} år ${yearText} förekommer redan tidigare i filen.`);
      continue;
    }
    seen.add(key);
    rows.push({ line, municipalityCode: code, year: Number(yearText), population: Number(popText) });
  }
  if (rows.length === 0 && errors.length === 0) errors.push('Filen innehåller inga rader med folkmängd.');
  return errors.length > 0 ? err(errors) : ok(rows);
}

export type MunicipalityYear = { readonly year: number; readonly population: number; readonly amountOre: Ore; readonly totalOre: Ore; readonly sharePpm: number };

/** What one municipality pays over the period, year by year, with its share of each total in ppm. */
export function municipalityPayments(
  code: string, years: ReadonlyArray<{ year: number; totalOre: Ore; contributions: readonly Contribution[] }>,
): { years: MunicipalityYear[]; totalOre: Ore } {
  const out: MunicipalityYear[] = [];
  for (const y of years) {
    const c = y.contributions.find((x) => x.municipalityCode === code);
    if (!c) continue;
    const sharePpm = y.totalOre === 0 ? 0 : Number(divRoundHalfAwayFromZero(BigInt(c.amountOre) * 1_000_000n, BigInt(y.totalOre)));
    out.push({ year: y.year, population: c.population, amountOre: c.amountOre, totalOre: y.totalOre, sharePpm });
  }
  return { years: out, totalOre: sumOre(out.map((y) => y.amountOre)) };
}

/**
 * The default key of year Y: each municipality's population on 31 December of the latest year
 * before Y that has a figure (the invoice for Y is set from the figures known when it is sent).
 */
export function defaultKeyFor(
  year: number, codes: readonly string[], population: ReadonlyArray<{ municipalityCode: string; year: number; population: number }>,
): KeyEntry[] {
  const out: KeyEntry[] = [];
  for (const code of codes) {
    let best: { year: number; population: number } | undefined;
    for (const p of population) {
      if (p.municipalityCode === code && p.year < year && (best === undefined || p.year > best.year)) best = p;
    }
    if (best) out.push({ municipalityCode: code, population: best.population });
  }
  return out;
}

/** A follow-up period: a tertial (T1–T3), the delårsrapport (D) or the year (Å), e.g. "2020-T1". */
export function parseFollowupPeriod(text: string): Result<string> {
  const t = text.trim();
  return /^[0-9]{4}-(T[1-3]|D|Å)$/.test(t) ? ok(t) : err(`Perioden "${text}" ska skrivas ÅÅÅÅ-T1, ÅÅÅÅ-T2, ÅÅÅÅ-T3, ÅÅÅÅ-D (delår) eller ÅÅÅÅ-Å (helår).`);
}

export function followupPeriodLabel(period: string): string {
  const [year = '', part = ''] = period.split('-');
  switch (part) {
    case 'T1': return `Tertial 1 ${year}`;
    case 'T2': return `Tertial 2 ${year}`;
    case 'T3': return `Tertial 3 ${year}`;
    case 'D': return `Delår ${year}`;
    case 'Å': return `Helår ${year}`;
    default: return period;
  }
}

export type AgreementPeriod = { readonly id: number; readonly name: string; readonly firstYear: number; readonly lastYear: number };

/**
 * Where agreements' periods overlap, with the years they share and the one the underlag uses for
 * them: of the agreements covering a year it takes the first in order of first year, then id.
 */
export function agreementOverlaps(agreements: readonly AgreementPeriod[]): Array<{ used: AgreementPeriod; other: AgreementPeriod; from: number; to: number }> {
  const out: Array<{ used: AgreementPeriod; other: AgreementPeriod; from: number; to: number }> = [];
  const ordered = [...agreements].sort((x, y) => x.firstYear - y.firstYear || x.id - y.id);
  ordered.forEach((a, i) => {
    for (const b of ordered.slice(i + 1)) {
      const from = Math.max(a.firstYear, b.firstYear);
      const to = Math.min(a.lastYear, b.lastYear);
      if (from <= to) out.push({ used: a, other: b, from, to });
    }
  });
  return out;
}
