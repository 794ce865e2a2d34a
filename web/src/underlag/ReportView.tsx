// The underlag as a reader sees it: one section of the report model, drawn as a document. Live
// figures are marked (dotted underline, their meaning as a tooltip and in the legend above the
// document); every table has its caption and header cells; a chart is its text alternative and data.
import type { ReportBlock, ReportRun, ReportTable } from './types.ts';

export function Runs({ runs }: { runs: readonly ReportRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        if (r.type === 'figure') {
          return (
            <data key={i} className={r.missing ? 'live-figure live-figure-missing' : 'live-figure'} value={r.value ?? ''} title={r.label}>
              {r.text}
            </data>
          );
        }
        let node = <>{r.text}</>;
        if (r.strong) node = <strong>{node}</strong>;
        if (r.em) node = <em>{node}</em>;
        if (r.href !== null) node = <a href={r.href}>{node}</a>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function Table({ table }: { table: ReportTable }) {
  const body = table.rows.filter((r) => r.role === 'body');
  const totals = table.rows.filter((r) => r.role === 'total');
  const row = (cells: ReportTable['rows'][number]['cells'], key: number) => (
    <tr key={key}>
      {cells.map((c, i) =>
        i === 0 ? (
          <th key={i} scope="row">{c.text}</th>
        ) : (
          <td key={i} className={c.kind === 'text' || c.kind === 'empty' ? undefined : 'num'}>{c.text}</td>
        ),
      )}
    </tr>
  );
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`Tabell ${table.number}, rullbar`}>
      <table className="report-table">
        <caption>
          Tabell {table.number}. {table.caption}
        </caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={c.kind === 'text' ? undefined : 'num'}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>{body.map((r, i) => row(r.cells, i))}</tbody>
        {totals.length > 0 && <tfoot>{totals.map((r, i) => row(r.cells, i))}</tfoot>}
      </table>
      {table.note !== null && <p className="hint">{table.note}</p>}
    </div>
  );
}

export function ReportBlocks({ blocks }: { blocks: readonly ReportBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'heading':
            return b.level === 3 ? <h3 key={i}><Runs runs={b.runs} /></h3> : <h4 key={i}><Runs runs={b.runs} /></h4>;
          case 'paragraph':
            return <p key={i}><Runs runs={b.runs} /></p>;
          case 'list': {
            const items = b.items.map((item, j) => <li key={j}><Runs runs={item} /></li>);
            return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'table':
            return <Table key={i} table={b.table} />;
          case 'chart':
            return (
              <figure key={i} className="report-chart">
                <figcaption>
                  <strong>Diagram {b.chart.number}. {b.chart.title}</strong>
                  <span className="hint"> {b.chart.textAlternative}</span>
                </figcaption>
                <Table table={b.chart.table} />
              </figure>
            );
          case 'placeholder':
            return <p key={i} className="live-figure-missing">{b.text}</p>;
        }
      })}
    </>
  );
}
