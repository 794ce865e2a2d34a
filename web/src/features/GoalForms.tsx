// What a planner or controller records for the goals: an assessment per goal and period, an
// indicator's outcome (women and men beside the total where the KPI is split by sex), a Kolada fetch,
// and the move to a new strategy. The server checks everything and names the field that is wrong.
import { useState } from 'react';
import type { Org } from '../api-types.ts';
import { featureApi } from '../feature-api.ts';
import type { GoalView, StrategiesView } from '../feature-types.ts';
import { ActionForm } from './ActionForm.tsx';

interface Props {
  org: Org;
  year: number;
  goals: GoalView[];
  strategies: StrategiesView;
  onChanged: () => void;
}

const toNumber = (text: string): number | null => {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  return t === '' ? null : Number(t);
};

export function GoalForms({ org, year, goals, strategies, onChanged }: Props) {
  const indicators = goals.flatMap((g) => g.indicators);
  const kpis = [...new Set(['N01951', ...indicators.flatMap((i) => (i.koladaKpi === null ? [] : [i.koladaKpi]))])];
  const [goalId, setGoalId] = useState(String(goals[0]?.id ?? ''));
  const [period, setPeriod] = useState(`${year}-T1`);
  const [assessment, setAssessment] = useState('met');
  const [comment, setComment] = useState('');
  const [indicatorId, setIndicatorId] = useState(String(indicators[0]?.id ?? ''));
  const [outPeriod, setOutPeriod] = useState(`${year}-Å`);
  const [total, setTotal] = useState('');
  const [women, setWomen] = useState('');
  const [men, setMen] = useState('');
  const [kpi, setKpi] = useState(kpis[0] ?? 'N01951');
  const [koladaMessage, setKoladaMessage] = useState('');
  const [strategyCode, setStrategyCode] = useState(strategies.strategies.at(-1)?.code ?? '');
  const [fromYear, setFromYear] = useState(String(year + 1));
  const chosen = indicators.find((i) => String(i.id) === indicatorId);
  return (
    <section className="panel" aria-labelledby="goal-edit-h">
      <h2 id="goal-edit-h">Följ upp målen</h2>
      {goals.length > 0 && (
        <ActionForm id="assess-form" legend="Bedömning av ett mål" submitLabel="Spara bedömningen" doneMessage="Bedömningen är sparad." onDone={onChanged}
          onSubmit={() => featureApi.assessGoal(org.code, Number(goalId), { period, assessment, comment })}>
          <div className="field">
            <label htmlFor="assess-goal">Mål</label>
            <select id="assess-goal" value={goalId} onChange={(e) => setGoalId(e.target.value)}>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>{g.title}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="assess-period">Period (ÅÅÅÅ-T1…T3, ÅÅÅÅ-D för delår, ÅÅÅÅ-Å för helår)</label>
            <input id="assess-period" value={period} onChange={(e) => setPeriod(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="assess-value">Bedömning</label>
            <select id="assess-value" value={assessment} onChange={(e) => setAssessment(e.target.value)}>
              <option value="met">Uppfyllt</option>
              <option value="partly">Delvis uppfyllt</option>
              <option value="not">Ej uppfyllt</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="assess-comment">Kommentar</label>
            <textarea id="assess-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
        </ActionForm>
      )}
      {indicators.length > 0 && (
        <ActionForm id="outcome-form" legend="Utfall för en indikator" submitLabel="Spara utfallet" doneMessage="Utfallet är sparat." onDone={onChanged}
          onSubmit={() => {
            const t = toNumber(total);
            if (t === null || Number.isNaN(t)) return Promise.resolve({ ok: false as const, status: 400, error: { error: 'validation', field: 'total', message: 'Totalt: ange ett tal, t.ex. 78,5.' } });
            return featureApi.recordOutcome(org.code, Number(indicatorId), { period: outPeriod, total: t, women: toNumber(women), men: toNumber(men) });
          }}>
          <div className="field">
            <label htmlFor="outcome-indicator">Indikator</label>
            <select id="outcome-indicator" value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)}>
              {indicators.map((i) => (
                <option key={i.id} value={i.id}>{i.name} ({i.unit})</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="outcome-period">Period</label>
            <input id="outcome-period" value={outPeriod} onChange={(e) => setOutPeriod(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="outcome-total">Totalt</label>
            <input id="outcome-total" inputMode="decimal" value={total} onChange={(e) => setTotal(e.target.value)} />
          </div>
          {chosen?.genderSplit === true && (
            <>
              <div className="field">
                <label htmlFor="outcome-women">Kvinnor</label>
                <input id="outcome-women" inputMode="decimal" value={women} onChange={(e) => setWomen(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="outcome-men">Män</label>
                <input id="outcome-men" inputMode="decimal" value={men} onChange={(e) => setMen(e.target.value)} />
              </div>
            </>
          )}
        </ActionForm>
      )}
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
