// The stored text of an underlag: its sections in order, each with a stable key, a title and blocks in
// the narrative format of src/reports/rich-text.ts. Pure: validation of stored or sent JSON (every
// problem in Swedish, naming the field) and the section operations (add, rename, reorder, remove),
// each returning a new list or why not.
import { err, ok, type Result } from '../domain/result.ts';
import { parseBlocks, type Block, type UnderlagSectionInput } from '../reports/index.ts';

export type Section = UnderlagSectionInput;
export type Content = { readonly sections: readonly Section[] };
export type ContentProblem = { readonly field: string; readonly message: string };

export const SECTION_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const MAX_SECTIONS = 40;
export const MAX_TITLE = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkTitle(title: unknown, field: string): Result<string, ContentProblem> {
  if (typeof title !== 'string' || title.trim() === '') return err({ field, message: 'Rubrik: ange avsnittets rubrik.' });
  if (title.trim().length > MAX_TITLE) return err({ field, message: `Rubrik: högst ${String(MAX_TITLE)} tecken.` });
  return ok(title.trim());
}

/** Checks blocks and names the section in the message ("Avsnittet Inledning, block 2: …"). */
export function checkBlocks(blocks: unknown, field: string, sectionTitle: string): Result<Block[], ContentProblem> {
  const parsed = parseBlocks(blocks);
  if (parsed.ok) return parsed;
  const shown = parsed.error.slice(0, 5).join('; ');
  const more = parsed.error.length > 5 ? ` (och ${String(parsed.error.length - 5)} fel till)` : '';
  return err({ field, message: `Texten i avsnittet ${sectionTitle}: ${shown}${more}.` });
}

/** The sections of stored or sent JSON, checked: unique keys, titles, blocks in the format. */
export function parseSections(json: unknown, field = 'sections'): Result<Section[], ContentProblem> {
  if (!Array.isArray(json)) return err({ field, message: 'Avsnitten ska vara en lista.' });
  if (json.length === 0) return err({ field, message: 'Underlaget behöver minst ett avsnitt.' });
  if (json.length > MAX_SECTIONS) return err({ field, message: `Underlaget får ha högst ${String(MAX_SECTIONS)} avsnitt.` });
  const keys = new Set<string>();
  const out: Section[] = [];
  for (const [i, s] of json.entries()) {
    const at = `${field}.${String(i)}`;
    if (!isObject(s)) return err({ field: at, message: `Avsnitt ${String(i + 1)} är inte ett avsnitt.` });
    const key = s['key'];
    if (typeof key !== 'string' || !SECTION_KEY.test(key)) {
      return err({ field: `${at}.key`, message: `Avsnitt ${String(i + 1)}: nyckeln ska vara små bokstäver a–z, siffror och bindestreck.` });
    }
    if (keys.has(key)) return err({ field: `${at}.key`, message: `Avsnitt ${String(i + 1)}: nyckeln ${key} finns redan.` });
    keys.add(key);
    const title = checkTitle(s['title'], `${at}.title`);
    if (!title.ok) return title;
    const blocks = checkBlocks(s['blocks'], `${at}.blocks`, title.value);
    if (!blocks.ok) return blocks;
    out.push({ key, title: title.value, blocks: blocks.value });
  }
  return ok(out);
}

/** Stored content ({ sections }) as sections; a stored revision that no longer parses is a bug. */
export function parseContent(json: unknown): Result<Section[], ContentProblem> {
  if (!isObject(json)) return err({ field: 'content', message: 'Innehållet ska vara ett objekt med avsnitt.' });
  return parseSections(json['sections']);
}

/** A key for a new section from its title: "Digital omställning" → "digital-omstallning", unique. */
export function sectionKeyFor(title: string, taken: ReadonlySet<string>): string {
  const base = title.toLocaleLowerCase('sv').replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32).replace(/-+$/, '') || 'avsnitt';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${String(n)}`;
  return key;
}

const missing = (key: string): ContentProblem => ({ field: 'key', message: `Avsnittet ${key} finns inte i underlaget.` });

export function addSection(sections: readonly Section[], title: string, after: string | null): Result<{ sections: Section[]; key: string }, ContentProblem> {
  const t = checkTitle(title, 'title');
  if (!t.ok) return t;
  if (sections.length >= MAX_SECTIONS) return err({ field: 'title', message: `Underlaget får ha högst ${String(MAX_SECTIONS)} avsnitt.` });
  const key = sectionKeyFor(t.value, new Set(sections.map((s) => s.key)));
  const index = after === null ? sections.length : sections.findIndex((s) => s.key === after) + 1;
  if (index === 0) return err({ field: 'after', message: `Avsnittet ${after ?? ''} finns inte i underlaget.` });
  const next = [...sections];
  next.splice(index, 0, { key, title: t.value, blocks: [] });
  return ok({ sections: next, key });
}

export function renameSection(sections: readonly Section[], key: string, title: string): Result<Section[], ContentProblem> {
  const t = checkTitle(title, 'title');
  if (!t.ok) return t;
  if (!sections.some((s) => s.key === key)) return err(missing(key));
  return ok(sections.map((s) => (s.key === key ? { ...s, title: t.value } : s)));
}

export function reorderSections(sections: readonly Section[], keys: readonly string[]): Result<Section[], ContentProblem> {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  if (keys.length !== sections.length || new Set(keys).size !== keys.length || keys.some((k) => !byKey.has(k))) {
    return err({ field: 'keys', message: 'Ordningen ska nämna varje avsnitt i underlaget exakt en gång.' });
  }
  return ok(keys.map((k) => byKey.get(k)).filter((s): s is Section => s !== undefined));
}

export function removeSection(sections: readonly Section[], key: string): Result<Section[], ContentProblem> {
  if (!sections.some((s) => s.key === key)) return err(missing(key));
  if (sections.length === 1) return err({ field: 'key', message: 'Underlaget behöver minst ett avsnitt; lägg till ett annat innan du tar bort det sista.' });
  return ok(sections.filter((s) => s.key !== key));
}

export function replaceSectionText(sections: readonly Section[], key: string, blocks: unknown, title?: string): Result<Section[], ContentProblem> {
  const section = sections.find((s) => s.key === key);
  if (!section) return err(missing(key));
  const t = title === undefined ? ok(section.title) : checkTitle(title, 'title');
  if (!t.ok) return t;
  const b = checkBlocks(blocks, 'blocks', t.value);
  if (!b.ok) return b;
  return ok(sections.map((s) => (s.key === key ? { key, title: t.value, blocks: b.value } : s)));
}
