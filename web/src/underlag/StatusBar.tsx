// The underlag's status and the workflow steps this user may take (the server decides which), with
// the decision's diarienummer and date asked for where the step needs them. A decided underlag says
// so, with its registry number, and offers a new version instead of editing.
import { useState } from 'react';
import type { ApiErrorBody } from '../api-types.ts';
import { ErrorNotice } from '../components/notices.tsx';
import { LockIcon } from '../components/icons.tsx';
import { underlagApi } from './api.ts';
import type { UnderlagDocument } from './types.ts';

interface Props {
  org: string;
  doc: UnderlagDocument;
  onChanged: (doc: UnderlagDocument, what: string) => void;
}

export function StatusBar({ org, doc, onChanged }: Props) {
  const [deciding, setDeciding] = useState(false);
  const [dnr, setDnr] = useState('');
  const [day, setDay] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const u = doc.underlag;
  const decided = doc.decided;

  const run = async (call: () => ReturnType<typeof underlagApi.newVersion>, what: string) => {
    setBusy(true);
    const r = await call();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setDeciding(false);
    onChanged(r.value, what);
  };

  return (
    <section className="status-bar" aria-label="Status och beslutsflöde">
      <p className="status-line">
        <strong>Status: {statusText(u.status)}</strong>
        <span>Version {u.edition} · revision {u.headRevision}</span>
        {u.status === 'adopted' && decided !== null && (
          <span className="badge badge-adopted">
            <LockIcon />
            Beslutat {decided.decisionDate}, dnr {decided.diarienummer} – kan inte ändras
          </span>
        )}
      </p>
      <div className="button-row">
        {doc.steps.filter((s) => !s.decision).map((s) => (
          <button key={s.to} type="button" className="button" disabled={busy} onClick={() => void run(() => underlagApi.step(org, u.id, { to: s.to }), `${s.label}: klart.`)}>
            {s.label}
          </button>
        ))}
        {doc.steps.some((s) => s.decision) && !deciding && (
          <button type="button" className="button" onClick={() => setDeciding(true)}>Registrera beslut</button>
        )}
        {doc.canBeginNewEdition && (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => underlagApi.newVersion(org, u.id), `Version ${u.edition + 1} är påbörjad.`)}>
            Påbörja ny version
          </button>
        )}
      </div>
      {deciding && (
        <form className="decision-form" onSubmit={(e) => {
          e.preventDefault();
          void run(() => underlagApi.step(org, u.id, { to: 'adopted', diarienummer: dnr, decisionDate: day }), 'Beslutet är registrerat och underlaget fryst.');
        }}>
          <div className="field field-inline">
            <label htmlFor="decision-dnr">Diarienummer</label>
            <input id="decision-dnr" value={dnr} onChange={(e) => setDnr(e.target.value)} maxLength={60} />
          </div>
          <div className="field field-inline">
            <label htmlFor="decision-day">Beslutsdatum (ÅÅÅÅ-MM-DD)</label>
            <input id="decision-day" value={day} onChange={(e) => setDay(e.target.value)} inputMode="numeric" />
          </div>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>Registrera beslut</button>
            <button type="button" className="button" onClick={() => setDeciding(false)}>Avbryt</button>
          </div>
        </form>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}

function statusText(status: UnderlagDocument['underlag']['status']): string {
  switch (status) {
    case 'draft': return 'Utkast';
    case 'review': return 'För granskning';
    case 'submitted': return 'Inlämnat';
    case 'adopted': return 'Beslutat';
  }
}
