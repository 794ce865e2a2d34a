// A chart with its legend and its numbers one click away as a table (docs/UX.md "Every chart has its
// numbers one click away as a table, and a text alternative").
import type { ReactNode } from 'react';

interface Props {
  chart: ReactNode;
  legend?: { key: string; name: string; swatch: string }[];
  table: ReactNode;
  /** Show the table open from the start (e.g. when the chart has little to show). */
  tableOpen?: boolean;
}

export function ChartFigure({ chart, legend, table, tableOpen }: Props) {
  return (
    <figure className="chart-figure">
      {chart}
      {legend && legend.length > 0 && (
        <ul className="legend" aria-label="Teckenförklaring">
          {legend.map((l) => (
            <li key={l.key}>
              <span className={l.swatch} aria-hidden="true" />
              {l.name}
            </li>
          ))}
        </ul>
      )}
      <details className="chart-table" open={tableOpen}>
        <summary>Visa som tabell</summary>
        {table}
      </details>
    </figure>
  );
}
