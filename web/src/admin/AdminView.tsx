// The administration of an organisation (users and roles, the audit trail) in a frame of its own:
// it is not about a plan version, so it has no version or year controls.
import { useEffect, useRef } from 'react';
import { api } from '../api.ts';
import type { SessionUser } from '../api-types.ts';
import { ErrorNotice, Loading } from '../components/notices.tsx';
import { Link } from '../router.tsx';
import { adminHref, routeHref, type AdminPage } from '../routes.ts';
import { useApi } from '../use-api.ts';
import { AuditPage } from './AuditPage.tsx';
import { UsersPage } from './UsersPage.tsx';
import './admin.css';

interface Props {
  route: { org: string; page: AdminPage };
  user: SessionUser;
  onLogout: () => void;
}

const titles: Record<AdminPage, string> = { users: 'Användare och roller', audit: 'Granskningslogg' };

export function AdminView({ route, user, onLogout }: Props) {
  const orgs = useApi('orgs', (signal) => api.getOrgs(signal));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const org = orgs.load.state === 'ok' ? orgs.load.value.find((o) => o.code === route.org) : undefined;
  const title = titles[route.page];

  useEffect(() => {
    document.title = `${title} · ${org?.name ?? route.org} · Ramplan`;
  }, [title, org, route.org]);
  useEffect(() => {
    headingRef.current?.focus();
  }, [route.page]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Ramplan
        </Link>
        <p className="topbar-context">Administration · {org?.name ?? route.org}</p>
        <div className="topbar-user">
          <span className="user-name">{user.displayName}</span>
          <button type="button" className="button button-quiet" onClick={onLogout}>
            Logga ut
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Administration">
        <ul>
          <li>
            <Link href={routeHref({ name: 'overview', org: route.org, year: null, version: null, scenario: null })}>Tillbaka till översikten</Link>
          </li>
          <li>
            <Link href={adminHref(route.org, 'users')} aria-current={route.page === 'users' ? 'page' : undefined}>
              Användare
            </Link>
          </li>
          <li>
            <Link href={adminHref(route.org, 'audit')} aria-current={route.page === 'audit' ? 'page' : undefined}>
              Granskningslogg
            </Link>
          </li>
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <h1 ref={headingRef} tabIndex={-1} className="page-title">
          {title}
        </h1>
        {orgs.load.state === 'loading' && <Loading what="organisationerna" />}
        {orgs.load.state === 'error' && <ErrorNotice error={orgs.load.error} />}
        {route.page === 'users' && <UsersPage org={route.org} />}
        {route.page === 'audit' && <AuditPage org={route.org} />}
      </main>
    </div>
  );
}
