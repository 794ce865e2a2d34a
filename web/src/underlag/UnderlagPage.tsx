// Underlag: the committee's underlag for the budget year of the chosen version, shown as the document
// it is (sections in order, live figures marked), edited section by section in place, with its status
// and the workflow steps the user may take, downloads (DOCX, PDF, HTML, XLSX; once decided the archive
// for the registry), and its revisions. A decided underlag says so and nothing in it looks editable.
import { useEffect, useState } from 'react';
import type { ApiErrorBody, Org } from '../api-types.ts';
import { ErrorNotice, Loading, ReadOnlyNotice } from '../components/notices.tsx';
import { LockIcon } from '../components/icons.tsx';
import { Link, navigate } from '../router.tsx';
import { routeHref } from '../routes.ts';
import { useApi } from '../use-api.ts';
import type { ResolvedView } from '../view-context.ts';
import { underlagApi } from './api.ts';
import { figureTextsOf } from './editor-dom.ts';
import { ReportBlocks } from './ReportView.tsx';
import { Revisions } from './Revisions.tsx';
import { SectionEditor } from './SectionEditor.tsx';
import { StatusBar } from './StatusBar.tsx';
import type { Draft, ExportFormat, UnderlagDocument } from './types.ts';
import './underlag.css';

interface Props {
  org: Org;
  view: ResolvedView;
  item: string | null;
}

