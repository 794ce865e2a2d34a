import { describe, expect, it } from 'vitest';
import { editingCommand, navigationCommand, pastedColumn, type KeyInput } from './keys.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods,
});
const shape = { rows: 5, cols: 4, pageSize: 2 };
const mid = { row: 2, col: 1 };

describe('navigationCommand', () => {
  it('moves with the arrow keys and stops at the edges', () => {
    expect(navigationCommand(key('ArrowDown'), mid, shape, true)).toEqual({ type: 'move', to: { row: 3, col: 1 } });
    expect(navigationCommand(key('ArrowUp'), { row: 0, col: 0 }, shape, true)).toEqual({ type: 'move', to: { row: 0, col: 0 } });
    expect(navigationCommand(key('ArrowRight'), { row: 0, col: 3 }, shape, true)).toEqual({ type: 'move', to: { row: 0, col: 3 } });
    expect(navigationCommand(key('ArrowLeft'), mid, shape, true)).toEqual({ type: 'move', to: { row: 2, col: 0 } });
  });
  it('jumps with Home, End, Ctrl+Home, Ctrl+End and the page keys', () => {
    expect(navigationCommand(key('Home'), mid, shape, true)).toEqual({ type: 'move', to: { row: 2, col: 0 } });
    expect(navigationCommand(key('End'), mid, shape, true)).toEqual({ type: 'move', to: { row: 2, col: 3 } });
    expect(navigationCommand(key('Home', { ctrlKey: true }), mid, shape, true)).toEqual({ type: 'move', to: { row: 0, col: 0 } });
    expect(navigationCommand(key('End', { ctrlKey: true }), mid, shape, true)).toEqual({ type: 'move', to: { row: 4, col: 3 } });
    expect(navigationCommand(key('PageDown'), mid, shape, true)).toEqual({ type: 'move', to: { row: 4, col: 1 } });
    expect(navigationCommand(key('PageUp'), mid, shape, true)).toEqual({ type: 'move', to: { row: 0, col: 1 } });
  });
  it('starts editing with Enter or F2 (keeping the value) and with typing (replacing it)', () => {
    expect(navigationCommand(key('Enter'), mid, shape, true)).toEqual({ type: 'edit', replaceWith: null });
    expect(navigationCommand(key('F2'), mid, shape, true)).toEqual({ type: 'edit', replaceWith: null });
    expect(navigationCommand(key('7'), mid, shape, true)).toEqual({ type: 'edit', replaceWith: '7' });
    expect(navigationCommand(key('-'), mid, shape, true)).toEqual({ type: 'edit', replaceWith: '-' });
    expect(navigationCommand(key('Delete'), mid, shape, true)).toEqual({ type: 'edit', replaceWith: '' });
  });
  it('never starts editing a read-only cell', () => {
    for (const k of ['Enter', 'F2', '7', 'Delete']) {
      expect(navigationCommand(key(k), mid, shape, false)).toEqual({ type: 'none' });
    }
  });
  it('leaves Tab, Space and shortcuts to the browser, but takes Ctrl+Z as undo', () => {
    expect(navigationCommand(key('Tab'), mid, shape, true)).toEqual({ type: 'none' });
    expect(navigationCommand(key(' '), mid, shape, true)).toEqual({ type: 'none' });
    expect(navigationCommand(key('c', { ctrlKey: true }), mid, shape, true)).toEqual({ type: 'none' });
    expect(navigationCommand(key('z', { ctrlKey: true }), mid, shape, true)).toEqual({ type: 'undo' });
    expect(navigationCommand(key('z', { metaKey: true }), mid, shape, false)).toEqual({ type: 'undo' });
  });
  it('does nothing in an empty grid', () => {
    expect(navigationCommand(key('ArrowDown'), { row: 0, col: 0 }, { rows: 0, cols: 4, pageSize: 2 }, true)).toEqual({ type: 'none' });
  });
});

describe('editingCommand', () => {
  it('cancels with Escape', () => {
    expect(editingCommand(key('Escape'), mid, shape)).toEqual({ type: 'cancel' });
  });
  it('commits with Enter and moves down (Shift+Enter: up)', () => {
    expect(editingCommand(key('Enter'), mid, shape)).toEqual({ type: 'commit', then: { row: 3, col: 1 } });
    expect(editingCommand(key('Enter', { shiftKey: true }), mid, shape)).toEqual({ type: 'commit', then: { row: 1, col: 1 } });
    expect(editingCommand(key('Enter'), { row: 4, col: 1 }, shape)).toEqual({ type: 'commit', then: { row: 4, col: 1 } });
  });
  it('commits with Tab and moves sideways, staying inside the grid', () => {
    expect(editingCommand(key('Tab'), mid, shape)).toEqual({ type: 'commit', then: { row: 2, col: 2 } });
    expect(editingCommand(key('Tab', { shiftKey: true }), mid, shape)).toEqual({ type: 'commit', then: { row: 2, col: 0 } });
    expect(editingCommand(key('Tab'), { row: 2, col: 3 }, shape)).toEqual({ type: 'commit', then: { row: 2, col: 3 } });
  });
  it('leaves ordinary typing and cursor keys to the input', () => {
    expect(editingCommand(key('5'), mid, shape)).toEqual({ type: 'none' });
    expect(editingCommand(key('ArrowLeft'), mid, shape)).toEqual({ type: 'none' });
  });
});

describe('pastedColumn', () => {
  it('spreads an Excel column down from the focused row', () => {
    expect(pastedColumn('1 000\r\n2 500,5\r\n', 1, 5)).toEqual([
      { row: 1, text: '1 000' },
      { row: 2, text: '2 500,5' },
    ]);
  });
  it('takes the first cell of each row and stops at the last row', () => {
    expect(pastedColumn('10\tx\n20\ty\n30\tz', 3, 5)).toEqual([
      { row: 3, text: '10' },
      { row: 4, text: '20' },
    ]);
  });
});
