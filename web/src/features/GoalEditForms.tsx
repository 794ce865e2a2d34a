// What an editor adds to the goals: a strategy (e.g. RUS 2020–2030 with its priorities), a goal linked
// to one or more sub-strategies of the strategy that applies, an indicator (unit, baseline, target
// per year, direction, Kolada KPI or manual) and an activity (owner, due date). Errors beside the field.
import { useEffect, useState } from 'react';
import type { Org } from '../api-types.ts';
import { featureApi } from '../feature-api.ts';
import type { GoalView, StrategiesView } from '../feature-types.ts';
import { FieldForm, fieldError } from './FieldForm.tsx';

interface Props {
  org: Org;
  year: number;
  goals: GoalView[];
  strategies: StrategiesView;
  onChanged: () => void;
}

const toNumber = (text: string): number | null => {
  const t = text.trim().replace(/[\s\u00a0]/g, '').replace(',', '.').replace(/^\u2212/, '-');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

export function GoalEditForms({ org, year, goals, strategies, onChanged }: Props) {
  return (
    <section className="panel" aria-labelledby="goal-add-h">
      <h2 id="goal-add-h">Lägg till strategi, mål, indikatorer och aktiviteter</h2>
      <NewStrategyForm org={org} onChanged={onChanged} />
      <NewGoalForm org={org} strategies={strategies} onChanged={onChanged} />
      {goals.length > 0 && <NewIndicatorForm org={org} year={year} goals={goals} onChanged={onChanged} />}
      {goals.length > 0 && <NewActivityForm org={org} goals={goals} onChanged={onChanged} />}
    </section>
  );
}

function NewStrategyForm({ org, onChanged }: { org: Org; onChanged: () => void }) {
  const [code, setCode] = useState('RUS-2020-2030');
  const [name, setName] = useState('');
  const [first, setFirst] = useState('2020');
  const [last, setLast] = useState('2030');
  const [subs, setSubs] = useState('');
  const submit = () => {
    if (!/^\d{4}$/.test(first.trim())) return fieldError('firstYear', 'Första år: ange ett år med fyra siffror.');
    if (!/^\d{4}$/.test(last.trim())) return fieldError('lastYear', 'Sista år: ange ett år med fyra siffror.');
    const list = subs.split(/\r?\n/).map((x) => x.trim()).filter((x) => x !== '');
    if (list.length === 0) return fieldError('subStrategies', 'Delstrategier: skriv minst en delstrategi eller prioritering, en per rad.');
    return featureApi.addStrategy(org.code, { code: code.trim(), name: name.trim(), firstYear: Number(first), lastYear: Number(last), subStrategies: list });
  };
  return (
    <FieldForm legend="Ny regional utvecklingsstrategi" submitLabel="Lägg till strategin" doneMessage="Strategin är tillagd; välj den nedan för att byta till den från ett visst år." onDone={onChanged}
      fields={['code', 'name', 'firstYear', 'lastYear', 'subStrategies']} onSubmit={submit}>
      {(f) => (
        <>
          <div className="field">
            <label htmlFor={f.id('code')}>Kod</label>
            <input {...f.input('code')} value={code} onChange={(e) => setCode(e.target.value)} />
            {f.error('code')}
          </div>
          <div className="field">
            <label htmlFor={f.id('name')}>Namn</label>
            <input {...f.input('name')} value={name} onChange={(e) => setName(e.target.value)} />
            {f.error('name')}
          </div>
          <div className="field">
            <label htmlFor={f.id('firstYear')}>Första år</label>
            <input {...f.input('firstYear')} inputMode="numeric" value={first} onChange={(e) => setFirst(e.target.value)} />
            {f.error('firstYear')}
          </div>
          <div className="field">
            <label htmlFor={f.id('lastYear')}>Sista år</label>
            <input {...f.input('lastYear')} inputMode="numeric" value={last} onChange={(e) => setLast(e.target.value)} />
            {f.error('lastYear')}
          </div>
          <div className="field">
            <label htmlFor={f.id('subStrategies')}>Delstrategier eller prioriteringar (en per rad)</label>
            <textarea {...f.input('subStrategies')} rows={6} value={subs} onChange={(e) => setSubs(e.target.value)} />
            {f.error('subStrategies')}
          </div>
        </>
      )}
    </FieldForm>
  );
}

function NewGoalForm({ org, strategies, onChanged }: { org: Org; strategies: StrategiesView; onChanged: () => void }) {
  const [strategyCode, setStrategyCode] = useState(strategies.current ?? strategies.strategies[0]?.code ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  // A move to another strategy makes it the one new goals start from.
  useEffect(() => {
    if (strategies.current !== null) setStrategyCode(strategies.current);
    setChosen([]);
  }, [strategies.current]);
  const strategy = strategies.strategies.find((s) => s.code === strategyCode);
  const submit = () => {
    if (title.trim() === '') return fieldError('title', 'Mål: skriv målet.');
    if (chosen.length === 0) return fieldError('subStrategies', 'Delstrategier: välj minst en delstrategi som målet utgår från.');
    return featureApi.createGoal(org.code, { title: title.trim(), description, strategyCode, subStrategies: chosen });
  };
  return (
    <FieldForm legend="Nytt mål" submitLabel="Lägg till målet" doneMessage="Målet är tillagt." onDone={() => { setTitle(''); setDescription(''); setChosen([]); onChanged(); }}
      fields={['title', 'description', 'strategyCode', 'subStrategies']} onSubmit={submit}>
      {(f) => (
        <>
          <div className="field">
            <label htmlFor={f.id('title')}>Mål</label>
            <input {...f.input('title')} value={title} onChange={(e) => setTitle(e.target.value)} />
            {f.error('title')}
          </div>
          <div className="field">
            <label htmlFor={f.id('description')}>Beskrivning</label>
            <textarea {...f.input('description')} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
            {f.error('description')}
          </div>
          <div className="field">
            <label htmlFor={f.id('strategyCode')}>Strategi</label>
            <select {...f.input('strategyCode')} value={strategyCode} onChange={(e) => { setStrategyCode(e.target.value); setChosen([]); }}>
              {strategies.strategies.map((s) => (
                <option key={s.code} value={s.code}>{s.name}</option>
              ))}
            </select>
            {f.error('strategyCode')}
          </div>
          <fieldset {...f.group('subStrategies')}>
            <legend>Delstrategier som målet utgår från (en eller flera)</legend>
            {strategy?.subStrategies.map((x) => (
              <div className="field field-check" key={x.number}>
                <input
                  type="checkbox"
                  id={`${f.id('subStrategies')}-${x.number}`}
                  checked={chosen.includes(x.number)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, x.number].sort((a, b) => a - b) : chosen.filter((n) => n !== x.number))}
                />
                <label htmlFor={`${f.id('subStrategies')}-${x.number}`}>{x.number}. {x.name}</label>
              </div>
            ))}
            {f.error('subStrategies')}
          </fieldset>
        </>
      )}
    </FieldForm>
  );
}

