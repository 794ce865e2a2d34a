// "Granskningslogg": the tenant's audit entries, newest first, with before and after; filters by
// day and user; a CSV export for Excel; and whether the hash chain is unbroken.
import { useState, type FormEvent } from 'react';
import { ErrorNotice, Loading } from '../components/notices.tsx';
import { CheckIcon, WarningIcon } from '../components/icons.tsx';
import { useApi } from '../use-api.ts';
import { adminApi, auditQuery, type AuditFilter } from './admin-api.ts';
import { describeValue } from './access.ts';

const EMPTY: AuditFilter = { from: '', to: '', actor: '', limit: 200 };

const time = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'UTC' });

export function AuditPage({ org }: { org: string }) {
  const [draft, setDraft] = useState<AuditFilter>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY);
  const entries = useApi(`audit:${org}:${auditQuery(filter, true)}`, (signal) => adminApi.listAudit(org, filter, signal), { keepStale: true });
  const chain = useApi(`audit-chain:${org}`, (signal) => adminApi.chainStatus(org, signal));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  const filterError = entries.load.state === 'error' && entries.load.error.field !== undefined ? entries.load.error : null;

  return (
    <>
      <section className="panel" aria-labelledby="chain-heading">
        <h2 id="chain-heading">Hashkedjan</h2>
        {chain.load.state === 'loading' && <Loading what="kontrollen av kedjan" />}
        {chain.load.state === 'error' && <ErrorNotice error={chain.load.error} />}
        {chain.load.state === 'ok' &&
          (chain.load.value.intact ? (
            <p className="balance balance-ok" id="chain-status">
              <CheckIcon /> Kedjan är obruten: {chain.load.value.entries} poster kontrollerade.
            </p>
          ) : (
            <div id="chain-status">
              <p className="balance balance-warning">
                <WarningIcon /> Kedjan är bruten: loggen har ändrats utanför Ramplan.
              </p>
              <ul>
                {chain.load.value.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ))}
        {chain.load.state === 'ok' && chain.load.value.headHash !== null && (
          <p className="hint">
            Senaste hash: <code>{chain.load.value.headHash}</code>. Spara den utanför Ramplan för att kunna visa att ingen skrivit om hela kedjan.
          </p>
        )}
        <button type="button" className="button" onClick={chain.reload}>
          Kontrollera igen
        </button>
      </section>

      <form className="context-bar" aria-label="Urval" onSubmit={apply} noValidate>
        <div className="field field-inline">
          <label htmlFor="audit-from">Från (dag)</label>
          <input id="audit-from" type="date" value={draft.from} aria-invalid={filterError?.field === 'from' || undefined}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field field-inline">
          <label htmlFor="audit-to">Till och med (dag)</label>
          <input id="audit-to" type="date" value={draft.to} aria-invalid={filterError?.field === 'to' || undefined}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="field field-inline">
          <label htmlFor="audit-actor">Användare</label>
          <input id="audit-actor" value={draft.actor} spellCheck={false} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
        </div>
        <div className="field field-inline">
          <label htmlFor="audit-limit">Antal</label>
          <select id="audit-limit" value={draft.limit} onChange={(e) => setDraft({ ...draft, limit: Number(e.target.value) })}>
            {[50, 200, 1000, 5000].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary">
          Visa
        </button>
        <a className="button" href={adminApi.auditCsvHref(org, filter)} download>
          Exportera CSV
        </a>
      </form>
      <p className="hint">Tider i UTC. Exporten tar med alla poster i urvalet (semikolonavgränsad, öppnas i Excel).</p>

      {entries.load.state === 'loading' && <Loading what="granskningsloggen" />}
      {entries.load.state === 'error' && <ErrorNotice error={entries.load.error} />}
      {entries.load.state === 'ok' && (
        <div className="table-scroll">
          <table className="data-table" id="audit-table">
            <caption>
              {entries.load.value.entries.length} poster, nyaste först{entries.load.value.more ? ' (fler finns: öka antalet eller exportera)' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Nr</th>
                <th scope="col">Tidpunkt (UTC)</th>
                <th scope="col">Användare</th>
                <th scope="col">Händelse</th>
                <th scope="col">Objekt</th>
                <th scope="col">Före</th>
                <th scope="col">Efter</th>
              </tr>
            </thead>
            <tbody>
              {entries.load.value.entries.map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td>
                    <time dateTime={e.at}>{time.format(new Date(e.at))}</time>
                  </td>
                  <td>{e.actor}</td>
                  <th scope="row">{e.action}</th>
                  <td>
                    {e.entity} {e.entityId}
                  </td>
                  <td>{describeValue(e.before)}</td>
                  <td>{describeValue(e.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
