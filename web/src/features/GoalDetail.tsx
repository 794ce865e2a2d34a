// One goal in detail: its description, indicators (targets per year and every recorded outcome),
// activities and assessments. An editor (plan.edit, as in the API) changes each of them in place with
// the same form that adds one, and deletes them after a confirmation that says what goes with it.
import { useState } from 'react';
import type { ApiResult } from '../api.ts';
import type { ApiErrorBody, Org } from '../api-types.ts';
import { ErrorNotice } from '../components/notices.tsx';
import { countSv, formatNumberSv, goalContentsText } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { GoalView, StrategiesView } from '../feature-types.ts';
import { canEditPlan } from './access.ts';
import { ActivityForm, GoalForm, IndicatorForm } from './GoalEditForms.tsx';
import { AssessmentForm, OutcomeForm } from './GoalForms.tsx';
import { ItemControls } from './ItemControls.tsx';

const num = (v: number | null): string => (v === null ? '–' : formatNumberSv(v, Number.isInteger(v) ? 0 : 1));

interface Props {
  g: GoalView;
  org: Org;
  year: number;
  strategies: StrategiesView | null;
  onChanged: () => void;
  /** Called when the goal itself is deleted: this section goes away, so the page announces it. */
  onDeleted: (message: string) => void;
}

