import { describe, expect, it } from 'vitest';
import { ore } from '../domain.ts';
import { sumLines } from './sums.ts';

const line = (kind: 'revenue' | 'cost', category: string, amount: number) => ({
  kind, category, categoryName: category.toUpperCase(), amountOre: ore(amount),
});

describe('sumLines', () => {
  it('sums per category in first-seen order and gives the result', () => {
    const sums = sumLines([
      line('revenue', 'regionbidrag', 1000),
      line('cost', 'personal', 600),
      line('revenue', 'avgifter', 50),
      line('revenue', 'regionbidrag', 500),
      line('cost', 'lokaler', 1000),
    ]);
    expect(sums.revenue.map((s) => [s.category, s.amountOre, s.lineCount])).toEqual([
      ['regionbidrag', 1500, 2],
      ['avgifter', 50, 1],
    ]);
    expect(sums.costs.map((s) => s.name)).toEqual(['PERSONAL', 'LOKALER']);
    expect(sums.totalRevenueOre).toBe(1550);
    expect(sums.totalCostOre).toBe(1600);
    expect(sums.resultOre).toBe(-50);
  });
  it('gives zeros for no lines', () => {
    expect(sumLines([])).toEqual({ revenue: [], costs: [], totalRevenueOre: 0, totalCostOre: 0, resultOre: 0 });
  });
});
