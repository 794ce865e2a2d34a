// A save refused because someone else changed the line first: both values, and the user chooses.
import type { PlanLine } from '../api-types.ts';
import { formatKrExact } from '../domain.ts';
import { WarningIcon } from '../components/icons.tsx';
import { rowLabel } from './PlanGrid.tsx';
import type { Conflict, LineId } from './use-line-editor.ts';

interface Props {
  conflicts: Conflict[];
  lines: PlanLine[];
  onResolve: (id: LineId, choice: 'keep-theirs' | 'overwrite') => void;
}

export function ConflictPanel({ conflicts, lines, onResolve }: Props) {
  if (conflicts.length === 0) return null;
  return (
    <section className="conflicts" aria-labelledby="conflicts-h">
      <h2 id="conflicts-h" className="conflicts-title">
        <WarningIcon />
        {conflicts.length === 1 ? 'En rad har ändrats av någon annan' : `${conflicts.length} rader har ändrats av någon annan`}
      </h2>
      <p>Ditt värde sparades inte, eftersom raden ändrades medan du arbetade. Välj vilket värde som ska gälla.</p>
      <ul>
        {conflicts.map((c) => {
          const line = lines.find((l) => l.id === c.lineId) ?? c.current;
          return (
            <li key={String(c.lineId)} className="conflict">
              <p className="conflict-row">{rowLabel(line)}</p>
              <dl className="conflict-values">
                <div>
                  <dt>Ditt värde</dt>
                  <dd>{formatKrExact(c.mine)}</dd>
                </div>
                <div>
                  <dt>Sparat av någon annan</dt>
                  <dd>{formatKrExact(c.current.amountOre)}</dd>
                </div>
              </dl>
              <div className="button-row">
                <button type="button" className="button" onClick={() => onResolve(c.lineId, 'keep-theirs')}>
                  Behåll det sparade värdet
                </button>
                <button type="button" className="button button-primary" onClick={() => onResolve(c.lineId, 'overwrite')}>
                  Skriv över med mitt värde
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
