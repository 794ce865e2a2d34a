// Every problem of a file in one list (docs/STYLE.md habit 6; fava collects parse errors the same
// way), capped so that a garbage file cannot fill the memory: past the cap only counts are kept.

export type ProblemLevel = 'error' | 'warning';

/** An error stops an import; a warning is shown and the import goes on. Messages are Swedish. */
export type SieProblem = {
  readonly level: ProblemLevel;
  readonly line: number | null;
  readonly message: string;
  readonly code: string;
};

export const DEFAULT_PROBLEM_LIMIT = 1000;

export type ProblemList = {
  add(level: ProblemLevel, code: string, line: number | null, message: string): void;
  readonly errorCount: () => number;
  /** The kept problems, sorted by line, plus one that says how many more there were. */
  finish(): SieProblem[];
};

export function createProblemList(limit = DEFAULT_PROBLEM_LIMIT): ProblemList {
  const kept: SieProblem[] = [];
  let errors = 0;
  let omitted = 0;
  let omittedErrors = 0;
  return {
    add(level, code, line, message) {
      if (level === 'error') errors++;
      if (kept.length >= limit) {
        omitted++;
        if (level === 'error') omittedErrors++;
        return;
      }
      kept.push({ level, line, message, code });
    },
    errorCount: () => errors,
    finish() {
      const out = [...kept].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      if (omitted > 0) {
        out.push({
          level: omittedErrors > 0 ? 'error' : 'warning',
          line: null,
          code: 'more-problems',
          message: `… och ${String(omitted)} problem till (${String(omittedErrors)} fel) som inte visas.`,
        });
      }
      return out;
    },
  };
}

/** "12, 40, 41 … (95 rader)": line lists in messages stay short. */
export function lineList(lines: readonly number[], total: number, shown = 10): string {
  const head = lines.slice(0, shown).map(String).join(', ');
  return total > shown ? `${head} … (${String(total)} rader)` : head;
}

/** How often something was seen, where first, and (up to a limit) on which lines. */
export type Tally = { count: number; firstLine: number; lines: number[] };

/** Counts `key` at `line` in `m`, keeping up to `keepLines` of its lines. */
export function tally(m: Map<string, Tally>, key: string, line: number, keepLines = 0): void {
  const t = m.get(key);
  if (t === undefined) { m.set(key, { count: 1, firstLine: line, lines: keepLines > 0 ? [line] : [] }); return; }
  t.count++;
  if (t.lines.length < keepLines) t.lines.push(line);
}