function NewIndicatorForm({ org, year, goals, onChanged }: { org: Org; year: number; goals: GoalView[]; onChanged: () => void }) {
  const targetYears = [year, year + 1, year + 2, year + 3];
  const [goalId, setGoalId] = useState(String(goals[0]?.id ?? ''));
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [direction, setDirection] = useState<'higher' | 'lower'>('higher');
  const [source, setSource] = useState<'kolada' | 'manual'>('manual');
  const [kpi, setKpi] = useState('');
  const [genderSplit, setGenderSplit] = useState(false);
  const [baselineYear, setBaselineYear] = useState('');
  const [baselineValue, setBaselineValue] = useState('');
  const [targets, setTargets] = useState<Record<number, string>>({});
  const fields = ['goal', 'name', 'unit', 'direction', 'koladaKpi', 'genderSplit', 'baselineYear', 'baselineValue', 'targets', ...targetYears.map((y) => `targets.${y}`)];
  const submit = () => {
    if (name.trim() === '') return fieldError('name', 'Namn: ange indikatorns namn.');
    if (unit.trim() === '') return fieldError('unit', 'Enhet: ange enheten, t.ex. procent, antal eller kronor.');
    if (source === 'kolada' && !/^[NU]\d{5}$/.test(kpi.trim())) return fieldError('koladaKpi', `Kolada-id: "${kpi}" är inget nyckeltal i Kolada (skrivs t.ex. N00914).`);
    const by = baselineYear.trim();
    if (by !== '' && !/^\d{4}$/.test(by)) return fieldError('baselineYear', 'Utgångsår: ange ett år med fyra siffror.');
    const bv = baselineValue.trim() === '' ? null : toNumber(baselineValue);
    if (baselineValue.trim() !== '' && bv === null) return fieldError('baselineValue', 'Utgångsvärde: ange ett tal, t.ex. 78,5.');
    const list: { year: number; target: number }[] = [];
    for (const y of targetYears) {
      const text = targets[y] ?? '';
      if (text.trim() === '') continue;
      const v = toNumber(text);
      if (v === null) return fieldError(`targets.${y}`, `Målvärde ${y}: ange ett tal, t.ex. 80.`);
      list.push({ year: y, target: v });
    }
    return featureApi.addIndicator(org.code, Number(goalId), {
      name: name.trim(), unit: unit.trim(), direction, koladaKpi: source === 'kolada' ? kpi.trim() : null, genderSplit,
      baselineYear: by === '' ? null : Number(by), baselineValue: bv, targets: list,
    });
  };
  return (
    <FieldForm legend="Ny indikator" submitLabel="Lägg till indikatorn" doneMessage="Indikatorn är tillagd." onDone={onChanged} fields={fields} onSubmit={submit}>
      {(f) => (
        <>
          <div className="field">
            <label htmlFor={f.id('goal')}>Mål</label>
            <select {...f.input('goal')} value={goalId} onChange={(e) => setGoalId(e.target.value)}>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>{g.title}</option>
              ))}
            </select>
            {f.error('goal')}
          </div>
          <div className="field">
            <label htmlFor={f.id('name')}>Indikator</label>
            <input {...f.input('name')} value={name} onChange={(e) => setName(e.target.value)} />
            {f.error('name')}
          </div>
          <div className="field">
            <label htmlFor={f.id('unit')}>Enhet (t.ex. %, antal, kr)</label>
            <input {...f.input('unit')} value={unit} onChange={(e) => setUnit(e.target.value)} />
            {f.error('unit')}
          </div>
          <div className="field">
            <label htmlFor={f.id('direction')}>Riktning</label>
            <select {...f.input('direction')} value={direction} onChange={(e) => setDirection(e.target.value as 'higher' | 'lower')}>
              <option value="higher">Högre är bättre</option>
              <option value="lower">Lägre är bättre</option>
            </select>
            {f.error('direction')}
          </div>
          <div className="field">
            <label htmlFor={f.id('source')}>Källa</label>
            <select id={f.id('source')} value={source} onChange={(e) => setSource(e.target.value as 'kolada' | 'manual')}>
              <option value="manual">Manuell (utfall registreras här)</option>
              <option value="kolada">Nyckeltal i Kolada</option>
            </select>
          </div>
          {source === 'kolada' && (
            <div className="field">
              <label htmlFor={f.id('koladaKpi')}>Kolada-id (t.ex. N00914)</label>
              <input {...f.input('koladaKpi')} value={kpi} onChange={(e) => setKpi(e.target.value)} />
              {f.error('koladaKpi')}
            </div>
          )}
          <div className="field field-check">
            <input type="checkbox" {...f.input('genderSplit')} checked={genderSplit} onChange={(e) => setGenderSplit(e.target.checked)} />
            <label htmlFor={f.id('genderSplit')}>Uppdelad på kvinnor och män</label>
            {f.error('genderSplit')}
          </div>
          <div className="field">
            <label htmlFor={f.id('baselineYear')}>Utgångsår</label>
            <input {...f.input('baselineYear')} inputMode="numeric" value={baselineYear} onChange={(e) => setBaselineYear(e.target.value)} />
            {f.error('baselineYear')}
          </div>
          <div className="field">
            <label htmlFor={f.id('baselineValue')}>Utgångsvärde</label>
            <input {...f.input('baselineValue')} inputMode="decimal" value={baselineValue} onChange={(e) => setBaselineValue(e.target.value)} />
            {f.error('baselineValue')}
          </div>
          <fieldset {...f.group('targets')}>
            <legend>Målvärde per år</legend>
            {targetYears.map((y) => (
              <div className="field field-inline" key={y}>
                <label htmlFor={f.id(`targets.${y}`)}>Målvärde {y}</label>
                <input {...f.input(`targets.${y}`)} inputMode="decimal" value={targets[y] ?? ''} onChange={(e) => setTargets({ ...targets, [y]: e.target.value })} />
                {f.error(`targets.${y}`)}
              </div>
            ))}
            {f.error('targets')}
          </fieldset>
        </>
      )}
    </FieldForm>
  );
}