export function UnderlagPage({ org, view, item }: Props) {
  const list = useApi(`underlag:${org.code}`, (signal) => underlagApi.list(org.code, signal));
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const budgetYear = view.version.firstYear;
  const id = item !== null && /^\d+$/.test(item) ? Number(item) : null;

  if (list.load.state === 'loading') return <Loading what="underlagen" />;
  if (list.load.state === 'error') return <ErrorNotice error={list.load.error} />;
  const docs = list.load.value;
  const match = docs.find((d) => d.version === view.version.code && d.budgetYear === budgetYear);
  const chosen = id ?? match?.id ?? null;
  if (chosen !== null) return <UnderlagDocumentView key={chosen} org={org} id={chosen} />;

  const create = async () => {
    setCreating(true);
    const r = await underlagApi.create(org.code, budgetYear, view.version.code);
    setCreating(false);
    if (!r.ok) return setError(r.error);
    navigate(routeHref({ name: 'underlag', org: org.code, year: view.year, version: view.version.code, item: String(r.value.underlag.id) }));
  };
  return (
    <div className="lead">
      {view.version.kind === 'actual' ? (
        <p>Underlaget redovisar en budgetversion. Välj en budgetversion ovan.</p>
      ) : (
        <>
          <p>Det finns inget underlag för {view.version.name} ännu. Ett nytt underlag börjar från mallen: förlagans sju avsnitt med levande siffror ur planen.</p>
          <button type="button" className="button button-primary" disabled={creating} onClick={() => void create()}>
            {creating ? 'Skapar…' : `Skapa underlag för ${budgetYear}`}
          </button>
        </>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {docs.length > 0 && (
        <>
          <h2>Nämndens underlag</h2>
          <ul>
            {docs.map((d) => (
              <li key={d.id}>
                <Link href={routeHref({ name: 'underlag', org: org.code, year: view.year, version: view.version.code, item: String(d.id) })}>
                  Underlag {d.budgetYear} ({d.version}), {d.statusLabel.toLowerCase()}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const FORMATS: Array<{ format: ExportFormat; label: string }> = [
  { format: 'docx', label: 'Word (DOCX)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'html', label: 'Webbsida (HTML)' },
  { format: 'xlsx', label: 'Excel (XLSX)' },
];

function UnderlagDocumentView({ org, id }: { org: Org; id: number }) {
  const [shown, setShown] = useState<number | null>(null);
  const loaded = useApi(`underlag:${org.code}:${id}:${shown ?? 'head'}`, (signal) => underlagApi.get(org.code, id, shown, signal));
  const drafts = useApi(`underlag-drafts:${org.code}:${id}`, (signal) => underlagApi.drafts(org.code, id, signal));
  const [doc, setDoc] = useState<UnderlagDocument | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [newTitle, setNewTitle] = useState('');

  useEffect(() => {
    if (loaded.load.state === 'ok') setDoc(loaded.load.value);
  }, [loaded.load]);

  if (doc === null) {
    return loaded.load.state === 'error' ? <ErrorNotice error={loaded.load.error} /> : <Loading what="underlaget" />;
  }
  const report = doc.report;
  const isHead = doc.revision.revision === doc.underlag.headRevision;
  const revisionParam = isHead ? null : doc.revision.revision;
  const draftList: Draft[] = drafts.load.state === 'ok' ? drafts.load.value : [];
  const adopted = doc.revision.status === 'adopted';

  const applied = (next: UnderlagDocument, what: string) => {
    setDoc(next);
    setEditing(null);
    setError(null);
    setShown(null);
    setMessage(`${what} Sparat som revision ${next.underlag.headRevision}.`);
  };
  const act = async (run: () => ReturnType<typeof underlagApi.reorder>, what: string) => {
    const r = await run();
    if (r.ok) applied(r.value, what);
    else setError(r.error);
  };
  const keys = doc.sections.map((s) => s.key);
  const move = (key: string, by: number) => {
    const i = keys.indexOf(key);
    const next = [...keys];
    const [k] = next.splice(i, 1);
    if (k === undefined) return;
    next.splice(i + by, 0, k);
    void act(() => underlagApi.reorder(org.code, id, doc.underlag.headRevision, next), 'Avsnitten har flyttats.');
  };

  return (
    <div className="underlag">
      <StatusBar org={org.code} doc={doc} onChanged={(next, what) => applied(next, what)} />
      {!isHead && (
        <div className="notice notice-readonly">
          <LockIcon />
          <div>
            <p>Du läser revision {doc.revision.revision} från {doc.revision.savedAt.slice(0, 16).replace('T', ' ')} ({doc.revision.author}). Den senaste är revision {doc.underlag.headRevision}.</p>
            <button type="button" className="button button-quiet" onClick={() => setShown(null)}>Visa senaste revisionen</button>
          </div>
        </div>
      )}
      <nav className="downloads" aria-label="Hämta underlaget">
        <span className="downloads-label">Hämta{isHead ? '' : ` revision ${doc.revision.revision}`}:</span>
        {FORMATS.map((f) => (
          <a key={f.format} className="button button-quiet" href={underlagApi.exportHref(org.code, id, f.format, revisionParam)} download>
            {f.label}
          </a>
        ))}
        {doc.decided !== null && (
          <a className="button button-quiet" href={underlagApi.archiveHref(org.code, id)} download
            title={`Beslutad revision ${doc.decided.revision}, dnr ${doc.decided.diarienummer ?? ''}: PDF, XLSX, beslutet och planversionen som JSON, manifest med kontrollsummor`}>
            Arkiv för diariet (ZIP)
          </a>
        )}
      </nav>
      <p className="status-message" role="status">{message}</p>
      {error !== null && <ErrorNotice error={error} />}
      <article className={adopted || !doc.editable ? 'document document-frozen' : 'document'} aria-label={report.title}>
        <p className="document-title">{report.title}</p>
        <p className="hint">
          {report.organisation.name}
          {report.organisation.parentName !== null && `, ${report.organisation.parentName}`} · {report.periodLabel} · {report.version.statusLabel}
          {report.version.diarienummer !== null && ` · Dnr ${report.version.diarienummer}, beslutat ${report.version.decisionDate ?? ''}`}
        </p>
        {report.exampleNotice !== null && <p className="notice notice-readonly">Exempeldata. {report.exampleNotice}</p>}
        <p className="hint">
          <span className="live-figure">Understrukna siffror</span> är levande: de hämtas ur planen
          {adopted ? ' och är frysta som de var vid beslutet.' : ' och följer med när siffrorna ändras.'}
        </p>
        {doc.sections.map((section, index) => {
          const modelSection = report.sections.find((s) => s.key === section.key);
          const headingId = `sec-${section.key}`;
          return (
            <section key={section.key} className="document-section" aria-labelledby={headingId}>
              <h2 id={headingId}>{section.title}</h2>
              {editing === section.key ? (
                <SectionEditor
                  org={org.code}
                  doc={doc}
                  section={section}
                  figureTexts={figureTextsOf(modelSection?.blocks ?? [])}
                  drafts={draftList}
                  onSaved={(next) => applied(next, `Avsnittet ${section.title} är sparat.`)}
                  onCancel={() => setEditing(null)}
                  onReload={() => { setEditing(null); loaded.reload(); }}
                />
              ) : (
                <>
                  <ReportBlocks blocks={modelSection?.blocks ?? []} />
                  {doc.editable && editing === null && (
                    <div className="button-row section-actions">
                      <button type="button" className="button" onClick={() => setEditing(section.key)} aria-label={`Redigera avsnittet ${section.title}`}>Redigera</button>
                      {index > 0 && <button type="button" className="button button-quiet" onClick={() => move(section.key, -1)} aria-label={`Flytta upp ${section.title}`}>Flytta upp</button>}
                      {index < keys.length - 1 && <button type="button" className="button button-quiet" onClick={() => move(section.key, 1)} aria-label={`Flytta ned ${section.title}`}>Flytta ned</button>}
                      <button type="button" className="button button-quiet" aria-label={`Ta bort avsnittet ${section.title}`} onClick={() => {
                        if (window.confirm(`Ta bort avsnittet ”${section.title}”? Texten finns kvar i tidigare revisioner.`)) {
                          void act(() => underlagApi.removeSection(org.code, id, section.key, doc.underlag.headRevision), `Avsnittet ${section.title} är borttaget.`);
                        }
                      }}>Ta bort</button>
                    </div>
                  )}
                </>
              )}
            </section>
          );
        })}
      </article>
      {doc.editable && editing === null && (
        <form className="add-section" onSubmit={(e) => {
          e.preventDefault();
          void act(() => underlagApi.addSection(org.code, id, doc.underlag.headRevision, newTitle, null), `Avsnittet ${newTitle} är tillagt.`).then(() => setNewTitle(''));
        }}>
          <div className="field field-inline">
            <label htmlFor="new-section">Nytt avsnitt</label>
            <input id="new-section" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} maxLength={200} required />
            <button type="submit" className="button">Lägg till avsnitt</button>
          </div>
        </form>
      )}
      {!doc.editable && !adopted && isHead && <ReadOnlyNotice><p>Du kan läsa underlaget men inte ändra det i den här statusen eller med din behörighet.</p></ReadOnlyNotice>}
      <Revisions org={org.code} id={id} headRevision={doc.underlag.headRevision} onShow={(n) => setShown(n === doc.underlag.headRevision ? null : n)} />
    </div>
  );
}
