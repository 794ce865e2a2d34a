// Sums per category for the lines in the grid, recomputed from the lines on every edit so the
// figures beside the grid update at once (docs/UX.md "Sums and derived figures update at once").
import type { PlanLine } from '../api-types.ts';
import { subOre, sumOre, type Ore } from '../domain.ts';

export interface CategorySum {
  category: string;
  name: string;
  kind: 'revenue' | 'cost';
  amountOre: Ore;
  lineCount: number;
}

export interface LineSums {
  revenue: CategorySum[];
  costs: CategorySum[];
  totalRevenueOre: Ore;
  totalCostOre: Ore;
  resultOre: Ore;
}

type SummedLine = Pick<PlanLine, 'category' | 'categoryName' | 'kind' | 'amountOre'>;

export function sumLines(lines: readonly SummedLine[]): LineSums {
  const groups = new Map<string, { name: string; kind: 'revenue' | 'cost'; amounts: Ore[] }>();
  for (const line of lines) {
    const key = `${line.kind}:${line.category}`;
    const group = groups.get(key) ?? { name: line.categoryName, kind: line.kind, amounts: [] };
    group.amounts.push(line.amountOre);
    groups.set(key, group);
  }
  const sums: CategorySum[] = [...groups.entries()].map(([key, g]) => ({
    category: key.slice(key.indexOf(':') + 1),
    name: g.name,
    kind: g.kind,
    amountOre: sumOre(g.amounts),
    lineCount: g.amounts.length,
  }));
  const revenue = sums.filter((s) => s.kind === 'revenue');
  const costs = sums.filter((s) => s.kind === 'cost');
  const totalRevenueOre = sumOre(revenue.map((s) => s.amountOre));
  const totalCostOre = sumOre(costs.map((s) => s.amountOre));
  return { revenue, costs, totalRevenueOre, totalCostOre, resultOre: subOre(totalRevenueOre, totalCostOre) };
}
