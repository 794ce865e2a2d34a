// Budget: the plan lines of the chosen version and year in an entry grid, with sums per category.
import { useMemo, useState } from 'react';
import { api } from '../api.ts';
import type { LinesResponse, Org, PlanLine } from '../api-types.ts';
import { ErrorNotice, ExampleBadge, Loading, ReadOnlyNotice } from '../components/notices.tsx';
import { CategorySums } from '../grid/CategorySums.tsx';
import { ConflictPanel } from '../grid/ConflictPanel.tsx';
import { PlanGrid, rowLabel } from '../grid/PlanGrid.tsx';
import { sumLines } from '../grid/sums.ts';
import { useLineEditor, type ReadOnlyCause } from '../grid/use-line-editor.ts';
import { formatKr } from '../domain.ts';
import { useApi } from '../use-api.ts';
import { VersionWorkflow } from '../workflow/VersionWorkflow.tsx';
import { periodLabel, type ResolvedView } from '../view-context.ts';

interface Props {
  org: Org;
  view: ResolvedView;
}

const kindOrder = { revenue: 0, cost: 1 } as const;

/** Revenue before costs; categories in the server's order (the underlag's), then unit, account, period. */
function sortLines(lines: PlanLine[]): PlanLine[] {
  const categoryRank = new Map<string, number>();
  for (const l of lines) if (!categoryRank.has(l.category)) categoryRank.set(l.category, categoryRank.size);
  const rank = (l: PlanLine) => categoryRank.get(l.category) ?? 0;
  return lines.toSorted(
    (a, b) =>
      kindOrder[a.kind] - kindOrder[b.kind] ||
      rank(a) - rank(b) ||
      a.unitName.localeCompare(b.unitName, 'sv') ||
      a.accountCode.localeCompare(b.accountCode, 'sv') ||
      (a.period ?? '').localeCompare(b.period ?? ''),
  );
}

function readOnlyReason(data: LinesResponse, org: Org, lockedBy: ReadOnlyCause): string | null {
  const v = data.version;
  if (lockedBy === 'adopted' || (v.kind !== 'actual' && v.status === 'adopted')) {
    return 'Versionen är fastställd och kan inte ändras. Ändringar görs i en ny version.';
  }
  if (v.kind === 'actual') return 'Utfallet kommer från bokföringen och ändras genom import (SIE), inte här.';
  if (lockedBy === 'forbidden' || !org.canEdit) {
    return `Du har läsbehörighet för ${org.name}. Kontakta nämndens ekonom om något behöver ändras.`;
  }
  if (v.status === 'submitted') return 'Versionen är inlämnad och väntar på beslut. Den måste återremitteras till utkast innan den kan ändras.';
  if (!data.version.editable) return 'Den här versionen kan inte ändras.';
  return null;
}

export function BudgetPage({ org, view }: Props) {
  const key = `lines:${org.code}:${view.version.code}:${view.year}`;
  const { load } = useApi(key, (signal) => api.getLines(org.code, view.version.code, view.year, signal));
  // A workflow step changes what may be edited and the status every view shows: load it all anew.
  const reloadAll = () => window.location.reload();
  return (
    <div className="budget">
      <p className="page-lead">
        {org.name} · {periodLabel(view.version, view.year)}
        {view.version.isExample && <ExampleBadge />}
      </p>
      <VersionWorkflow org={org} version={view.version} onMoved={reloadAll} />
      {load.state === 'loading' && <Loading what="budgetraderna" />}
      {load.state === 'error' && <ErrorNotice error={load.error} />}
      {load.state === 'ok' && <BudgetEditor key={key} org={org} view={view} data={load.value} />}
    </div>
  );
}

function BudgetEditor({ org, view, data }: Props & { data: LinesResponse }) {
  const initial = useMemo(() => sortLines(data.lines), [data.lines]);
  const editor = useLineEditor({ org: org.code, version: view.version.code, initial });
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const sums = useMemo(() => sumLines(editor.lines), [editor.lines]);
  const reason = readOnlyReason(data, org, editor.lockedBy);
  const editable = reason === null;
  const conflictIds = useMemo(() => new Set(editor.conflicts.map((c) => c.lineId)), [editor.conflicts]);

  const statusText = (() => {
    switch (editor.status.kind) {
      case 'idle':
        return '';
      case 'saving':
        return 'Sparar…';
      case 'saved':
        return 'Sparat';
      case 'error':
        return editor.status.message;
    }
  })();

  return (
    <>
      {reason !== null ? (
        <ReadOnlyNotice>
          <p>
            <strong>Skrivskyddad.</strong> {reason}
          </p>
        </ReadOnlyNotice>
      ) : (
        <p className="hint">
          Beloppen anges i kronor och sparas direkt. Flytta med piltangenterna, börja skriva eller tryck Enter för att
          ändra, Escape avbryter, Enter eller Tab sparar. Ctrl+Z ångrar. Ett block från Excel kan klistras in.
        </p>
      )}
      <div className={editable ? 'status-lines' : 'status-lines status-lines-quiet'}>
        <p className={editor.status.kind === 'error' ? 'save-status save-status-error' : 'save-status'} role="status">
          {statusText}
        </p>
        <p className="grid-announcement" role="status">
          {announcement ?? ''}
        </p>
      </div>
      <ConflictPanel
        conflicts={editor.conflicts}
        lines={editor.lines}
        onResolve={(id, choice) => {
          setAnnouncement(null);
          editor.resolveConflict(id, choice);
        }}
      />
      <dl className="totals-strip">
        <div>
          <dt>Summa intäkter</dt>
          <dd>{formatKr(sums.totalRevenueOre)}</dd>
        </div>
        <div>
          <dt>Summa kostnader</dt>
          <dd>{formatKr(sums.totalCostOre)}</dd>
        </div>
        <div>
          <dt>Resultat</dt>
          <dd>{formatKr(sums.resultOre)}</dd>
        </div>
      </dl>
      <div className="budget-layout">
        <section className="panel panel-grid" aria-labelledby="lines-h">
          <h2 id="lines-h">Budgetrader {view.year}</h2>
          {editor.lines.length === 0 ? (
            <p>Versionen har inga rader för {view.year}.</p>
          ) : (
            <PlanGrid
              caption={`${data.version.name}, ${view.year}, belopp i kronor${editable ? '' : ' (skrivskyddad)'}`}
              lines={editor.lines}
              editable={editable}
              savingIds={editor.savingIds}
              conflictIds={conflictIds}
              onCommit={(id, amount) => {
                setAnnouncement(null);
                editor.setAmount(id, amount);
              }}
              onUndo={() => {
                const line = editor.undo();
                setAnnouncement(
                  line === null ? 'Det finns inget att ångra.' : `Ångrade ändringen av ${rowLabel(line)}.`,
                );
              }}
              onAnnounce={setAnnouncement}
            />
          )}
        </section>
        <section className="panel panel-sums" aria-labelledby="sums-h">
          <h2 id="sums-h">Summa per kategori</h2>
          <p className="muted">Beräknas från raderna och uppdateras när du ändrar ett belopp.</p>
          <CategorySums sums={sums} caption={`Summor ${view.year}, kronor`} />
        </section>
      </div>
    </>
  );
}
