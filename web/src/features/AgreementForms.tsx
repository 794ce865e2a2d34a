// What an editor changes in the agreement: a year's total, the key from CSV, a follow-up entry and
// a meeting in a forum. Every write goes to the server, which checks it and says what is wrong.
import { useState } from 'react';
import type { Org } from '../api-types.ts';
import { parseAmount } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { AgreementDetail } from '../feature-types.ts';
import { ActionForm } from './ActionForm.tsx';

interface Props {
  org: Org;
  a: AgreementDetail;
  onChanged: () => void;
}

const localError = (field: string, message: string) =>
  Promise.resolve({ ok: false as const, status: 400, error: { error: 'validation', field, message } });

export function AgreementForms({ org, a, onChanged }: Props) {
  const [year, setYear] = useState(String(a.lastYear));
  const [total, setTotal] = useState('');
  const [csv, setCsv] = useState('');
  const [period, setPeriod] = useState(`${a.firstYear}-Å`);
  const [municipality, setMunicipality] = useState('');
  const [text, setText] = useState('');
  const [forumId, setForumId] = useState(String(a.forums[0]?.id ?? ''));
  const [day, setDay] = useState('');
  const [subject, setSubject] = useState('');
  const [koladaYear, setKoladaYear] = useState(String(a.firstYear));
  const [evalDay, setEvalDay] = useState(a.evaluation?.day ?? '');
  const [evalText, setEvalText] = useState(a.evaluation?.text ?? '');
  return (
    <section className="panel" aria-labelledby="agreement-edit-h">
      <h2 id="agreement-edit-h">Ändra överenskommelsen</h2>
      <ActionForm
        id="total-form"
        legend="Totalbelopp för ett år"
        submitLabel="Spara totalbelopp"
        doneMessage="Totalbeloppet är sparat och bidragen omräknade."
        onDone={onChanged}
        onSubmit={() => {
          const amount = parseAmount(total, 'kr');
          if (!amount.ok) return localError('totalOre', `Totalbelopp: ${amount.error}`);
          return featureApi.setYearTotal(org.code, a.id, Number(year), amount.value);
        }}
      >
        <div className="field">
          <label htmlFor="total-year">År</label>
          <select id="total-year" value={year} onChange={(e) => setYear(e.target.value)}>
            {a.years.map((y) => (
              <option key={y.year}>{y.year}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="total-amount">Totalbelopp (kr)</label>
          <input id="total-amount" inputMode="decimal" value={total} onChange={(e) => setTotal(e.target.value)} />
        </div>
      </ActionForm>
      <ActionForm
        id="csv-form"
        legend="Fördelningsnyckel från CSV"
        submitLabel="Importera nyckeln"
        doneMessage="Nyckeln är importerad."
        onDone={onChanged}
        onSubmit={() => featureApi.importKeyCsv(org.code, a.id, csv)}
      >
        <div className="field">
          <label htmlFor="csv-text">Rader med kommunkod;år;folkmängd (klistra in från Excel eller SCB)</label>
          <textarea id="csv-text" rows={5} value={csv} onChange={(e) => setCsv(e.target.value)} aria-describedby="csv-hint" />
          <p id="csv-hint" className="hint">
            Varje år i filen måste ha alla {a.parties.length} kommuner. Ingenting sparas om någon rad är fel.
          </p>
        </div>
      </ActionForm>
      <ActionForm
        id="kolada-key-form"
        legend="Fördelningsnyckel från Kolada (N01951)"
        submitLabel="Hämta nyckeln ur sparade Kolada-värden"
        doneMessage="Nyckeln för året kommer nu från Kolada."
        onDone={onChanged}
        onSubmit={() => featureApi.keyFromKolada(org.code, a.id, Number(koladaYear))}
      >
        <div className="field">
          <label htmlFor="kolada-key-year">År (folkmängden 31 december året före)</label>
          <select id="kolada-key-year" value={koladaYear} onChange={(e) => setKoladaYear(e.target.value)}>
            {a.years.map((y) => (
              <option key={y.year}>{y.year}</option>
            ))}
          </select>
        </div>
      </ActionForm>
      <ActionForm
        id="followup-form"
        legend="Ny uppföljning"
        submitLabel="Lägg till uppföljning"
        doneMessage="Uppföljningen är sparad."
        onDone={onChanged}
        onSubmit={() => featureApi.addFollowup(org.code, a.id, { period, municipalityCode: municipality === '' ? null : municipality, text })}
      >
        <div className="field">
          <label htmlFor="followup-period">Period (t.ex. 2020-T1, 2020-D, 2020-Å)</label>
          <input id="followup-period" value={period} onChange={(e) => setPeriod(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="followup-municipality">Gäller</label>
          <select id="followup-municipality" value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
            <option value="">Alla kommuner</option>
            {a.parties.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="followup-text">Vad uppföljningen visar</label>
          <textarea id="followup-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
      </ActionForm>
      {a.forums.length > 0 && (
        <ActionForm
          id="meeting-form"
          legend="Logga ett möte"
          submitLabel="Lägg till möte"
          doneMessage="Mötet är loggat."
          onDone={onChanged}
          onSubmit={() => featureApi.addMeeting(org.code, a.id, { forumId: Number(forumId), day, subject })}
        >
          <div className="field">
            <label htmlFor="meeting-forum">Forum</label>
            <select id="meeting-forum" value={forumId} onChange={(e) => setForumId(e.target.value)}>
              {a.forums.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="meeting-day">Datum (ÅÅÅÅ-MM-DD)</label>
            <input id="meeting-day" value={day} onChange={(e) => setDay(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="meeting-subject">Ämne</label>
            <input id="meeting-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
          </div>
        </ActionForm>
      )}
      <ActionForm
        id="evaluation-form"
        legend="Slututvärdering"
        submitLabel="Spara slututvärderingen"
        doneMessage="Slututvärderingen är sparad."
        onDone={onChanged}
        onSubmit={() => featureApi.saveEvaluation(org.code, a.id, { day: evalDay, text: evalText })}
      >
        <div className="field">
          <label htmlFor="evaluation-day">Datum (ÅÅÅÅ-MM-DD, tidigast avtalsperiodens sista år {a.lastYear})</label>
          <input id="evaluation-day" value={evalDay} onChange={(e) => setEvalDay(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="evaluation-text">Utvärdering av överenskommelsen i sin helhet</label>
          <textarea id="evaluation-text" rows={4} value={evalText} onChange={(e) => setEvalText(e.target.value)} />
        </div>
      </ActionForm>
    </section>
  );
}
