import type { Org } from '../api-types.ts';
import type { ResolvedView } from '../view-context.ts';

export function GoalsPage({ org }: { org: Org; view: ResolvedView }) {
  return <p>{org.name}: mål och indikatorer visas här.</p>;
}
