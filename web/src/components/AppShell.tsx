// The frame around every view of a committee: the banner with the chosen committee, year and version;
// the side navigation; and the context controls that change them (each change is a new URL).
import { useEffect, useRef, type ReactNode } from 'react';
import type { Org, PlanVersion, SessionUser } from '../api-types.ts';
import { Link, navigate, useLocationHref } from '../router.tsx';
import { sectionHref, type SectionName, type ViewState } from '../routes.ts';
import { committees } from '../org-tree.ts';
import { contextLabel, yearForVersion, yearsOf, type ResolvedView } from '../view-context.ts';
import { LockIcon } from './icons.tsx';
import { isAdminOf } from '../admin/access.ts';
import { adminHref } from '../routes.ts';
import { canImportSie } from '../sie/api.ts';

interface Props {
  user: SessionUser;
  orgs: Org[];
  org: Org;
  versions: PlanVersion[];
  view: ResolvedView;
  section: SectionName;
  title: string;
  onLogout: () => void;
  children: ReactNode;
}

const sections: { name: SectionName; label: string }[] = [
  { name: 'overview', label: 'Översikt' },
  { name: 'budget', label: 'Budget' },
  { name: 'projects', label: 'Projekt' },
  { name: 'agreements', label: 'Samverkan med kommunerna' },
  { name: 'goals', label: 'Mål och indikatorer' },
  { name: 'underlag', label: 'Underlag' },
  { name: 'sie', label: 'Import (SIE)' },
];

function roleLabel(user: SessionUser, orgCode: string): string | null {
  const role = user.roles.find((r) => r.orgCode === orgCode);
  return role ? role.roleName.toLowerCase() : null;
}

export function AppShell({ user, orgs, org, versions, view, section, title, onLogout, children }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const href = useLocationHref();
  const pathname = href.split('?')[0] ?? href;
  const previousPath = useRef(pathname);
  const context = contextLabel(org.name, view.version, view.year);
  const current: ViewState = { org: org.code, year: view.year, version: view.version.code };
  const adopted = view.version.kind !== 'actual' && view.version.status === 'adopted';
  const role = roleLabel(user, org.code);

  useEffect(() => {
    document.title = `${title} · ${context} · Ramplan`;
  }, [title, context]);

  // A new section is a new page to a screen reader: move focus to its heading. A new year or version
  // in the same section keeps focus where the user is (on the control they changed).
  useEffect(() => {
    if (previousPath.current !== pathname) headingRef.current?.focus();
    previousPath.current = pathname;
  }, [pathname]);

  const go = (next: ViewState) => navigate(sectionHref(section, next));

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
        <p className="topbar-context">{context}</p>
        <div className="topbar-user">
          {user.demo && <span className="badge badge-demo">Demo</span>}
          <span className="user-name">
            {user.displayName}
            {role !== null && <span className="visually-hidden">, {role}</span>}
          </span>
          <button type="button" className="button button-quiet" onClick={onLogout}>
            Logga ut
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Avsnitt">
        <ul>
          {sections.filter((s) => s.name !== 'sie' || canImportSie(org)).map((s) => (
            <li key={s.name}>
              <Link href={sectionHref(s.name, current)} aria-current={s.name === section ? 'page' : undefined}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
        {isAdminOf(user, orgs, org.code) && (
          <ul aria-label="Administration">
            <li>
              <Link href={adminHref(org.code, 'users')}>Användare</Link>
            </li>
            <li>
              <Link href={adminHref(org.code, 'audit')}>Granskningslogg</Link>
            </li>
          </ul>
        )}
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <form className="context-bar" aria-label="Vad som visas" onSubmit={(e) => e.preventDefault()}>
          <div className="field field-inline">
            <label htmlFor="ctx-org">Nämnd</label>
            <select id="ctx-org" value={org.code} onChange={(e) => go({ ...current, org: e.target.value, version: null, year: null })}>
              {committees(orgs).map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-inline">
            <label htmlFor="ctx-version">Version</label>
            <select
              id="ctx-version"
              value={view.version.code}
              onChange={(e) => {
                const next = versions.find((v) => v.code === e.target.value);
                if (next) go({ ...current, version: next.code, year: yearForVersion(next, view.year) });
              }}
            >
              {versions.map((v) => (
                <option key={v.code} value={v.code}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-inline">
            <label htmlFor="ctx-year">År</label>
            <select id="ctx-year" value={view.year} onChange={(e) => go({ ...current, year: Number(e.target.value) })}>
              {yearsOf(view.version)
                .toReversed()
                .map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
            </select>
          </div>
          {adopted && (
            <p className="badge badge-adopted">
              <LockIcon />
              Fastställd version – kan inte ändras
            </p>
          )}
        </form>
        <h1 ref={headingRef} tabIndex={-1} className="page-title">
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
