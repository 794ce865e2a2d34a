// The result history: yearly result as columns, the accumulated surplus as a line, and the table.
import { api } from '../api.ts';
import { ChartFigure } from '../charts/ChartFigure.tsx';
import { ColumnChart, swatchClass } from '../charts/ColumnChart.tsx';
import { ErrorNotice, ExampleBadge, Loading } from '../components/notices.tsx';
import { formatTkr } from '../domain.ts';
import { useApi } from '../use-api.ts';
import { tickTkr } from './ow-format.ts';
import { resultsSentence } from './results-text.ts';

export function ResultsSection({ orgCode }: { orgCode: string }) {
  const { load } = useApi(`results:${orgCode}`, (signal) => api.getResults(orgCode, signal));
  let body;
  if (load.state === 'loading') body = <Loading what="resultathistoriken" />;
  else if (load.state === 'error') body = <ErrorNotice error={load.error} />;
  else if (load.value.rows.length === 0) body = <p>Det finns ingen resultathistorik ännu.</p>;
  else {
    const rows = load.value.rows.toSorted((a, b) => a.year - b.year);
    const sentence = resultsSentence(rows);
    body = (
      <>
        {load.value.isExample && <ExampleBadge />}
        <p className="lead">{sentence}</p>
        <ChartFigure
          chart={
            <ColumnChart
              title="Resultat per år och balanserat överskott"
              description={`${sentence} Resultat per år: ${rows.map((r) => `${r.year} ${formatTkr(r.resultOre)}`).join(', ')}.`}
              categories={rows.map((r) => String(r.year))}
              series={[{ key: 'result', name: 'Årets resultat', values: rows.map((r) => r.resultOre) }]}
              line={{ name: 'Balanserat överskott', values: rows.map((r) => r.accumulatedSurplusOre) }}
              formatTick={tickTkr}
            />
          }
          legend={[
            { key: 'result', name: 'Årets resultat (staplar)', swatch: swatchClass(0) },
            { key: 'surplus', name: 'Balanserat överskott (linje)', swatch: 'swatch swatch-line' },
          ]}
          table={
            <div className="table-scroll">
              <table className="data-table">
                <caption>Resultat per år (tkr)</caption>
                <thead>
                  <tr>
                    <th scope="col">År</th>
                    <th scope="col" className="num">Resultat</th>
                    <th scope="col" className="num">Täckt av tidigare överskott</th>
                    <th scope="col" className="num">Balanserat överskott</th>
                    <th scope="col" className="num">Ej återställt underskott</th>
                    <th scope="col">Åtgärdspaket</th>
                    <th scope="col">Kommentar</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.year}>
                      <th scope="row">{r.year}</th>
                      <td className="num">{formatTkr(r.resultOre)}</td>
                      <td className="num">{formatTkr(r.coveredFromSurplusOre)}</td>
                      <td className="num">{formatTkr(r.accumulatedSurplusOre)}</td>
                      <td className="num">{formatTkr(r.uncoveredDeficitOre)}</td>
                      <td>{r.actionPackage ? 'Ja' : 'Nej'}</td>
                      <td>{r.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          }
        />
      </>
    );
  }
  return (
    <section className="panel" aria-labelledby="results-h">
      <h2 id="results-h">Resultat över tid</h2>
      {body}
    </section>
  );
}
