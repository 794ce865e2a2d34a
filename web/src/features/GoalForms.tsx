// What a planner or controller records for the goals: an assessment per goal and period, an
// indicator's outcome (women and men beside the total where the KPI is split by sex), a Kolada fetch,
// and the move to a new strategy. The assessment and outcome forms also change an existing entry
// (GoalDetail opens them with it). The server checks everything and names the field that is wrong.
import { useState } from 'react';
import type { Org } from '../api-types.ts';
import { featureApi } from '../feature-api.ts';
import type { GoalView, StrategiesView } from '../feature-types.ts';
import { ActionForm } from './ActionForm.tsx';
import { fieldError, FieldForm, textField } from './FieldForm.tsx';
import { GoalSelect, numberText } from './GoalEditForms.tsx';
import { parseOutcomeValue } from '../domain.ts';

interface Props {
  org: Org;
  year: number;
  goals: GoalView[];
  strategies: StrategiesView;
  onChanged: () => void;
}

type Assessment = GoalView['assessments'][number];
type Indicator = GoalView['indicators'][number];
type Outcome = Indicator['outcomes'][number];

/** An assessment's form: a new one for a chosen goal, or with `goalId` and `entry` a change of that one (a new period moves it). */
export function AssessmentForm({ org, year, goals, goalId: fixedGoal, entry, onDone }: {
  org: Org; year: number; goals?: GoalView[]; goalId?: number; entry?: Assessment; onDone: () => void;
}) {
  const [goalId, setGoalId] = useState(String(fixedGoal ?? goals?.[0]?.id ?? ''));
  const [period, setPeriod] = useState(entry?.period ?? `${year}-T1`);
  const [assessment, setAssessment] = useState<string>(entry?.assessment ?? 'met');
  const [comment, setComment] = useState(entry?.comment ?? '');
  const submit = () => {
    const body = { period: period.trim(), assessment, comment };
    return entry === undefined ? featureApi.assessGoal(org.code, Number(goalId), body) : featureApi.updateAssessment(org.code, Number(goalId), entry.period, body);
  };
  return (
    <FieldForm legend={entry === undefined ? 'Bedömning av ett mål' : `Ändra bedömningen ${entry.period}`} submitLabel={entry === undefined ? 'Spara bedömningen' : 'Spara ändringen'}
      doneMessage="Bedömningen är sparad." onDone={onDone} fields={['goal', 'period', 'assessment', 'comment']} onSubmit={submit}>
      {(f) => (
        <>
          {goals !== undefined && <GoalSelect f={f} goals={goals} value={goalId} onChange={setGoalId} />}
          {textField({ f, name: 'period', label: 'Period (ÅÅÅÅ-T1…T3, ÅÅÅÅ-D för delår, ÅÅÅÅ-Å för helår)', value: period, onChange: setPeriod })}
          <div className="field">
            <label htmlFor={f.id('assessment')}>Bedömning</label>
            <select {...f.input('assessment')} value={assessment} onChange={(e) => setAssessment(e.target.value)}>
              <option value="met">Uppfyllt</option>
              <option value="partly">Delvis uppfyllt</option>
              <option value="not">Ej uppfyllt</option>
            </select>
            {f.error('assessment')}
          </div>
          {textField({ f, name: 'comment', label: 'Kommentar', rows: 3, value: comment, onChange: setComment })}
        </>
      )}
    </FieldForm>
  );
}

