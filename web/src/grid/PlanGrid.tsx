// The plan-line grid: the ARIA grid pattern (one tab stop, arrow keys move between cells) with a
// spreadsheet's editing — Enter, F2 or typing starts, Escape cancels, Enter or Tab commits. Only the
// amount is editable; a read-only grid says so and offers no editor at all.
import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { PlanLine } from '../api-types.ts';
import { parseAmount, type Ore } from '../domain.ts';
import { krText } from './amount-text.ts';
import { editingCommand, navigationCommand, pastedColumn, type GridPosition } from './keys.ts';
import type { LineId } from './use-line-editor.ts';

interface Column {
  key: 'unit' | 'account' | 'category' | 'period' | 'amount';
  label: string;
  numeric?: boolean;
}

interface Props {
  caption: string;
  lines: PlanLine[];
  editable: boolean;
  savingIds: ReadonlySet<LineId>;
  conflictIds: ReadonlySet<LineId>;
  onCommit: (id: LineId, amount: Ore) => void;
  onUndo: () => void;
  onAnnounce: (message: string) => void;
}

function cellText(line: PlanLine, key: Column['key']): string {
  switch (key) {
    case 'unit':
      return line.unitName;
    case 'account':
      return `${line.accountCode} ${line.accountName}`;
    case 'category':
      return line.categoryName;
    case 'period':
      return line.period ?? 'Helår';
    case 'amount':
      return krText(line.amountOre);
  }
}

export function rowLabel(line: PlanLine): string {
  return `${line.unitName}, ${line.accountCode} ${line.accountName}${line.period ? `, ${line.period}` : ''}`;
}

