import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, apiRequest } from '../api.ts';
import type { SessionUser } from '../api-types.ts';
import { WarningIcon } from '../components/icons.tsx';
import { adminApi, type AuthOptions } from '../admin/admin-api.ts';

interface Props {
  onLoggedIn: (user: SessionUser) => void;
}

/** The health answer may say that the server runs the demo; then the demo users are shown. */
function useDemoMode(): boolean {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    void apiRequest<{ demo?: unknown }>('GET', '/api/health', { expectSessionLoss: false }).then((r) => {
      if (live && r.ok && r.value.demo === true) setDemo(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return demo;
}

/** The other ways to sign in (the region's identity provider), and a failure it sent the user back with. */
function useSignInOptions(): { options: AuthOptions | null; providerError: string | null } {
  const [options, setOptions] = useState<AuthOptions | null>(null);
  useEffect(() => {
    let live = true;
    void adminApi.authOptions().then((r) => {
      if (live && r.ok) setOptions(r.value);
    });
    return () => {
      live = false;
    };
  }, []);
  const code = new URLSearchParams(window.location.search).get('fel');
  const providerError = code === null || options === null ? null : (options.oidcErrors[code] ?? 'Inloggningen misslyckades. Försök igen.');
  return { options, providerError };
}

export function LoginPage({ onLoggedIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const userRef = useRef<HTMLInputElement>(null);
  const demo = useDemoMode();
  const { options, providerError } = useSignInOptions();
  const next = new URLSearchParams(window.location.search).get('till');

  useEffect(() => {
    document.title = 'Logga in · Ramplan';
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setError('Fyll i både användarnamn och lösenord.');
      userRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await api.login(username.trim(), password);
    setBusy(false);
    if (result.ok) {
      onLoggedIn(result.value);
      return;
    }
    setError(
      result.error.error === 'invalid_credentials'
        ? result.error.message || 'Fel användarnamn eller lösenord.'
        : result.error.message,
    );
    setPassword('');
  }

  const invalid = error !== null;
  return (
    <div className="login-page">
      <main className="login-card" id="main">
        <p className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          Ramplan
        </p>
        <h1>Logga in</h1>
        <p className="muted">Plan och budget för nämnden – siffror och underlag på ett ställe.</p>
        <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={errorId}>
          <div className="field">
            <label htmlFor="login-username">Användarnamn</label>
            <input
              id="login-username"
              ref={userRef}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              aria-invalid={invalid}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">Lösenord</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              aria-invalid={invalid}
              aria-describedby={errorId}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div id={errorId} className="form-error" aria-live="assertive">
            {error !== null && (
              <p>
                <WarningIcon />
                {error}
              </p>
            )}
          </div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Loggar in…' : 'Logga in'}
          </button>
        </form>
        {options?.oidc && (
          <section className="oidc-sign-in" aria-labelledby="oidc-heading">
            <h2 id="oidc-heading" className="visually-hidden">
              Regionens inloggning
            </h2>
            {providerError !== null && (
              <div className="form-error" role="alert">
                <p>
                  <WarningIcon />
                  {providerError}
                </p>
              </div>
            )}
            <a className="button" href={`${options.oidc.startUrl}${next !== null ? `?${new URLSearchParams({ till: next }).toString()}` : ''}`}>
              {options.oidc.label}
            </a>
          </section>
        )}
        {!options?.oidc && providerError !== null && (
          <div className="form-error" role="alert">
            <p>
              <WarningIcon />
              {providerError}
            </p>
          </div>
        )}
        {demo && (
          <section className="demo-users" aria-labelledby="demo-users-heading">
            <h2 id="demo-users-heading">Demoläge</h2>
            <p>Servern kör med exempeldata. Prova som:</p>
            <ul>
              <li>
                <code>ekonom</code> / <code>ramplan-demo</code> – förvaltningsekonom, får ändra budgeten
              </li>
              <li>
                <code>ledamot</code> / <code>ramplan-demo</code> – ledamot, får läsa
              </li>
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}
