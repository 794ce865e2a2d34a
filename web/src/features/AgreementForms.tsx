// What an editor changes in the agreement: its terms and parties, a year's total, the key entered per
// municipality or imported from CSV (each bad line listed beside the field), and adds a forum, a
// follow-up entry and a meeting in a forum (changing and deleting those is in AgreementLog.tsx). Every write goes to the server, which checks it and says what is wrong.
import { useState } from 'react';
import type { Org } from '../api-types.ts';
import { parseAmount } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { AgreementDetail } from '../feature-types.ts';
import { ActionForm } from './ActionForm.tsx';
import { FollowupForm, ForumForm, MeetingForm } from './AgreementLog.tsx';
import { AgreementBasicsForm } from './AgreementTermsForm.tsx';
import { FieldForm, fieldError } from './FieldForm.tsx';

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
  const [koladaYear, setKoladaYear] = useState(String(a.firstYear));
  const [evalDay, setEvalDay] = useState(a.evaluation?.day ?? '');
  const [evalText, setEvalText] = useState(a.evaluation?.text ?? '');
  return (
    <section className="panel" aria-labelledby="agreement-edit-h">
      <h2 id="agreement-edit-h">Ändra överenskommelsen</h2>
      <AgreementBasicsForm org={org} a={a} onChanged={onChanged} />
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
      <KeyForm org={org} a={a} onChanged={onChanged} />
      <FieldForm
        legend="Fördelningsnyckel från CSV"
        submitLabel="Importera nyckeln"
        doneMessage="Nyckeln är importerad."
        onDone={onChanged}
        fields={['csv']}
        onSubmit={() => (csv.trim() === '' ? fieldError('csv', 'Filen: klistra in rader med kommunkod;år;folkmängd.') : featureApi.importKeyCsv(org.code, a.id, csv))}
      >
        {(f) => (
          <div className="field">
            <label htmlFor={f.id('csv')}>Rader med kommunkod;år;folkmängd (klistra in från Excel eller SCB)</label>
            <textarea
              {...f.input('csv')}
              aria-describedby={[f.input('csv')['aria-describedby'], 'csv-hint'].filter((x) => x !== undefined).join(' ')}
              rows={5}
              value={csv}
              onChange={(e) => setCsv(e.target.value)}
            />
            <p id="csv-hint" className="hint">
              Varje år i filen måste ha alla {a.parties.length} kommuner. Ingenting sparas om någon rad är fel; felen visas rad för rad.
            </p>
            {f.error('csv')}
          </div>
        )}
      </FieldForm>
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
      <FollowupForm
        a={a}
        legend="Ny uppföljning"
        submitLabel="Lägg till uppföljning"
        doneMessage="Uppföljningen är sparad."
        initial={{ period: `${a.firstYear}-Å`, municipalityCode: null, text: '' }}
        send={(body) => featureApi.addFollowup(org.code, a.id, body)}
        onDone={onChanged}
      />
      <ForumForm
        legend="Nytt forum"
        submitLabel="Lägg till forum"
        doneMessage="Forumet är tillagt."
        initial={{ name: '', kind: 'officials' }}
        send={(body) => featureApi.addForum(org.code, a.id, body)}
        onDone={onChanged}
      />
      {a.forums.length > 0 && (
        <MeetingForm
          key={a.forums.length}
          a={a}
          legend="Logga ett möte"
          submitLabel="Lägg till möte"
          doneMessage="Mötet är loggat."
          initial={{ forumId: String(a.forums[0]?.id ?? ''), day: '', subject: '', notes: '' }}
          send={(body) => featureApi.addMeeting(org.code, a.id, body)}
          onDone={onChanged}
        />
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

/** The key of one year entered by hand: the population of every party, prefilled with what the year has now. */
function KeyForm({ org, a, onChanged }: Props) {
  const [year, setYear] = useState(String(a.years.find((y) => y.contributions === null)?.year ?? a.lastYear));
  const current = (y: string) =>
    Object.fromEntries(a.parties.map((p) => [p.code, String(a.years.find((x) => String(x.year) === y)?.contributions?.find((c) => c.municipalityCode === p.code)?.population ?? '')]));
  const [population, setPopulation] = useState<Record<string, string>>(() => current(year));
  const fields = ['year', 'entries', ...a.parties.map((p) => `entries.${p.code}`)];
  const submit = () => {
    const entries: { municipalityCode: string; population: number }[] = [];
    for (const p of a.parties) {
      const text = (population[p.code] ?? '').replace(/[\s  ]/g, '');
      if (!/^\d{1,9}$/.test(text)) return fieldError(`entries.${p.code}`, `Folkmängd ${p.name}: ange ett heltal, t.ex. 127 119.`);
      entries.push({ municipalityCode: p.code, population: Number(text) });
    }
    return featureApi.setKey(org.code, a.id, Number(year), entries);
  };
  return (
    <FieldForm legend="Fördelningsnyckel, inmatad folkmängd" submitLabel="Spara nyckeln" doneMessage="Nyckeln är sparad och bidragen omräknade." onDone={onChanged} fields={fields} onSubmit={submit}>
      {(f) => (
        <>
          <div className="field">
            <label htmlFor={f.id('year')}>År</label>
            <select
              {...f.input('year')}
              value={year}
              onChange={(e) => {
                setYear(e.target.value);
                setPopulation(current(e.target.value));
              }}
            >
              {a.years.map((y) => (
                <option key={y.year}>{y.year}</option>
              ))}
            </select>
            {f.error('year')}
          </div>
          <fieldset {...f.group('entries')}>
            <legend>Folkmängd per kommun</legend>
            {a.parties.map((p) => (
              <div className="field field-inline" key={p.code}>
                <label htmlFor={f.id(`entries.${p.code}`)}>
                  {p.name} ({p.code})
                </label>
                <input
                  {...f.input(`entries.${p.code}`)}
                  inputMode="numeric"
                  value={population[p.code] ?? ''}
                  onChange={(e) => setPopulation({ ...population, [p.code]: e.target.value })}
                />
                {f.error(`entries.${p.code}`)}
              </div>
            ))}
            {f.error('entries')}
          </fieldset>
        </>
      )}
    </FieldForm>
  );
}
