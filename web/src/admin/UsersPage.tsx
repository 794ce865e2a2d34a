// Users and their roles: the list as a table, a form for a new local user, and for a chosen user
// the roles (grant, revoke), a new password, switching the account off and on, and the link to the
// region's identity provider. The server decides what is allowed; the page says what it answered.
import { useRef, useState } from 'react';
import type { Role } from '../api-types.ts';
import { ErrorNotice, Loading } from '../components/notices.tsx';
import { useApi } from '../use-api.ts';
import { AdminForm } from './AdminForm.tsx';
import { adminApi, type AdminUser, type UserList } from './admin-api.ts';

const ROLE_OPTIONS: { role: Role; label: string }[] = [
  { role: 'admin', label: 'Administratör' },
  { role: 'region-controller', label: 'Regionekonom' },
  { role: 'committee-controller', label: 'Nämndekonom' },
  { role: 'writer', label: 'Skribent' },
  { role: 'reader', label: 'Läsare' },
  { role: 'municipality', label: 'Kommun' },
];

function signInText(u: AdminUser): string {
  if (u.hasPassword && u.oidc) return 'Lösenord och regionens inloggning';
  if (u.oidc) return 'Regionens inloggning';
  if (u.hasPassword) return 'Lösenord';
  return u.email !== null ? 'Inbjuden via e-post (ej kopplad ännu)' : 'Ingen (sätt lösenord eller koppla)';
}

export function UsersPage({ org }: { org: string }) {
  const list = useApi(`admin-users:${org}`, (signal) => adminApi.listUsers(org, signal), { keepStale: true });
  const [selected, setSelected] = useState<number | null>(null);

  if (list.load.state === 'loading') return <Loading what="användarna" />;
  if (list.load.state === 'error') return <ErrorNotice error={list.load.error} />;
  const data = list.load.value;
  const chosen = data.users.find((u) => u.id === selected) ?? null;

  return (
    <>
      <p className="lead">
        Användare i regionen och deras roller. Du kan ge roller på organisationer du administrerar och ändra konton vars alla roller
        ligger där.
      </p>
      <div className="table-scroll">
        <table className="data-table" id="users-table">
          <caption>Användare ({data.users.length})</caption>
          <thead>
            <tr>
              <th scope="col">Användarnamn</th>
              <th scope="col">Namn</th>
              <th scope="col">E-post</th>
              <th scope="col">Inloggning</th>
              <th scope="col">Roller</th>
              <th scope="col">Status</th>
              <th scope="col">Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.username}</th>
                <td>{u.displayName}</td>
                <td>{u.email ?? '–'}</td>
                <td>{signInText(u)}</td>
                <td>
                  {u.roles.length === 0
                    ? 'Inga roller'
                    : u.roles.map((r) => `${r.roleName} på ${r.orgName}${r.municipalityCode ? ` (kommun ${r.municipalityCode})` : ''}`).join('; ')}
                </td>
                <td>{u.disabled ? 'Avstängd' : 'Aktiv'}</td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-pressed={selected === u.id}
                    onClick={() => setSelected(selected === u.id ? null : u.id)}
                  >
                    Hantera<span className="visually-hidden"> {u.username}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen !== null && <UserDetail org={org} user={chosen} data={data} onChanged={list.reload} />}
      <NewUserForm org={org} onCreated={(id) => {
        setSelected(id);
        list.reload();
      }} />
    </>
  );
}