/** An outcome's form: a new one for a chosen indicator, or with `indicator` and `entry` a change of that one (a new period moves it). */
export function OutcomeForm({ org, year, indicators, indicator: fixed, entry, onDone }: {
  org: Org; year: number; indicators?: Indicator[]; indicator?: Indicator; entry?: Outcome; onDone: () => void;
}) {
  const [indicatorId, setIndicatorId] = useState(String(fixed?.id ?? indicators?.[0]?.id ?? ''));
  const [period, setPeriod] = useState(entry?.period ?? `${year}-Å`);
  const [total, setTotal] = useState(numberText(entry?.total ?? null));
  const [women, setWomen] = useState(numberText(entry?.women ?? null));
  const [men, setMen] = useState(numberText(entry?.men ?? null));
  const chosen = fixed ?? indicators?.find((i) => String(i.id) === indicatorId);
  const submit = () => {
    const values: Record<'total' | 'women' | 'men', number | null> = { total: null, women: null, men: null };
    for (const [field, label, text] of [['total', 'Totalt', total], ['women', 'Kvinnor', women], ['men', 'Män', men]] as const) {
      if (text.trim() === '' && field !== 'total') continue;
      const r = parseOutcomeValue(text);
      if (!r.ok) return fieldError(field, `${label}: ange ett tal, t.ex. 78,5.`);
      values[field] = r.value;
    }
    const body = { period: period.trim(), total: values.total ?? 0, women: values.women, men: values.men };
    return entry === undefined ? featureApi.recordOutcome(org.code, Number(indicatorId), body) : featureApi.updateOutcome(org.code, Number(indicatorId), entry.period, body);
  };
  return (
    <FieldForm legend={entry === undefined ? 'Utfall för en indikator' : `Ändra utfallet ${entry.period}`} submitLabel={entry === undefined ? 'Spara utfallet' : 'Spara ändringen'}
      doneMessage="Utfallet är sparat." onDone={onDone} fields={['indicator', 'period', 'total', 'women', 'men']} onSubmit={submit}>
      {(f) => (
        <>
          {indicators !== undefined && (
            <div className="field">
              <label htmlFor={f.id('indicator')}>Indikator</label>
              <select {...f.input('indicator')} value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)}>
                {indicators.map((i) => (
                  <option key={i.id} value={i.id}>{i.name} ({i.unit})</option>
                ))}
              </select>
              {f.error('indicator')}
            </div>
          )}
          {textField({ f, name: 'period', label: 'Period', value: period, onChange: setPeriod })}
          {textField({ f, name: 'total', label: 'Totalt', inputMode: 'decimal', value: total, onChange: setTotal })}
          {chosen?.genderSplit === true && (
            <>
              {textField({ f, name: 'women', label: 'Kvinnor', inputMode: 'decimal', value: women, onChange: setWomen })}
              {textField({ f, name: 'men', label: 'Män', inputMode: 'decimal', value: men, onChange: setMen })}
            </>
          )}
        </>
      )}
    </FieldForm>
  );
}

export function GoalForms({ org, year, goals, strategies, onChanged }: Props) {
  const indicators = goals.flatMap((g) => g.indicators);
  const kpis = [...new Set(['N01951', ...indicators.flatMap((i) => (i.koladaKpi === null ? [] : [i.koladaKpi]))])];
  const [kpi, setKpi] = useState(kpis[0] ?? 'N01951');
  const [koladaMessage, setKoladaMessage] = useState('');
  const [strategyCode, setStrategyCode] = useState(strategies.strategies.at(-1)?.code ?? '');
  const [fromYear, setFromYear] = useState(String(year + 1));
  return (
    <section className="panel" aria-labelledby="goal-edit-h">
      <h2 id="goal-edit-h">Följ upp målen</h2>
      {goals.length > 0 && <AssessmentForm org={org} year={year} goals={goals} onDone={onChanged} />}
      {indicators.length > 0 && <OutcomeForm org={org} year={year} indicators={indicators} onDone={onChanged} />}
      <ActionForm id="kolada-form" legend="Hämta från Kolada" submitLabel="Hämta" doneMessage="Hämtningen är klar." onDone={onChanged}
        onSubmit={async () => {
          const r = await featureApi.fetchKolada(org.code, kpi, [year - 1, year]);
          if (r.ok) setKoladaMessage(r.value.message);
          return r.ok && !r.value.ok ? { ok: false as const, status: 502, error: { error: 'kolada', message: r.value.message } } : r;
        }}>
        <div className="field">
          <label htmlFor="kolada-kpi">Nyckeltal</label>
          <select id="kolada-kpi" value={kpi} onChange={(e) => setKpi(e.target.value)}>
            {kpis.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </div>
        <p className="hint">Hämtar {year - 1} och {year} för regionen, kommunerna och riket. {koladaMessage}</p>
      </ActionForm>
      {strategies.strategies.length > 0 && (
        <ActionForm id="adopt-form" legend="Byt regional utvecklingsstrategi" submitLabel="Byt strategi" doneMessage="Strategin gäller från det valda året; den tidigare finns kvar för åren före." onDone={onChanged}
          onSubmit={() => featureApi.adoptStrategy(org.code, strategyCode, Number(fromYear))}>
          <div className="field">
            <label htmlFor="adopt-strategy">Strategi</label>
            <select id="adopt-strategy" value={strategyCode} onChange={(e) => setStrategyCode(e.target.value)}>
              {strategies.strategies.map((s) => (
                <option key={s.code} value={s.code}>{s.name}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="adopt-year">Gäller från år</label>
            <input id="adopt-year" inputMode="numeric" value={fromYear} onChange={(e) => setFromYear(e.target.value)} />
          </div>
        </ActionForm>
      )}
    </section>
  );
}
