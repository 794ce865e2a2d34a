// Which organisations the views offer: committees first (the level a plan belongs to).
import type { Org } from './api-types.ts';

export function committees(orgs: readonly Org[]): Org[] {
  const list = orgs.filter((o) => o.kind === 'committee');
  return list.length > 0 ? list : [...orgs];
}

/** The committee to open at `/`: one the user may edit, else the first one they may read. */
export function defaultOrg(orgs: readonly Org[]): Org | undefined {
  const list = committees(orgs);
  return list.find((o) => o.canEdit) ?? list[0];
}
