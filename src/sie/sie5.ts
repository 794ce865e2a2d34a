// SIE 5 is XML (docs/SIE.md): recognised and summarised from its first bytes. The SIE 1–4 reader
// (parseSie) stops at such a file with this message; parseAnySie and readSieModel read it with the
// SIE 5 reader (sie5-read.ts) instead.

export type Sie5Summary = {
  readonly root: 'Sie' | 'SieEntry';
  readonly companyName: string | null;
  readonly orgNumber: string | null;
  readonly software: string | null;
  readonly fiscalYears: readonly { readonly start: string; readonly end: string }[];
};

function attr(tag: string | undefined, name: string): string | null {
  if (tag === undefined) return null;
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1] === undefined ? null : unescapeXml(m[1]);
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
}

export function summariseSie5(prefix: Uint8Array): Sie5Summary {
  const xml = new TextDecoder('utf-8').decode(prefix);
  const root = /<SieEntry[\s>]/.test(xml) ? 'SieEntry' : 'Sie';
  const company = /<Company\s[^>]*>/.exec(xml)?.[0];
  const software = /<SoftwareProduct\s[^>]*>/.exec(xml)?.[0];
  const name = attr(software, 'name');
  const version = attr(software, 'version');
  const fiscalYears = [...xml.matchAll(/<FiscalYear\s[^>]*>/g)].map((m) => ({
    start: attr(m[0], 'start') ?? '', end: attr(m[0], 'end') ?? '',
  }));
  return {
    root,
    companyName: attr(company, 'name'),
    orgNumber: attr(company, 'organizationId'),
    software: name === null ? null : `${name}${version === null ? '' : ` ${version}`}`,
    fiscalYears,
  };
}

export function sie5Message(s: Sie5Summary): string {
  const who = s.companyName === null ? '' : ` från ${s.companyName}${s.orgNumber === null ? '' : ` (${s.orgNumber})`}`;
  const kind = s.root === 'SieEntry' ? 'en SIE 5-importfil (SieEntry)' : 'en SIE 5-fil (XML)';
  return `Filen är ${kind}${who}; den läses med SIE 5-läsaren (parseAnySie), inte med SIE 1–4-läsaren.`;
}
