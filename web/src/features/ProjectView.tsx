// One project: the rule checks in words, the budget per year (staff at unit cost, flat rate), the
// financing plan per funder and year, and the cash flow with claims and pre-financing per month.
import type { Org } from '../api-types.ts';
import { ColumnChart } from '../charts/ColumnChart.tsx';
import { ChartFigure } from '../charts/ChartFigure.tsx';
import { ErrorNotice, ExampleBadge, Loading } from '../components/notices.tsx';
import { WarningIcon } from '../components/icons.tsx';
import { FINANCING_TYPES, formatKr, formatKrExact, formatNumberSv, formatTkr, ORE_PER_TKR, sumOre } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { ProjectDetail } from '../feature-types.ts';
import { Link } from '../router.tsx';
import { routeHref } from '../routes.ts';
import { useApi } from '../use-api.ts';
import type { ResolvedView } from '../view-context.ts';
import { ProjectEditor } from './ProjectEditor.tsx';
import { canEditPlan } from './access.ts';
import { claimIntervalText } from './ProjectBasicsForm.tsx';
import { projectYearsWithRows } from './project-body.ts';
import { RuleStatus } from './ProjectsPage.tsx';

export function ProjectView({ org, view, code }: { org: Org; view: ResolvedView; code: string }) {
  const { load, reload } = useApi(`project:${org.code}:${code}`, (signal) => featureApi.getProject(org.code, code, signal), { keepStale: true });
  const back = routeHref({ name: 'projects', org: org.code, year: view.year, version: view.version.code, item: null });
  if (load.state === 'loading') return <Loading what="projektet" />;
  if (load.state === 'error') return <ErrorNotice error={load.error} action={<Link href={back}>Till projektregistret</Link>} />;
  const p = load.value;
  return (
    <>
      <p>
        <Link href={back}>← Alla projekt</Link>
      </p>
      <section className="panel" aria-labelledby="project-h">
        <h2 id="project-h">
          {p.name} {p.isExample && <ExampleBadge />}
        </h2>
        <p>
          {p.programme} · {p.statusLabel} · {p.startPeriod}–{p.endPeriod} · {p.flatRateLabel} · ansökan om utbetalning {claimIntervalText(p.claimIntervalMonths)},
          utbetalning cirka {p.paymentLagDays} dagar efter ansökan
        </p>
        <RuleStatus issues={p.issues.length} />
        {p.issues.length > 0 && (
          <div className="notice notice-error" id="project-issues">
            <WarningIcon />
            <div>
              <p>Projektet kan bara sparas som planerat (utkast) tills detta är åtgärdat:</p>
              <ul>
                {p.issues.map((i) => (
                  <li key={i.message}>{i.message}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </section>
      <BudgetTables p={p} />
      <CashFlowSection p={p} />
      {canEditPlan(org) && p.canEdit && <ProjectEditor org={org} view={view} p={p} onSaved={reload} />}
    </>
  );
}

function BudgetTables({ p }: { p: ProjectDetail }) {
  const lines = [...new Map(p.financing.map((f) => [`${f.funder}:${f.type}`, f])).values()];
  const years = projectYearsWithRows(p);
  const amount = (l: { funder: string; type: string }, year: number) => p.financing.find((f) => f.funder === l.funder && f.type === l.type && f.year === year)?.amountOre;
  const lineTotal = (l: { funder: string; type: string }) => sumOre(p.financing.filter((f) => f.funder === l.funder && f.type === l.type).map((f) => f.amountOre));
  // The financing types the plan uses, in the EU budget's order (a type no row has would be a column of dashes).
  const types = FINANCING_TYPES.filter((t) => p.financing.some((f) => f.type === t.code));
  const inKind = p.years.some((y) => y.inKindCostOre !== 0);
  return (
    <section className="panel" aria-labelledby="budget-h">
      <h2 id="budget-h">Budget och finansieringsplan</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Kostnader och finansiering per år">
        <table className="data-table" id="project-budget">
          <caption>Kostnader och finansiering per år och finansieringstyp</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col" className="num">Personal</th>
              <th scope="col" className="num">Övriga direkta</th>
              <th scope="col" className="num">Schablon</th>
              <th scope="col" className="num">Kostnad</th>
              {inKind && (
                <th scope="col" className="num">
                  därav in natura
                </th>
              )}
              {types.map((t) => (
                <th scope="col" className="num" key={t.code} title={t.name}>
                  {t.short}
                </th>
              ))}
              <th scope="col" className="num">Finansiering</th>
            </tr>
          </thead>
          <tbody>
            {p.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="num">{formatKr(y.staffOre)}</td>
                <td className="num">{formatKr(y.directOtherOre)}</td>
                <td className="num">{formatKr(y.flatRateOre)}</td>
                <td className="num">{formatKr(y.totalOre)}</td>
                {inKind && <td className="num">{y.inKindCostOre === 0 ? '–' : formatKr(y.inKindCostOre)}</td>}
                {types.map((t) => (
                  <td className="num" key={t.code} data-type={t.code}>
                    {y.byType[t.code] === 0 ? '–' : formatKr(y.byType[t.code])}
                  </td>
                ))}
                <td className="num">{formatKr(y.financingOre)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lines.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Finansieringsplan per finansiär och finansieringstyp">
          <table className="data-table" id="financing-plan">
            <caption>Finansieringsplan per finansiär, finansieringstyp och år</caption>
            <thead>
              <tr>
                <th scope="col">Finansiär</th>
                <th scope="col">Finansieringstyp</th>
                {years.map((y) => (
                  <th scope="col" className="num" key={y.year}>
                    {y.inPeriod ? y.year : `${y.year} (utanför perioden)`}
                  </th>
                ))}
                <th scope="col" className="num">Summa</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={`${l.funder}:${l.type}`} data-line={`${l.funder}:${l.type}`}>
                  <th scope="row">{l.funderName}</th>
                  <td>{l.typeName}</td>
                  {years.map((y) => {
                    const a = amount(l, y.year);
                    return (
                      <td className="num" key={y.year}>
                        {a === undefined ? '–' : formatKr(a)}
                      </td>
                    );
                  })}
                  <td className="num">{formatKr(lineTotal(l))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">Medfinansiering i annat än pengar (bidrag in natura) står lika stort bland kostnaderna och i finansieringen men blir varken intäkt eller kostnad i nämndens plan och kassaflöde.</p>
        </div>
      )}
      {p.staff.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Personal">
          <table className="data-table">
            <caption>
              Personal som enhetskostnad (månadslön × 12 / 1 720 timmar, uppräknad {p.staffUpliftPercent.toString().replace('.', ',')} % per år efter projektets första år)
            </caption>
            <thead>
              <tr>
                <th scope="col">Roll</th>
                <th scope="col">År</th>
                <th scope="col" className="num">Månadslön</th>
                <th scope="col" className="num">Timpris</th>
                <th scope="col" className="num">Timmar</th>
                <th scope="col" className="num">Kostnad</th>
              </tr>
            </thead>
            <tbody>
              {p.staff.map((s) => (
                <tr key={`${s.role}-${s.year}-${s.monthlySalaryOre}-${s.hours}`}>
                  <th scope="row">{s.role}</th>
                  <td>{s.year}</td>
                  <td className="num">{formatKrExact(s.monthlySalaryOre)}</td>
                  <td className="num">{formatKrExact(s.hourlyRateOre)}</td>
                  <td className="num">{formatNumberSv(s.hours, Number.isInteger(s.hours) ? 0 : 1)}</td>
                  <td className="num">{formatKr(s.costOre)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CashFlowSection({ p }: { p: ProjectDetail }) {
  const cf = p.cashFlow;
  return (
    <section className="panel" aria-labelledby="cash-h">
      <h2 id="cash-h">Kassaflöde och förfinansiering</h2>
      <p>
        Störst förfinansiering: {formatKr(cf.maxPreFinancedOre)}
        {cf.maxPreFinancedPeriod !== null && ` (${cf.maxPreFinancedPeriod})`}.
      </p>
      <ChartFigure
        chart={
          <ColumnChart
            title="Förfinansiering per månad"
            description={`Det nämnden ligger ute med för finansiärernas andel, månad för månad; som mest ${formatKr(cf.maxPreFinancedOre)}${cf.maxPreFinancedPeriod === null ? '' : ` i ${cf.maxPreFinancedPeriod}`}.`}
            categories={cf.months.map((m) => m.period)}
            series={[{ key: 'pre', name: 'Förfinansiering', values: cf.months.map((m) => m.preFinancedOre) }]}
            formatTick={(v) => `${Math.round(v / ORE_PER_TKR)} tkr`}
          />
        }
        table={
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Kassaflöde per månad">
            <table className="data-table">
              <caption>Kassaflöde per månad</caption>
              <thead>
                <tr>
                  <th scope="col">Månad</th>
                  <th scope="col" className="num">Kostnad</th>
                  <th scope="col" className="num">Finansiärernas andel</th>
                  <th scope="col" className="num">Ansökt</th>
                  <th scope="col" className="num">Utbetalt</th>
                  <th scope="col" className="num">Förfinansierat</th>
                </tr>
              </thead>
              <tbody>
                {cf.months.map((m) => (
                  <tr key={m.period}>
                    <th scope="row">{m.period}</th>
                    <td className="num">{formatTkr(m.costOre)}</td>
                    <td className="num">{formatTkr(m.externalShareOre)}</td>
                    <td className="num">{formatTkr(m.claimedOre)}</td>
                    <td className="num">{formatTkr(m.paidOre)}</td>
                    <td className="num">{formatTkr(m.preFinancedOre)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        }
      />
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Ansökningar om utbetalning">
        <table className="data-table" id="claims-table">
          <caption>Ansökningar om utbetalning</caption>
          <thead>
            <tr>
              <th scope="col">Nr</th>
              <th scope="col">Period</th>
              <th scope="col" className="num">Belopp</th>
              <th scope="col">Ansökan</th>
              <th scope="col">Utbetalning (beräknad)</th>
            </tr>
          </thead>
          <tbody>
            {cf.claims.map((c) => (
              <tr key={c.number}>
                <th scope="row">{c.number}</th>
                <td>
                  {c.fromPeriod}–{c.toPeriod}
                </td>
                <td className="num">{formatKr(c.amountOre)}</td>
                <td>{c.claimDay}</td>
                <td>{c.paymentDay}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
