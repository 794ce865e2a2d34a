// Samverkan med kommunerna: the collaboration agreement, each year's contributions per municipality
// as a table and a chart (exportable), the report per municipality, forums and meetings, follow-up
// and the final evaluation; editors also set totals, import the key and log what happens.
import { useState } from 'react';
import type { Org } from '../api-types.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { ChartFigure } from '../charts/ChartFigure.tsx';
import { WarningIcon } from '../components/icons.tsx';
import { ErrorNotice, ExampleBadge, Loading, ReadOnlyNotice } from '../components/notices.tsx';
import { agreementOverlaps, formatKr, formatKrExact, formatNumberSv, formatPercent } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { AgreementDetail } from '../feature-types.ts';
import { Link, navigate } from '../router.tsx';
import { routeHref } from '../routes.ts';
import { useApi } from '../use-api.ts';
import type { ResolvedView } from '../view-context.ts';
import { AgreementForms } from './AgreementForms.tsx';
import { FollowupSection, ForumsSection } from './AgreementLog.tsx';
import { NewAgreementForm } from './AgreementTermsForm.tsx';
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
  const href = (id: number) => routeHref({ name: 'agreements', org: org.code, year: view.year, version: view.version.code, item: String(id) });
  const create = canEditPlan(org) && (
    <NewAgreement
      org={org}
      year={view.year}
      open={agreements.length === 0}
      onCreated={(id) => {
        list.reload();
        navigate(href(id));
      }}
    />
  );
  const chosen =
    agreements.find((a) => String(a.id) === item) ??
    agreements.find((a) => a.firstYear <= view.year && view.year <= a.lastYear) ??
    agreements[agreements.length - 1];
  if (chosen === undefined) {
    return (
      <div className="agreements">
        <p>{org.name} har ingen samverkansöverenskommelse registrerad.</p>
        {create}
      </div>
    );
  }
  return (
    <div className="agreements">
      {agreements.length > 1 && (
        <nav aria-label="Överenskommelser">
          <ul className="inline-list">
            {agreements.map((a) => (
              <li key={a.id}>
                <Link href={href(a.id)} aria-current={a.id === chosen.id ? 'page' : undefined}>
                  {a.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Overlaps agreements={agreements} />
      <AgreementView key={chosen.id} org={org} id={chosen.id} viewYear={view.year} />
      {create}
    </div>
  );
}

/** Agreements whose periods overlap, said out loud: the underlag uses only one of them for those years. */
function Overlaps({ agreements }: { agreements: ReadonlyArray<{ id: number; name: string; firstYear: number; lastYear: number }> }) {
  const overlaps = agreementOverlaps(agreements);
  if (overlaps.length === 0) return null;
  const years = (from: number, to: number): string => (from === to ? String(from) : `${String(from)}–${String(to)}`);
  return (
    <div className="notice notice-warning" role="note" id="agreement-overlaps">
      <WarningIcon />
      <ul>
        {overlaps.map((o) => (
          <li key={`${String(o.used.id)}-${String(o.other.id)}`}>
            {`${o.used.name} och ${o.other.name} gäller båda ${years(o.from, o.to)}. Underlaget visar ${o.used.name} för ${o.from === o.to ? 'det året' : 'de åren'}.`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The form for a new agreement, folded away under its heading until asked for (open when there is none). */
function NewAgreement({ org, year, open, onCreated }: { org: Org; year: number; open: boolean; onCreated: (id: number) => void }) {
  return (
    <section className="panel" aria-labelledby="new-agreement-h">
      <h2 id="new-agreement-h">Ny överenskommelse</h2>
      <details className="fold" open={open}>
        <summary>Registrera en ny samverkansöverenskommelse</summary>
        <NewAgreementForm org={org} year={year} onCreated={onCreated} />
      </details>
    </section>
  );
}

function AgreementView({ org, id, viewYear }: { org: Org; id: number; viewYear: number }) {
  const { load, reload } = useApi(`agreement:${org.code}:${id}`, (signal) => featureApi.getAgreement(org.code, id, signal), { keepStale: true });
  if (load.state === 'loading') return <Loading what="överenskommelsen" />;
  if (load.state === 'error') return <ErrorNotice error={load.error} />;
  const a = load.value;
  const editable = a.canEdit && canEditPlan(org);
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
      <ForumsSection org={org} a={a} editable={editable} onChanged={reload} />
      <FollowupSection org={org} a={a} editable={editable} onChanged={reload} />
      {editable ? (
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
