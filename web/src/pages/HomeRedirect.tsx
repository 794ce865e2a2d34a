import { useEffect } from 'react';
import { api } from '../api.ts';
import { ErrorNotice, Loading } from '../components/notices.tsx';
import { navigate } from '../router.tsx';
import { routeHref } from '../routes.ts';
import { useApi } from '../use-api.ts';
import { defaultOrg } from '../org-tree.ts';

/** `/` goes to the overview of the committee the user works with. */
export function HomeRedirect() {
  const { load } = useApi('orgs', (signal) => api.getOrgs(signal));
  useEffect(() => {
    if (load.state !== 'ok') return;
    const org = defaultOrg(load.value);
    if (org !== undefined) {
      navigate(routeHref({ name: 'overview', org: org.code, year: null, version: null, scenario: null }), { replace: true });
    }
  }, [load]);
  return (
    <main className="page-center" id="main">
      {load.state === 'error' ? (
        <ErrorNotice error={load.error} />
      ) : load.state === 'ok' && defaultOrg(load.value) === undefined ? (
        <p>Ditt konto har ännu inte tillgång till någon nämnd. Kontakta den som administrerar Ramplan.</p>
      ) : (
        <Loading what="nämnder" />
      )}
    </main>
  );
}
