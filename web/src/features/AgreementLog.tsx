// What the agreement logs: forums with their meetings, follow-up entries per period and the final
// evaluation. An editor changes an entry in place (the form opens under it) and deletes one after
// confirming; the forms that add a meeting or a follow-up are the same forms, empty.
import { useState, type ReactNode } from 'react';
import type { ApiResult } from '../api.ts';
import type { ApiErrorBody, Org } from '../api-types.ts';
import { ErrorNotice } from '../components/notices.tsx';
import { featureApi } from '../feature-api.ts';
import type { AgreementDetail } from '../feature-types.ts';
import { fieldError, FieldForm, textField } from './FieldForm.tsx';
import { ItemControls } from './ItemControls.tsx';

type Kind = 'politicians' | 'officials';
type Forum = AgreementDetail['forums'][number];
type Meeting = Forum['meetings'][number];
type Followup = AgreementDetail['followups'][number];

interface LogProps {
  org: Org;
  a: AgreementDetail;
  /** Whether the user may change the agreement: shows the edit and delete controls. */
  editable: boolean;
  onChanged: () => void;
}

const kindText = (kind: Kind) => (kind === 'politicians' ? 'politiker' : 'tjänstepersoner');

/** Deleting after a confirmation, with the outcome (also of a change, whose form closes) announced beside the list. */
function useDelete(onChanged: () => void) {
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [status, setStatus] = useState('');
  const run = async (question: string, call: () => Promise<ApiResult<unknown>>, done: string) => {
    if (!window.confirm(question)) return;
    const result = await call();
    if (result.ok) {
      setError(null);
      setStatus(done);
      onChanged();
    } else {
      setStatus('');
      setError(result.error);
    }
  };
  const notice = (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <p role="status" className="save-status">
        {status}
      </p>
    </>
  );
  const announce = (message: string) => {
    setError(null);
    setStatus(message);
    onChanged();
  };
  return { run, notice, announce };
}

/** An entry with its Ändra/Ta bort buttons; Ändra opens `editor` under it. */
function Entry({ children, what, editable, editor, onDelete }: { children: ReactNode; what: string; editable: boolean; editor: (close: () => void) => ReactNode; onDelete: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="log-entry">
      <span>{children}</span>
      {editable && (
        <ItemControls what={what} open={open} onToggle={() => setOpen(!open)} onDelete={onDelete} />
      )}
      {open && editor(() => setOpen(false))}
    </li>
  );
}

export function ForumsSection({ org, a, editable, onChanged }: LogProps) {
  const remove = useDelete(onChanged);
  return (
    <section className="panel" aria-labelledby="forums-h">
      <h2 id="forums-h">Forum och möten</h2>
      {a.forums.length === 0 && <p>Inga forum är registrerade.</p>}
      {a.forums.map((forum) => (
        <div key={forum.id}>
          <h3>
            {forum.name} <span className="muted">({kindText(forum.kind)})</span>
          </h3>
          {editable && (
            <ForumControls
              org={org}
              a={a}
              forum={forum}
              onChanged={() => remove.announce(`Forumet ${forum.name} är ändrat.`)}
              onDelete={() =>
                void remove.run(
                  forum.meetings.length === 0
                    ? `Ta bort forumet ”${forum.name}”?`
                    : `Ta bort forumet ”${forum.name}” och dess ${forum.meetings.length} loggade ${forum.meetings.length === 1 ? 'möte' : 'möten'}?`,
                  () => featureApi.deleteForum(org.code, a.id, forum.id),
                  `Forumet ${forum.name} är borttaget.`,
                )
              }
            />
          )}
          {forum.meetings.length === 0 ? (
            <p>Inga möten loggade.</p>
          ) : (
            <ul className="log-list" aria-label={`Möten i ${forum.name}`}>
              {forum.meetings.map((m) => (
                <Entry
                  key={m.id}
                  what={`mötet ${m.day} ${m.subject}`}
                  editable={editable}
                  onDelete={() =>
                    void remove.run(`Ta bort mötet ${m.day} ”${m.subject}”?`, () => featureApi.deleteMeeting(org.code, a.id, m.id), `Mötet ${m.day} är borttaget.`)
                  }
                  editor={(close) => (
                    <MeetingForm
                      a={a}
                      legend={`Ändra mötet ${m.day}`}
                      submitLabel="Spara mötet"
                      doneMessage="Mötet är ändrat."
                      initial={{ day: m.day, subject: m.subject, notes: m.notes, forumId: String(forum.id) }}
                      send={(body) => featureApi.updateMeeting(org.code, a.id, m.id, body)}
                      onDone={() => {
                        close();
                        remove.announce(`Mötet ${m.day} är ändrat.`);
                      }}
                    />
                  )}
                >
                  {m.day}: {m.subject}
                  {m.notes !== '' && <span className="muted"> – {m.notes}</span>}
                </Entry>
              ))}
            </ul>
          )}
        </div>
      ))}
      {remove.notice}
    </section>
  );
}

