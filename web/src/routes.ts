// Every view has a URL, so a link can be mailed (docs/UX.md). This module is the pure mapping
// between a location (path + query) and a route; the router hook only feeds it window.location.

export interface ViewState {
  org: string;
  year: number | null;
  version: string | null;
}

export type Route =
  | { name: 'login'; next: string | null }
  | { name: 'home' }
  | ({ name: 'overview'; scenario: string | null } & ViewState)
  | ({ name: 'budget' } & ViewState)
  | ({ name: 'sie' } & ViewState)
  | ({ name: FeatureSection; item: string | null } & ViewState)
  | ({ name: 'underlag'; item: string | null } & ViewState)
  | { name: 'admin'; org: string; page: AdminPage }
  | { name: 'not-found'; path: string };

/** The sections of the agreement, projects and goals; `item` is an agreement id or a project code. */
export type FeatureSection = 'agreements' | 'projects' | 'goals';
const featureSlugs: Record<FeatureSection, string> = { agreements: 'samverkan', projects: 'projekt', goals: 'mal' };

export type SectionName = 'overview' | 'budget' | FeatureSection | 'underlag' | 'sie';

const sectionSlugs: Record<SectionName, string> = { overview: 'oversikt', budget: 'budget', ...featureSlugs, underlag: 'underlag', sie: 'import-sie' };

/** The administration of an organisation: users and roles, and the audit trail. */
export type AdminPage = 'users' | 'audit';
const adminSlugs: Record<AdminPage, string> = { users: 'anvandare', audit: 'granskningslogg' };

export function adminHref(org: string, page: AdminPage): string {
  return `/orgs/${encodeURIComponent(org)}/${adminSlugs[page]}`;
}

function parseYear(text: string | null): number | null {
  if (text === null || !/^\d{4}$/.test(text)) return null;
  return Number(text);
}

function nonEmpty(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : text;
}

/** A `next` target after login must be a path on this site, never another origin. */
export function safeNext(text: string | null): string | null {
  if (text === null || !text.startsWith('/') || text.startsWith('//') || text.startsWith('/\\')) return null;
  if (text.startsWith('/logga-in')) return null;
  return text;
}

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const parts = pathname.split('/').filter((p) => p !== '').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 1 && parts[0] === 'logga-in') return { name: 'login', next: safeNext(params.get('till')) };
  if (parts[0] === 'orgs' && parts[1] !== undefined && parts.length === 3) {
    const page = (Object.keys(adminSlugs) as AdminPage[]).find((k) => adminSlugs[k] === parts[2]);
    if (page !== undefined) return { name: 'admin', org: parts[1], page };
  }
  if (parts[0] === 'orgs' && parts[1] !== undefined && parts.length <= 4) {
    const feature = (Object.keys(featureSlugs) as FeatureSection[]).find((k) => featureSlugs[k] === parts[2]);
    if (feature !== undefined) {
      return { name: feature, org: parts[1], year: parseYear(params.get('ar')), version: nonEmpty(params.get('version')), item: parts[3] ?? null };
    }
    if (parts[2] === sectionSlugs.underlag) {
      return { name: 'underlag', org: parts[1], year: parseYear(params.get('ar')), version: nonEmpty(params.get('version')), item: parts[3] ?? null };
    }
  }
  if (parts[0] === 'orgs' && parts[1] !== undefined && parts.length <= 3) {
    const view: ViewState = {
      org: parts[1],
      year: parseYear(params.get('ar')),
      version: nonEmpty(params.get('version')),
    };
    const slug = parts[2] ?? sectionSlugs.overview;
    if (slug === sectionSlugs.overview) return { name: 'overview', ...view, scenario: nonEmpty(params.get('scenario')) };
    if (slug === sectionSlugs.budget) return { name: 'budget', ...view };
    if (slug === sectionSlugs.sie) return { name: 'sie', ...view };
  }
  return { name: 'not-found', path: pathname };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'login':
      return route.next === null ? '/logga-in' : `/logga-in?${new URLSearchParams({ till: route.next }).toString()}`;
    case 'home':
      return '/';
    case 'overview':
    case 'budget':
    case 'sie': {
      const params = new URLSearchParams();
      if (route.year !== null) params.set('ar', String(route.year));
      if (route.version !== null) params.set('version', route.version);
      if (route.name === 'overview' && route.scenario !== null) params.set('scenario', route.scenario);
      const query = params.toString();
      const path = `/orgs/${encodeURIComponent(route.org)}/${sectionSlugs[route.name]}`;
      return query === '' ? path : `${path}?${query}`;
    }
    case 'agreements':
    case 'projects':
    case 'goals':
    case 'underlag': {
      const params = new URLSearchParams();
      if (route.year !== null) params.set('ar', String(route.year));
      if (route.version !== null) params.set('version', route.version);
      const query = params.toString();
      const item = route.item === null ? '' : `/${encodeURIComponent(route.item)}`;
      const path = `/orgs/${encodeURIComponent(route.org)}/${sectionSlugs[route.name]}${item}`;
      return query === '' ? path : `${path}?${query}`;
    }
    case 'admin':
      return adminHref(route.org, route.page);
    case 'not-found':
      return route.path;
  }
}

/** The same org, year and version in another section: the context follows the user around. */
export function sectionHref(section: SectionName, view: ViewState): string {
  if (section === 'overview') return routeHref({ name: 'overview', ...view, scenario: null });
  if (section !== 'budget' && section !== 'sie') return routeHref({ name: section, ...view, item: null });
  return routeHref({ name: section, ...view });
}
