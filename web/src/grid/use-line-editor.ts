// The state behind the budget grid: the lines as the user sees them, saving through the API with the
// line's revision, conflicts (409) kept with both values until the user chooses, and undo.
// Edits show at once (and the sums with them); a refused save puts the saved value back.
import { useCallback, useRef, useState } from 'react';
import { api } from '../api.ts';
import type { PlanLine } from '../api-types.ts';
import type { Ore } from '../domain.ts';

export type LineId = PlanLine['id'];

export interface Conflict {
  lineId: LineId;
  mine: Ore;
  current: PlanLine;
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving'; count: number }
  | { kind: 'saved' }
  | { kind: 'error'; message: string };

export type ReadOnlyCause = 'adopted' | 'forbidden' | null;

interface Options {
  org: string;
  version: string;
  initial: PlanLine[];
}

export function useLineEditor({ org, version, initial }: Options) {
  const [lines, setLines] = useState<PlanLine[]>(initial);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [savingIds, setSavingIds] = useState<ReadonlySet<LineId>>(new Set());
  const [lockedBy, setLockedBy] = useState<ReadOnlyCause>(null);
  const linesRef = useRef(lines);
  linesRef.current = lines;
  const queues = useRef(new Map<LineId, Promise<void>>());
  const pending = useRef(0);
  const undoStack = useRef<{ lineId: LineId; before: Ore }[]>([]);

  const replaceLine = useCallback((id: LineId, update: (line: PlanLine) => PlanLine) => {
    setLines((all) => {
      const next = all.map((l) => (l.id === id ? update(l) : l));
      linesRef.current = next;
      return next;
    });
  }, []);

  const finish = useCallback((error: string | null) => {
    pending.current -= 1;
    if (error !== null) setStatus({ kind: 'error', message: error });
    else if (pending.current === 0) setStatus((s) => (s.kind === 'error' ? s : { kind: 'saved' }));
    else setStatus({ kind: 'saving', count: pending.current });
  }, []);

  /** Sends one amount for one line, with the revision the line has when the request leaves. */
  const send = useCallback(
    async (id: LineId, amount: Ore, savedBefore: PlanLine) => {
      const line = linesRef.current.find((l) => l.id === id);
      if (line === undefined) return;
      setSavingIds((s) => new Set(s).add(id));
      const result = await api.patchLine(org, version, id, amount, line.revision);
      setSavingIds((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      });
      if (result.ok) {
        replaceLine(id, () => result.value);
        finish(null);
        return;
      }
      const { error } = result;
      if (result.status === 409 && error.error === 'conflict' && error.current) {
        const current = error.current;
        replaceLine(id, () => current);
        setConflicts((cs) => [...cs.filter((c) => c.lineId !== id), { lineId: id, mine: amount, current }]);
        finish(`Konflikt: någon annan har ändrat raden ${line.unitName}, ${line.accountCode} ${line.accountName}. Välj vilket värde som ska gälla.`);
        return;
      }
      replaceLine(id, (l) => ({ ...l, amountOre: savedBefore.amountOre }));
      if (error.error === 'version_adopted') setLockedBy('adopted');
      if (result.status === 403) setLockedBy('forbidden');
      finish(`Ändringen sparades inte. ${error.message}`);
    },
    [org, version, replaceLine, finish],
  );

  const enqueue = useCallback(
    (id: LineId, amount: Ore, before: PlanLine) => {
      pending.current += 1;
      setStatus({ kind: 'saving', count: pending.current });
      // Saves of one line go one after the other, so the second uses the revision the first returned.
      const previous = queues.current.get(id) ?? Promise.resolve();
      const next = previous.then(() => send(id, amount, before));
      queues.current.set(id, next);
    },
    [send],
  );

  const setAmount = useCallback(
    (id: LineId, amount: Ore, options: { recordUndo: boolean } = { recordUndo: true }) => {
      const line = linesRef.current.find((l) => l.id === id);
      if (line === undefined || line.amountOre === amount) return;
      if (options.recordUndo) undoStack.current.push({ lineId: id, before: line.amountOre });
      replaceLine(id, (l) => ({ ...l, amountOre: amount }));
      enqueue(id, amount, line);
    },
    [replaceLine, enqueue],
  );

  const undo = useCallback((): PlanLine | null => {
    const last = undoStack.current.pop();
    if (last === undefined) return null;
    setAmount(last.lineId, last.before, { recordUndo: false });
    return linesRef.current.find((l) => l.id === last.lineId) ?? null;
  }, [setAmount]);

  const resolveConflict = useCallback(
    (id: LineId, choice: 'keep-theirs' | 'overwrite') => {
      const conflict = conflicts.find((c) => c.lineId === id);
      setConflicts((cs) => cs.filter((c) => c.lineId !== id));
      if (conflict === undefined) return;
      if (choice === 'keep-theirs') {
        setStatus({ kind: 'idle' });
        return;
      }
      // Overwrite: send my value again, now against the revision the server showed us.
      replaceLine(id, (l) => ({ ...l, amountOre: conflict.mine, revision: conflict.current.revision }));
      enqueue(id, conflict.mine, conflict.current);
    },
    [conflicts, replaceLine, enqueue],
  );

  return { lines, conflicts, status, savingIds, lockedBy, setAmount, undo, resolveConflict };
}
