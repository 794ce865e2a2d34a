// Samverkan med kommunerna: the collaboration agreement, each year's contributions per municipality
// as a table and a chart (exportable), the report per municipality, forums and meetings, follow-up
// and the final evaluation; editors also set totals, import the key and log what happens.
import { useState } from 'react';
import type { Org } from '../api-types.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { ChartFigure } from '../charts/ChartFigure.tsx';
import { ErrorNotice, ExampleBadge, Loading, ReadOnlyNotice } from '../components/notices.tsx';
import { formatKr, formatKrExact, formatNumberSv, formatPercent } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { AgreementDetail } from '../feature-types.ts';
import { Link } from '../router.tsx';
import { routeHref } from '../routes.ts';
import { useApi } from '../use-api.ts';
import type { ResolvedView } from '../view-context.ts';
import { AgreementForms } from './AgreementForms.tsx';
import { canEditPlan } from './access.ts';

interface Props {
  org: Org;
  view: ResolvedView;
  item: string | null;
}

const keySourceText = { entered: 'inmatad folkmängd', csv: 'folkmängd importerad från CSV', kolada: 'folkmängd från Kolada (N01951)' } as const;

export function AgreementsPage({ org, view, item }: Props) {
  const list = useApi(`agreements:${org.code}`, (signal) => featureApi.getAgreements(org.code, signal));
  if (list.load.state === 'loading') return <Loading what="överenskommelserna" />;
  if (list.load.state === 'error') return <ErrorNotice error={list.load.error} />;
  const agreements = list.load.value;
  if (agreements.length === 0) return <p>{org.name} har ingen samverkansöverenskommelse registrerad.</p>;
  const chosen =
    agreements.find((a) => String(a.id) === item) ??
    agreements.find((a) => a.firstYear <= view.year && view.year <= a.lastYear) ??
    agreements[agreements.length - 1];
  if (chosen === undefined) return null;
  return (
    <div className="agreements">
      {agreements.length > 1 && (
        <nav aria-label="Överenskommelser">
          <ul className="inline-list">
            {agreements.map((a) => (
              <li key={a.id}>
                <Link
                  href={routeHref({ name: 'agreements', org: org.code, year: view.year, version: view.version.code, item: String(a.id) })}
                  aria-current={a.id === chosen.id ? 'page' : undefined}
                >
                  {a.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <AgreementView org={org} id={chosen.id} viewYear={view.year} />
    </div>
  );
}

function AgreementView({ org, id, viewYear }: { org: Org; id: number; viewYear: number }) {
  const { load, reload } = useApi(`agreement:${org.code}:${id}`, (signal) => featureApi.getAgreement(org.code, id, signal), { keepStale: true });
  if (load.state === 'loading') return <Loading what="överenskommelsen" />;
  if (load.state === 'error') return <ErrorNotice error={load.error} />;
  const a = load.value;
  return (
    <>
      <section className="panel" aria-labelledby="agreement-h">
        <h2 id="agreement-h">
          {a.name} {a.isExample && <ExampleBadge />}
        </h2>
        <p>{a.description}</p>
        <p>
          Avtalsperiod {a.firstYear}–{a.lastYear} · {a.parties.length} kommuner · årlig uppräkning {formatPercent(a.upliftPercent, 1)}
        </p>
        <YearTotals a={a} />
      </section>
      <Contributions org={org} a={a} initialYear={viewYear >= a.firstYear && viewYear <= a.lastYear ? viewYear : a.firstYear} />
      <Forums a={a} />
      <section className="panel" aria-labelledby="followup-h">
        <h2 id="followup-h">Uppföljning</h2>
        {a.followups.length === 0 ? (
          <p>Inga uppföljningar är registrerade.</p>
        ) : (
          <ul>
            {a.followups.map((f) => (
              <li key={f.id}>
                <strong>{f.label}</strong>
                {f.municipalityCode !== null && ` (${a.parties.find((p) => p.code === f.municipalityCode)?.name ?? f.municipalityCode})`}: {f.text}
              </li>
            ))}
          </ul>
        )}
        <h3>Slututvärdering</h3>
        <p>{a.evaluation ? `${a.evaluation.day}: ${a.evaluation.text}` : `Överenskommelsen utvärderas i sin helhet i slutet av avtalsperioden (${a.lastYear}).`}</p>
      </section>
      {a.canEdit && canEditPlan(org) ? (
        <AgreementForms org={org} a={a} onChanged={reload} />
      ) : (
        <ReadOnlyNotice>Du har läsbehörighet. Kontakta nämndens ekonom om något i överenskommelsen behöver ändras.</ReadOnlyNotice>
      )}
    </>
  );
}

function YearTotals({ a }: { a: AgreementDetail }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Totalbelopp per år</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col" className="num">Totalt</th>
            <th scope="col">Fördelningsnyckel</th>
          </tr>
        </thead>
        <tbody>
          {a.years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">{formatKr(y.totalOre)}</td>
              <td>{y.keySource === null ? `saknas: ${y.problems.join(' ')}` : keySourceText[y.keySource]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Contributions({ org, a, initialYear }: { org: Org; a: AgreementDetail; initialYear: number }) {
  const [year, setYear] = useState(initialYear);
  const y = a.years.find((x) => x.year === year);
  const rows = y?.contributions ?? null;
  const sorted = rows?.toSorted((p, q) => q.amountOre - p.amountOre) ?? [];
  const totalPopulation = sorted.reduce((s, r) => s + r.population, 0);
  return (
    <section className="panel" aria-labelledby="contrib-h">
      <h2 id="contrib-h">Kommunernas bidrag {year}</h2>
      <div className="field field-inline">
        <label htmlFor="contrib-year">År</label>
        <select id="contrib-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {a.years.map((x) => (
            <option key={x.year} value={x.year}>
              {x.year}
            </option>
          ))}
        </select>
      </div>
      <p className="button-row">
        <a className="button" href={featureApi.agreementExportHref(org.code, a.id, 'csv')} download>
          Exportera alla år (CSV)
        </a>
        <a className="button" href={featureApi.agreementExportHref(org.code, a.id, 'xlsx')} download>
          Exportera alla år (Excel)
        </a>
      </p>
      {rows === null || y === undefined ? (
        <ErrorNotice error={{ error: 'key', message: y?.problems.join(' ') ?? 'Året saknas.' }} />
      ) : (
        <ChartFigure
          chart={
            <BarChart
              title={`Kommunernas bidrag ${year}`}
              description={`Totalt ${formatKr(y.totalOre)}, fördelat efter folkmängd: ${sorted.map((r) => `${r.name} ${formatKr(r.amountOre)}`).join('; ')}.`}
              items={sorted.map((r) => ({ key: r.municipalityCode, label: r.name, value: r.amountOre, valueText: formatKr(r.amountOre) }))}
            />
          }
          tableOpen
          table={
            <div className="table-scroll">
              <table className="data-table" id="contributions-table">
                <caption>Bidrag per kommun {year} (största-restmetoden: summan är exakt årets totalbelopp)</caption>
                <thead>
                  <tr>
                    <th scope="col">Kommun</th>
                    <th scope="col" className="num">Folkmängd</th>
                    <th scope="col" className="num">Bidrag</th>
                    <th scope="col">Rapport till kommunen</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.municipalityCode} data-municipality={r.municipalityCode}>
                      <th scope="row">
                        {r.name} <span className="muted">{r.municipalityCode}</span>
                      </th>
                      <td className="num">{formatNumberSv(r.population, 0)}</td>
                      <td className="num">{formatKrExact(r.amountOre)}</td>
                      <td>
                        <a href={featureApi.municipalityReportHref(org.code, a.id, r.municipalityCode, 'html')} target="_blank" rel="noreferrer">
                          Rapport<span className="visually-hidden"> för {r.name}</span> (webb)
                        </a>{' '}
                        ·{' '}
                        <a href={featureApi.municipalityReportHref(org.code, a.id, r.municipalityCode, 'xlsx')} download>
                          Excel<span className="visually-hidden"> för {r.name}</span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="sum-row">
                    <th scope="row">Summa</th>
                    <td className="num">{formatNumberSv(totalPopulation, 0)}</td>
                    <td className="num">{formatKrExact(y.totalOre)}</td>
                    <td />
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

function Forums({ a }: { a: AgreementDetail }) {
  return (
    <section className="panel" aria-labelledby="forums-h">
      <h2 id="forums-h">Forum och möten</h2>
      {a.forums.map((f) => (
        <div key={f.id}>
          <h3>
            {f.name} <span className="muted">({f.kind === 'politicians' ? 'politiker' : 'tjänstepersoner'})</span>
          </h3>
          {f.meetings.length === 0 ? (
            <p>Inga möten loggade.</p>
          ) : (
            <ul>
              {f.meetings.map((m) => (
                <li key={m.id}>
                  {m.day}: {m.subject}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
