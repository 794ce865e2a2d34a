// A synthetic SIE 4E file of any size, for the benchmark and for tests of flat memory: the shape of a
// region's ledger export (cost centres in dimension 1, projects in 6, supplier invoices of a few
// rows each), deterministic for a seed, produced chunk by chunk so its size never matters.
import { Buffer } from 'node:buffer';
import { encodeCp437 } from './cp437.ts';

export type GenerateOptions = {
  /** Number of #TRANS rows (the vouchers get 2–6 rows each). */
  readonly transactions: number;
  readonly seed?: number;
  readonly year?: number;
  readonly chunkBytes?: number;
};

/** A small fast PRNG (mulberry32): the same seed gives the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad2 = (n: number): string => (n < 10 ? `0${String(n)}` : String(n));
const amount = (ore: number): string => {
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  return `${ore < 0 ? '-' : ''}${String(kr)}.${pad2(rest)}`;
};

const TEXTS = ['Leverantörsfaktura', 'Resekostnader', 'Lokalhyra', 'Konsultarvode', 'Bidrag till förening', 'Representation'];

/** The file as chunks of CP437 bytes (about 70 MB per million rows), without a checksum. */
export async function* generateSie4E(options: GenerateOptions): AsyncGenerator<Uint8Array> {
  const rnd = random(options.seed ?? 1);
  const year = options.year ?? 2025;
  const chunkBytes = options.chunkBytes ?? 256 * 1024;
  let parts: string[] = [];
  let size = 0;
  const out = (s: string): void => {
    parts.push(s);
    size += s.length;
  };
  const take = (): Uint8Array => {
    const bytes = encodeCp437(parts.join(''));
    parts = [];
    size = 0;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };

  out('#FLAGGA 0\r\n#PROGRAM "Ramplan generator" 1.0\r\n#FORMAT PC8\r\n');
  out(`#GEN ${String(year + 1)}0115\r\n#SIETYP 4\r\n#ORGNR 232100-0222\r\n#FNAMN "Region Västerbotten"\r\n`);
  out(`#RAR 0 ${String(year)}0101 ${String(year)}1231\r\n#RAR -1 ${String(year - 1)}0101 ${String(year - 1)}1231\r\n`);
  out('#KPTYP EUBAS97\r\n#VALUTA SEK\r\n#DIM 1 "Kostnadsställe"\r\n#DIM 6 "Projekt"\r\n');
  for (let k = 0; k < 40; k++) out(`#OBJEKT 1 "${String(1000 + k)}" "Enhet ${String(k)}"\r\n`);
  for (let k = 0; k < 60; k++) out(`#OBJEKT 6 "P${String(k)}" "Projekt ${String(k)}"\r\n`);
  out('#KONTO 1930 "Bank"\r\n#KONTO 2440 "Leverantörsskulder"\r\n');
  for (let a = 4000; a < 8000; a += 10) out(`#KONTO ${String(a)} "Kostnad ${String(a)}"\r\n`);
  out('#IB 0 1930 125000000.00\r\n#UB 0 1930 98000000.00\r\n');

  let rows = 0;
  let number = 1;
  while (rows < options.transactions) {
    const month = 1 + Math.floor(rnd() * 12);
    const date = `${String(year)}${pad2(month)}${pad2(1 + Math.floor(rnd() * 28))}`;
    const n = Math.min(2 + Math.floor(rnd() * 5), Math.max(2, options.transactions - rows));
    out(`#VER A ${String(number)} ${date} "${TEXTS[number % TEXTS.length] ?? ''} ${String(number)}"\r\n{\r\n`);
    let sum = 0;
    for (let k = 0; k < n - 1; k++) {
      const ore = 100 + Math.floor(rnd() * 5_000_000);
      sum += ore;
      const account = 4000 + 10 * Math.floor(rnd() * 400);
      const unit = 1000 + Math.floor(rnd() * 40);
      const objects = rnd() < 0.3 ? `{1 "${String(unit)}" 6 "P${String(Math.floor(rnd() * 60))}"}` : `{1 "${String(unit)}"}`;
      out(`\t#TRANS ${String(account)} ${objects} ${amount(ore)} ${date}\r\n`);
    }
    out(`\t#TRANS 2440 {} ${amount(-sum)} ${date} "Lev ${String(number)}"\r\n}\r\n`);
    rows += n;
    number++;
    if (size >= chunkBytes) yield take();
  }
  if (size > 0) yield take();
}
