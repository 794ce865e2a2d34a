// Import (SIE): the user chooses a file, which is streamed to the server and inspected; the page shows
// what the file is (type, encoding, company, fiscal years, counts, checksum, problems with their
// lines), and on confirmation follows the import job until its result (lines, created units, unmapped
// accounts, reconciliation). The organisation's import history is below. Only for 'plan.edit'.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody, Org } from '../api-types.ts';
import { ErrorNotice, Loading } from '../components/notices.tsx';
import { useApi } from '../use-api.ts';
import { canImportSie, sieApi, type SieInspection, type SieJob, type SieProblem } from './api.ts';
import './sie.css';

const n = (x: number): string => x.toLocaleString('sv-SE');
const CHECKSUM: Record<SieInspection['checksum']['state'], string> = {
  absent: 'saknas (filen har ingen #KSUMMA)',
  ok: 'stämmer',
  mismatch: 'stämmer inte',
  truncated: 'filen är avkortad (ingen avslutande #KSUMMA)',
};
const LABELS: Record<string, string> = {
  VER: 'verifikationer', TRANS: 'transaktioner', RTRANS: 'tillagda transaktioner', BTRANS: 'borttagna transaktioner', KONTO: 'konton',
  PSALDO: 'periodsaldon', PBUDGET: 'periodbudgetar', IB: 'ingående balanser', UB: 'utgående balanser', RES: 'resultat', OBJEKT: 'objekt',
  OIB: 'ingående objektbalanser', OUB: 'utgående objektbalanser', DIM: 'dimensioner', RAR: 'räkenskapsår',
};
const STATE: Record<SieJob['state'], string> = {
  reading: 'Läser filen', writing: 'Skriver till databasen', imported: 'Inläst', refused: 'Filen lästes inte in', failed: 'Importen misslyckades',
};

type Step =
  | { step: 'choose' }
  | { step: 'uploading' }
  | { step: 'preview'; uploadId: string; inspection: SieInspection }
  | { step: 'job'; job: SieJob; inspection: SieInspection };

