// What an editor adds to the goals: a strategy (e.g. RUS 2020–2030 with its priorities), a goal linked
// to one or more sub-strategies of the strategy that applies, an indicator (unit, baseline, a target
// for each year of any range, direction, Kolada KPI or manual) and an activity (owner, due date).
// The goal, indicator and activity forms also change an existing one (GoalDetail opens them with it).
// Errors beside the field.
import { useEffect, useState } from 'react';
import type { Org } from '../api-types.ts';
import { featureApi } from '../feature-api.ts';
import type { GoalView, StrategiesView } from '../feature-types.ts';
import { parseOutcomeValue } from '../domain.ts';
import { fieldError, FieldForm, type Fields, textField } from './FieldForm.tsx';

type Indicator = GoalView['indicators'][number];
type Activity = GoalView['activities'][number];

interface Props {
  org: Org;
  year: number;
  goals: GoalView[];
  strategies: StrategiesView;
  onChanged: () => void;
}

const toNumber = (text: string): number | null => {
  const r = parseOutcomeValue(text);
  return r.ok ? r.value : null;
};
/** A number as the inputs show it (decimal comma). */
export const numberText = (v: number | null): string => (v === null ? '' : String(v).replace('.', ','));

export function GoalEditForms({ org, year, goals, strategies, onChanged }: Props) {
  return (
    <section className="panel" aria-labelledby="goal-add-h">
      <h2 id="goal-add-h">Lägg till strategi, mål, indikatorer och aktiviteter</h2>
      <NewStrategyForm org={org} onChanged={onChanged} />
      <GoalForm org={org} strategies={strategies} onDone={onChanged} />
      {goals.length > 0 && <IndicatorForm org={org} year={year} goals={goals} onDone={onChanged} />}
      {goals.length > 0 && <ActivityForm org={org} goals={goals} onDone={onChanged} />}
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
          {textField({ f, name: 'code', label: 'Kod', value: code, onChange: setCode })}
          {textField({ f, name: 'name', label: 'Namn', value: name, onChange: setName })}
          {textField({ f, name: 'firstYear', label: 'Första år', inputMode: 'numeric', value: first, onChange: setFirst })}
          {textField({ f, name: 'lastYear', label: 'Sista år', inputMode: 'numeric', value: last, onChange: setLast })}
          {textField({ f, name: 'subStrategies', label: 'Delstrategier eller prioriteringar (en per rad)', rows: 6, value: subs, onChange: setSubs })}
        </>
      )}
    </FieldForm>
  );
}

