// Revenue or costs by category for the chosen year: a bar chart with shares, and the table.
import type { CategoryAmount } from '../api-types.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { ChartFigure } from '../charts/ChartFigure.tsx';
import { formatPercent, formatTkr, type Ore } from '../domain.ts';

interface Props {
  id: string;
  heading: string;
  noun: string;
  year: number;
  items: CategoryAmount[];
  totalOre: Ore;
}

export function CategorySection({ id, heading, noun, year, items, totalOre }: Props) {
  const sorted = items.toSorted((a, b) => b.amountOre - a.amountOre);
  const describe = (c: CategoryAmount) => `${c.name} ${formatTkr(c.amountOre)} (${formatPercent(c.sharePercent)})`;
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      {sorted.length === 0 ? (
        <p>Det finns inga {noun} registrerade för {year}.</p>
      ) : (
        <ChartFigure
          chart={
            <BarChart
              title={`${heading} ${year}`}
              description={`${heading} ${year}, totalt ${formatTkr(totalOre)}: ${sorted.map(describe).join('; ')}.`}
              items={sorted.map((c) => ({
                key: c.category,
                label: c.name,
                value: c.amountOre,
                valueText: `${formatTkr(c.amountOre)} · ${formatPercent(c.sharePercent)}`,
              }))}
            />
          }
          table={
            <div className="table-scroll">
              <table className="data-table">
                <caption>
                  {heading} {year}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Kategori</th>
                    <th scope="col" className="num">
                      Belopp
                    </th>
                    <th scope="col" className="num">
                      Andel
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((c) => (
                    <tr key={c.category} data-category={c.category}>
                      <th scope="row">{c.name}</th>
                      <td className="num">{formatTkr(c.amountOre)}</td>
                      <td className="num">{formatPercent(c.sharePercent)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Summa</th>
                    <td className="num">{formatTkr(totalOre)}</td>
                    <td className="num">{formatPercent(100)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          }
        />
      )}
    </section>
  );
}
