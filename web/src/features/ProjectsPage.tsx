import type { Org } from '../api-types.ts';
import type { ResolvedView } from '../view-context.ts';

export function ProjectsPage({ org }: { org: Org; view: ResolvedView; item: string | null }) {
  return <p>{org.name}: projektregistret visas här.</p>;
}