function ForumControls({ org, a, forum, onChanged, onDelete }: { org: Org; a: AgreementDetail; forum: Forum; onChanged: () => void; onDelete: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <p className="button-row">
        <button type="button" className="button button-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Avbryt' : 'Ändra forumet'}
          <span className="visually-hidden"> {forum.name}</span>
        </button>
        <button type="button" className="button button-quiet" onClick={onDelete}>
          Ta bort forumet<span className="visually-hidden"> {forum.name}</span>
        </button>
      </p>
      {open && (
        <ForumForm
          legend={`Ändra forumet ${forum.name}`}
          submitLabel="Spara forumet"
          doneMessage="Forumet är ändrat."
          initial={forum}
          send={(body) => featureApi.updateForum(org.code, a.id, forum.id, body)}
          onDone={() => {
            setOpen(false);
            onChanged();
          }}
        />
      )}
    </>
  );
}

interface FormProps<T> {
  legend: string;
  submitLabel: string;
  doneMessage: string;
  initial: T;
  send: (body: T) => Promise<ApiResult<unknown>>;
  onDone: () => void;
}

export function ForumForm({ legend, submitLabel, doneMessage, initial, send, onDone }: FormProps<{ name: string; kind: Kind }>) {
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState<Kind>(initial.kind);
  return (
    <FieldForm
      legend={legend}
      submitLabel={submitLabel}
      doneMessage={doneMessage}
      onDone={() => {
        if (initial.name === '') setName('');
        onDone();
      }}
      fields={['name', 'kind']}
      onSubmit={() => (name.trim() === '' ? fieldError('name', 'Namn: ange forumets namn.') : send({ name: name.trim(), kind }))}
    >
      {(f) => (
        <>
          {textField({ f, name: 'name', label: 'Forumets namn', value: name, onChange: setName })}
          <div className="field">
            <label htmlFor={f.id('kind')}>Vilka som möts</label>
            <select {...f.input('kind')} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="politicians">Politiker</option>
              <option value="officials">Tjänstepersoner</option>
            </select>
            {f.error('kind')}
          </div>
        </>
      )}
    </FieldForm>
  );
}

type MeetingBody = { forumId: number; day: string; subject: string; notes: string };

export function MeetingForm({ a, legend, submitLabel, doneMessage, initial, send, onDone }: Omit<FormProps<MeetingBody>, 'initial'> & {
  a: AgreementDetail;
  initial: Omit<Meeting, 'id'> & { forumId: string };
}) {
  const [m, setM] = useState(initial);
  const set = (patch: Partial<typeof m>) => setM((previous) => ({ ...previous, ...patch }));
  return (
    <FieldForm
      legend={legend}
      submitLabel={submitLabel}
      doneMessage={doneMessage}
      onDone={onDone}
      fields={['forumId', 'day', 'subject', 'notes']}
      onSubmit={() => (m.subject.trim() === '' ? fieldError('subject', 'Ämne: ange vad mötet handlade om.') : send({ forumId: Number(m.forumId), day: m.day, subject: m.subject, notes: m.notes }))}
    >
      {(f) => (
        <>
          <div className="field">
            <label htmlFor={f.id('forumId')}>Forum</label>
            <select {...f.input('forumId')} value={m.forumId} onChange={(e) => set({ forumId: e.target.value })}>
              {a.forums.map((forum) => (
                <option key={forum.id} value={forum.id}>
                  {forum.name}
                </option>
              ))}
            </select>
            {f.error('forumId')}
          </div>
          {textField({ f, name: 'day', label: 'Datum (ÅÅÅÅ-MM-DD)', value: m.day, onChange: (v) => set({ day: v }) })}
          {textField({ f, name: 'subject', label: 'Ämne', value: m.subject, onChange: (v) => set({ subject: v }) })}
          {textField({ f, name: 'notes', label: 'Anteckningar (valfritt)', rows: 2, value: m.notes, onChange: (v) => set({ notes: v }) })}
        </>
      )}
    </FieldForm>
  );
}