/** The goal a new indicator, activity or assessment belongs to. */
export function GoalSelect({ f, goals, value, onChange }: { f: Fields; goals: GoalView[]; value: string; onChange: (id: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={f.id('goal')}>Mål</label>
      <select {...f.input('goal')} value={value} onChange={(e) => onChange(e.target.value)}>
        {goals.map((g) => (
          <option key={g.id} value={g.id}>{g.title}</option>
        ))}
      </select>
      {f.error('goal')}
    </div>
  );
}

/** A goal's form: a new goal, or with `goal` a change of that goal. */
export function GoalForm({ org, strategies, goal, onDone }: { org: Org; strategies: StrategiesView; goal?: GoalView; onDone: () => void }) {
  const [strategyCode, setStrategyCode] = useState(goal?.strategyCode ?? strategies.current ?? strategies.strategies[0]?.code ?? '');
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [chosen, setChosen] = useState<number[]>(goal?.subStrategies ?? []);
  // A move to another strategy makes it the one new goals start from.
  useEffect(() => {
    if (goal !== undefined) return;
    if (strategies.current !== null) setStrategyCode(strategies.current);
    setChosen([]);
  }, [strategies.current, goal]);
  const strategy = strategies.strategies.find((s) => s.code === strategyCode);
  const submit = () => {
    if (title.trim() === '') return fieldError('title', 'Mål: skriv målet.');
    if (chosen.length === 0) return fieldError('subStrategies', 'Delstrategier: välj minst en delstrategi som målet utgår från.');
    const body = { title: title.trim(), description, strategyCode, subStrategies: chosen };
    return goal === undefined ? featureApi.createGoal(org.code, body) : featureApi.updateGoal(org.code, goal.id, body);
  };
  const done = () => {
    if (goal === undefined) {
      setTitle('');
      setDescription('');
      setChosen([]);
    }
    onDone();
  };
  return (
    <FieldForm legend={goal === undefined ? 'Nytt mål' : 'Ändra målet'} submitLabel={goal === undefined ? 'Lägg till målet' : 'Spara målet'}
      doneMessage={goal === undefined ? 'Målet är tillagt.' : 'Målet är sparat.'} onDone={done}
      fields={['title', 'description', 'strategyCode', 'subStrategies']} onSubmit={submit}>
      {(f) => (
        <>
          {textField({ f, name: 'title', label: 'Mål', value: title, onChange: setTitle })}
          {textField({ f, name: 'description', label: 'Beskrivning', rows: 2, value: description, onChange: setDescription })}
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

const YEAR = /^\d{4}$/;
/** The most target years one form shows at once; the API takes any range. */
const MAX_TARGET_YEARS = 40;

/** An indicator's form: a new indicator on a chosen goal, or with `indicator` a change of that one. Targets for each year of any range. */
export function IndicatorForm({ org, year, goals, indicator, onDone }: { org: Org; year: number; goals?: GoalView[]; indicator?: Indicator; onDone: () => void }) {
  const known = indicator?.targets.map((t) => t.year) ?? [];
  const [goalId, setGoalId] = useState(String(goals?.[0]?.id ?? ''));
  const [name, setName] = useState(indicator?.name ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [direction, setDirection] = useState<'higher' | 'lower'>(indicator?.direction ?? 'higher');
  const [source, setSource] = useState<'kolada' | 'manual'>(indicator?.koladaKpi ? 'kolada' : 'manual');
  const [kpi, setKpi] = useState(indicator?.koladaKpi ?? '');
  const [genderSplit, setGenderSplit] = useState(indicator?.genderSplit ?? false);
  const [baselineYear, setBaselineYear] = useState(indicator?.baselineYear === null || indicator === undefined ? '' : String(indicator.baselineYear));
  const [baselineValue, setBaselineValue] = useState(numberText(indicator?.baselineValue ?? null));
  const [firstYear, setFirstYear] = useState(String(Math.min(year, ...known)));
  const [lastYear, setLastYear] = useState(String(Math.max(year + 3, ...known)));
  const [targets, setTargets] = useState<Record<number, string>>(Object.fromEntries(indicator?.targets.map((t) => [t.year, numberText(t.target)]) ?? []));
  const first = Number(firstYear.trim());
  const last = Number(lastYear.trim());
  const rangeOk = YEAR.test(firstYear.trim()) && YEAR.test(lastYear.trim()) && last >= first && last - first < MAX_TARGET_YEARS;
  const targetYears = rangeOk ? Array.from({ length: last - first + 1 }, (_, n) => first + n) : [];
  const fields = ['goal', 'name', 'unit', 'direction', 'koladaKpi', 'genderSplit', 'baselineYear', 'baselineValue', 'firstYear', 'lastYear', 'targets', ...targetYears.map((y) => `targets.${y}`)];
  const submit = () => {
    if (name.trim() === '') return fieldError('name', 'Namn: ange indikatorns namn.');
    if (unit.trim() === '') return fieldError('unit', 'Enhet: ange enheten, t.ex. procent, antal eller kronor.');
    if (source === 'kolada' && !/^[NU]\d{5}$/.test(kpi.trim())) return fieldError('koladaKpi', `Kolada-id: "${kpi}" är inget nyckeltal i Kolada (skrivs t.ex. N00914).`);
    const by = baselineYear.trim();
    if (by !== '' && !YEAR.test(by)) return fieldError('baselineYear', 'Utgångsår: ange ett år med fyra siffror.');
    const bv = baselineValue.trim() === '' ? null : toNumber(baselineValue);
    if (baselineValue.trim() !== '' && bv === null) return fieldError('baselineValue', 'Utgångsvärde: ange ett tal, t.ex. 78,5.');
    if (!YEAR.test(firstYear.trim())) return fieldError('firstYear', 'Målvärden från år: ange ett år med fyra siffror.');
    if (!YEAR.test(lastYear.trim()) || last < first) return fieldError('lastYear', `Målvärden till år: ange ett år med fyra siffror, ${first} eller senare.`);
    if (!rangeOk) return fieldError('lastYear', `Målvärden till år: högst ${MAX_TARGET_YEARS} år åt gången.`);
    const list: { year: number; target: number }[] = [];
    for (const y of targetYears) {
      const text = targets[y] ?? '';
      if (text.trim() === '') continue;
      const v = toNumber(text);
      if (v === null) return fieldError(`targets.${y}`, `Målvärde ${y}: ange ett tal, t.ex. 80.`);
      list.push({ year: y, target: v });
    }
    const body = {
      name: name.trim(), unit: unit.trim(), direction, koladaKpi: source === 'kolada' ? kpi.trim() : null, genderSplit,
      baselineYear: by === '' ? null : Number(by), baselineValue: bv, targets: list,
    };
    return indicator === undefined ? featureApi.addIndicator(org.code, Number(goalId), body) : featureApi.updateIndicator(org.code, indicator.id, body);
  };
  return (
    <FieldForm legend={indicator === undefined ? 'Ny indikator' : `Ändra indikatorn ${indicator.name}`} submitLabel={indicator === undefined ? 'Lägg till indikatorn' : 'Spara indikatorn'}
      doneMessage={indicator === undefined ? 'Indikatorn är tillagd.' : 'Indikatorn är sparad.'} onDone={onDone} fields={fields} onSubmit={submit}>
      {(f) => (
        <>
          {goals !== undefined && <GoalSelect f={f} goals={goals} value={goalId} onChange={setGoalId} />}
          {textField({ f, name: 'name', label: 'Indikator', value: name, onChange: setName })}
          {textField({ f, name: 'unit', label: 'Enhet (t.ex. %, antal, kr)', value: unit, onChange: setUnit })}
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
          {source === 'kolada' && textField({ f, name: 'koladaKpi', label: 'Kolada-id (t.ex. N00914)', value: kpi, onChange: setKpi })}
          <div className="field field-check">
            <input type="checkbox" {...f.input('genderSplit')} checked={genderSplit} onChange={(e) => setGenderSplit(e.target.checked)} />
            <label htmlFor={f.id('genderSplit')}>Uppdelad på kvinnor och män</label>
            {f.error('genderSplit')}
          </div>
          {textField({ f, name: 'baselineYear', label: 'Utgångsår', inputMode: 'numeric', value: baselineYear, onChange: setBaselineYear })}
          {textField({ f, name: 'baselineValue', label: 'Utgångsvärde', inputMode: 'decimal', value: baselineValue, onChange: setBaselineValue })}
          <fieldset {...f.group('targets')}>
            <legend>Målvärde per år</legend>
            <div className="field field-inline">
              <label htmlFor={f.id('firstYear')}>Målvärden från år</label>
              <input {...f.input('firstYear')} inputMode="numeric" value={firstYear} onChange={(e) => setFirstYear(e.target.value)} />
              {f.error('firstYear')}
            </div>
            <div className="field field-inline">
              <label htmlFor={f.id('lastYear')}>Målvärden till år</label>
              <input {...f.input('lastYear')} inputMode="numeric" value={lastYear} onChange={(e) => setLastYear(e.target.value)} />
              {f.error('lastYear')}
            </div>
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

/** An activity's form: a new activity on a chosen goal, or with `activity` a change of that one (done included). */
export function ActivityForm({ org, goals, activity, onDone }: { org: Org; goals?: GoalView[]; activity?: Activity; onDone: () => void }) {
  const [goalId, setGoalId] = useState(String(goals?.[0]?.id ?? ''));
  const [title, setTitle] = useState(activity?.title ?? '');
  const [owner, setOwner] = useState(activity?.owner ?? '');
  const [dueDay, setDueDay] = useState(activity?.dueDay ?? '');
  const [done, setDone] = useState(activity?.done ?? false);
  const submit = () => {
    if (title.trim() === '') return fieldError('title', 'Aktivitet: beskriv aktiviteten.');
    if (owner.trim() === '') return fieldError('owner', 'Ansvarig: ange vem som äger aktiviteten.');
    const body = { title: title.trim(), owner: owner.trim(), dueDay: dueDay.trim() };
    return activity === undefined ? featureApi.addActivity(org.code, Number(goalId), body) : featureApi.updateActivity(org.code, activity.id, { ...body, done });
  };
  return (
    <FieldForm legend={activity === undefined ? 'Ny aktivitet' : `Ändra aktiviteten ${activity.title}`} submitLabel={activity === undefined ? 'Lägg till aktiviteten' : 'Spara aktiviteten'}
      doneMessage={activity === undefined ? 'Aktiviteten är tillagd.' : 'Aktiviteten är sparad.'}
      onDone={() => { if (activity === undefined) setTitle(''); onDone(); }}
      fields={['goal', 'title', 'owner', 'dueDay', 'done']} onSubmit={submit}>
      {(f) => (
        <>
          {goals !== undefined && <GoalSelect f={f} goals={goals} value={goalId} onChange={setGoalId} />}
          {textField({ f, name: 'title', label: 'Aktivitet', value: title, onChange: setTitle })}
          {textField({ f, name: 'owner', label: 'Ansvarig', value: owner, onChange: setOwner })}
          {textField({ f, name: 'dueDay', label: 'Klart senast (ÅÅÅÅ-MM-DD)', value: dueDay, onChange: setDueDay })}
          {activity !== undefined && (
            <div className="field field-check">
              <input type="checkbox" {...f.input('done')} checked={done} onChange={(e) => setDone(e.target.checked)} />
              <label htmlFor={f.id('done')}>Klar</label>
              {f.error('done')}
            </div>
          )}
        </>
      )}
    </FieldForm>
  );
}
