// What an editor changes in a project here: its status and the financing plan (amount per funder and
// year). The server checks the rules: a project that breaks one is refused as anything but planerat,
// with the reasons beside the form. A rule-abiding project can be put into the chosen budget version.
import { useEffect, useState } from 'react';
import type { Org } from '../api-types.ts';
import { formatKrExact, ore, parseAmount } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { ProjectDetail, ProjectStatus } from '../feature-types.ts';
import { useApi } from '../use-api.ts';
import type { ResolvedView } from '../view-context.ts';
import { ActionForm } from './ActionForm.tsx';

const STATUSES: { code: ProjectStatus; label: string }[] = [
  { code: 'planerat', label: 'Planerat (utkast)' },
  { code: 'ansokt', label: 'Ansökt' },
  { code: 'beviljat', label: 'Beviljat' },
  { code: 'avslutat', label: 'Avslutat' },
];

const krText = (o: number) => formatKrExact(ore(o)).replace(/\u00a0kr$/, '');

export function ProjectEditor({ org, view, p, onSaved }: { org: Org; view: ResolvedView; p: ProjectDetail; onSaved: () => void }) {
  const funders = useApi('funders', (signal) => featureApi.getFunders(signal));
  const [status, setStatus] = useState<ProjectStatus>(p.status);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [extraFunder, setExtraFunder] = useState('');
  useEffect(() => {
    setStatus(p.status);
    setAmounts(Object.fromEntries(p.financing.map((f) => [`${f.funder}:${f.year}`, krText(f.amountOre)])));
  }, [p]);
  const funderCodes = [...new Set([...p.financing.map((f) => f.funder), ...(extraFunder === '' ? [] : [extraFunder])])];
  const funderName = (code: string) => (funders.load.state === 'ok' ? funders.load.value.find((f) => f.code === code)?.name : undefined) ?? code;
  const editableVersion = view.version.kind !== 'actual' && view.version.status === 'draft';

  const save = () => {
    const financing: { funder: string; year: number; amountOre: number }[] = [];
    for (const funder of funderCodes) {
      for (const y of p.years) {
        const text = (amounts[`${funder}:${y.year}`] ?? '').trim();
        if (text === '') continue;
        const a = parseAmount(text, 'kr');
        if (!a.ok) return Promise.resolve({ ok: false as const, status: 400, error: { error: 'validation', field: 'financing', message: `Finansiering ${funderName(funder)} ${y.year}: ${a.error}` } });
        financing.push({ funder, year: y.year, amountOre: a.value });
      }
    }
    return featureApi.saveProject(org.code, p.code, {
      revision: p.revision, name: p.name, programme: p.programme, status, startPeriod: p.startPeriod, endPeriod: p.endPeriod, flatRate: p.flatRate,
      claimIntervalMonths: p.claimIntervalMonths, paymentLagDays: p.paymentLagDays,
      staff: p.staff.map((s) => ({ role: s.role, year: s.year, monthlySalaryOre: s.monthlySalaryOre, hours: s.hours })),
      costs: p.costs.map((c) => ({ year: c.year, category: c.category, amountOre: c.amountOre })),
      financing,
    });
  };

  return (
    <section className="panel" aria-labelledby="project-edit-h">
      <h2 id="project-edit-h">Ändra projektet</h2>
      <ActionForm id="project-form" legend="Status och finansieringsplan" submitLabel="Spara projektet" doneMessage="Projektet är sparat." onDone={onSaved} onSubmit={save}>
        <div className="field">
          <label htmlFor="project-status">Status</label>
          <select id="project-status" value={status} onChange={(e) => setStatus(e.target.value as ProjectStatus)}>
            {STATUSES.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Finansiering per finansiär och år">
          <table className="data-table">
            <caption>Finansiering per finansiär och år (kr)</caption>
            <thead>
              <tr>
                <th scope="col">Finansiär</th>
                {p.years.map((y) => (
                  <th scope="col" key={y.year}>
                    {y.year}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {funderCodes.map((f) => (
                <tr key={f}>
                  <th scope="row">{funderName(f)}</th>
                  {p.years.map((y) => (
                    <td key={y.year}>
                      <input
                        aria-label={`${funderName(f)} ${y.year}`}
                        inputMode="decimal"
                        value={amounts[`${f}:${y.year}`] ?? ''}
                        onChange={(e) => setAmounts({ ...amounts, [`${f}:${y.year}`]: e.target.value })}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {funders.load.state === 'ok' && (
          <div className="field">
            <label htmlFor="extra-funder">Lägg till finansiär</label>
            <select id="extra-funder" value={extraFunder} onChange={(e) => setExtraFunder(e.target.value)}>
              <option value="">Välj…</option>
              {funders.load.value
                .filter((f) => !p.financing.some((x) => x.funder === f.code))
                .map((f) => (
                  <option key={f.code} value={f.code}>
                    {f.name} (högst {f.maxSharePercent} %)
                  </option>
                ))}
            </select>
          </div>
        )}
      </ActionForm>
      {editableVersion && (
        <ActionForm
          id="apply-form"
          legend={`Projektet i planen: ${view.version.name}`}
          submitLabel="Lägg in projektet i versionen"
          doneMessage="Projektets intäkter och direkta kostnader ligger nu i versionen, märkta med projektkoden."
          onDone={onSaved}
          onSubmit={() => featureApi.applyProject(org.code, p.code, view.version.code)}
        >
          <p className="hint">Ersätter de rader projektet lagt in tidigare i versionen.</p>
        </ActionForm>
      )}
    </section>
  );
}
