// The organisation tree: region → committee (nämnd) → administration → unit. A unit maps to a SIE
// cost centre. The tree arrives as a flat list (database rows, a file), so these helpers work on a
// list and validate it instead of trusting it.
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export type OrgKind = 'region' | 'committee' | 'administration' | 'unit';
export type Organisation = {
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly parentCode: string | null;
};
export type OrgNode = { readonly org: Organisation; readonly children: readonly OrgNode[] };

export function orgKindLabel(kind: OrgKind): string {
  switch (kind) {
    case 'region':
      return 'Region';
    case 'committee':
      return 'Nämnd';
    case 'administration':
      return 'Förvaltning';
    case 'unit':
      return 'Enhet';
  }
}

function childrenIndex(orgs: readonly Organisation[]): Map<string, Organisation[]> {
  const index = new Map<string, Organisation[]>();
  for (const o of orgs) {
    if (o.parentCode === null) continue;
    const list = index.get(o.parentCode) ?? [];
    list.push(o);
    index.set(o.parentCode, list);
  }
  return index;
}

/** Every organisation below `code` (not `code` itself), depth first in list order. Cycle-safe. */
export function descendants(orgs: readonly Organisation[], code: string): Organisation[] {
  const index = childrenIndex(orgs);
  const out: Organisation[] = [];
  const seen = new Set<string>([code]);
  const visit = (c: string): void => {
    for (const child of index.get(c) ?? []) {
      if (seen.has(child.code)) continue;
      seen.add(child.code);
      out.push(child);
      visit(child.code);
    }
  };
  visit(code);
  return out;
}

/** The codes of `code` and everything below it: the set a report for `code` sums over. */
export function subtreeCodes(orgs: readonly Organisation[], code: string): Set<string> {
  return new Set([code, ...descendants(orgs, code).map((o) => o.code)]);
}

/** The top of the tree that `code` belongs to (the tenant); undefined if unknown or in a cycle. */
export function rootOf(orgs: readonly Organisation[], code: string): Organisation | undefined {
  const byCode = new Map(orgs.map((o) => [o.code, o] as const));
  const seen = new Set<string>();
  let current = byCode.get(code);
  while (current) {
    if (seen.has(current.code)) return undefined;
    seen.add(current.code);
    if (current.parentCode === null) return current;
    current = byCode.get(current.parentCode);
  }
  return undefined;
}

/** The path from the root down to `code` (both included); empty if unknown or in a cycle. */
export function ancestry(orgs: readonly Organisation[], code: string): Organisation[] {
  const byCode = new Map(orgs.map((o) => [o.code, o] as const));
  const path: Organisation[] = [];
  const seen = new Set<string>();
  let current = byCode.get(code);
  while (current) {
    if (seen.has(current.code)) return [];
    seen.add(current.code);
    path.unshift(current);
    if (current.parentCode === null) return path;
    current = byCode.get(current.parentCode);
  }
  return [];
}

/** Checks the list is a forest: unique codes, known parents, no cycles. Every problem, in Swedish. */
export function validateOrganisations(orgs: readonly Organisation[]): Result<true, readonly string[]> {
  const errors: string[] = [];
  const byCode = new Map<string, Organisation>();
  for (const o of orgs) {
    if (o.code.trim() === '') errors.push(`Organisationen "${o.name}" saknar kod`);
    if (byCode.has(o.code)) errors.push(`Organisationskoden "${o.code}" förekommer mer än en gång`);
    byCode.set(o.code, o);
  }
  for (const o of orgs) {
    if (o.parentCode !== null && !byCode.has(o.parentCode)) {
      errors.push(`Organisationen "${o.code}" har en okänd överordnad "${o.parentCode}"`);
    }
  }
  const reported = new Set<string>();
  for (const o of orgs) {
    const seen: string[] = [];
    let current: Organisation | undefined = o;
    while (current && current.parentCode !== null) {
      if (seen.includes(current.code)) {
        const cycle = seen.slice(seen.indexOf(current.code));
        const key = [...cycle].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          errors.push(`Organisationsträdet har en cykel: ${[...cycle, current.code].join(' → ')}`);
        }
        break;
      }
      seen.push(current.code);
      current = byCode.get(current.parentCode);
    }
  }
  return errors.length === 0 ? ok(true) : err(errors);
}

/** Builds the forest (roots in list order, children in list order), after validating it. */
export function buildTree(orgs: readonly Organisation[]): Result<OrgNode[], readonly string[]> {
  const valid = validateOrganisations(orgs);
  if (!valid.ok) return valid;
  const index = childrenIndex(orgs);
  const build = (o: Organisation): OrgNode => ({ org: o, children: (index.get(o.code) ?? []).map(build) });
  return ok(orgs.filter((o) => o.parentCode === null).map(build));
}
