// Every saved revision of the underlag, newest first, and the comparison of two: the text section by
// section (added, removed, changed paragraphs) and the live figures whose values differ.
import { useState } from 'react';
import { ErrorNotice, Loading } from '../components/notices.tsx';
import { useApi } from '../use-api.ts';
import { underlagApi } from './api.ts';

interface Props {
  org: string;
  id: number;
  headRevision: number;
  onShow: (revision: number) => void;
}

const when = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

export function Revisions({ org, id, headRevision, onShow }: Props) {
  const list = useApi(`underlag-revisions:${org}:${id}:${headRevision}`, (signal) => underlagApi.revisions(org, id, signal));
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  return (
    <section className="revisions" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">Revisioner</h2>
      {list.load.state === 'loading' && <Loading what="revisionerna" />}
      {list.load.state === 'error' && <ErrorNotice error={list.load.error} />}
      {list.load.state === 'ok' && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Revisioner, rullbar">
          <table className="report-table">
            <caption>Varje sparning av underlaget, nyast först</caption>
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">Sparad</th>
                <th scope="col">Av</th>
                <th scope="col">Vad</th>
                <th scope="col">Beslut</th>
                <th scope="col"><span className="visually-hidden">Åtgärder</span></th>
              </tr>
            </thead>
            <tbody>
              {list.load.value.revisions.map((r) => (
                <tr key={r.revision}>
                  <th scope="row">{r.revision} <span className="hint">(version {r.edition})</span></th>
                  <td>{when(r.savedAt)}</td>
                  <td>{r.author}</td>
                  <td>{r.note}</td>
                  <td>{r.decidedAt === null ? '' : `Dnr ${r.diarienummer ?? ''}, ${r.decisionDate ?? ''}`}</td>
                  <td>
                    <div className="button-row">
                      <button type="button" className="button button-quiet" onClick={() => onShow(r.revision)} aria-label={`Visa revision ${r.revision}`}>Visa</button>
                      {r.revision !== headRevision && (
                        <button type="button" className="button button-quiet" onClick={() => setPair({ from: r.revision, to: headRevision })} aria-label={`Jämför med senaste: revision ${r.revision}`}>
                          Jämför med senaste
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pair !== null && <CompareView org={org} id={id} from={pair.from} to={pair.to} />}
    </section>
  );
}

function CompareView({ org, id, from, to }: { org: string; id: number; from: number; to: number }) {
  const c = useApi(`underlag-compare:${org}:${id}:${from}:${to}`, (signal) => underlagApi.compare(org, id, from, to, signal));
  if (c.load.state === 'loading') return <Loading what="jämförelsen" />;
  if (c.load.state === 'error') return <ErrorNotice error={c.load.error} />;
  const changed = c.load.value.sections.filter((s) => s.status !== 'unchanged');
  const figures = c.load.value.figures;
  return (
    <section className="compare" aria-labelledby="compare-heading">
      <h3 id="compare-heading">Revision {from} jämförd med revision {to}</h3>
      {changed.length === 0 && <p>Texten är densamma.</p>}
      {changed.map((s) => (
        <div key={s.key} className="compare-section">
          <h4>
            {s.newTitle ?? s.oldTitle}
            {s.status === 'added' && ' (nytt avsnitt)'}
            {s.status === 'removed' && ' (borttaget avsnitt)'}
            {s.oldTitle !== null && s.newTitle !== null && s.oldTitle !== s.newTitle && ` (hette ${s.oldTitle})`}
            {s.moved && ' (flyttat)'}
          </h4>
          <ul>
            {s.changes.map((ch, i) => (
              <li key={i}>
                {ch.kind === 'added' && <><strong>Tillagt:</strong> <ins>{ch.new}</ins></>}
                {ch.kind === 'removed' && <><strong>Borttaget:</strong> <del>{ch.old}</del></>}
                {ch.kind === 'changed' && <><strong>Ändrat från</strong> <del>{ch.old}</del> <strong>till</strong> <ins>{ch.new}</ins></>}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h4>Levande uppgifter</h4>
      {figures.length === 0 ? (
        <p>Alla levande uppgifter har samma värde.</p>
      ) : (
        <table className="report-table">
          <caption>Uppgifter vars värde skiljer sig</caption>
          <thead>
            <tr>
              <th scope="col">Avsnitt</th>
              <th scope="col">Uppgift</th>
              <th scope="col">Revision {from}</th>
              <th scope="col">Revision {to}</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f, i) => (
              <tr key={i}>
                <td>{f.section}</td>
                <th scope="row">{f.label}</th>
                <td>{f.old ?? '–'}</td>
                <td>{f.new ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
