// Kolada (RKA's open KPI database), API v3: the URLs Ramplan asks and the shape of the answers,
// read strictly so a changed or broken answer is an error with a reason instead of wrong figures.
// https://api.kolada.se/v3/data/kpi/{kpi}/municipality/{ids}/year/{years}; at most 20 areas per call;
// an answer is {"values":[{"kpi","municipality","period","values":[{"gender","value",...}]}],"count","next_page"}.
import type { Gender } from './goals.ts';
import { err, ok, type Result } from './result.ts';

export const KOLADA_BASE_URL = 'https://api.kolada.se/v3/';
export const KOLADA_BATCH_SIZE = 20;
export const KOLADA_SWEDEN = '0000';

/** Kolada's id of a county's region: "00" and the county code (Västerbotten, län 24, is 0024). */
export const regionAreaOf = (countyCode: string): string => `00${countyCode}`;

export function batches<T>(items: readonly T[], size = KOLADA_BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function koladaDataUrl(kpi: string, areas: readonly string[], years: readonly number[], base = KOLADA_BASE_URL): string {
  if (areas.length === 0 || areas.length > KOLADA_BATCH_SIZE) throw new RangeError(`Kolada tar 1–${KOLADA_BATCH_SIZE} områden per anrop, inte ${areas.length}`);
  return `${base}data/kpi/${encodeURIComponent(kpi)}/municipality/${areas.join(',')}/year/${years.join(',')}`;
}

export type KoladaValue = { readonly kpi: string; readonly area: string; readonly year: number; readonly gender: Gender; readonly value: number | null };
export type KoladaPage = { readonly values: readonly KoladaValue[]; readonly nextPage: string | null };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads one page of a data answer; every shape problem is reported, none is guessed around. */
export function parseKoladaData(json: unknown): Result<KoladaPage> {
  if (!isObject(json) || !Array.isArray(json['values'])) return err('Svaret från Kolada saknar listan "values".');
  const next = json['next_page'];
  if (next !== undefined && next !== null && typeof next !== 'string') return err('Svaret från Kolada har ett ogiltigt "next_page".');
  const values: KoladaValue[] = [];
  for (const [i, row] of json['values'].entries()) {
    if (!isObject(row)) return err(`Rad ${i + 1} i svaret från Kolada är inget objekt.`);
    const { kpi, municipality, period } = row;
    const inner = row['values'];
    if (typeof kpi !== 'string' || typeof municipality !== 'string' || typeof period !== 'number' || !Array.isArray(inner)) {
      return err(`Rad ${i + 1} i svaret från Kolada saknar kpi, municipality, period eller values.`);
    }
    for (const v of inner) {
      if (!isObject(v) || (v['gender'] !== 'T' && v['gender'] !== 'K' && v['gender'] !== 'M')) {
        return err(`Rad ${i + 1} i svaret från Kolada har ett värde utan giltigt kön (T, K eller M).`);
      }
      const value = v['value'];
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) return err(`Rad ${i + 1} i svaret från Kolada har ett värde som inte är ett tal.`);
      values.push({ kpi, area: municipality, year: period, gender: v['gender'], value });
    }
  }
  return ok({ values, nextPage: typeof next === 'string' && next !== '' ? next : null });
}