function NewUserForm({ org, onCreated }: { org: string; onCreated: (id: number) => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const createdId = useRef<number | null>(null);
  return (
    <section className="panel" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">Ny användare</h2>
      <AdminForm
        legend="Skapa en lokal användare"
        submitLabel="Skapa användare"
        doneMessage={`Användaren ${username.trim().toLowerCase()} är skapad.`}
        onSubmit={async () => {
          const result = await adminApi.createUser(org, {
            username, displayName, email: email.trim() === '' ? null : email, ...(password === '' ? {} : { password }),
          });
          if (result.ok) createdId.current = result.value.id;
          return result;
        }}
        onDone={() => {
          setPassword('');
          if (createdId.current !== null) onCreated(createdId.current);
        }}
      >
        {(f) => (
          <>
            <div className="field">
              <label htmlFor={f.input('username').id}>Användarnamn</label>
              <input {...f.input('username')} autoComplete="off" spellCheck={false} value={username} onChange={(e) => setUsername(e.target.value)} />
              {f.error('username')}
            </div>
            <div className="field">
              <label htmlFor={f.input('displayName').id}>Namn</label>
              <input {...f.input('displayName')} autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
              {f.error('displayName')}
            </div>
            <div className="field">
              <label htmlFor={f.input('email').id}>E-post (frivillig)</label>
              <input {...f.input('email')} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
              <p className="hint">Med en e-postadress kopplas användaren vid första inloggningen via regionens inloggning, om adressen är verifierad där.</p>
              {f.error('email')}
            </div>
            <div className="field">
              <label htmlFor={f.input('password').id}>Lösenord (minst 12 tecken; tomt = bara regionens inloggning)</label>
              <input {...f.input('password')} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
              {f.error('password')}
            </div>
          </>
        )}
      </AdminForm>
    </section>
  );
}

function UserDetail({ org, user, data, onChanged }: { org: string; user: AdminUser; data: UserList; onChanged: () => void }) {
  const [roleOrg, setRoleOrg] = useState(data.organisations[0]?.code ?? org);
  const [role, setRole] = useState<Role>('reader');
  const [municipality, setMunicipality] = useState('');
  const [password, setPassword] = useState('');
  const [subject, setSubject] = useState('');
  const [actionError, setActionError] = useState<{ error: string; message: string } | null>(null);
  const [status, setStatus] = useState('');

  const act = async (work: () => Promise<{ ok: boolean; error?: { error: string; message: string } }>, done: string) => {
    setStatus('');
    const result = await work();
    if (result.ok) {
      setActionError(null);
      setStatus(done);
      onChanged();
    } else if (result.error) {
      setActionError(result.error);
    }
  };

  return (
    <section className="panel" aria-labelledby="user-detail-heading">
      <h2 id="user-detail-heading">Hantera {user.username}</h2>
      {!user.manageable && (
        <p className="hint">
          Användaren har roller utanför det du administrerar: du kan ge och ta bort roller här, men inte ändra kontot.
        </p>
      )}
      <p role="status" className="save-status">
        {status}
      </p>
      {actionError !== null && <ErrorNotice error={actionError} />}

      <h3>Roller</h3>
      {user.roles.length === 0 ? (
        <p>Användaren har inga roller och ser därför ingenting.</p>
      ) : (
        <table className="data-table">
          <caption>Roller för {user.username}</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Roll</th>
              <th scope="col">Kommun</th>
              <th scope="col">Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {user.roles.map((r) => (
              <tr key={r.orgCode}>
                <th scope="row">{r.orgName}</th>
                <td>{r.roleName}</td>
                <td>{r.municipalityCode ?? '–'}</td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => void act(() => adminApi.revokeRole(org, user.id, r.orgCode), `Rollen på ${r.orgName} är borttagen.`)}
                  >
                    Ta bort<span className="visually-hidden"> rollen {r.roleName} på {r.orgName}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AdminForm
        legend="Ge en roll"
        submitLabel="Ge roll"
        doneMessage="Rollen är sparad."
        onSubmit={() => adminApi.grantRole(org, user.id, roleOrg, role, role === 'municipality' ? municipality : null)}
        onDone={onChanged}
      >
        {(f) => (
          <>
            <div className="field">
              <label htmlFor={f.input('roleOrg').id}>Organisation</label>
              <select {...f.input('roleOrg')} value={roleOrg} onChange={(e) => setRoleOrg(e.target.value)}>
                {data.organisations.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={f.input('role').id}>Roll</label>
              <select {...f.input('role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLE_OPTIONS.map((r) => (
                  <option key={r.role} value={r.role}>
                    {r.label}
                  </option>
                ))}
              </select>
              {f.error('role')}
            </div>
            {role === 'municipality' && (
              <div className="field">
                <label htmlFor={f.input('municipalityCode').id}>Kommun</label>
                <select {...f.input('municipalityCode')} value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
                  <option value="">Välj kommun</option>
                  {data.municipalities.map((m) => (
                    <option key={m.code} value={m.code}>
                      {m.name} ({m.code})
                    </option>
                  ))}
                </select>
                {f.error('municipalityCode')}
              </div>
            )}
          </>
        )}
      </AdminForm>

      {user.manageable && (
        <>
          <h3>Konto</h3>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() =>
                void act(
                  () => adminApi.setDisabled(org, user.id, !user.disabled),
                  user.disabled ? `${user.username} är aktiverad igen.` : `${user.username} är avstängd och utloggad.`,
                )
              }
            >
              {user.disabled ? 'Aktivera kontot' : 'Stäng av kontot'}
            </button>
          </div>
          <AdminForm
            legend="Nytt lösenord"
            submitLabel="Sätt lösenord"
            doneMessage="Lösenordet är bytt och användarens sessioner är avslutade."
            onSubmit={() => adminApi.setPassword(org, user.id, password)}
            onDone={() => setPassword('')}
          >
            {(f) => (
              <div className="field">
                <label htmlFor={f.input('password').id}>Nytt lösenord (minst 12 tecken)</label>
                <input {...f.input('password')} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
                {f.error('password')}
              </div>
            )}
          </AdminForm>
          <h3>Regionens inloggning</h3>
          {user.oidc !== null ? (
            <>
              <p>
                Kopplad till <code>{user.oidc.subject}</code> hos <code>{user.oidc.issuer}</code>.
              </p>
              <button
                type="button"
                className="button"
                onClick={() => void act(() => adminApi.unlinkOidc(org, user.id), 'Kopplingen är borttagen.')}
              >
                Ta bort kopplingen
              </button>
            </>
          ) : (
            <AdminForm
              legend="Koppla till en identitet hos regionens inloggning"
              submitLabel="Koppla"
              doneMessage="Användaren är kopplad."
              onSubmit={() => adminApi.linkOidc(org, user.id, subject)}
              onDone={() => setSubject('')}
            >
              {(f) => (
                <div className="field">
                  <label htmlFor={f.input('subject').id}>Identitet (subject, ”sub”)</label>
                  <input {...f.input('subject')} autoComplete="off" spellCheck={false} value={subject} onChange={(e) => setSubject(e.target.value)} />
                  {data.oidcIssuer === null && <p className="hint">Inloggning via regionens inloggning är inte inställd på servern.</p>}
                  {f.error('subject')}
                </div>
              )}
            </AdminForm>
          )}
        </>
      )}
    </section>
  );
}
