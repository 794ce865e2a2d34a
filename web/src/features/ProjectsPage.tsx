// Projekt: the registry of externally financed projects with what they bring to the plan years
// (and the revenue that ends with them); a project's budget, financing plan, rule checks and cash flow.
import type { Org } from '../api-types.ts';
import { ErrorNotice, ExampleBadge, Loading } from '../components/notices.tsx';
import { CheckIcon, WarningIcon } from '../components/icons.tsx';
import { formatTkr } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { ProjectListItem } from '../feature-types.ts';
import { Link } from '../router.tsx';
import { routeHref } from '../routes.ts';
import { useApi } from '../use-api.ts';
import type { ResolvedView } from '../view-context.ts';
import { NewProjectForm } from './NewProjectForm.tsx';
import { ProjectView } from './ProjectView.tsx';
import { canEditPlan } from './access.ts';

interface Props {
  org: Org;
  view: ResolvedView;
  item: string | null;
}

export function RuleStatus({ issues }: { issues: number }) {
  return issues === 0 ? (
    <span className="status-inline status-ok">
      <CheckIcon /> Följer reglerna
    </span>
  ) : (
    <span className="status-inline status-warning">
      <WarningIcon /> Bryter mot {issues === 1 ? 'en regel' : `${issues} regler`}
    </span>
  );
}

export function ProjectsPage({ org, view, item }: Props) {
  if (item !== null) return <ProjectView org={org} view={view} code={item} />;
  return <ProjectRegistry org={org} view={view} />;
}

function ProjectRegistry({ org, view }: { org: Org; view: ResolvedView }) {
  const { load, reload } = useApi(`projects:${org.code}`, (signal) => featureApi.getProjects(org.code, signal));
  const href = (p: ProjectListItem) => routeHref({ name: 'projects', org: org.code, year: view.year, version: view.version.code, item: p.code });
  return (
    <>
      <section className="panel" aria-labelledby="registry-h">
        <h2 id="registry-h">Projektregister {load.state === 'ok' && load.value.some((p) => p.isExample) && <ExampleBadge />}</h2>
        {load.state === 'loading' && <Loading what="projekten" />}
        {load.state === 'error' && <ErrorNotice error={load.error} />}
        {load.state === 'ok' && (
          <div className="table-scroll">
            <table className="data-table" id="projects-table">
              <caption>Externt finansierade projekt</caption>
              <thead>
                <tr>
                  <th scope="col">Projekt</th>
                  <th scope="col">Program</th>
                  <th scope="col">Status</th>
                  <th scope="col">Period</th>
                  <th scope="col" className="num">Kostnad</th>
                  <th scope="col" className="num">Finansiering</th>
                  <th scope="col">Kontroll</th>
                </tr>
              </thead>
              <tbody>
                {load.value.map((p) => (
                  <tr key={p.code} data-project={p.code}>
                    <th scope="row">
                      <Link href={href(p)}>{p.name}</Link>
                    </th>
                    <td>{p.programme}</td>
                    <td>{p.statusLabel}</td>
                    <td>
                      {p.startPeriod}–{p.endPeriod}
                    </td>
                    <td className="num">{formatTkr(p.totalCostOre)}</td>
                    <td className="num">{formatTkr(p.financingOre)}</td>
                    <td>
                      <RuleStatus issues={p.issueCount} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <PlanFeedSection org={org} view={view} />
      {canEditPlan(org) && <NewProjectForm org={org} onCreated={reload} />}
    </>
  );
}

function PlanFeedSection({ org, view }: { org: Org; view: ResolvedView }) {
  const first = view.version.firstYear;
  const last = Math.max(view.version.lastYear, first + 2);
  const { load } = useApi(`project-plan:${org.code}:${first}:${last}`, (signal) => featureApi.getProjectPlan(org.code, first, last, signal));
  return (
    <section className="panel" aria-labelledby="feed-h">
      <h2 id="feed-h">Projektens intäkter och kostnader i planen</h2>
      <p className="hint">Ansökta, beviljade och avslutade projekt. Schablonen för indirekta kostnader är en intäkt utan ny kostnad. Bidrag in natura är inga pengar och räknas varken som intäkt eller kostnad.</p>
      {load.state === 'loading' && <Loading what="projektens planår" />}
      {load.state === 'error' && <ErrorNotice error={load.error} />}
      {load.state === 'ok' && (
        <div className="table-scroll">
          <table className="data-table" id="project-plan-table">
            <caption>Per år {first}–{last}</caption>
            <thead>
              <tr>
                <th scope="col">År</th>
                <th scope="col" className="num">Projektintäkter</th>
                <th scope="col" className="num">Direkta kostnader</th>
                <th scope="col">Att bevaka</th>
              </tr>
            </thead>
            <tbody>
              {load.value.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className="num">{formatTkr(y.revenueOre)}</td>
                  <td className="num">{formatTkr(y.costOre)}</td>
                  <td>
                    {y.flags.length === 0
                      ? '–'
                      : y.flags.map((f) => (
                          <p key={f.project} className="status-inline status-warning">
                            <WarningIcon /> {f.message}
                          </p>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
