// Sums per category, derived from the grid's lines and so updated with every edit; visibly not editable.
import { formatKr } from '../domain.ts';
import type { LineSums } from './sums.ts';

export function CategorySums({ sums, caption }: { sums: LineSums; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table sums-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kategori</th>
            <th scope="col" className="num">
              Summa
            </th>
          </tr>
        </thead>
        <tbody>
          {sums.revenue.map((s) => (
            <tr key={`r-${s.category}`}>
              <th scope="row" className="indent">
                {s.name}
              </th>
              <td className="num">{formatKr(s.amountOre)}</td>
            </tr>
          ))}
          <tr className="sum-row">
            <th scope="row">Summa intäkter</th>
            <td className="num" data-testid="sum-revenue">
              {formatKr(sums.totalRevenueOre)}
            </td>
          </tr>
          {sums.costs.map((s) => (
            <tr key={`c-${s.category}`}>
              <th scope="row" className="indent">
                {s.name}
              </th>
              <td className="num" data-category={s.category}>
                {formatKr(s.amountOre)}
              </td>
            </tr>
          ))}
          <tr className="sum-row">
            <th scope="row">Summa kostnader</th>
            <td className="num" data-testid="sum-costs">
              {formatKr(sums.totalCostOre)}
            </td>
          </tr>
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row">Resultat</th>
            <td className="num" data-testid="sum-result">
              {formatKr(sums.resultOre)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
