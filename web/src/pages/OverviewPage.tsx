// Översikt: the committee for a chosen year and version — balance, revenue and costs by category,
// the multi-year plan with its scenarios, and the result history.
import { api } from '../api.ts';
import type { Org, PlanVersion } from '../api-types.ts';
import { ErrorNotice, ExampleBadge, Loading } from '../components/notices.tsx';
import { BalancePanel } from '../overview/BalancePanel.tsx';
import { CategorySection } from '../overview/CategorySection.tsx';
import { PlanSection } from '../overview/PlanSection.tsx';
import { ResultsSection } from '../overview/ResultsSection.tsx';
import { ProjectEndingNotice } from '../overview/ProjectEndingNotice.tsx';
import { useApi } from '../use-api.ts';
import { periodLabel, type ResolvedView } from '../view-context.ts';

interface Props {
  org: Org;
  versions: PlanVersion[];
  view: ResolvedView;
  scenario: string | null;
}

/** The plan shown is the chosen version when it is a plan, else the committee's current budget. */
function planVersionFor(view: ResolvedView, versions: PlanVersion[]): PlanVersion | undefined {
  if (view.version.kind !== 'actual') return view.version;
  return versions.find((v) => v.kind === 'budget' && v.status === 'draft') ?? versions.find((v) => v.kind === 'budget');
}

export function OverviewPage({ org, versions, view, scenario }: Props) {
  const planVersion = planVersionFor(view, versions);
  const { load } = useApi(`summary:${org.code}:${view.version.code}:${view.year}`, (signal) =>
    api.getSummary(org.code, view.year, view.version.code, signal),
  );
  return (
    <div className="overview">
      <p className="page-lead">
        {org.name} · {periodLabel(view.version, view.year)}
        {(load.state === 'ok' ? load.value.isExample : view.version.isExample) && <ExampleBadge />}
      </p>
      {load.state === 'loading' && <Loading what="översikten" />}
      {load.state === 'error' && <ErrorNotice error={load.error} />}
      {load.state === 'ok' && (
        <>
          <BalancePanel summary={load.value} />
          <div className="two-columns">
            <CategorySection
              id="revenue"
              heading="Intäkter per kategori"
              noun="intäkter"
              year={view.year}
              items={load.value.revenue}
              totalOre={load.value.totalRevenueOre}
            />
            <CategorySection
              id="costs"
              heading="Kostnader per kategori"
              noun="kostnader"
              year={view.year}
              items={load.value.costs}
              totalOre={load.value.totalCostOre}
            />
          </div>
        </>
      )}
      {planVersion !== undefined && <ProjectEndingNotice orgCode={org.code} firstYear={planVersion.firstYear} lastYear={planVersion.lastYear} />}
      <PlanSection
        orgCode={org.code}
        planVersion={planVersion}
        viewYear={view.year}
        viewVersion={view.version.code}
        scenario={scenario}
      />
      <ResultsSection orgCode={org.code} />
    </div>
  );
}