export function GoalDetail({ g, org, year, strategies, onChanged, onDeleted }: Props) {
  const editable = canEditPlan(org);
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<ApiErrorBody | null>(null);
  const toggle = (key: string) => setOpen(open === key ? null : key);
  const run = async (action: Promise<ApiResult<unknown>>, done: string, after: () => void = onChanged) => {
    setFailure(null);
    setMessage('');
    const r = await action;
    if (r.ok) {
      setMessage(done);
      setOpen(null);
      after();
    } else {
      setFailure(r.error);
    }
  };
  const remove = (question: string, action: () => Promise<ApiResult<unknown>>, done: string, after?: () => void) => {
    if (window.confirm(question)) void run(action(), done, after);
  };
  const saved = (done: string) => () => {
    setMessage(done);
    setOpen(null);
    onChanged();
  };

  const deleteGoal = () => {
    const outcomes = g.indicators.reduce((n, i) => n + i.outcomes.length, 0);
    const contents = goalContentsText({ indicators: g.indicators.length, outcomes, activities: g.activities.length, assessments: g.assessments.length });
    const question = `Ta bort målet "${g.title}"?${contents !== '' ? ` Målets ${contents} tas också bort.` : ''}`;
    remove(question, () => featureApi.deleteGoal(org.code, g.id, contents !== ''), `Målet "${g.title}" är borttaget.`, () => onDeleted(`Målet "${g.title}" är borttaget.`));
  };

  return (
    <section className="panel goal-detail" aria-labelledby={`goal-${g.id}-h`} data-goal-detail={g.id}>
      <h2 id={`goal-${g.id}-h`}>{g.title}</h2>
      {g.description !== '' && <p>{g.description}</p>}
      <p className="muted">{g.subStrategyNames.join('; ')}</p>
      {editable && (
        <>
          <ItemControls what={`målet ${g.title}`} open={open === 'goal'} onToggle={() => toggle('goal')} onDelete={deleteGoal} />
          {open === 'goal' && strategies !== null && <GoalForm org={org} strategies={strategies} goal={g} onDone={saved('Målet är sparat.')} />}
        </>
      )}

      <h3>Indikatorer</h3>
      {g.indicators.length === 0 ? (
        <p>Inga indikatorer.</p>
      ) : (
        <ul className="goal-items">
          {g.indicators.map((i) => (
            <li key={i.id} data-indicator={i.id}>
              <strong>{i.name}</strong> ({i.unit}, {i.koladaKpi === null ? 'manuell' : `Kolada ${i.koladaKpi}`}, {i.direction === 'higher' ? 'högre är bättre' : 'lägre är bättre'})
              <br />
              <span className="indicator-targets">
                Målvärden: {i.targets.length === 0 ? 'inga' : i.targets.map((t) => `${t.year}: ${num(t.target)}`).join(' · ')}
              </span>
              {editable && (
                <ItemControls what={`indikatorn ${i.name}`} open={open === `indicator-${i.id}`} onToggle={() => toggle(`indicator-${i.id}`)}
                  onDelete={() => remove(
                    `Ta bort indikatorn "${i.name}" med dess målvärden?${i.outcomes.length > 0 ? ` Utfall för ${countSv(i.outcomes.length, 'period', 'perioder')} tas också bort.` : ''}`,
                    () => featureApi.deleteIndicator(org.code, i.id, i.outcomes.length > 0), `Indikatorn "${i.name}" är borttagen.`,
                  )} />
              )}
              {open === `indicator-${i.id}` && <IndicatorForm org={org} year={year} indicator={i} onDone={saved('Indikatorn är sparad.')} />}
              {i.outcomes.length > 0 && (
                <ul aria-label={`Utfall för ${i.name}`}>
                  {i.outcomes.map((o) => (
                    <li key={o.period}>
                      {o.period}: {num(o.total)}
                      {(o.women !== null || o.men !== null) && ` (kvinnor ${num(o.women)}, män ${num(o.men)})`}
                      {editable && (
                        <ItemControls what={`utfallet ${o.period} för ${i.name}`} open={open === `outcome-${i.id}-${o.period}`} onToggle={() => toggle(`outcome-${i.id}-${o.period}`)}
                          onDelete={() => remove(`Ta bort utfallet ${o.period} för "${i.name}"?`, () => featureApi.deleteOutcome(org.code, i.id, o.period), `Utfallet ${o.period} är borttaget.`)} />
                      )}
                      {open === `outcome-${i.id}-${o.period}` && <OutcomeForm org={org} year={year} indicator={i} entry={o} onDone={saved('Utfallet är sparat.')} />}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}

      <h3>Aktiviteter</h3>
      {g.activities.length === 0 ? (
        <p>Inga aktiviteter.</p>
      ) : (
        <ul className="goal-items">
          {g.activities.map((a) => (
            <li key={a.id} data-activity={a.id}>
              {a.title} – {a.owner}, klart senast {a.dueDay}
              {a.done && (a.doneBy === null ? ' (klar)' : ` (klar, markerad av ${a.doneBy}${a.doneAt === null ? '' : ` ${a.doneAt.slice(0, 10)}`})`)}
              {editable && (
                <>
                  <button type="button" className="button activity-done"
                    onClick={() => void run(featureApi.markActivityDone(org.code, a.id, !a.done), a.done ? `${a.title} är markerad som inte klar.` : `${a.title} är markerad som klar.`)}>
                    {a.done ? 'Markera som inte klar' : 'Markera som klar'}
                    <span className="visually-hidden">: {a.title}</span>
                  </button>
                  <ItemControls what={`aktiviteten ${a.title}`} open={open === `activity-${a.id}`} onToggle={() => toggle(`activity-${a.id}`)}
                    onDelete={() => remove(`Ta bort aktiviteten "${a.title}"?`, () => featureApi.deleteActivity(org.code, a.id), `Aktiviteten "${a.title}" är borttagen.`)} />
                </>
              )}
              {open === `activity-${a.id}` && <ActivityForm org={org} activity={a} onDone={saved('Aktiviteten är sparad.')} />}
            </li>
          ))}
        </ul>
      )}

      <h3>Uppföljning</h3>
      {g.assessments.length === 0 ? (
        <p>Inte bedömt ännu.</p>
      ) : (
        <ul className="goal-items">
          {g.assessments.map((a) => (
            <li key={a.period}>
              <strong>
                {a.period}: {a.label}
              </strong>
              {a.comment !== '' && ` – ${a.comment}`}
              {editable && (
                <ItemControls what={`bedömningen ${a.period}`} open={open === `assessment-${a.period}`} onToggle={() => toggle(`assessment-${a.period}`)}
                  onDelete={() => remove(`Ta bort bedömningen ${a.period} av målet "${g.title}"?`, () => featureApi.deleteAssessment(org.code, g.id, a.period), `Bedömningen ${a.period} är borttagen.`)} />
              )}
              {open === `assessment-${a.period}` && <AssessmentForm org={org} year={year} goalId={g.id} entry={a} onDone={saved('Bedömningen är sparad.')} />}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="save-status">
        {message}
      </p>
      {failure !== null && <ErrorNotice error={failure} />}
    </section>
  );
}
