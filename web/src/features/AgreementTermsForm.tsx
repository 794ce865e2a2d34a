// The agreement's terms (name, description, period, the first year's total, the yearly uplift and
// the parties): one form to create an agreement and to change one. The parties are the region's
// municipalities as checkboxes, all checked for a new agreement. Amounts are typed in kronor the
// Swedish way ("1 234 567,50") and sent as öre; the server checks everything again.
import { useRef, useState } from 'react';
import type { Org } from '../api-types.ts';
import type { ApiResult } from '../api.ts';
import { ErrorNotice, Loading } from '../components/notices.tsx';
import { formatKrExact, parseAmount, type Ore } from '../domain.ts';
import { featureApi } from '../feature-api.ts';
import type { AgreementDetail, AgreementTermsBody } from '../feature-types.ts';
import { useApi } from '../use-api.ts';
import { fieldError, FieldForm, textField } from './FieldForm.tsx';

type Municipality = { code: string; name: string };

interface Terms {
  name: string;
  description: string;
  firstYear: string;
  lastYear: string;
  total: string;
  uplift: string;
  parties: string[];
}

const FIELDS = ['name', 'description', 'firstYear', 'lastYear', 'firstYearTotalOre', 'upliftPercent', 'municipalityCodes'] as const;

/** The body to send, or the first problem as the API would name it. */
function checkTerms(t: Terms, totalRequired: boolean): { ok: true; body: AgreementTermsBody; totalOre: Ore | undefined } | { ok: false; field: string; message: string } {
  const fail = (field: string, message: string) => ({ ok: false as const, field, message });
  if (t.name.trim() === '') return fail('name', 'Namn: ange överenskommelsens namn.');
  if (!/^\d{4}$/.test(t.firstYear.trim())) return fail('firstYear', 'Första år: skriv ett årtal med fyra siffror, t.ex. 2025.');
  if (!/^\d{4}$/.test(t.lastYear.trim())) return fail('lastYear', 'Sista år: skriv ett årtal med fyra siffror, t.ex. 2028.');
  let totalOre: Ore | undefined;
  if (t.total.trim() !== '' || totalRequired) {
    const amount = parseAmount(t.total, 'kr');
    if (!amount.ok) return fail('firstYearTotalOre', `Årsbelopp första året: ${amount.error}`);
    if (amount.value < 0) return fail('firstYearTotalOre', 'Årsbelopp första året: beloppet kan inte vara negativt.');
    totalOre = amount.value;
  }
  const uplift = t.uplift.trim().replace(/\s*%$/, '');
  if (!/^\d{1,2}([.,]\d{1,4})?$/.test(uplift)) {
    return fail('upliftPercent', 'Uppräkning: skriv den årliga uppräkningen i procent, t.ex. 2 eller 1,5 (0 om beloppet är detsamma varje år).');
  }
  if (t.parties.length === 0) return fail('municipalityCodes', 'Parter: välj minst en kommun.');
  return {
    ok: true,
    totalOre,
    body: {
      name: t.name.trim(), description: t.description.trim(), firstYear: Number(t.firstYear), lastYear: Number(t.lastYear),
      upliftPercent: uplift, municipalityCodes: t.parties,
    },
  };
}

interface FormProps {
  legend: string;
  submitLabel: string;
  doneMessage: string;
  municipalities: Municipality[];
  initial: Terms;
  /** A new agreement needs the first year's total; a change may leave it empty (the totals are kept). */
  totalRequired: boolean;
  totalHint: string;
  partiesHint: string;
  send: (body: AgreementTermsBody, totalOre: Ore | undefined) => Promise<ApiResult<unknown>>;
  onDone: () => void;
}

