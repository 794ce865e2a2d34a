// The sections beyond the budget (agreement, projects, goals) inside the app frame.
import type { Org, PlanVersion, SessionUser } from '../api-types.ts';
import { AppShell } from '../components/AppShell.tsx';
import type { FeatureSection, Route } from '../routes.ts';
import type { ResolvedView } from '../view-context.ts';
import { AgreementsPage } from '../features/AgreementsPage.tsx';
import { GoalsPage } from '../features/GoalsPage.tsx';
import { ProjectsPage } from '../features/ProjectsPage.tsx';

export interface Shell {
  user: SessionUser;
  orgs: Org[];
  org: Org;
  versions: PlanVersion[];
  view: ResolvedView;
  onLogout: () => void;
}

type FeatureRoute = Extract<Route, { name: FeatureSection }>;

const titles: Record<FeatureSection, string> = {
  agreements: 'Samverkan med kommunerna',
  projects: 'Projekt',
  goals: 'Mål och indikatorer',
};

export function FeatureView({ route, shell }: { route: FeatureRoute; shell: Shell }) {
  return (
    <AppShell {...shell} section={route.name} title={titles[route.name]}>
      {route.name === 'agreements' && <AgreementsPage org={shell.org} view={shell.view} item={route.item} />}
      {route.name === 'projects' && <ProjectsPage org={shell.org} view={shell.view} item={route.item} />}
      {route.name === 'goals' && <GoalsPage org={shell.org} view={shell.view} />}
    </AppShell>
  );
}
