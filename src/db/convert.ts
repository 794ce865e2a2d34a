// The one place where database values become domain values. bigint (int8) arrives as a string;
// anything outside the safe-integer range is a corrupt or hostile value, never silently rounded.
import { ore, type Ore } from '../domain/money.ts';

export function toSafeNumber(value: string | number | bigint, column: string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`Värdet i ${column} (${String(value)}) ryms inte exakt som heltal.`);
  }
  return n;
}

export function toOre(value: string | number | bigint, column = 'amount_ore'): Ore {
  return ore(toSafeNumber(value, column));
}
