// Loads what every committee view needs (organisations, versions), settles the year and version the
// URL leaves open, writes them back into the URL, and shows the section inside the app frame.
import { useEffect } from 'react';
import { api } from '../api.ts';
import type { SessionUser } from '../api-types.ts';
import { AppShell } from '../components/AppShell.tsx';
import { ErrorNotice, Loading } from '../components/notices.tsx';
import { Link, navigate } from '../router.tsx';
import { routeHref, type FeatureSection, type Route } from '../routes.ts';
import { FeatureView } from './FeatureView.tsx';
import { useApi } from '../use-api.ts';
import { resolveView } from '../view-context.ts';
import { BudgetPage } from './BudgetPage.tsx';
import { OverviewPage } from './OverviewPage.tsx';
import { UnderlagPage } from '../underlag/UnderlagPage.tsx';
import { SieImportPage } from '../sie/SieImportPage.tsx';

type OrgRoute = Extract<Route, { name: 'overview' | 'budget' | FeatureSection | 'underlag' | 'sie' }>;

interface Props {
  route: OrgRoute;
  user: SessionUser;
  onLogout: () => void;
}

export function OrgView({ route, user, onLogout }: Props) {
  const orgs = useApi('orgs', (signal) => api.getOrgs(signal));
  const versions = useApi(`versions:${route.org}`, (signal) => api.getVersions(route.org, signal));

  const resolved = versions.load.state === 'ok' ? resolveView(versions.load.value, route.version, route.year) : null;

  // A complete URL can be mailed: fill in the year and version that were chosen by default.
  useEffect(() => {
    if (resolved === null) return;
    if (route.year !== resolved.year || route.version !== resolved.version.code) {
      navigate(routeHref({ ...route, year: resolved.year, version: resolved.version.code }), { replace: true });
    }
  }, [resolved, route]);

  if (orgs.load.state === 'error' || versions.load.state === 'error') {
    const failed = orgs.load.state === 'error' ? orgs.load : versions.load;
    return (
      <main className="page-center" id="main">
        <h1>Det gick inte att öppna nämnden</h1>
        {failed.state === 'error' && <ErrorNotice error={failed.error} />}
        <p>
          <Link href="/">Till startsidan</Link>
        </p>
      </main>
    );
  }
  if (orgs.load.state === 'loading' || versions.load.state === 'loading') {
    return (
      <main className="page-center" id="main">
        <Loading what="nämndens uppgifter" />
      </main>
    );
  }
  const org = orgs.load.value.find((o) => o.code === route.org);
  if (org === undefined || resolved === null) {
    return (
      <main className="page-center" id="main">
        <h1>Nämnden finns inte</h1>
        <p>
          {org === undefined
            ? `Det finns ingen organisation med koden ”${route.org}” som du har tillgång till.`
            : 'Nämnden har ännu inga versioner av plan och budget.'}
        </p>
        <p>
          <Link href="/">Till startsidan</Link>
        </p>
      </main>
    );
  }

  const shell = {
    user,
    orgs: orgs.load.value,
    org,
    versions: versions.load.value,
    view: resolved,
    onLogout,
  };
  if (route.name === 'underlag') {
    return (
      <AppShell {...shell} section="underlag" title="Underlag">
        <UnderlagPage org={org} view={resolved} item={route.item} />
      </AppShell>
    );
  }
  if (route.name === 'sie') {
    return (
      <AppShell {...shell} section="sie" title="Import (SIE)">
        <SieImportPage org={org} />
      </AppShell>
    );
  }
  if (route.name !== 'overview' && route.name !== 'budget') return <FeatureView route={route} shell={shell} />;
  if (route.name === 'overview') {
    return (
      <AppShell {...shell} section="overview" title="Översikt">
        <OverviewPage org={org} versions={versions.load.value} view={resolved} scenario={route.scenario} />
      </AppShell>
    );
  }
  return (
    <AppShell {...shell} section="budget" title="Budget">
      <BudgetPage org={org} view={resolved} />
    </AppShell>
  );
}
