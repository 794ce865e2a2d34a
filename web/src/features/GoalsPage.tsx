// Mål och indikatorer: the strategy that applies (and its history), the committee's goals with their
// sub-strategies, indicators (target and outcome, women and men beside the total), activities and
// assessments; editors assess goals, record outcomes, fetch from Kolada and move to a new strategy,
// and change or delete each goal, indicator, activity and follow-up entry in place (GoalDetail).
import type { Org } from '../api-types.ts';
import { CheckIcon, WarningIcon } from '../components/icons.tsx';
import { ErrorNotice, ExampleBadge, Loading, ReadOnlyNotice } from '../components/notices.tsx';
import { formatNumberSv } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { GoalView, StrategiesView } from '../feature-types.ts';
import { useApi } from '../use-api.ts';
import type { ResolvedView } from '../view-context.ts';
import { GoalForms } from './GoalForms.tsx';
import { GoalEditForms } from './GoalEditForms.tsx';
import { GoalDetail } from './GoalDetail.tsx';
import { canEditPlan } from './access.ts';
import { useState } from 'react';

const num = (v: number | null | undefined, unit = '', decimals = v !== null && v !== undefined && !Number.isInteger(v) ? 1 : 0): string =>
  (v === null || v === undefined ? '–' : `${formatNumberSv(v, decimals)}${unit === '%' ? '\u00a0%' : ''}`);

/** One number of decimals for all of an indicator's figures: 82,0 % beside 79,7 %, never 82 %. */
function decimalsOf(i: { baselineValue: number | null; targetThisYear: number | null; latestOutcome: { total: number | null; women: number | null; men: number | null } | null }): number {
  const values = [i.baselineValue, i.targetThisYear, i.latestOutcome?.total ?? null, i.latestOutcome?.women ?? null, i.latestOutcome?.men ?? null];
  return values.some((v) => v !== null && !Number.isInteger(v)) ? 1 : 0;
}

export function GoalsPage({ org, view }: { org: Org; view: ResolvedView }) {
  const year = view.year;
  const strategies = useApi(`strategies:${org.code}:${year}`, (signal) => featureApi.getStrategies(org.code, year, signal), { keepStale: true });
  const goals = useApi(`goals:${org.code}:${year}`, (signal) => featureApi.getGoals(org.code, year, signal), { keepStale: true });
  const [deleted, setDeleted] = useState('');
  const reload = () => {
    strategies.reload();
    goals.reload();
  };
  return (
    <>
      {strategies.load.state === 'loading' && <Loading what="strategin" />}
      {strategies.load.state === 'error' && <ErrorNotice error={strategies.load.error} />}
      {strategies.load.state === 'ok' && <StrategySection s={strategies.load.value} year={year} />}
      {goals.load.state === 'loading' && <Loading what="målen" />}
      {goals.load.state === 'error' && <ErrorNotice error={goals.load.error} />}
      {goals.load.state === 'ok' && <GoalsTable goals={goals.load.value} year={year} />}
      <p role="status" className="save-status">
        {deleted}
      </p>
      {goals.load.state === 'ok' && goals.load.value.map((g) => (
        <GoalDetail key={g.id} g={g} org={org} year={year} strategies={strategies.load.state === 'ok' ? strategies.load.value : null} onChanged={reload}
          onDeleted={(message) => { setDeleted(message); reload(); }} />
      ))}
      {canEditPlan(org) && goals.load.state === 'ok' && strategies.load.state === 'ok' && (
        <GoalEditForms org={org} year={year} goals={goals.load.value} strategies={strategies.load.value} onChanged={reload} />
      )}
      {canEditPlan(org) && goals.load.state === 'ok' && strategies.load.state === 'ok' ? (
        <GoalForms org={org} year={year} goals={goals.load.value} strategies={strategies.load.value} onChanged={reload} />
      ) : (
        !canEditPlan(org) && <ReadOnlyNotice>Du har läsbehörighet. Bedömningar och utfall registreras av nämndens planerare och ekonom.</ReadOnlyNotice>
      )}
    </>
  );
}

