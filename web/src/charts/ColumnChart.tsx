// A vertical (grouped) column chart in SVG with an optional line, for values over years: the plan's
// scenarios side by side, or yearly results with the accumulated surplus. Series differ by pattern and
// lightness as well as colour, and the legend is HTML text, so nothing rests on colour alone.
import { useId } from 'react';
import { axisLabelStep, barExtent, niceDomain, scaleLinear } from './scale.ts';

export interface ColumnSeries {
  key: string;
  name: string;
  values: number[];
}

interface Props {
  title: string;
  description: string;
  categories: string[];
  series: ColumnSeries[];
  line?: { name: string; values: number[] };
  formatTick: (value: number) => string;
}

const W = 680;
const H = 280;
const M = { top: 14, right: 16, bottom: 34, left: 96 };
const FILLS = ['url(#pat-solid)', 'url(#pat-stripes)', 'url(#pat-light)'];

export function swatchClass(index: number): string {
  return `swatch swatch-${index % FILLS.length}`;
}

export function ColumnChart({ title, description, categories, series, line, formatTick }: Props) {
  // useId may contain characters that are not safe inside url(#…) references.
  const id = `c${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const all = [...series.flatMap((s) => s.values), ...(line?.values ?? [])];
  const domain = niceDomain(all, 5);
  const y = scaleLinear([domain.min, domain.max], [H - M.bottom, M.top]);
  const plotW = W - M.left - M.right;
  const band = plotW / Math.max(1, categories.length);
  const groupW = band * (series.length > 1 ? 0.78 : 0.56);
  const barW = groupW / Math.max(1, series.length);
  const cx = (i: number) => M.left + band * i + band / 2;
  // Every category gets its column, but only as many labels as fit side by side (30 months: every
  // third); the table below the chart has them all.
  const labelStep = axisLabelStep(categories, plotW);
  const pid = (name: string) => `${id}-${name}`;
  const fill = (index: number) => (FILLS[index % FILLS.length] ?? FILLS[0] ?? '').replace('#', `#${id}-`);
  return (
    <svg className="chart chart-columns" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <defs>
        <pattern id={pid('pat-solid')} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" className="fill-strong" />
        </pattern>
        <pattern id={pid('pat-stripes')} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="fill-medium-bg" />
          <rect width="3" height="6" className="fill-medium" />
        </pattern>
        <pattern id={pid('pat-light')} width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" className="fill-light" />
          <circle cx="3" cy="3" r="1.1" className="fill-strong" />
        </pattern>
      </defs>
      {domain.ticks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className={t === 0 ? 'chart-axis' : 'chart-grid'} />
          <text x={M.left - 8} y={y(t)} className="chart-tick" textAnchor="end" dominantBaseline="middle">
            {formatTick(t)}
          </text>
        </g>
      ))}
      {categories.map((c, i) => {
        if (i % labelStep !== 0) return null;
        // A label that would run past the right edge ends at it instead.
        const clipped = cx(i) + c.length * 3.5 > W;
        return (
          <text key={c} x={clipped ? W - 2 : cx(i)} y={H - M.bottom + 20} className="chart-label" textAnchor={clipped ? 'end' : 'middle'}>
            {c}
          </text>
        );
      })}
      {series.map((s, si) =>
        s.values.map((v, i) => {
          const bar = barExtent(v, y);
          return (
            <rect
              key={`${s.key}-${String(i)}`}
              x={cx(i) - groupW / 2 + si * barW + 1}
              y={bar.start}
              width={Math.max(barW - 2, 1)}
              height={Math.max(bar.size, 1)}
              fill={fill(si)}
              className="chart-column"
            />
          );
        }),
      )}
      {line && (
        <g className="chart-line">
          <polyline points={line.values.map((v, i) => `${cx(i)},${y(v)}`).join(' ')} />
          {line.values.map((v, i) => (
            <rect key={i} x={cx(i) - 4} y={y(v) - 4} width={8} height={8} transform={`rotate(45 ${cx(i)} ${y(v)})`} />
          ))}
        </g>
      )}
    </svg>
  );
}