function NewActivityForm({ org, goals, onChanged }: { org: Org; goals: GoalView[]; onChanged: () => void }) {
  const [goalId, setGoalId] = useState(String(goals[0]?.id ?? ''));
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDay, setDueDay] = useState('');
  const submit = () => {
    if (title.trim() === '') return fieldError('title', 'Aktivitet: beskriv aktiviteten.');
    if (owner.trim() === '') return fieldError('owner', 'Ansvarig: ange vem som äger aktiviteten.');
    return featureApi.addActivity(org.code, Number(goalId), { title: title.trim(), owner: owner.trim(), dueDay: dueDay.trim() });
  };
  return (
    <FieldForm legend="Ny aktivitet" submitLabel="Lägg till aktiviteten" doneMessage="Aktiviteten är tillagd." onDone={() => { setTitle(''); onChanged(); }}
      fields={['goal', 'title', 'owner', 'dueDay']} onSubmit={submit}>
      {(f) => (
        <>
          <div className="field">
            <label htmlFor={f.id('goal')}>Mål</label>
            <select {...f.input('goal')} value={goalId} onChange={(e) => setGoalId(e.target.value)}>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>{g.title}</option>
              ))}
            </select>
            {f.error('goal')}
          </div>
          <div className="field">
            <label htmlFor={f.id('title')}>Aktivitet</label>
            <input {...f.input('title')} value={title} onChange={(e) => setTitle(e.target.value)} />
            {f.error('title')}
          </div>
          <div className="field">
            <label htmlFor={f.id('owner')}>Ansvarig</label>
            <input {...f.input('owner')} value={owner} onChange={(e) => setOwner(e.target.value)} />
            {f.error('owner')}
          </div>
          <div className="field">
            <label htmlFor={f.id('dueDay')}>Klart senast (ÅÅÅÅ-MM-DD)</label>
            <input {...f.input('dueDay')} value={dueDay} onChange={(e) => setDueDay(e.target.value)} />
            {f.error('dueDay')}
          </div>
        </>
      )}
    </FieldForm>
  );
}
