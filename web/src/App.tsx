// The whole app: who is logged in, and which view the URL asks for.
import { useCallback, useEffect, useState } from 'react';
import { api, onSessionLost } from './api.ts';
import type { SessionUser } from './api-types.ts';
import { Loading } from './components/notices.tsx';
import { HomeRedirect } from './pages/HomeRedirect.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrgView } from './pages/OrgView.tsx';
import { AdminView } from './admin/AdminView.tsx';
import { navigate, useRoute } from './router.tsx';
import { routeHref } from './routes.ts';

type Session = { state: 'checking' } | { state: 'out' } | { state: 'in'; user: SessionUser };

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session>({ state: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    api.getSession(controller.signal).then(
      (r) => setSession(r.ok ? { state: 'in', user: r.value } : { state: 'out' }),
      () => undefined,
    );
    onSessionLost(() => setSession({ state: 'out' }));
    return () => {
      controller.abort();
      onSessionLost(null);
    };
  }, []);

  // Without a session every view except the login page sends the user there, and back afterwards.
  useEffect(() => {
    if (session.state === 'out' && route.name !== 'login') {
      const next = route.name === 'home' ? null : currentPath();
      navigate(routeHref({ name: 'login', next }), { replace: true });
    }
    if (session.state === 'in' && route.name === 'login') {
      navigate(route.next ?? '/', { replace: true });
    }
  }, [session.state, route]);

  const logout = useCallback(async () => {
    await api.logout();
    setSession({ state: 'out' });
    navigate('/logga-in');
  }, []);

  if (session.state === 'checking') {
    return (
      <main className="page-center" id="main">
        <Loading what="inloggning" />
      </main>
    );
  }
  if (session.state === 'out' || route.name === 'login') {
    return <LoginPage onLoggedIn={(user) => setSession({ state: 'in', user })} />;
  }
  switch (route.name) {
    case 'home':
      return <HomeRedirect />;
    case 'overview':
    case 'budget':
    case 'agreements':
    case 'projects':
    case 'goals':
    case 'underlag':
    case 'sie':
      return <OrgView route={route} user={session.user} onLogout={() => void logout()} />;
    case 'admin':
      return <AdminView route={route} user={session.user} onLogout={() => void logout()} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
