// What the bytes are, decided from the bytes alone: #FORMAT says PC8 in files that are UTF-8,
// Latin-1 or already destroyed (docs/SIE.md, Encoding), so it is never trusted.

export type SieEncoding = 'cp437' | 'utf-8' | 'utf-8-bom' | 'windows-1252';

/** How many bytes the reader looks at before it decides (more only when these hold no letters). */
export const SNIFF_BYTES = 64 * 1024;

export type Sniffed =
  | { readonly kind: 'sie' }
  | { readonly kind: 'sie5' }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  sig.every((x, i) => b[at + i] === x);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // old .xls/.doc
const BOM = [0xef, 0xbb, 0xbf];

export function hasBom(b: Uint8Array): boolean {
  return startsWith(b, BOM);
}

/**
 * Refuses at once what is not SIE 1–4 (empty, binary, a spreadsheet or PDF under a .se name) and
 * recognises SIE 5 (XML). `prefix` is the start of the file (up to SNIFF_BYTES), `total` its length
 * when the whole file fits in the prefix.
 */
export function sniffFile(prefix: Uint8Array): Sniffed {
  const refuse = (code: string, message: string): Sniffed => ({ kind: 'refused', code, message });
  if (startsWith(prefix, ZIP) || startsWith(prefix, ZIP_EMPTY)) {
    return refuse('refused-zip', 'Filen är en ZIP-fil (t.ex. en Excel-fil, .xlsx, med ändelsen .se), inte en SIE-fil. Exportera SIE från bokföringssystemet.');
  }
  if (startsWith(prefix, PDF)) return refuse('refused-pdf', 'Filen är en PDF, inte en SIE-fil. Exportera SIE från bokföringssystemet.');
  if (startsWith(prefix, OLE)) return refuse('refused-office', 'Filen är ett Office-dokument (t.ex. .xls), inte en SIE-fil.');

  let i = hasBom(prefix) ? 3 : 0;
  while (i < prefix.length && isBlank(prefix[i] ?? 0)) i++;
  if (i >= prefix.length) return refuse('refused-empty', 'Filen är tom. Exportera SIE-filen igen.');

  let control = 0;
  for (let j = 0; j < prefix.length; j++) {
    const c = prefix[j] ?? 0;
    if (c === 0) return refuse('refused-binary', 'Filen är binär (innehåller NUL-tecken), inte en SIE-textfil.');
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x1a) control++;
  }
  // Text files have almost no control characters; a few stray ones are tolerated as blanks.
  if (control > 16 && control * 100 > prefix.length) {
    return refuse('refused-binary', 'Filen är binär (många styrtecken), inte en SIE-textfil.');
  }

  if (prefix[i] === 0x3c /* < */) {
    const head = new TextDecoder('utf-8').decode(prefix.subarray(i, i + 4096));
    if (/<Sie(Entry)?[\s>]/.test(head)) return { kind: 'sie5' };
    return refuse('refused-xml', 'Filen är XML eller HTML men inte SIE. Exportera SIE från bokföringssystemet.');
  }
  if (prefix[i] !== 0x23 /* # */) {
    return refuse('refused-not-sie', 'Filen ser inte ut som SIE: den första raden börjar inte med en etikett som #FLAGGA.');
  }
  return { kind: 'sie' };
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x1a;
}

type Utf8Verdict = 'ascii' | 'utf-8' | 'invalid';

/** Whether bytes are valid UTF-8; a sequence cut off at the end (a chunk boundary) is allowed. */
export function utf8Verdict(b: Uint8Array): Utf8Verdict {
  let high = false;
  const n = b.length;
  for (let i = 0; i < n; ) {
    const c = b[i] ?? 0;
    if (c < 0x80) { i++; continue; }
    high = true;
    let need: number;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return 'invalid';
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return 'utf-8';
      if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return 'invalid';
    }
    i += need + 1;
  }
  return high ? 'utf-8' : 'ascii';
}

// Swedish letters and é/ü by code page (docs/SIE.md, the table): the one with more hits wins.
const CP437_LETTERS = new Set([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82, 0x81, 0x90]);
const LATIN1_LETTERS = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc, 0xc9]);

/**
 * The encoding of a file from some of its bytes, or null when they hold only ASCII (then the next
 * bytes with letters decide). A BOM means UTF-8; valid UTF-8 with non-ASCII means UTF-8; otherwise
 * the code page whose Swedish letters occur more often, CP437 on a tie (the specification's own).
 */
export function detectEncoding(b: Uint8Array, atFileStart: boolean): SieEncoding | null {
  if (atFileStart && hasBom(b)) return 'utf-8-bom';
  const verdict = utf8Verdict(b);
  if (verdict === 'ascii') return null;
  if (verdict === 'utf-8') return 'utf-8';
  let cp437 = 0;
  let latin1 = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i] ?? 0;
    if (c < 0x80) continue;
    if (CP437_LETTERS.has(c)) cp437++;
    else if (LATIN1_LETTERS.has(c)) latin1++;
  }
  return latin1 > cp437 ? 'windows-1252' : 'cp437';
}

export function encodingName(e: SieEncoding): string {
  switch (e) {
    case 'cp437': return 'CP437 (PC8)';
    case 'utf-8': return 'UTF-8';
    case 'utf-8-bom': return 'UTF-8 med BOM';
    case 'windows-1252': return 'Windows-1252/ISO-8859-1';
  }
}
