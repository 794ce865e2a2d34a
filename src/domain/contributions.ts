// Municipal contributions under the collaboration agreement (samverkansöverenskommelse): a total
// split over the parties by population with the largest-remainder method, so the invoices add up to
// the total to the öre and no municipality is off its exact share by a whole öre.
import { allocateLargestRemainder } from './allocate.ts';
import type { Ore } from './money.ts';
import { ZERO_ORE } from './money.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export type Party = { readonly code: string; readonly name: string; readonly population: number };

/** Checks the parties can carry a split: unique codes, whole non-negative populations, not all zero. */
export function validateParties(parties: readonly Party[]): Result<true, readonly string[]> {
  const errors: string[] = [];
  const codes = new Set<string>();
  for (const p of parties) {
    if (codes.has(p.code)) errors.push(`Parten "${p.code}" förekommer mer än en gång`);
    codes.add(p.code);
    if (!Number.isSafeInteger(p.population) || p.population < 0) {
      errors.push(`${p.name}: invånarantalet ska vara ett heltal som är noll eller större (${String(p.population)})`);
    }
  }
  if (parties.length === 0) errors.push('Överenskommelsen har inga parter');
  else if (errors.length === 0 && parties.every((p) => p.population === 0)) errors.push('Alla parter har invånarantalet noll');
  return errors.length === 0 ? ok(true) : err(errors);
}

/**
 * Each party's contribution, by population, in the order given; the amounts sum exactly to the total.
 * Throws RangeError on parties that validateParties refuses (with a non-zero total): validate first.
 */
export function municipalContributions(totalOre: Ore, parties: readonly Party[]): Array<Party & { amountOre: Ore }> {
  const parts = allocateLargestRemainder(totalOre, parties.map((p) => p.population));
  return parties.map((p, i) => ({ ...p, amountOre: parts[i] ?? ZERO_ORE }));
}
