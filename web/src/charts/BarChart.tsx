// A horizontal bar chart in SVG: one bar per item with its label and value written beside it.
// The SVG is one image to a screen reader (role="img"), named by its title and described by a
// sentence with every value; the same numbers are one click away as a table (ChartFigure).
import { useId } from 'react';
import { barExtent, niceDomain, scaleLinear } from './scale.ts';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  valueText: string;
}

const LABEL_W = 210;
const PLOT_W = 290;
const VALUE_W = 170;
const ROW_H = 32;
const BAR_H = 18;

export function BarChart({ title, description, items }: { title: string; description: string; items: BarItem[] }) {
  // useId may contain characters that are not safe inside url(#…) references.
  const id = `c${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const domain = niceDomain(items.map((i) => i.value));
  const x = scaleLinear([domain.min, domain.max], [LABEL_W, LABEL_W + PLOT_W]);
  const height = Math.max(1, items.length) * ROW_H + 8;
  const width = LABEL_W + PLOT_W + VALUE_W;
  return (
    <svg
      className="chart chart-bars"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <line x1={x(0)} x2={x(0)} y1={2} y2={height - 4} className="chart-axis" />
      {items.map((item, i) => {
        const y = i * ROW_H + 4;
        const bar = barExtent(item.value, x);
        return (
          <g key={item.key}>
            <text x={LABEL_W - 10} y={y + ROW_H / 2} className="chart-label" textAnchor="end" dominantBaseline="middle">
              {item.label}
            </text>
            <rect x={bar.start} y={y + (ROW_H - BAR_H) / 2} width={Math.max(bar.size, 1)} height={BAR_H} rx={2} className="chart-bar" />
            <text
              x={Math.max(x(0), bar.start + bar.size) + 8}
              y={y + ROW_H / 2}
              className="chart-value"
              dominantBaseline="middle"
            >
              {item.valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