function StrategySection({ s, year }: { s: StrategiesView; year: number }) {
  const current = s.strategies.find((x) => x.code === s.current);
  return (
    <section className="panel" aria-labelledby="strategy-h">
      <h2 id="strategy-h">Regional utvecklingsstrategi {year}</h2>
      {current === undefined ? (
        <p>Ingen strategi gäller {year}.</p>
      ) : (
        <>
          <p>{current.name}</p>
          <ol>
            {current.subStrategies.map((x) => (
              <li key={x.number}>{x.name}</li>
            ))}
          </ol>
        </>
      )}
      {s.periods.length > 1 && (
        <>
          <h3>Historik</h3>
          <ul>
            {s.periods.map((p) => (
              <li key={p.fromYear}>
                Från {p.fromYear}: {s.strategies.find((x) => x.code === p.strategyCode)?.name ?? p.strategyCode}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function GoalsTable({ goals, year }: { goals: GoalView[]; year: number }) {
  return (
    <section className="panel" aria-labelledby="goals-h">
      <h2 id="goals-h">
        Mål och indikatorer {year} {goals.some((g) => g.isExample) && <ExampleBadge />}
      </h2>
      {goals.length === 0 ? (
        <p>Nämnden har inga mål registrerade.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Måltabell">
          <table className="data-table" id="goals-table">
            <caption>Mål, delstrategier, indikatorer och bedömning {year}</caption>
            <thead>
              <tr>
                <th scope="col">Mål</th>
                <th scope="col">Indikator</th>
                <th scope="col" className="num">Utgångsvärde</th>
                <th scope="col" className="num">Målvärde {year}</th>
                <th scope="col" className="num">Utfall (kvinnor / män)</th>
                <th scope="col">Läge</th>
                <th scope="col">Bedömning</th>
              </tr>
            </thead>
            <tbody>
              {goals.flatMap((g) => {
                const assessment = g.assessments.filter((a) => a.period.startsWith(String(year))).at(-1);
                const rows = g.indicators.length === 0 ? [null] : g.indicators;
                return rows.map((i, n) => {
                  const d = i === null ? 0 : decimalsOf(i);
                  return (
                  <tr key={`${g.id}-${i?.id ?? 0}`} data-goal={g.id}>
                    {n === 0 && (
                      <th scope="row" rowSpan={rows.length}>
                        {g.title}
                        <br />
                        <span className="muted">{g.subStrategyNames.join('; ')}</span>
                      </th>
                    )}
                    <td>
                      {i === null ? '–' : i.name}
                      {i !== null && <span className="muted"> ({i.koladaKpi === null ? 'manuell' : `Kolada ${i.koladaKpi}`})</span>}
                    </td>
                    <td className="num">{i === null || i.baselineYear === null ? '–' : `${num(i.baselineValue, i.unit, d)} (${i.baselineYear})`}</td>
                    <td className="num">{i === null ? '–' : num(i.targetThisYear, i.unit, d)}</td>
                    <td className="num">
                      {i === null ? '–' : num(i.latestOutcome?.total, i.unit, d)}
                      {i !== null && i.genderSplit && i.latestOutcome !== null && (
                        <> <span className="by-sex">({num(i.latestOutcome.women, i.unit, d)} / {num(i.latestOutcome.men, i.unit, d)})</span></>
                      )}
                    </td>
                    <td>
                      {i === null ? '–' : (
                        <span className={`status-inline ${i.progress === 'reached' ? 'status-ok' : 'status-warning'}`}>
                          {i.progress === 'reached' ? <CheckIcon /> : <WarningIcon />} {i.progressLabel}
                        </span>
                      )}
                    </td>
                    {n === 0 && <td rowSpan={rows.length}>{assessment ? `${assessment.label} (${assessment.period})` : 'Ej bedömt'}</td>}
                  </tr>
                  );
                });
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
