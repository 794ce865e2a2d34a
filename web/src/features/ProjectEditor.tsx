// What an editor changes in a project: its basics (ProjectBasicsForm: name, programme, status,
// period, flat rate, claims), the staff rows (role, year, monthly salary, hours; the unit cost shown as
// monthly salary × 12 / 1 720 h, uplifted each year after the first), the other direct costs per EU
// cost category and year (the value of contributions in kind among them), the financing plan per
// funder, financing type and year, and the project's own maximum share per funder. The server checks
// the rules: a project that breaks one is refused as anything but planerat, with the reasons beside
// the field they name. A rule-abiding project can be put into the chosen budget version.
import { useEffect, useState } from 'react';
import type { Org } from '../api-types.ts';
import { COST_CATEGORIES, FINANCING_TYPES, formatKrExact, ore, parseAmount, staffHourlyRate, staffUnitCost, type Ore } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { FinancingType, ProjectDetail } from '../feature-types.ts';
import { useApi } from '../use-api.ts';
import type { ResolvedView } from '../view-context.ts';
import { ActionForm } from './ActionForm.tsx';
import { FieldForm, fieldError, type Fields } from './FieldForm.tsx';
import { ProjectBasicsForm } from './ProjectBasicsForm.tsx';
import { projectBody, projectYearsWithRows } from './project-body.ts';

const krText = (o: number) => formatKrExact(ore(o)).replace(/\u00a0kr$/, '');
const percentText = (n: number) => String(n).replace('.', ',');
const typeName = (t: FinancingType) => FINANCING_TYPES.find((x) => x.code === t)?.name ?? t;

type StaffDraft = { key: number; role: string; year: string; salary: string; hours: string };
type FinancingLine = { funder: string; type: FinancingType };
const lineKey = (l: FinancingLine) => `${l.funder}:${l.type}`;

