// Code page 437 (IBM PC), the only encoding the SIE specification allows (#FORMAT PC8). Node has no
// decoder for it, so the table lives here; bytes 0x00–0x7F are ASCII.

const HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Byte → character for all 256 bytes. */
export const CP437_CHARS: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  b < 0x80 ? String.fromCharCode(b) : HIGH.charAt(b - 0x80),
);

const ENCODE = new Map<number, number>();
for (let b = 0; b < 256; b++) ENCODE.set((CP437_CHARS[b] ?? '').charCodeAt(0), b);

export function decodeCp437(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += CP437_CHARS[bytes[i] ?? 0];
  return s;
}

/** The CP437 byte of one UTF-16 code unit, or -1 when CP437 has no such character. */
export function cp437Byte(codeUnit: number): number {
  if (codeUnit < 0x80) return codeUnit;
  return ENCODE.get(codeUnit) ?? -1;
}

// What a person would write instead, for characters that commonly reach a ledger from Word or the web.
const SUBSTITUTES: Readonly<Record<string, string>> = {
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
  '‘': "'", '’': "'", '‚': "'", '´': "'", '`': "'",
  '“': '"', '”': '"', '„': '"',
  '…': '...', '€': 'EUR', '•': '*', '×': 'x',
  '\u2009': ' ', '\u202f': ' ', '\u200b': '',
  'À': 'A', 'Á': 'A', 'Â': 'A', 'Ã': 'A', 'È': 'E', 'Ê': 'E', 'Ë': 'E', 'Ì': 'I', 'Í': 'I', 'Î': 'I',
  'Ï': 'I', 'Ò': 'O', 'Ó': 'O', 'Ô': 'O', 'Õ': 'O', 'Ø': 'O', 'ø': 'o', 'õ': 'o', 'ã': 'a', 'Ù': 'U',
  'Ú': 'U', 'Û': 'U', 'Ý': 'Y', 'ý': 'y', 'Š': 'S', 'š': 's', 'Ž': 'Z', 'ž': 'z', 'Č': 'C', 'č': 'c',
  'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd', 'Ő': 'O', 'ő': 'o', 'Ű': 'U', 'ű': 'u', 'Þ': 'Th', 'þ': 'th',
};

export type Cp437Replacement = { readonly original: string; readonly replacement: string };

/**
 * Text → CP437 text: every character CP437 lacks is replaced (a known substitute, else `?`) and
 * each replacement is returned so the caller can report it. Control characters become spaces, since
 * a TAB or line break inside a field would split the record.
 */
export function toCp437Text(text: string): { text: string; replacements: Cp437Replacement[] } {
  let out = '';
  const replacements: Cp437Replacement[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0x20 && code !== 0x7f && cp437Byte(code) >= 0) {
      out += ch;
      continue;
    }
    const replacement = code < 0x20 || code === 0x7f ? ' ' : (SUBSTITUTES[ch] ?? '?');
    out += replacement;
    replacements.push({ original: ch, replacement });
  }
  return { text: out, replacements };
}

/** Encodes text that holds only CP437 characters (see toCp437Text); anything else becomes `?`. */
export function encodeCp437(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = cp437Byte(text.charCodeAt(i));
    out[i] = b < 0 ? 0x3f : b;
  }
  return out;
}
