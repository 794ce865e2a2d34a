// Small display helpers shared by the overview sections.
import { formatTkr, ore } from '../domain.ts';

/** Chart ticks are computed as plain numbers of öre; round before branding them. */
export function tickTkr(value: number): string {
  return formatTkr(ore(Math.round(value)), 0);
}