function AgreementTermsForm({ legend, submitLabel, doneMessage, municipalities, initial, totalRequired, totalHint, partiesHint, send, onDone }: FormProps) {
  const [t, setT] = useState<Terms>(initial);
  const set = (patch: Partial<Terms>) => setT((previous) => ({ ...previous, ...patch }));
  const submit = () => {
    const checked = checkTerms(t, totalRequired);
    return checked.ok ? send(checked.body, checked.totalOre) : fieldError(checked.field, checked.message);
  };
  const described = (input: { 'aria-describedby'?: string }, hint: string) =>
    [input['aria-describedby'], hint].filter((x) => x !== undefined).join(' ');
  return (
    <FieldForm legend={legend} submitLabel={submitLabel} doneMessage={doneMessage} onDone={onDone} fields={FIELDS} onSubmit={submit}>
      {(f) => (
        <>
          {textField({ f, name: 'name', label: 'Namn', value: t.name, onChange: (v) => set({ name: v }) })}
          {textField({ f, name: 'description', label: 'Beskrivning (valfri)', rows: 2, value: t.description, onChange: (v) => set({ description: v }) })}
          {textField({ f, name: 'firstYear', label: 'Första år', inputMode: 'numeric', value: t.firstYear, onChange: (v) => set({ firstYear: v }) })}
          {textField({ f, name: 'lastYear', label: 'Sista år (högst tio år i en period)', inputMode: 'numeric', value: t.lastYear, onChange: (v) => set({ lastYear: v }) })}
          <div className="field">
            <label htmlFor={f.id('firstYearTotalOre')}>Årsbelopp första året (kr)</label>
            <input
              {...f.input('firstYearTotalOre')}
              aria-describedby={described(f.input('firstYearTotalOre'), `${f.id('firstYearTotalOre')}-hint`)}
              inputMode="decimal"
              value={t.total}
              onChange={(e) => set({ total: e.target.value })}
            />
            <p id={`${f.id('firstYearTotalOre')}-hint`} className="hint">
              {totalHint}
            </p>
            {f.error('firstYearTotalOre')}
          </div>
          {textField({ f, name: 'upliftPercent', label: 'Årlig uppräkning (%)', inputMode: 'decimal', value: t.uplift, onChange: (v) => set({ uplift: v }) })}
          <fieldset {...f.group('municipalityCodes')}>
            <legend>Parter</legend>
            <p className="hint">{partiesHint}</p>
            <div className="party-list">
            {municipalities.map((m) => (
              <div className="field field-check" key={m.code}>
                <input
                  type="checkbox"
                  id={`${f.id('municipalityCodes')}-${m.code}`}
                  checked={t.parties.includes(m.code)}
                  onChange={(e) =>
                    set({ parties: e.target.checked ? [...t.parties, m.code].sort() : t.parties.filter((c) => c !== m.code) })
                  }
                />
                <label htmlFor={`${f.id('municipalityCodes')}-${m.code}`}>
                  {m.name} <span className="muted">{m.code}</span>
                </label>
              </div>
            ))}
            </div>
            {f.error('municipalityCodes')}
          </fieldset>
        </>
      )}
    </FieldForm>
  );
}

function useMunicipalities(org: Org) {
  return useApi(`municipalities:${org.code}`, (signal) => featureApi.getMunicipalities(org.code, signal)).load;
}

/** A new agreement: every municipality of the region a party to begin with; the key follows from the latest known population. */
export function NewAgreementForm({ org, year, onCreated }: { org: Org; year: number; onCreated: (id: number) => void }) {
  const municipalities = useMunicipalities(org);
  // The id of what the last send created, for onDone (called right after a successful send).
  const created = useRef<number | null>(null);
  if (municipalities.state === 'loading') return <Loading what="kommunerna" />;
  if (municipalities.state === 'error') return <ErrorNotice error={municipalities.error} />;
  return (
    <AgreementTermsForm
      legend="Ny överenskommelse"
      submitLabel="Skapa överenskommelsen"
      doneMessage="Överenskommelsen är skapad."
      municipalities={municipalities.value}
      initial={{
        name: '', description: '', firstYear: String(year), lastYear: String(year + 3), total: '', uplift: '',
        parties: municipalities.value.map((m) => m.code),
      }}
      totalRequired
      totalHint="Åren därefter räknas upp med den årliga uppräkningen. Skriv t.ex. 19 250 000 eller 1 234 567,50."
      partiesHint="Alla regionens kommuner är med från början; avmarkera den som inte är part. Fördelningsnyckeln hämtas från senast kända folkmängd och kan ändras efteråt."
      send={async (body, totalOre) => {
        const result = await featureApi.createAgreement(org.code, { ...body, firstYearTotalOre: totalOre ?? 0 });
        if (result.ok) created.current = result.value.id;
        return result;
      }}
      onDone={() => {
        if (created.current !== null) onCreated(created.current);
      }}
    />
  );
}

/** Changes the terms of an agreement; the server recomputes totals, key and contributions or says why it cannot. */
export function AgreementBasicsForm({ org, a, onChanged }: { org: Org; a: AgreementDetail; onChanged: () => void }) {
  const municipalities = useMunicipalities(org);
  if (municipalities.state === 'loading') return <Loading what="kommunerna" />;
  if (municipalities.state === 'error') return <ErrorNotice error={municipalities.error} />;
  const first = a.years.find((y) => y.year === a.firstYear);
  return (
    <AgreementTermsForm
      legend="Namn, period, uppräkning och parter"
      submitLabel="Spara ändringarna"
      doneMessage="Överenskommelsen är ändrad och bidragen omräknade."
      municipalities={municipalities.value}
      initial={{
        name: a.name, description: a.description, firstYear: String(a.firstYear), lastYear: String(a.lastYear), total: '',
        uplift: String(a.upliftPercent).replace('.', ','), parties: a.parties.map((p) => p.code),
      }}
      totalRequired={false}
      totalHint={`Lämna tomt för att behålla årsbeloppen${first ? ` (första året nu ${formatKrExact(first.totalOre)})` : ''}. Ett belopp här, eller en ändrad uppräkning, räknar om alla år från första året. Ett år som läggs till i slutet får året före uppräknat.`}
      partiesHint="En kommun som tas bort försvinner ur fördelningsnyckeln; en som läggs till får senast kända folkmängd. En uppföljning som gäller en kommun eller ligger utanför perioden måste ändras först."
      send={(body, totalOre) => featureApi.updateAgreement(org.code, a.id, totalOre === undefined ? body : { ...body, firstYearTotalOre: totalOre })}
      onDone={onChanged}
    />
  );
}