export function PlanGrid({ caption, lines, editable, savingIds, conflictIds, onCommit, onUndo, onAnnounce }: Props) {
  const id = useId();
  const hasPeriods = lines.some((l) => l.period !== null);
  const columns: Column[] = [
    { key: 'unit', label: 'Enhet' },
    { key: 'account', label: 'Konto' },
    { key: 'category', label: 'Kategori' },
    ...(hasPeriods ? [{ key: 'period', label: 'Period' } as const] : []),
    { key: 'amount', label: 'Belopp (kr)', numeric: true },
  ];
  const amountCol = columns.length - 1;
  const shape = { rows: lines.length, cols: columns.length, pageSize: 10 };

  const [active, setActive] = useState<GridPosition>({ row: 0, col: amountCol });
  const [editing, setEditing] = useState<{ draft: string; error: string | null } | null>(null);
  const cells = useRef(new Map<string, HTMLElement>());
  const inputRef = useRef<HTMLInputElement>(null);
  const focusPending = useRef(false);
  const editingRef = useRef(false);
  editingRef.current = editing !== null;

  const row = Math.min(active.row, Math.max(0, lines.length - 1));
  const activeLine = lines[row];
  const canEdit = (col: number) => editable && col === amountCol;

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    if (editing !== null) inputRef.current?.focus();
    else cells.current.get(`${row}:${active.col}`)?.focus();
  }, [row, active.col, editing]);

  const moveTo = (to: GridPosition) => {
    focusPending.current = true;
    setActive(to);
  };

  const startEdit = (replaceWith: string | null) => {
    if (activeLine === undefined || !canEdit(active.col)) return;
    focusPending.current = true;
    setEditing({ draft: replaceWith ?? krText(activeLine.amountOre), error: null });
  };

  const commit = (then: GridPosition | null): boolean => {
    if (editing === null || activeLine === undefined) return true;
    const parsed = parseAmount(editing.draft, 'kr');
    if (!parsed.ok) {
      setEditing({ ...editing, error: `${parsed.error}. Skriv till exempel 1 234 eller 1234,50, eller tryck Escape för att ångra.` });
      return false;
    }
    editingRef.current = false;
    setEditing(null);
    if (parsed.value !== activeLine.amountOre) onCommit(activeLine.id, parsed.value);
    if (then) moveTo(then);
    else focusPending.current = true;
    return true;
  };

  const cancel = () => {
    editingRef.current = false;
    setEditing(null);
    focusPending.current = true;
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editingRef.current) return;
    const command = navigationCommand(event.nativeEvent, { row, col: active.col }, shape, canEdit(active.col));
    switch (command.type) {
      case 'move':
        moveTo(command.to);
        break;
      case 'edit':
        startEdit(command.replaceWith);
        break;
      case 'undo':
        if (editable) onUndo();
        else onAnnounce('Den här versionen kan inte ändras.');
        break;
      case 'commit':
      case 'cancel':
      case 'none':
        return;
    }
    event.preventDefault();
  };

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    const command = editingCommand(event.nativeEvent, { row, col: active.col }, shape);
    if (command.type === 'cancel') cancel();
    else if (command.type === 'commit') commit(command.then);
    else return;
    event.preventDefault();
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    if (editingRef.current || !canEdit(active.col)) return;
    event.preventDefault();
    const targets = pastedColumn(event.clipboardData.getData('text/plain'), row, lines.length);
    const parsed = targets.map((t) => ({ ...t, result: parseAmount(t.text, 'kr') }));
    const bad = parsed.find((p) => !p.result.ok);
    if (bad && !bad.result.ok) {
      onAnnounce(`Inget klistrades in: rad ${bad.row - row + 1} i urklippet. ${bad.result.error}.`);
      return;
    }
    for (const p of parsed) {
      const line = lines[p.row];
      if (line && p.result.ok) onCommit(line.id, p.result.value);
    }
    onAnnounce(`${parsed.length} belopp inklistrade.`);
  };

  const errorId = `${id}-error`;
  return (
    <div className="grid-wrap">
      <table
        role="grid"
        className={editable ? 'grid' : 'grid grid-readonly'}
        aria-labelledby={`${id}-cap`}
        aria-readonly={editable ? undefined : true}
        aria-rowcount={lines.length + 1}
        onKeyDown={onGridKeyDown}
        onPaste={onPaste}
      >
        <caption id={`${id}-cap`}>{caption}</caption>
        <thead>
          <tr role="row" aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.key} role="columnheader" scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, r) => (
            <tr key={String(line.id)} role="row" aria-rowindex={r + 2} className={r === row ? 'active-row' : undefined}>
              {columns.map((c, ci) => {
                const isActive = r === row && ci === active.col;
                const isEditing = isActive && editing !== null;
                const editableCell = canEdit(ci);
                const classes = [
                  c.numeric ? 'num' : '',
                  c.key === 'period' ? 'cell-period' : '',
                  editableCell ? 'cell-editable' : '',
                  savingIds.has(line.id) && c.key === 'amount' ? 'cell-saving' : '',
                  conflictIds.has(line.id) && c.key === 'amount' ? 'cell-conflict' : '',
                  isEditing ? 'cell-editing' : '',
                ].filter((x) => x !== '').join(' ');
                return (
                  <td
                    key={c.key}
                    role="gridcell"
                    className={classes || undefined}
                    tabIndex={isActive && !isEditing ? 0 : -1}
                    aria-readonly={c.key === 'amount' ? !editable : undefined}
                    ref={(el) => {
                      if (el) cells.current.set(`${r}:${ci}`, el);
                      else cells.current.delete(`${r}:${ci}`);
                    }}
                    onMouseDown={() => {
                      if (!isActive) {
                        if (editing !== null && !commit(null)) return;
                        setActive({ row: r, col: ci });
                      }
                    }}
                    onDoubleClick={() => {
                      if (editableCell) startEdit(null);
                    }}
                  >
                    {isEditing ? (
                      <input
                        ref={inputRef}
                        className="cell-input"
                        inputMode="decimal"
                        autoComplete="off"
                        spellCheck={false}
                        aria-label={`Belopp i kronor för ${rowLabel(line)}`}
                        aria-invalid={editing.error !== null}
                        aria-describedby={editing.error !== null ? errorId : undefined}
                        value={editing.draft}
                        onChange={(e) => setEditing({ draft: e.target.value, error: null })}
                        onKeyDown={onEditorKeyDown}
                        onBlur={() => {
                          // Leaving the cell with the mouse commits a valid value and drops an invalid one.
                          if (!editingRef.current) return;
                          if (parseAmount(editing.draft, 'kr').ok) commit(null);
                          else {
                            setEditing(null);
                            onAnnounce('Ändringen ångrades: beloppet gick inte att läsa.');
                          }
                        }}
                      />
                    ) : (
                      <>
                        {cellText(line, c.key)}
                        {c.key === 'amount' && conflictIds.has(line.id) && <span className="visually-hidden"> (konflikt)</span>}
                        {c.key === 'amount' && savingIds.has(line.id) && <span className="visually-hidden"> (sparar)</span>}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div id={errorId} className="grid-error" role="alert">
        {editing?.error ?? ''}
      </div>
    </div>
  );
}