type FollowupBody = { period: string; municipalityCode: string | null; text: string };

export function FollowupForm({ a, legend, submitLabel, doneMessage, initial, send, onDone }: FormProps<FollowupBody> & { a: AgreementDetail }) {
  const [period, setPeriod] = useState(initial.period);
  const [municipality, setMunicipality] = useState(initial.municipalityCode ?? '');
  const [text, setText] = useState(initial.text);
  return (
    <FieldForm
      legend={legend}
      submitLabel={submitLabel}
      doneMessage={doneMessage}
      onDone={onDone}
      fields={['period', 'municipalityCode', 'text']}
      onSubmit={() => send({ period, municipalityCode: municipality === '' ? null : municipality, text })}
    >
      {(f) => (
        <>
          {textField({ f, name: 'period', label: 'Period (t.ex. 2020-T1, 2020-D, 2020-Å)', value: period, onChange: setPeriod })}
          <div className="field">
            <label htmlFor={f.id('municipalityCode')}>Gäller</label>
            <select {...f.input('municipalityCode')} value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
              <option value="">Alla kommuner</option>
              {a.parties.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
            {f.error('municipalityCode')}
          </div>
          {textField({ f, name: 'text', label: 'Vad uppföljningen visar', rows: 3, value: text, onChange: setText })}
        </>
      )}
    </FieldForm>
  );
}

export function FollowupSection({ org, a, editable, onChanged }: LogProps) {
  const remove = useDelete(onChanged);
  const partyName = (f: Followup) => (f.municipalityCode === null ? null : (a.parties.find((p) => p.code === f.municipalityCode)?.name ?? f.municipalityCode));
  return (
    <section className="panel" aria-labelledby="followup-h">
      <h2 id="followup-h">Uppföljning</h2>
      {a.followups.length === 0 ? (
        <p>Inga uppföljningar är registrerade.</p>
      ) : (
        <ul className="log-list" aria-label="Uppföljningar">
          {a.followups.map((f) => (
            <Entry
              key={f.id}
              what={`uppföljningen ${f.label}${partyName(f) === null ? '' : `, ${partyName(f)}`}`}
              editable={editable}
              onDelete={() =>
                void remove.run(
                  `Ta bort uppföljningen för ${f.label.toLowerCase()}: ”${f.text}”?`,
                  () => featureApi.deleteFollowup(org.code, a.id, f.id),
                  `Uppföljningen för ${f.label.toLowerCase()} är borttagen.`,
                )
              }
              editor={(close) => (
                <FollowupForm
                  a={a}
                  legend={`Ändra uppföljningen för ${f.label.toLowerCase()}`}
                  submitLabel="Spara uppföljningen"
                  doneMessage="Uppföljningen är ändrad."
                  initial={f}
                  send={(body) => featureApi.updateFollowup(org.code, a.id, f.id, body)}
                  onDone={() => {
                    close();
                    remove.announce(`Uppföljningen för ${f.label.toLowerCase()} är ändrad.`);
                  }}
                />
              )}
            >
              <strong>{f.label}</strong>
              {partyName(f) !== null && ` (${partyName(f)})`}: {f.text}
            </Entry>
          ))}
        </ul>
      )}
      {remove.notice}
      <h3>Slututvärdering</h3>
      <p>{a.evaluation ? `${a.evaluation.day}: ${a.evaluation.text}` : `Överenskommelsen utvärderas i sin helhet i slutet av avtalsperioden (${a.lastYear}).`}</p>
    </section>
  );
}
