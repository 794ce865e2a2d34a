// A new project starts as a draft (planerat) with its period and rules; the budget follows.
import { useState } from 'react';
import type { Org } from '../api-types.ts';
import { PROGRAMMES } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { FlatRate } from '../feature-types.ts';
import { ActionForm } from './ActionForm.tsx';


export function NewProjectForm({ org, onCreated }: { org: Org; onCreated: () => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [programme, setProgramme] = useState<string>(PROGRAMMES[0]);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [flatRate, setFlatRate] = useState<FlatRate>('15');
  return (
    <section className="panel" aria-labelledby="new-project-h">
      <h2 id="new-project-h">Nytt projekt</h2>
      <ActionForm
        id="new-project"
        legend="Projektets grunduppgifter (sparas som planerat)"
        submitLabel="Skapa projekt"
        doneMessage="Projektet är skapat som planerat. Öppna det för att lägga in budget och finansiering."
        onDone={onCreated}
        onSubmit={() =>
          featureApi.createProject(org.code, {
            code, name, programme, status: 'planerat', startPeriod: start, endPeriod: end, flatRate,
            claimIntervalMonths: 6, paymentLagDays: 80, staff: [], costs: [], financing: [],
          })
        }
      >
        <div className="field">
          <label htmlFor="np-code">Kod</label>
          <input id="np-code" value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="np-name">Namn</label>
          <input id="np-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="np-programme">Program</label>
          <select id="np-programme" value={programme} onChange={(e) => setProgramme(e.target.value)}>
            {PROGRAMMES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="np-start">Startmånad (ÅÅÅÅ-MM)</label>
          <input id="np-start" value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="np-end">Slutmånad (ÅÅÅÅ-MM)</label>
          <input id="np-end" value={end} onChange={(e) => setEnd(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="np-flat">Schablon</label>
          <select id="np-flat" value={flatRate} onChange={(e) => setFlatRate(e.target.value as FlatRate)}>
            <option value="none">Ingen (faktiska kostnader)</option>
            <option value="15">15 % indirekta kostnader på personal</option>
            <option value="40">40 % övriga kostnader på personal</option>
          </select>
        </div>
      </ActionForm>
    </section>
  );
}
