// Keyboard behaviour of the entry grid, as a pure function of the key and the grid's state
// (docs/UX.md: arrow keys, Tab, Enter, F2 or typing to edit, Escape to cancel; the ARIA grid pattern).
// The component only carries out the command it is given.

export interface GridPosition {
  row: number;
  col: number;
}

export interface GridShape {
  rows: number;
  cols: number;
  /** Rows moved by PageUp/PageDown. */
  pageSize: number;
}

export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export type GridCommand =
  | { type: 'move'; to: GridPosition }
  /** Start editing: keep the current value (Enter, F2) or replace it with what was typed. */
  | { type: 'edit'; replaceWith: string | null }
  | { type: 'commit'; then: GridPosition }
  | { type: 'cancel' }
  | { type: 'undo' }
  /** Not ours: let the browser do its default (e.g. Tab leaves the grid, keys inside the editor). */
  | { type: 'none' };

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

function at(shape: GridShape, row: number, col: number): GridPosition {
  return { row: clamp(row, 0, Math.max(0, shape.rows - 1)), col: clamp(col, 0, Math.max(0, shape.cols - 1)) };
}

/** A key that a spreadsheet treats as "start typing a new value". */
export function isTypingKey(input: KeyInput): boolean {
  return input.key.length === 1 && input.key !== ' ' && !input.ctrlKey && !input.metaKey && !input.altKey;
}

export function navigationCommand(input: KeyInput, pos: GridPosition, shape: GridShape, editable: boolean): GridCommand {
  const { row, col } = pos;
  const mod = input.ctrlKey || input.metaKey;
  if (shape.rows === 0) return { type: 'none' };
  switch (input.key) {
    case 'ArrowUp':
      return { type: 'move', to: at(shape, row - 1, col) };
    case 'ArrowDown':
      return { type: 'move', to: at(shape, row + 1, col) };
    case 'ArrowLeft':
      return { type: 'move', to: at(shape, row, col - 1) };
    case 'ArrowRight':
      return { type: 'move', to: at(shape, row, col + 1) };
    case 'Home':
      return { type: 'move', to: mod ? at(shape, 0, 0) : at(shape, row, 0) };
    case 'End':
      return { type: 'move', to: mod ? at(shape, shape.rows - 1, shape.cols - 1) : at(shape, row, shape.cols - 1) };
    case 'PageUp':
      return { type: 'move', to: at(shape, row - shape.pageSize, col) };
    case 'PageDown':
      return { type: 'move', to: at(shape, row + shape.pageSize, col) };
    case 'Enter':
    case 'F2':
      return editable ? { type: 'edit', replaceWith: null } : { type: 'none' };
    case 'Delete':
    case 'Backspace':
      return editable ? { type: 'edit', replaceWith: '' } : { type: 'none' };
    case 'z':
    case 'Z':
      if (mod && !input.shiftKey) return { type: 'undo' };
      break;
    default:
      break;
  }
  if (editable && isTypingKey(input)) return { type: 'edit', replaceWith: input.key };
  return { type: 'none' };
}

export function editingCommand(input: KeyInput, pos: GridPosition, shape: GridShape): GridCommand {
  const { row, col } = pos;
  switch (input.key) {
    case 'Escape':
      return { type: 'cancel' };
    case 'Enter':
      return { type: 'commit', then: at(shape, input.shiftKey ? row - 1 : row + 1, col) };
    case 'Tab':
      return { type: 'commit', then: at(shape, row, input.shiftKey ? col - 1 : col + 1) };
    case 'ArrowUp':
      return { type: 'commit', then: at(shape, row - 1, col) };
    case 'ArrowDown':
      return { type: 'commit', then: at(shape, row + 1, col) };
    default:
      return { type: 'none' };
  }
}

/**
 * A block pasted from Excel: one value per line, first column of each (the grid has one amount
 * column). Returns the rows it lands on, from the focused row down, cut at the grid's end.
 */
export function pastedColumn(text: string, startRow: number, rowCount: number): { row: number; text: string }[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const out: { row: number; text: string }[] = [];
  lines.forEach((line, i) => {
    const row = startRow + i;
    if (row < rowCount) out.push({ row, text: (line.split('\t')[0] ?? '').trim() });
  });
  return out;
}
