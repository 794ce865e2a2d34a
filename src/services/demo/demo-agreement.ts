// The demo's collaboration agreement with the county's 15 municipalities, 2019–2022. The seed states
// that it exists, is financed jointly, has forums for politicians and officials, is followed up
// continuously and evaluated at the end; every amount, meeting and entry here is illustrative
// (exempeldata). The yearly totals match the demo's account 3560 (kommunbidrag): 18 870 tkr in the
// adopted budget 2019 and 19 250 tkr in the budget proposal 2020; 2021–2022 uplifted 2 % a year.
import type { Tx } from '../../db/database.ts';
import {
  insertAgreement, insertFollowup, insertForum, insertMeeting, insertParties, replaceKey, upsertYearTotals,
} from '../../db/repositories/agreements.ts';
import { defaultKeyFor } from '../../domain/agreement.ts';
import { oreFromKronor } from '../../domain/money.ts';
import { rateFromPpm } from '../../domain/rate.ts';
import { DEMO_MUNICIPALITIES } from './demo-data.ts';

export const DEMO_AGREEMENT = {
  name: 'Överenskommelse om samverkan för regional utveckling 2019–2022',
  description: 'Region Västerbotten och länets 15 kommuner finansierar gemensamt en struktur av forum för politiker och '
    + 'tjänstepersoner, för regional utveckling och särskilda primärkommunala frågor.',
  firstYear: 2019,
  lastYear: 2022,
  upliftPpm: 20_000,
  totalsKr: { 2019: 18_870_000, 2020: 19_250_000, 2021: 19_635_000, 2022: 20_027_700 } as Readonly<Record<number, number>>,
} as const;

const FORUMS = [
  { name: 'Regionalt politiskt forum (kommunalråd och regionråd)', kind: 'politicians' as const, meetings: [
    { day: '2019-03-15', subject: 'Uppstart av överenskommelsen, arbetsformer' },
    { day: '2019-10-04', subject: 'Regional utvecklingsstrategi: analys och dialog' },
    { day: '2020-03-13', subject: 'Sammanhållningspolitiken efter 2020' },
  ] },
  { name: 'Kommunchefsforum', kind: 'officials' as const, meetings: [
    { day: '2019-02-08', subject: 'Rutiner och system för samverkan' },
    { day: '2019-09-06', subject: 'Kompetensförsörjning och utbildning' },
    { day: '2020-02-07', subject: 'Digitalisering av gemensamma arbetsmetoder' },
  ] },
];

const FOLLOWUPS = [
  { period: '2019-T1', municipalityCode: null, text: 'Forumstrukturen är etablerad; båda forumen har haft sina första möten.' },
  { period: '2019-D', municipalityCode: null, text: 'Uppbyggnadsfas: rutiner, arbetsformer och system uppdateras enligt plan.' },
  { period: '2019-Å', municipalityCode: null, text: 'Tre gemensamma samverkansprojekt har beretts inom kompetensförsörjning och digitalisering.' },
  { period: '2019-Å', municipalityCode: '2418', text: 'Stöd till Malå kommun i arbetet med bredbandsutbyggnad (bredbandskoordinator).' },
  { period: '2020-T1', municipalityCode: '2480', text: 'Gemensam analys av kompetensbehov med Umeå kommun inför ny RUS.' },
];

export async function loadDemoAgreement(tx: Tx, tenantId: number, committeeId: number): Promise<void> {
  const a = DEMO_AGREEMENT;
  const id = await insertAgreement(tx, {
    tenantId, orgId: committeeId, name: a.name, firstYear: a.firstYear, lastYear: a.lastYear, uplift: rateFromPpm(a.upliftPpm),
    keySource: 'entered', description: a.description, isExample: true,
  });
  const codes = DEMO_MUNICIPALITIES.map((m) => m.code);
  await insertParties(tx, tenantId, id, codes);
  const years = Object.keys(a.totalsKr).map(Number);
  await upsertYearTotals(tx, tenantId, id, years.map((year) => ({ year, totalOre: oreFromKronor(a.totalsKr[year] ?? 0) })));
  // The key of every year is the population of 31 December 2018, the latest SCB figure in the demo.
  const population = DEMO_MUNICIPALITIES.map((m) => ({ municipalityCode: m.code, year: 2018, population: m.pop2018 }));
  await replaceKey(tx, tenantId, id, years, years.flatMap((year) =>
    defaultKeyFor(year, codes, population).map((k) => ({ ...k, year, source: 'entered' as const }))));
  for (const f of FORUMS) {
    const forumId = await insertForum(tx, tenantId, id, { name: f.name, kind: f.kind });
    for (const m of f.meetings) await insertMeeting(tx, tenantId, { forumId, day: m.day, subject: m.subject, notes: '' });
  }
  for (const f of FOLLOWUPS) await insertFollowup(tx, tenantId, id, f);
}
