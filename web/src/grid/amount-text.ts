// Amounts in the grid are exact kronor (docs/UX.md: "exact kronor in detail views"); whole kronor are
// written without ",00", so the text the editor starts from is what a person would type.
import { formatKrExact, type Ore } from '../domain.ts';

export function krText(amount: Ore): string {
  return formatKrExact(amount).replace(/\u00a0kr$/, '').replace(/,00$/, '');
}
