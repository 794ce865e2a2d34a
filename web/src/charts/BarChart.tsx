// A horizontal bar chart: one row per item with its label, an SVG bar and its value. Labels and
// values are HTML text, so they wrap and grow with the user's zoom instead of shrinking with the
// drawing. To a screen reader the chart is one image (role="img") named by its title and a sentence
// with every value; the same numbers are one click away as a table (ChartFigure).
import { barExtent, niceDomain, scaleLinear } from './scale.ts';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  valueText: string;
}

export function BarChart({ title, description, items }: { title: string; description: string; items: BarItem[] }) {
  const domain = niceDomain(items.map((i) => i.value));
  const x = scaleLinear([domain.min, domain.max], [0, 100]);
  return (
    <div className="hbars" role="img" aria-label={`${title}. ${description}`}>
      {items.map((item) => {
        const bar = barExtent(item.value, x);
        return (
          <div className="hbar-row" key={item.key}>
            <span className="hbar-label">{item.label}</span>
            <svg className="hbar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect x={bar.start} y="0" width={Math.max(bar.size, 0.4)} height="10" className="chart-bar" />
              {domain.min < 0 && <rect x={x(0) - 0.15} y="0" width="0.3" height="10" className="fill-axis" />}
            </svg>
            <span className="hbar-value">{item.valueText}</span>
          </div>
        );
      })}
    </div>
  );
}
