// The multi-year plan for one uplift scenario, chosen in a radio group, and all scenarios side by side.
import { Fragment, useId } from 'react';
import { api } from '../api.ts';
import type { PlanResponse, PlanVersion } from '../api-types.ts';
import { planYearStatus } from '../balance.ts';
import { ChartFigure } from '../charts/ChartFigure.tsx';
import { ColumnChart, swatchClass } from '../charts/ColumnChart.tsx';
import { CheckIcon, WarningIcon } from '../components/icons.tsx';
import { ErrorNotice, ExampleBadge, Loading } from '../components/notices.tsx';
import { formatTkr, type Ore } from '../domain.ts';
import { navigate } from '../router.tsx';
import { routeHref } from '../routes.ts';
import { useApi } from '../use-api.ts';
import { tickTkr } from './ow-format.ts';

interface Props {
  orgCode: string;
  planVersion: PlanVersion | undefined;
  viewYear: number;
  viewVersion: string;
  scenario: string | null;
}

function yearHeading(plan: PlanResponse, year: number): string {
  return year === plan.years[0] ? `Budget ${year}` : `Plan ${year}`;
}

export function PlanSection({ orgCode, planVersion, viewYear, viewVersion, scenario }: Props) {
  const groupId = useId();
  const key = planVersion ? `plan:${orgCode}:${planVersion.code}:${scenario ?? ''}` : null;
  const { load } = useApi(
    key,
    (signal) => api.getPlan(orgCode, planVersion?.code ?? '', scenario, signal),
    { keepStale: true },
  );

  const chooseScenario = (code: string) =>
    navigate(routeHref({ name: 'overview', org: orgCode, year: viewYear, version: viewVersion, scenario: code }), { replace: true });

  let body;
  if (planVersion === undefined) {
    body = <p>Nämnden har ännu ingen budgetversion med plan för kommande år.</p>;
  } else if (load.state === 'loading') {
    body = <Loading what="flerårsplanen" />;
  } else if (load.state === 'error') {
    body = <ErrorNotice error={load.error} />;
  } else {
    const plan = load.value;
    const selected = plan.scenarios.find((s) => s.code === plan.scenario);
    const amountFor = (amounts: { year: number; amountOre: Ore }[], year: number) =>
      amounts.find((a) => a.year === year);
    const revenueRows = plan.rows.filter((r) => r.kind === 'revenue');
    const costRows = plan.rows.filter((r) => r.kind === 'cost');
    const totalFor = (year: number) => plan.totals.find((t) => t.year === year);
    body = (
      <div aria-busy={load.refreshing}>
        {plan.isExample && <ExampleBadge />}
        <fieldset className="radio-group">
          <legend>Uppräkning av intäkterna per år</legend>
          {plan.scenarios.map((s) => (
            <label key={s.code} className="radio">
              <input
                type="radio"
                name={`${groupId}-scenario`}
                value={s.code}
                checked={s.code === (scenario ?? plan.scenario)}
                onChange={() => chooseScenario(s.code)}
              />
              {s.name}
            </label>
          ))}
        </fieldset>
        <div className="table-scroll" role="region" aria-labelledby={`${groupId}-cap`} tabIndex={0}>
          <table className="data-table plan-table">
            <caption id={`${groupId}-cap`}>
              Flerårsplan, {planVersion.name}, {selected?.name.toLowerCase() ?? plan.scenario} (tkr)
            </caption>
            <thead>
              <tr>
                <th scope="col">Kategori</th>
                {plan.years.map((y) => (
                  <th key={y} scope="col" className="num">
                    {yearHeading(plan, y)}
                  </th>
                ))}
              </tr>
            </thead>
            {[
              { label: 'Intäkter', rows: revenueRows, total: 'Summa intäkter', pick: 'revenueOre' as const },
              { label: 'Kostnader', rows: costRows, total: 'Summa kostnader', pick: 'costOre' as const },
            ].map((group) => (
              <tbody key={group.label}>
                <tr className="group-row">
                  <th scope="colgroup" colSpan={plan.years.length + 1}>
                    {group.label}
                  </th>
                </tr>
                {group.rows.map((r) => (
                  <tr key={r.category}>
                    <th scope="row" className="indent">
                      {r.name}
                    </th>
                    {plan.years.map((y) => {
                      const a = amountFor(r.amounts, y);
                      return (
                        <td key={y} className="num">
                          {a ? formatTkr(a.amountOre) : '–'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <tr className="sum-row">
                  <th scope="row">{group.total}</th>
                  {plan.years.map((y) => {
                    const t = totalFor(y);
                    return (
                      <td key={y} className="num">
                        {t ? formatTkr(t[group.pick]) : '–'}
                      </td>
                    );
                  })}
                </tr>
              </tbody>
            ))}
            <tbody>
              <tr className="sum-row">
                <th scope="row">Resultat</th>
                {plan.years.map((y) => {
                  const t = totalFor(y);
                  return (
                    <td key={y} className="num">
                      {t ? formatTkr(t.resultOre) : '–'}
                    </td>
                  );
                })}
              </tr>
              <tr>
                <th scope="row">Nettokostnad</th>
                {plan.years.map((y) => {
                  const t = totalFor(y);
                  return (
                    <td key={y} className="num">
                      {t ? formatTkr(t.netCostOre) : '–'}
                    </td>
                  );
                })}
              </tr>
              <tr>
                <th scope="row">Ram</th>
                {plan.years.map((y) => {
                  const t = totalFor(y);
                  return (
                    <td key={y} className="num">
                      {t?.frameOre == null ? 'Ingen ram' : formatTkr(t.frameOre)}
                    </td>
                  );
                })}
              </tr>
              <tr>
                <th scope="row">Balans</th>
                {plan.years.map((y) => {
                  const t = totalFor(y);
                  return (
                    <td key={y} className={t?.inBalance ? 'num status-ok' : 'num status-warning'}>
                      {t && (
                        <span className="status-inline">
                          {t.inBalance ? <CheckIcon /> : <WarningIcon />}
                          {planYearStatus(t)}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            </tbody>
          </table>
        </div>
        {plan.comparison.length > 0 && (
          <>
            <h3>Scenarier sida vid sida</h3>
            <ChartFigure
              chart={
                <ColumnChart
                  title="Resultat per år och uppräkningsscenario"
                  description={`Resultat per år i tkr för varje scenario. ${plan.comparison
                    .map((c) => `${c.name}: ${c.results.map((r) => `${r.year} ${formatTkr(r.resultOre)}`).join(', ')}`)
                    .join('. ')}.`}
                  categories={plan.years.map(String)}
                  series={plan.comparison.map((c) => ({
                    key: c.scenario,
                    name: c.name,
                    values: plan.years.map((y) => c.results.find((r) => r.year === y)?.resultOre ?? 0),
                  }))}
                  formatTick={tickTkr}
                />
              }
              legend={plan.comparison.map((c, i) => ({ key: c.scenario, name: `Resultat, ${c.name}`, swatch: swatchClass(i) }))}
              table={
                <div className="table-scroll">
                  <table className="data-table">
                    <caption>Resultat och nettokostnad per scenario (tkr)</caption>
                    <thead>
                      <tr>
                        <th scope="col" rowSpan={2}>
                          Scenario
                        </th>
                        {plan.years.map((y) => (
                          <th key={y} scope="colgroup" colSpan={2} className="num">
                            {y}
                          </th>
                        ))}
                      </tr>
                      <tr>
                        {plan.years.map((y) => (
                          <Fragment key={y}>
                            <th scope="col" className="num">
                              Resultat
                            </th>
                            <th scope="col" className="num">
                              Nettokostnad
                            </th>
                          </Fragment>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {plan.comparison.map((c) => (
                        <tr key={c.scenario} className={c.scenario === plan.scenario ? 'selected-row' : undefined}>
                          <th scope="row">
                            {c.name}
                            {c.scenario === plan.scenario && <span className="tag">vald</span>}
                          </th>
                          {plan.years.map((y) => {
                            const r = c.results.find((x) => x.year === y);
                            return (
                              <Fragment key={y}>
                                <td className="num">{r ? formatTkr(r.resultOre) : '–'}</td>
                                <td className="num">{r ? formatTkr(r.netCostOre) : '–'}</td>
                              </Fragment>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              }
            />
          </>
        )}
      </div>
    );
  }

  return (
    <section className="panel" aria-labelledby="plan-h">
      <h2 id="plan-h">Flerårsplan{planVersion ? ` ${planVersion.firstYear}–${planVersion.lastYear}` : ''}</h2>
      {body}
    </section>
  );
}
