// "Ändra" (opens the item's form in place; "Avbryt" closes it) and "Ta bort" for one item of a list;
// the hidden text names the item, so a screen reader hears which one each button acts on. When the
// form closes (saved or cancelled) and focus went with it, focus returns to "Ändra".
import { useEffect, useRef } from 'react';

export function ItemControls({ what, open, onToggle, onDelete }: { what: string; open: boolean; onToggle: () => void; onDelete: () => void }) {
  const toggle = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (wasOpen.current && !open && lost) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <span className="log-actions">
      <button ref={toggle} type="button" className="button button-quiet" aria-expanded={open} onClick={onToggle}>
        {open ? 'Avbryt' : 'Ändra'}
        <span className="visually-hidden"> {what}</span>
      </button>
      <button type="button" className="button button-quiet" onClick={onDelete}>
        Ta bort<span className="visually-hidden"> {what}</span>
      </button>
    </span>
  );
}
