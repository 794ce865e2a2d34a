// Editing one section of the underlag in place, as a document: a contentEditable region with a small
// toolbar (paragraph, heading, lists, bold, italic, link), live figures and live tables inserted at
// the caret, and the sentences drafted from the numbers offered beside it ("Föreslagen text", taken
// with "Använd"). Saving is explicit; a save on a stale revision shows the other text and lets the
// writer choose (docs/UX.md, "Trust in the interface").
import { useEffect, useRef, useState } from 'react';
import type { ApiErrorBody } from '../api-types.ts';
import { ErrorNotice } from '../components/notices.tsx';
import { underlagApi } from './api.ts';
import { blocksText, blocksToHtml, figureChoices, figureSpan, htmlToBlocks, liveBox, liveChoices } from './editor-dom.ts';
import type { Draft, SaveConflict, Section, UnderlagDocument } from './types.ts';

interface Props {
  org: string;
  doc: UnderlagDocument;
  section: Section;
  figureTexts: string[];
  drafts: Draft[];
  onSaved: (doc: UnderlagDocument) => void;
  onCancel: () => void;
  onReload: () => void;
}

function escapeText(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function SectionEditor({ org, doc, section, figureTexts, drafts, onSaved, onCancel, onReload }: Props) {
  const editorRef = useRef<HTMLDivElement>(null);
  const range = useRef<Range | null>(null);
  const [title, setTitle] = useState(section.title);
  const [figure, setFigure] = useState('0');
  const [live, setLive] = useState('0');
  const [link, setLink] = useState('https://');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const figures = figureChoices(doc.underlag.actualYear, doc.underlag.budgetYear);
  const lives = liveChoices(doc.underlag.actualYear);
  const titleId = `edit-title-${section.key}`;

  useEffect(() => {
    const el = editorRef.current;
    if (el === null) return;
    el.innerHTML = blocksToHtml(section.blocks, figureTexts);
    document.execCommand('defaultParagraphSeparator', false, 'p');
    el.focus();
    // Only when the section being edited changes: the writer's text is never replaced under them.
  }, [section.key]);

  const remember = () => {
    const sel = window.getSelection();
    if (sel && sel.rangeCount > 0 && editorRef.current?.contains(sel.anchorNode ?? null)) range.current = sel.getRangeAt(0).cloneRange();
  };
  const restore = () => {
    const el = editorRef.current;
    if (el === null) return;
    el.focus();
    const sel = window.getSelection();
    if (sel && range.current) {
      sel.removeAllRanges();
      sel.addRange(range.current);
    } else if (sel) {
      const end = document.createRange();
      end.selectNodeContents(el);
      end.collapse(false);
      sel.removeAllRanges();
      sel.addRange(end);
    }
  };
  const command = (name: string, value?: string) => {
    restore();
    document.execCommand(name, false, value);
    remember();
  };
  const insertHtml = (html: string) => command('insertHTML', html);

  const takeDraft = (d: Draft) => {
    let i = 0;
    const html = d.content.map((n) => (n.type === 'text' ? escapeText(n.text) : figureSpan(n.ref, d.figures[i++] ?? '[levande uppgift]', 'Levande uppgift ur planen'))).join('');
    const el = editorRef.current;
    if (el === null) return;
    el.insertAdjacentHTML('beforeend', `<p>${html}</p>`);
    range.current = null;
    el.focus();
  };

  const save = async (revision: number) => {
    const el = editorRef.current;
    if (el === null) return;
    setSaving(true);
    setError(null);
    const r = await underlagApi.saveSection(org, doc.underlag.id, section.key, revision, htmlToBlocks(el), title === section.title ? undefined : title);
    setSaving(false);
    if (r.ok) {
      setConflict(null);
      onSaved(r.value);
      return;
    }
    const current = (r.error as ApiErrorBody & { current?: SaveConflict }).current;
    if (r.status === 409 && current !== undefined) setConflict(current);
    else setError(r.error);
  };

  const theirs = conflict?.sections.find((s) => s.key === section.key);

  return (
    <div className="section-editor">
      <div className="field">
        <label htmlFor={titleId}>Rubrik</label>
        <input id={titleId} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </div>
      <div className="editor-toolbar" role="toolbar" aria-label={`Textformat för ${section.title}`}>
        <button type="button" className="button button-quiet" onMouseDown={(e) => e.preventDefault()} onClick={() => command('formatBlock', 'p')}>Stycke</button>
        <button type="button" className="button button-quiet" onMouseDown={(e) => e.preventDefault()} onClick={() => command('formatBlock', 'h3')}>Rubrik</button>
        <button type="button" className="button button-quiet" onMouseDown={(e) => e.preventDefault()} onClick={() => command('insertUnorderedList')}>Punktlista</button>
        <button type="button" className="button button-quiet" onMouseDown={(e) => e.preventDefault()} onClick={() => command('insertOrderedList')}>Numrerad lista</button>
        <button type="button" className="button button-quiet" onMouseDown={(e) => e.preventDefault()} onClick={() => command('bold')}><strong>Fet</strong></button>
        <button type="button" className="button button-quiet" onMouseDown={(e) => e.preventDefault()} onClick={() => command('italic')}><em>Kursiv</em></button>
      </div>
      <div
        ref={editorRef}
        className="document-editor"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={`Text i avsnittet ${section.title}`}
        onKeyUp={remember}
        onMouseUp={remember}
        onBlur={remember}
      />
      <div className="editor-inserts">
        <div className="field field-inline">
          <label htmlFor={`link-${section.key}`}>Länk</label>
          <input id={`link-${section.key}`} value={link} onChange={(e) => setLink(e.target.value)} />
          <button type="button" className="button button-quiet" onClick={() => command('createLink', link)}>Gör markerad text till länk</button>
        </div>
        <div className="field field-inline">
          <label htmlFor={`figure-${section.key}`}>Levande uppgift</label>
          <select id={`figure-${section.key}`} value={figure} onChange={(e) => setFigure(e.target.value)}>
            {figures.map((f, i) => <option key={i} value={String(i)}>{f.label}</option>)}
          </select>
          <button type="button" className="button button-quiet" onClick={() => {
            const f = figures[Number(figure)];
            if (f) insertHtml(`${figureSpan(f.ref, `[${f.label}]`, `${f.label}: värdet visas när avsnittet sparas`)}&nbsp;`);
          }}>Infoga uppgift</button>
        </div>
        <div className="field field-inline">
          <label htmlFor={`live-${section.key}`}>Levande tabell eller diagram</label>
          <select id={`live-${section.key}`} value={live} onChange={(e) => setLive(e.target.value)}>
            {lives.map((l, i) => <option key={i} value={String(i)}>{l.label}</option>)}
          </select>
          <button type="button" className="button button-quiet" onClick={() => {
            const l = lives[Number(live)];
            if (l) insertHtml(`${liveBox(l.element)}<p><br></p>`);
          }}>Infoga tabell</button>
        </div>
      </div>
      {drafts.length > 0 && (
        <section className="drafts" aria-labelledby={`drafts-${section.key}`}>
          <h3 id={`drafts-${section.key}`}>Föreslagen text</h3>
          <p className="hint">Meningar ur siffrorna. Ta den du vill ha och skriv om den som du vill; inget läggs in av sig självt.</p>
          <ul>
            {drafts.map((d) => (
              <li key={d.key}>
                <p><strong>{d.title}:</strong> {d.text}</p>
                <button type="button" className="button button-quiet" onClick={() => takeDraft(d)} aria-label={`Använd: ${d.title}`}>Använd</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {conflict !== null && (
        <div className="notice notice-error" role="alert">
          <div>
            <p>
              {conflict.author} sparade underlaget (revision {conflict.revision}) medan du skrev. Deras text i avsnittet står här; din text finns kvar i
              rutan ovan. Välj vilken som ska gälla.
            </p>
            <blockquote className="conflict-text">
              {theirs ? blocksText(theirs.blocks).map((t, i) => <p key={i}>{t}</p>) : <p>Avsnittet är borttaget i deras version.</p>}
            </blockquote>
            <div className="button-row">
              <button type="button" className="button button-primary" disabled={saving} onClick={() => void save(conflict.revision)}>Spara min text ändå</button>
              <button type="button" className="button" onClick={onReload}>Använd deras text</button>
            </div>
          </div>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={saving} onClick={() => void save(doc.underlag.headRevision)}>
          {saving ? 'Sparar…' : 'Spara avsnittet'}
        </button>
        <button type="button" className="button" onClick={onCancel}>Avbryt</button>
      </div>
    </div>
  );
}
