// "Ändra" (opens the item's form in place; "Avbryt" closes it) and "Ta bort" for one item of a list;
// the hidden text names the item, so a screen reader hears which one each button acts on.
export function ItemControls({ what, open, onToggle, onDelete }: { what: string; open: boolean; onToggle: () => void; onDelete: () => void }) {
  return (
    <span className="log-actions">
      <button type="button" className="button button-quiet" aria-expanded={open} onClick={onToggle}>
        {open ? 'Avbryt' : 'Ändra'}
        <span className="visually-hidden"> {what}</span>
      </button>
      <button type="button" className="button button-quiet" onClick={onDelete}>
        Ta bort<span className="visually-hidden"> {what}</span>
      </button>
    </span>
  );
}
