// The version's place in the workflow (utkast → för granskning → inlämnat → beslutat), with the
// steps the user may take. A decision asks for its diarienummer and date. The server checks every
// step again; its refusal is shown as it says it.
import { useId, useState, type FormEvent } from 'react';
import { apiRequest } from '../api.ts';
import type { ApiErrorBody, Org, PlanVersion } from '../api-types.ts';
import { ErrorNotice } from '../components/notices.tsx';
import { availableSteps, statusLabel, type Step } from './workflow.ts';

interface Props {
  org: Org;
  version: PlanVersion;
  /** Called after a step was taken (the page reloads what depends on the status). */
  onMoved: () => void;
}

export function VersionWorkflow({ org, version, onMoved }: Props) {
  const [deciding, setDeciding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const headingId = useId();
  if (version.kind === 'actual') return null;
  const steps = availableSteps(version.status, org.permissions);

  async function take(step: Step, decision?: { diarienummer: string; decisionDate: string }) {
    setBusy(true);
    setError(null);
    const result = await apiRequest<PlanVersion>('POST', `/api/orgs/${encodeURIComponent(org.code)}/versions/${encodeURIComponent(version.code)}/status`, {
      body: { to: step.to, ...(decision ?? {}) },
    });
    setBusy(false);
    if (result.ok) {
      setDeciding(false);
      onMoved();
    } else {
      setError(result.error);
    }
  }

  return (
    <section className="panel workflow" aria-labelledby={headingId}>
      <h2 id={headingId}>Beslutsgång</h2>
      <p>
        Status: <strong>{statusLabel(version.status)}</strong>
        {version.status === 'adopted' && version.adoptedAt !== null && <> ({version.adoptedAt.slice(0, 10)})</>}
      </p>
      {steps.length > 0 && (
        <div className="button-row">
          {steps.map((step) => (
            <button
              key={step.to}
              type="button"
              className={step.to === 'draft' ? 'button' : 'button button-primary'}
              disabled={busy}
              onClick={() => (step.needsDecision ? setDeciding(true) : void take(step))}
            >
              {step.label}
            </button>
          ))}
        </div>
      )}
      {deciding && (
        <DecisionForm
          busy={busy}
          onCancel={() => setDeciding(false)}
          onSubmit={(decision) => {
            const step = steps.find((s) => s.needsDecision);
            if (step) void take(step, decision);
          }}
        />
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

function DecisionForm({ busy, onCancel, onSubmit }: {
  busy: boolean;
  onCancel: () => void;
  onSubmit: (decision: { diarienummer: string; decisionDate: string }) => void;
}) {
  const [diarienummer, setDiarienummer] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ diarienummer, decisionDate });
  };
  return (
    <form className="decision-form" onSubmit={submit} aria-label="Registrera beslut">
      <p>Ett beslut är en allmän handling: versionen fryses och kan inte ändras efteråt.</p>
      <div className="field">
        <label htmlFor={`${id}-dnr`}>Diarienummer</label>
        <input id={`${id}-dnr`} required value={diarienummer} onChange={(e) => setDiarienummer(e.target.value)} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>Beslutsdatum</label>
        <input id={`${id}-date`} type="date" required value={decisionDate} onChange={(e) => setDecisionDate(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>Registrera beslut</button>
        <button type="button" className="button" onClick={onCancel}>Avbryt</button>
      </div>
    </form>
  );
}