function Problems({ problems, title }: { problems: SieProblem[]; title: string }) {
  const id = useId();
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby={id} className="sie-problems">
      <h3 id={id}>{title}</h3>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.code}-${String(i)}`} className={p.level === 'error' ? 'sie-error' : 'sie-warning'}>
            <strong>{p.level === 'error' ? 'Fel' : 'Varning'}</strong>
            {p.line !== null && !p.message.startsWith('Rad ') ? ` (rad ${String(p.line)})` : ''}: {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Preview({ inspection }: { inspection: SieInspection }) {
  const counts = Object.entries(inspection.counts).filter(([k]) => k !== 'VER_END');
  return (
    <section aria-labelledby="sie-preview-title" className="panel sie-preview">
      <h2 id="sie-preview-title">Granskning av {inspection.fileName}</h2>
      <dl className="sie-facts">
        <dt>Typ</dt>
        <dd>{inspection.format === 'sie' ? `SIE ${inspection.sieType ?? '?'}` : inspection.format === 'sie5' ? 'SIE 5 (XML)' : 'Inte en SIE-fil'}</dd>
        <dt>Teckenkodning</dt>
        <dd>{inspection.encodingName ?? '–'}</dd>
        <dt>Företag</dt>
        <dd>{inspection.company.name ?? '–'}{inspection.company.orgNumber !== null ? ` (${inspection.company.orgNumber})` : ''}</dd>
        <dt>Program</dt>
        <dd>{inspection.program ?? '–'}{inspection.generated !== null ? `, skapad ${inspection.generated}` : ''}</dd>
        <dt>Räkenskapsår</dt>
        <dd>
          {inspection.fiscalYears.length === 0 ? '–' : inspection.fiscalYears.map((y) => `${String(y.yearIndex)}: ${y.start} – ${y.end}`).join(', ')}
        </dd>
        <dt>Kontrollsumma</dt>
        <dd>{inspection.format === 'sie5' ? 'ingen i SIE 5 (en XML-signatur kontrolleras inte)' : CHECKSUM[inspection.checksum.state]}</dd>
        <dt>Storlek</dt>
        <dd>{n(inspection.bytes)} byte, {n(inspection.lines)} rader</dd>
      </dl>
      {counts.length > 0 && (
        <div className="table-scroll">
          <table className="data-table sie-counts">
            <caption>{inspection.format === 'sie5' ? 'Poster i filen (som motsvarande SIE 4-poster)' : 'Poster i filen'}</caption>
            <thead>
              <tr><th scope="col">Post</th><th scope="col" className="num">Antal</th></tr>
            </thead>
            <tbody>
              {counts.map(([label, count]) => (
                <tr key={label}><th scope="row">#{label}{LABELS[label] !== undefined ? ` (${LABELS[label]})` : ''}</th><td className="num">{n(count)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>{`${String(inspection.errors)} fel, ${String(inspection.warnings)} varningar.`}</p>
      <Problems problems={inspection.problems} title="Problem i filen" />
    </section>
  );
}

function Result({ job }: { job: SieJob }) {
  const r = job.result;
  if (r === null) return null;
  return (
    <section aria-labelledby="sie-result-title" className="panel sie-result">
      <h2 id="sie-result-title">Resultat</h2>
      <p>
        Inläst i {r.org.name} ({r.org.code}), räkenskapsår {r.fiscalYear.start} – {r.fiscalYear.end}, import nr {r.importId}.
      </p>
      <dl className="sie-facts">
        <dt>Utfall</dt>
        <dd>
          {n(r.actualLines)} rader {r.actualsFrom === 'vouchers' ? 'från verifikationerna' : r.actualsFrom === 'psaldo' ? 'från #PSALDO' : ''}
          {r.actualVersion !== null ? ` i versionen ${r.actualVersion}` : ''}
        </dd>
        <dt>Budget</dt>
        <dd>{r.budgetVersion === null ? 'ingen (#PBUDGET saknas)' : `${n(r.budgetLines)} rader i versionen ${r.budgetVersion}`}</dd>
        <dt>Saldon för avstämning</dt>
        <dd>{n(r.balances)}</dd>
        <dt>Nya konton</dt>
        <dd>{n(r.newAccounts)}</dd>
        <dt>Projekt</dt>
        <dd>{n(r.projects)}</dd>
        <dt>Organisation</dt>
        <dd>{r.createdOrganisation ? `${r.org.code} fanns inte och har skapats från filen` : `${r.org.code} fanns redan`}</dd>
        {r.replaced.length > 0 && (
          <>
            <dt>Ersätter</dt>
            <dd>tidigare import nr {r.replaced.join(', ')} (finns kvar i historiken)</dd>
          </>
        )}
      </dl>
      {r.createdUnits.length > 0 && (
        <>
          <h3>Nya enheter (kostnadsställen)</h3>
          <ul>{r.createdUnits.map((u) => <li key={u.code}>{u.code} {u.name} (kostnadsställe {u.costCentre})</li>)}</ul>
        </>
      )}
      {r.unmappedAccounts.length > 0 && (
        <>
          <h3>Konton utan kategori</h3>
          <p>Utfallet ligger kvar per konto under ”Ej mappade”.</p>
          <ul>{r.unmappedAccounts.map((a) => <li key={a.code}>{a.code} {a.name}</li>)}</ul>
        </>
      )}
      {r.checks.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Avstämning</caption>
            <thead>
              <tr><th scope="col">Jämförelse</th><th scope="col" className="num">Jämförda</th><th scope="col" className="num">Avvikelser</th></tr>
            </thead>
            <tbody>
              {r.checks.map((c) => (
                <tr key={c.name}><th scope="row">{c.name}</th><td className="num">{n(c.compared)}</td><td className="num">{n(c.mismatches)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.notes.length > 0 && <ul>{r.notes.map((x, i) => <li key={String(i)}>Obs: {x}</li>)}</ul>}
      {r.warnings.length > 0 && (
        <>
          <h3>Varningar</h3>
          <ul>{r.warnings.map((w, i) => <li key={String(i)} className="sie-warning">{w}</li>)}</ul>
        </>
      )}
    </section>
  );
}

function History({ org, nonce }: { org: Org; nonce: number }) {
  const history = useApi(`sie-history:${org.code}:${String(nonce)}`, (signal) => sieApi.history(org.code, signal));
  return (
    <section aria-labelledby="sie-history-title" className="sie-history">
      <h2 id="sie-history-title">Tidigare importer</h2>
      {history.load.state === 'loading' && <Loading what="importhistoriken" />}
      {history.load.state === 'error' && <ErrorNotice error={history.load.error} />}
      {history.load.state === 'ok' && (history.load.value.imports.length === 0 ? <p>Inga SIE-filer har lästs in ännu.</p> : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Importer, senaste först</caption>
            <thead>
              <tr>
                <th scope="col">Nr</th><th scope="col">Fil</th><th scope="col">Företag</th><th scope="col">Räkenskapsår</th>
                <th scope="col" className="num">Rader</th><th scope="col">Läge</th><th scope="col">Av</th><th scope="col">När</th>
              </tr>
            </thead>
            <tbody>
              {history.load.value.imports.map((i) => (
                <tr key={i.id}>
                  <td>{i.id}</td><td>{i.fileName}</td><td>{i.companyName ?? '–'}</td><td>{i.fiscalStart} – {i.fiscalEnd}</td>
                  <td className="num">{n(i.lineCount)}</td>
                  <td>{i.status === 'imported' ? 'gällande' : `ersatt${i.replacedBy !== null ? ` av nr ${String(i.replacedBy)}` : ''}`}</td>
                  <td>{i.importedBy}</td><td>{new Date(i.importedAt).toLocaleString('sv-SE')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

export function SieImportPage({ org }: { org: Org }) {
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [ignoreChecksum, setIgnoreChecksum] = useState(false);
  const [historyNonce, setHistoryNonce] = useState(0);
  const fileRef = useRef<HTMLInputElement>(null);
  const jobId = step.step === 'job' ? step.job.jobId : null;
  const running = step.step === 'job' && (step.job.state === 'reading' || step.job.state === 'writing');

  // Poll the job while it runs.
  useEffect(() => {
    if (!running || jobId === null) return undefined;
    const timer = window.setTimeout(() => {
      void sieApi.job(org.code, jobId).then((r) => {
        if (!r.ok) { setError(r.error); return; }
        setStep((s) => (s.step === 'job' ? { ...s, job: r.value } : s));
        if (r.value.state === 'imported') setHistoryNonce((x) => x + 1);
      });
    }, 400);
    return () => window.clearTimeout(timer);
  }, [running, jobId, org.code, step]);

  if (!canImportSie(org)) {
    return <p className="lead">Du har inte behörighet att läsa in SIE-filer för {org.name}. Det kräver rätt att ändra planen.</p>;
  }

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    setError(null);
    if (file === undefined) {
      setError({ error: 'validation', message: 'Välj en SIE-fil först.', field: 'file' });
      return;
    }
    setStep({ step: 'uploading' });
    const r = await sieApi.upload(org.code, file);
    if (!r.ok) { setError(r.error); setStep({ step: 'choose' }); return; }
    setIgnoreChecksum(false);
    setStep({ step: 'preview', uploadId: r.value.uploadId, inspection: r.value.inspection });
  };

  const confirm = async (uploadId: string, inspection: SieInspection) => {
    setError(null);
    const r = await sieApi.start(org.code, uploadId, ignoreChecksum);
    if (!r.ok) { setError(r.error); return; }
    setStep({ step: 'job', job: r.value, inspection });
  };

  const inspection = step.step === 'preview' || step.step === 'job' ? step.inspection : null;
  const onlyChecksum = inspection !== null && inspection.format === 'sie' && inspection.errors > 0
    && inspection.problems.filter((p) => p.level === 'error').every((p) => p.code.startsWith('checksum'));
  const importable = inspection !== null && inspection.format !== 'refused' && (inspection.errors === 0 || (onlyChecksum && ignoreChecksum));

  return (
    <div className="sie-page">
      <p className="lead">
        Läs in utfall och budget från bokföringens SIE-fil (SIE 1–4 eller SIE 5). Filen granskas först; inget ändras förrän du bekräftar, och
        importen sker helt eller inte alls.
      </p>
      <form className="panel sie-choose" onSubmit={(e) => void upload(e)} aria-labelledby="sie-choose-title">
        <h2 id="sie-choose-title">Välj fil</h2>
        <div className="field">
          <label htmlFor="sie-file">SIE-fil</label>
          <input id="sie-file" ref={fileRef} type="file" accept=".se,.si,.sie,.SE,.SI,.SIE,text/plain"
            aria-describedby={error?.field === 'file' ? 'sie-file-error' : undefined} onChange={() => setError(null)} />
          {error?.field === 'file' && <p id="sie-file-error" className="field-error">{error.message}</p>}
        </div>
        <button type="submit" className="button button-primary" disabled={step.step === 'uploading' || running}>
          {step.step === 'uploading' ? 'Laddar upp och granskar…' : 'Granska filen'}
        </button>
      </form>
      {error !== null && error.field !== 'file' && <ErrorNotice error={error} />}
      {inspection !== null && <Preview inspection={inspection} />}
      {step.step === 'preview' && (
        <div className="panel sie-confirm">
          {!importable && !onlyChecksum && (
            <div className="notice notice-error" role="alert">
              <p>
                Filen kan inte läsas in: {inspection !== null && inspection.format !== 'refused' ? `${String(inspection.errors)} fel (se ovan).` : inspection?.problems[0]?.message ?? 'den är inte en SIE-fil.'} Inget har ändrats.
              </p>
            </div>
          )}
          {onlyChecksum && (
            <div className="field field-check">
              <input id="sie-ignore-checksum" type="checkbox" checked={ignoreChecksum} onChange={(e) => setIgnoreChecksum(e.target.checked)} />
              <label htmlFor="sie-ignore-checksum">Läs in trots att kontrollsumman inte stämmer (jag vet att filen har ändrats avsiktligt)</label>
            </div>
          )}
          {(importable || onlyChecksum) && (
            <button type="button" className="button button-primary" disabled={!importable} onClick={() => void confirm(step.uploadId, step.inspection)}>
              Läs in {step.inspection.fileName}
            </button>
          )}
        </div>
      )}
      {step.step === 'job' && (
        <section aria-labelledby="sie-progress-title" className="panel sie-progress">
          <h2 id="sie-progress-title">Import</h2>
          <p role="status">{STATE[step.job.state]}{running ? ' …' : '.'}</p>
          {running && (
            <>
              <label htmlFor="sie-progress-bar">Läst av filen</label>
              <progress id="sie-progress-bar" max={Math.max(1, step.job.bytesTotal)} value={step.job.bytesRead}>
                {`${String(Math.round((100 * step.job.bytesRead) / Math.max(1, step.job.bytesTotal)))} %`}
              </progress>
            </>
          )}
          {step.job.state === 'failed' && <ErrorNotice error={{ error: 'failed', message: step.job.error ?? 'Importen misslyckades; inget har ändrats.' }} />}
          {step.job.state === 'refused' && <Problems problems={step.job.problems} title="Därför lästes filen inte in" />}
        </section>
      )}
      {step.step === 'job' && <Result job={step.job} />}
      <History org={org} nonce={historyNonce} />
    </div>
  );
}
