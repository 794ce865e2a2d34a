// A project's basics: name, programme, status, period, flat rate, how often payment is claimed and how
// long payment takes. The budget and financing are sent back as stored. A project that breaks a rule
// can be saved only as planerat (utkast): the server refuses any other status and lists the failing
// checks beside the status field.
import { useEffect, useState } from 'react';
import type { Org } from '../api-types.ts';
import { PROGRAMMES } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { FlatRate, ProjectDetail, ProjectStatus } from '../feature-types.ts';
import { fieldError, FieldForm, textField } from './FieldForm.tsx';
import { projectBody } from './project-body.ts';

export const PROJECT_STATUSES: { code: ProjectStatus; label: string }[] = [
  { code: 'planerat', label: 'Planerat (utkast)' },
  { code: 'ansokt', label: 'Ansökt' },
  { code: 'beviljat', label: 'Beviljat' },
  { code: 'avslutat', label: 'Avslutat' },
];

export const FLAT_RATES: { code: FlatRate; label: string }[] = [
  { code: 'none', label: 'Ingen schablon (faktiska kostnader)' },
  { code: '15', label: '15 % för indirekta kostnader på direkta personalkostnader' },
  { code: '40', label: '40 % för alla övriga kostnader på direkta personalkostnader' },
];

/** "varje månad", "varannan månad", "var 3:e månad" … */
export const claimIntervalText = (n: number): string => (n === 1 ? 'varje månad' : n === 2 ? 'varannan månad' : `var ${n}:e månad`);

const FIELDS = ['name', 'programme', 'status', 'startPeriod', 'endPeriod', 'flatRate', 'claimIntervalMonths', 'paymentLagDays'];
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function ProjectBasicsForm({ org, p, onSaved }: { org: Org; p: ProjectDetail; onSaved: () => void }) {
  const [name, setName] = useState(p.name);
  const [programme, setProgramme] = useState(p.programme);
  const [status, setStatus] = useState<ProjectStatus>(p.status);
  const [start, setStart] = useState(p.startPeriod);
  const [end, setEnd] = useState(p.endPeriod);
  const [flatRate, setFlatRate] = useState<FlatRate>(p.flatRate);
  const [claimInterval, setClaimInterval] = useState(String(p.claimIntervalMonths));
  const [paymentLag, setPaymentLag] = useState(String(p.paymentLagDays));
  useEffect(() => {
    setName(p.name);
    setProgramme(p.programme);
    setStatus(p.status);
    setStart(p.startPeriod);
    setEnd(p.endPeriod);
    setFlatRate(p.flatRate);
    setClaimInterval(String(p.claimIntervalMonths));
    setPaymentLag(String(p.paymentLagDays));
  }, [p]);
  const programmes: string[] = PROGRAMMES.includes(p.programme as (typeof PROGRAMMES)[number]) ? [...PROGRAMMES] : [p.programme, ...PROGRAMMES];

  const save = () => {
    if (name.trim() === '') return fieldError('name', 'Namn: ange projektets namn.');
    if (!PERIOD.test(start.trim())) return fieldError('startPeriod', `Startmånad: "${start}" är ingen månad; skriv ÅÅÅÅ-MM, t.ex. 2021-03.`);
    if (!PERIOD.test(end.trim())) return fieldError('endPeriod', `Slutmånad: "${end}" är ingen månad; skriv ÅÅÅÅ-MM, t.ex. 2022-12.`);
    if (!/^\d{1,3}$/.test(paymentLag.trim()) || Number(paymentLag) > 365) return fieldError('paymentLagDays', 'Dagar till utbetalning: ange ett heltal 0–365.');
    return featureApi.saveProject(org.code, p.code, projectBody(p, {
      name: name.trim(), programme, status, startPeriod: start.trim(), endPeriod: end.trim(), flatRate,
      claimIntervalMonths: Number(claimInterval), paymentLagDays: Number(paymentLag.trim()),
    }));
  };

  return (
    <FieldForm legend="Grunduppgifter" submitLabel="Spara grunduppgifterna" doneMessage="Grunduppgifterna är sparade." onDone={onSaved} onSubmit={save} fields={FIELDS}>
      {(f) => (
        <>
          <div className="field">
            <label htmlFor={f.id('name')}>Namn</label>
            <input className="wide" {...f.input('name')} value={name} onChange={(e) => setName(e.target.value)} />
            {f.error('name')}
          </div>
          <div className="field">
            <label htmlFor={f.id('programme')}>Program</label>
            <select {...f.input('programme')} value={programme} onChange={(e) => setProgramme(e.target.value)}>
              {programmes.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
            <p className="hint">Programmet avgör vilken EU-fond som får ge EU-stöd och hur stor andel.</p>
            {f.error('programme')}
          </div>
          <div className="field">
            <label htmlFor={f.id('status')}>Status</label>
            <select {...f.input('status')} value={status} onChange={(e) => setStatus(e.target.value as ProjectStatus)}>
              {PROJECT_STATUSES.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </select>
            {p.issues.length > 0 && <p className="hint">Så länge projektet bryter mot en regel kan det bara sparas som planerat (utkast).</p>}
            {f.error('status')}
          </div>
          {textField({ f, name: 'startPeriod', label: 'Startmånad (ÅÅÅÅ-MM)', value: start, onChange: setStart })}
          <div className="field">
            <label htmlFor={f.id('endPeriod')}>Slutmånad (ÅÅÅÅ-MM)</label>
            <input {...f.input('endPeriod')} value={end} onChange={(e) => setEnd(e.target.value)} />
            <p className="hint">Budget- och finansieringsrader utanför en ändrad period blir kvar och visas som fel tills de flyttas eller tas bort.</p>
            {f.error('endPeriod')}
          </div>
          <fieldset className="radio-group" {...f.group('flatRate')}>
            <legend>Schablon på direkta personalkostnader</legend>
            {FLAT_RATES.map((r) => (
              <label key={r.code} className="radio">
                <input type="radio" name={f.id('flatRate')} value={r.code} checked={flatRate === r.code} onChange={() => setFlatRate(r.code)} />
                {r.label}
              </label>
            ))}
            {f.error('flatRate')}
          </fieldset>
          <div className="field">
            <label htmlFor={f.id('claimIntervalMonths')}>Ansökan om utbetalning</label>
            <select {...f.input('claimIntervalMonths')} value={claimInterval} onChange={(e) => setClaimInterval(e.target.value)}>
              {[1, 2, 3, 4, 5, 6].map((n) => (
                <option key={n} value={String(n)}>
                  {claimIntervalText(n)}
                </option>
              ))}
            </select>
            {f.error('claimIntervalMonths')}
          </div>
          <div className="field">
            <label htmlFor={f.id('paymentLagDays')}>Dagar från ansökan till utbetalning</label>
            <input {...f.input('paymentLagDays')} inputMode="numeric" value={paymentLag} onChange={(e) => setPaymentLag(e.target.value)} />
            <p className="hint">Omkring 80 dagar är vanligt.</p>
            {f.error('paymentLagDays')}
          </div>
        </>
      )}
    </FieldForm>
  );
}
