// Icons are decoration beside text that says the same thing, so they are hidden from screen readers.
const common = { width: 20, height: 20, viewBox: '0 0 20 20', 'aria-hidden': true, focusable: false } as const;

export function CheckIcon() {
  return (
    <svg {...common} className="icon icon-ok">
      <circle cx="10" cy="10" r="9" fill="currentColor" />
      <path d="M5.5 10.5l3 3 6-7" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function WarningIcon() {
  return (
    <svg {...common} className="icon icon-warning">
      <path d="M10 1.5l9 16H1z" fill="currentColor" />
      <path d="M10 7v5" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
      <circle cx="10" cy="15" r="1.2" fill="#fff" />
    </svg>
  );
}

export function LockIcon() {
  return (
    <svg {...common} className="icon icon-lock">
      <rect x="3.5" y="9" width="13" height="9" rx="1.5" fill="currentColor" />
      <path d="M6.5 9V6.5a3.5 3.5 0 0 1 7 0V9" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

export function InfoIcon() {
  return (
    <svg {...common} className="icon icon-info">
      <circle cx="10" cy="10" r="9" fill="currentColor" />
      <path d="M10 9v5" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
      <circle cx="10" cy="6" r="1.2" fill="#fff" />
    </svg>
  );
}