/** A percent typed as "2,4" or "2.4"; null when it is no number. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d{1,4})?$/.test(t) ? Number(t) : null;
}

export function ProjectEditor({ org, view, p, onSaved }: { org: Org; view: ResolvedView; p: ProjectDetail; onSaved: () => void }) {
  const editableVersion = view.version.kind !== 'actual' && view.version.status === 'draft';
  return (
    <section className="panel" aria-labelledby="project-edit-h">
      <h2 id="project-edit-h">Ändra projektet</h2>
      <ProjectBasicsForm org={org} p={p} onSaved={onSaved} />
      <BudgetForm org={org} p={p} onSaved={onSaved} />
      {editableVersion && (
        <ActionForm
          id="apply-form"
          legend={`Projektet i planen: ${view.version.name}`}
          submitLabel="Lägg in projektet i versionen"
          doneMessage="Projektets intäkter och direkta kostnader ligger nu i versionen, märkta med projektkoden."
          onDone={onSaved}
          onSubmit={() => featureApi.applyProject(org.code, p.code, view.version.code)}
        >
          <p className="hint">Ersätter de rader projektet lagt in tidigare i versionen. Bidrag in natura blir varken intäkt eller kostnad i planen.</p>
        </ActionForm>
      )}
    </section>
  );
}

function BudgetForm({ org, p, onSaved }: { org: Org; p: ProjectDetail; onSaved: () => void }) {
  const funders = useApi('funders', (signal) => featureApi.getFunders(signal));
  const firstYear = Number(p.startPeriod.slice(0, 4));
  const years = projectYearsWithRows(p);
  const yearLabel = (y: { year: number; inPeriod: boolean }) => (y.inPeriod ? String(y.year) : `${y.year} (utanför perioden)`);
  const [uplift, setUplift] = useState(percentText(p.staffUpliftPercent));
  const [staff, setStaff] = useState<StaffDraft[]>([]);
  const [nextKey, setNextKey] = useState(0);
  const [costs, setCosts] = useState<Record<string, string>>({});
  const [lines, setLines] = useState<FinancingLine[]>([]);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [shares, setShares] = useState<Record<string, string>>({});
  const [newFunder, setNewFunder] = useState('');
  const [newType, setNewType] = useState<FinancingType | ''>('');
  useEffect(() => {
    setUplift(percentText(p.staffUpliftPercent));
    setStaff(p.staff.map((s, i) => ({ key: i, role: s.role, year: String(s.year), salary: krText(s.monthlySalaryOre), hours: String(s.hours) })));
    setNextKey(p.staff.length);
    setCosts(Object.fromEntries(p.costs.map((c) => [`${c.category}:${c.year}`, krText(c.amountOre)])));
    const seen = new Map<string, FinancingLine>();
    for (const f of p.financing) seen.set(lineKey(f), { funder: f.funder, type: f.type });
    setLines([...seen.values()]);
    setAmounts(Object.fromEntries(p.financing.map((f) => [`${f.funder}:${f.type}:${f.year}`, krText(f.amountOre)])));
    setShares(Object.fromEntries(p.funderShares.map((f) => [f.funder, percentText(f.maxSharePercent)])));
  }, [p]);
  const funderName = (code: string) => p.funderShares.find((f) => f.funder === code)?.name ?? code;
  const lineName = (l: FinancingLine) => `${funderName(l.funder)}, ${typeName(l.type).toLowerCase().replace(/^eu/, 'EU')}`;
  const upliftPercent = parsePercent(uplift);
  const upliftPpm = upliftPercent === null ? 0 : Math.round(upliftPercent * 10_000);
  const funderList = funders.load.state === 'ok' ? funders.load.value : [];
  const typesOfNew = funderList.find((x) => x.code === newFunder)?.financingTypes ?? [];

  const fields = [
    'staffUpliftPercent', 'staff', 'costs', 'financing', 'maxShares',
    ...staff.flatMap((_, i) => ['role', 'year', 'monthlySalaryOre', 'hours'].map((f) => `staff.${i}.${f}`)),
    ...COST_CATEGORIES.flatMap((c) => years.map((y) => `costs.${c.code}.${y.year}`)),
    ...lines.flatMap((l) => years.map((y) => `financing.${l.funder}.${l.type}.${y.year}`)),
    ...p.funderShares.map((f) => `maxShares.${f.funder}`),
  ];

  const addLine = () => {
    if (newFunder === '' || newType === '') return;
    const line = { funder: newFunder, type: newType };
    if (!lines.some((l) => lineKey(l) === lineKey(line))) setLines([...lines, line]);
    setNewFunder('');
    setNewType('');
  };

  const save = () => {
    if (upliftPercent === null) return fieldError('staffUpliftPercent', `Uppräkning av enhetskostnaden: "${uplift}" är ingen procentsats (skriv t.ex. 2,4).`);
    const staffRows: { role: string; year: number; monthlySalaryOre: number; hours: number }[] = [];
    for (const [i, s] of staff.entries()) {
      if (s.role.trim() === '') return fieldError(`staff.${i}.role`, `Personal rad ${i + 1}: ange rollen.`);
      const salary = parseAmount(s.salary, 'kr');
      if (!salary.ok) return fieldError(`staff.${i}.monthlySalaryOre`, `Personal rad ${i + 1}, månadslön: ${salary.error}`);
      if (!/^\d{1,4}$/.test(s.hours.trim()) || Number(s.hours) > 1_720) return fieldError(`staff.${i}.hours`, `Personal rad ${i + 1}, timmar: ange ett heltal 0–1 720.`);
      staffRows.push({ role: s.role.trim(), year: Number(s.year), monthlySalaryOre: salary.value, hours: Number(s.hours) });
    }
    const costRows: { year: number; category: string; amountOre: number }[] = [];
    for (const c of COST_CATEGORIES) {
      for (const y of years) {
        const text = (costs[`${c.code}:${y.year}`] ?? '').trim();
        if (text === '') continue;
        const a = parseAmount(text, 'kr');
        if (!a.ok) return fieldError(`costs.${c.code}.${y.year}`, `Kostnader, ${c.name.toLowerCase()} ${y.year}: ${a.error}`);
        costRows.push({ year: y.year, category: c.code, amountOre: a.value });
      }
    }
    const financing: { funder: string; type: string; year: number; amountOre: number }[] = [];
    for (const l of lines) {
      for (const y of years) {
        const text = (amounts[`${l.funder}:${l.type}:${y.year}`] ?? '').trim();
        if (text === '') continue;
        const a = parseAmount(text, 'kr');
        if (!a.ok) return fieldError(`financing.${l.funder}.${l.type}.${y.year}`, `Finansiering ${lineName(l)} ${y.year}: ${a.error}`);
        financing.push({ funder: l.funder, type: l.type, year: y.year, amountOre: a.value });
      }
    }
    const maxShares: { funder: string; maxSharePercent: number }[] = [];
    for (const f of p.funderShares) {
      const text = shares[f.funder] ?? '';
      const v = parsePercent(text);
      if (v === null || v > f.ceilingPercent) return fieldError(`maxShares.${f.funder}`, `Högsta andel för ${f.name}: ange 0–${percentText(f.ceilingPercent)} %.`);
      if (v !== f.defaultPercent) maxShares.push({ funder: f.funder, maxSharePercent: v });
    }
    return featureApi.saveProject(org.code, p.code, projectBody(p, { staffUpliftPercent: upliftPercent, maxShares, staff: staffRows, costs: costRows, financing }));
  };

  return (
    <FieldForm legend="Budget och finansieringsplan" submitLabel="Spara budget och finansiering" doneMessage="Budget och finansiering är sparade." onDone={onSaved} onSubmit={save} fields={fields}>
      {(f) => (
        <>
          {staffRows({
            f, staff, setStaff, years: years.map((y) => y.year), firstYear, upliftPpm,
            onAdd: () => {
              setStaff([...staff, { key: nextKey, role: '', year: String(p.years[0]?.year ?? firstYear), salary: '', hours: '' }]);
              setNextKey(nextKey + 1);
            },
          })}
          <div className="field">
            <label htmlFor={f.id('staffUpliftPercent')}>Årlig uppräkning av enhetskostnaden (%)</label>
            <input {...f.input('staffUpliftPercent')} inputMode="decimal" value={uplift} onChange={(e) => setUplift(e.target.value)} />
            <p className="hint">2,4 % per år enligt EU:s modell; år ett är {firstYear}.</p>
            {f.error('staffUpliftPercent')}
          </div>
          <fieldset {...f.group('costs')}>
            <legend>Övriga direkta kostnader per kategori och år (kr)</legend>
            {p.flatRate === '40' && <p className="hint">Schablonen 40 % täcker alla kostnader utöver personal; de ska inte budgeteras här.</p>}
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Kostnader per kategori och år">
              <table className="data-table">
                <caption>Kostnader per EU-kostnadskategori och år (kr)</caption>
                <thead>
                  <tr>
                    <th scope="col">Kategori</th>
                    {years.map((y) => (
                      <th scope="col" key={y.year}>
                        {yearLabel(y)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {COST_CATEGORIES.map((c) => (
                    <tr key={c.code}>
                      <th scope="row">{c.name}</th>
                      {years.map((y) => (
                        <td key={y.year}>
                          <input
                            {...f.input(`costs.${c.code}.${y.year}`)}
                            aria-label={`${c.name} ${y.year}`}
                            inputMode="decimal"
                            value={costs[`${c.code}:${y.year}`] ?? ''}
                            onChange={(e) => setCosts({ ...costs, [`${c.code}:${y.year}`]: e.target.value })}
                          />
                          {f.error(`costs.${c.code}.${y.year}`)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="hint">Bidrag i annat än pengar är värdet av det en medfinansiär bidrar med in natura (till exempel arbetstid); det ska stå lika stort i finansieringen.</p>
            {f.error('costs')}
          </fieldset>
          <fieldset {...f.group('financing')}>
            <legend>Finansiering per finansiär, finansieringstyp och år (kr)</legend>
            {lines.length === 0 ? (
              <p>Inga finansieringsrader.</p>
            ) : (
              <div className="table-scroll" tabIndex={0} role="region" aria-label="Finansiering per finansiär, finansieringstyp och år">
                <table className="data-table" id="financing-edit">
                  <caption>Finansiering per finansiär, finansieringstyp och år (kr)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Finansiär</th>
                      <th scope="col">Finansieringstyp</th>
                      {years.map((y) => (
                        <th scope="col" key={y.year}>
                          {yearLabel(y)}
                        </th>
                      ))}
                      <th scope="col">
                        <span className="visually-hidden">Ta bort</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((l) => (
                      <tr key={lineKey(l)}>
                        <th scope="row">{funderName(l.funder)}</th>
                        <td>{typeName(l.type)}</td>
                        {years.map((y) => (
                          <td key={y.year}>
                            <input
                              {...f.input(`financing.${l.funder}.${l.type}.${y.year}`)}
                              aria-label={`${lineName(l)} ${y.year}`}
                              inputMode="decimal"
                              value={amounts[`${l.funder}:${l.type}:${y.year}`] ?? ''}
                              onChange={(e) => setAmounts({ ...amounts, [`${l.funder}:${l.type}:${y.year}`]: e.target.value })}
                            />
                            {f.error(`financing.${l.funder}.${l.type}.${y.year}`)}
                          </td>
                        ))}
                        <td>
                          <button type="button" className="button" onClick={() => setLines(lines.filter((x) => lineKey(x) !== lineKey(l)))}>
                            Ta bort<span className="visually-hidden"> {lineName(l)}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {funders.load.state === 'ok' && (
              <div className="add-financing">
                <div className="field">
                  <label htmlFor={f.id('new-funder')}>Finansiär för en ny rad</label>
                  <select
                    id={f.id('new-funder')}
                    value={newFunder}
                    onChange={(e) => {
                      setNewFunder(e.target.value);
                      setNewType(funderList.find((x) => x.code === e.target.value)?.financingTypes[0] ?? '');
                    }}
                  >
                    <option value="">Välj…</option>
                    {funderList.map((x) => (
                      <option key={x.code} value={x.code}>
                        {x.name} (högst {percentText(x.maxSharePercent)} %)
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={f.id('new-type')}>Finansieringstyp för den nya raden</label>
                  <select id={f.id('new-type')} value={newType} disabled={newFunder === ''} onChange={(e) => setNewType(e.target.value as FinancingType)}>
                    {newFunder === '' && <option value="">Välj finansiär först</option>}
                    {typesOfNew.map((t) => (
                      <option key={t} value={t}>
                        {typeName(t)}
                      </option>
                    ))}
                  </select>
                </div>
                <p>
                  <button type="button" className="button" onClick={addLine} disabled={newFunder === '' || newType === ''}>
                    Lägg till finansieringsrad
                  </button>
                </p>
              </div>
            )}
            <p className="hint">
              Finansieringen ska vara lika stor som kostnaden varje år. EU-stöd kommer bara från projektets program. Medfinansiering i annat än pengar (bidrag in natura) blir varken intäkt eller
              kostnad i nämndens plan.
            </p>
            {f.error('financing')}
          </fieldset>
          <fieldset {...f.group('maxShares')}>
            <legend>Högsta andel av projektets kostnader per finansiär (%)</legend>
            <p className="hint">Standardvärdet gäller om inget annat anges; utlysningen kan tillåta en annan andel. Regionala projektmedel (1:1) högst 50 %.</p>
            {p.funderShares.map((s) => (
              <div className="field field-inline" key={s.funder}>
                <label htmlFor={f.id(`maxShares.${s.funder}`)}>
                  {s.name} (standard {percentText(s.defaultPercent)} %)
                </label>
                <input
                  {...f.input(`maxShares.${s.funder}`)}
                  inputMode="decimal"
                  value={shares[s.funder] ?? ''}
                  onChange={(e) => setShares({ ...shares, [s.funder]: e.target.value })}
                />
                {f.error(`maxShares.${s.funder}`)}
              </div>
            ))}
            {f.error('maxShares')}
          </fieldset>
        </>
      )}
    </FieldForm>
  );
}

/** The staff rows' table, rendered as part of the form (a plain function, so its errors count as shown beside their fields). */
function staffRows({ f, staff, setStaff, years, firstYear, upliftPpm, onAdd }: {
  f: Fields; staff: StaffDraft[]; setStaff: (s: StaffDraft[]) => void; years: number[]; firstYear: number; upliftPpm: number; onAdd: () => void;
}) {
  const change = (i: number, patch: Partial<StaffDraft>) => setStaff(staff.map((s, n) => (n === i ? { ...s, ...patch } : s)));
  const rates = (s: StaffDraft): { base: Ore; year: Ore } | null => {
    const salary = parseAmount(s.salary, 'kr');
    if (!salary.ok) return null;
    return { base: staffHourlyRate(salary.value), year: staffUnitCost(salary.value, Number(s.year), firstYear, upliftPpm) };
  };
  return (
    <fieldset {...f.group('staff')}>
      <legend>Personal som enhetskostnad (månadslön × 12 / 1 720 timmar)</legend>
      {staff.length === 0 ? (
        <p>Inga personalrader.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Personalrader">
          <table className="data-table">
            <caption>Personalrader</caption>
            <thead>
              <tr>
                <th scope="col">Roll</th>
                <th scope="col">År</th>
                <th scope="col">Månadslön (kr)</th>
                <th scope="col">Timmar</th>
                <th scope="col">Enhetskostnad per timme</th>
                <th scope="col">
                  <span className="visually-hidden">Ta bort</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s, i) => {
                const r = rates(s);
                const n = i + 1;
                return (
                  <tr key={s.key}>
                    <td>
                      <input className="wide" {...f.input(`staff.${i}.role`)} aria-label={`Roll, rad ${n}`} value={s.role} onChange={(e) => change(i, { role: e.target.value })} />
                      {f.error(`staff.${i}.role`)}
                    </td>
                    <td>
                      <select {...f.input(`staff.${i}.year`)} aria-label={`År, rad ${n}`} value={s.year} onChange={(e) => change(i, { year: e.target.value })}>
                        {years.map((y) => (
                          <option key={y}>{y}</option>
                        ))}
                      </select>
                      {f.error(`staff.${i}.year`)}
                    </td>
                    <td>
                      <input {...f.input(`staff.${i}.monthlySalaryOre`)} aria-label={`Månadslön, rad ${n}`} inputMode="decimal" value={s.salary} onChange={(e) => change(i, { salary: e.target.value })} />
                      {f.error(`staff.${i}.monthlySalaryOre`)}
                    </td>
                    <td>
                      <input {...f.input(`staff.${i}.hours`)} aria-label={`Timmar, rad ${n}`} inputMode="numeric" value={s.hours} onChange={(e) => change(i, { hours: e.target.value })} />
                      {f.error(`staff.${i}.hours`)}
                    </td>
                    <td className="derived" data-unit-cost={i}>
                      {r === null
                        ? '–'
                        : r.year === r.base
                          ? `${formatKrExact(r.base)}/h`
                          : `${formatKrExact(r.base)}/h, uppräknad ${s.year}: ${formatKrExact(r.year)}/h`}
                    </td>
                    <td>
                      <button type="button" className="button" onClick={() => setStaff(staff.filter((_, m) => m !== i))}>
                        Ta bort<span className="visually-hidden"> rad {n}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <button type="button" className="button" onClick={onAdd}>
          Lägg till personalrad
        </button>
      </p>
      {f.error('staff')}
    </fieldset>
  );
}
