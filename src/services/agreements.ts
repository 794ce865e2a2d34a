// Use cases of the collaboration agreement with the municipalities. Reads go through the domain for
// every figure (yearly totals, key, contributions); each write is one transaction with an audit entry,
// and bad input is refused with a Swedish message naming the field before anything is written.
import type { ServiceContext } from './context.ts';
import { invalid, notFound } from './errors.ts';
import type { AuthUser } from './auth.ts';
import type { DbOrTx, Tx } from '../db/database.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import {
  deleteFollowup as deleteFollowupRow, deleteForum as deleteForumRow, deleteMeeting as deleteMeetingRow, deleteParties, deleteYearsOutside,
  findAgreement, findEvaluation, insertAgreement, insertFollowup, insertForum, insertMeeting, insertParties, listAgreements,
  listFollowups, listForums, listKey, listMeetings, listParties, listTenantPopulation, listYearTotals, replaceKey, setEvaluation,
  updateAgreementBasics, updateFollowup as updateFollowupRow, updateForum as updateForumRow, updateMeeting as updateMeetingRow,
  upsertYearTotals, type AgreementRow, type FollowupRow, type ForumRow, type KeyRow, type MeetingRow, type PartyRow,
} from '../db/repositories/agreements.ts';
import { listMunicipalityPopulation } from '../db/repositories/reference.ts';
import { listKoladaValues } from '../db/repositories/kolada.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import {
  agreementYearTotals, contributionsForYear, defaultKeyFor, followupPeriodLabel, parseFollowupPeriod, parsePopulationCsv, validateAgreementTerms,
  type Contribution, type KeySource,
} from '../domain/agreement.ts';
import { ore, sumOre, ZERO_ORE, type Ore } from '../domain/money.ts';
import { rateFromPercent, rateToPercentText, upliftBy, type Rate } from '../domain/rate.ts';
import { parseDay } from '../domain/period.ts';

export type YearView = {
  readonly year: number; readonly totalOre: Ore; readonly keySource: KeySource | null;
  readonly contributions: readonly Contribution[] | null; readonly problems: readonly string[];
};

export type AgreementDetail = {
  readonly agreement: AgreementRow; readonly parties: readonly PartyRow[]; readonly years: readonly YearView[];
  readonly forums: ReadonlyArray<ForumRow & { meetings: readonly MeetingRow[] }>; readonly followups: readonly FollowupRow[];
  readonly evaluation: { day: string; text: string } | null;
};

export async function listAgreementsOf(ctx: ServiceContext, org: OrganisationRow): Promise<Array<AgreementRow & { totals: Array<{ year: number; totalOre: Ore }> }>> {
  const agreements = await listAgreements(ctx.db, org.id);
  return Promise.all(agreements.map(async (a) => ({ ...a, totals: await listYearTotals(ctx.db, a.id) })));
}

async function requireAgreement(db: DbOrTx, org: OrganisationRow, id: number): Promise<AgreementRow> {
  const a = await findAgreement(db, org.id, id);
  if (!a) throw notFound(`Överenskommelsen ${id} finns inte för ${org.name}.`);
  return a;
}

function yearViews(totals: ReadonlyArray<{ year: number; totalOre: Ore }>, parties: readonly PartyRow[], key: readonly KeyRow[]): YearView[] {
  return totals.map((t) => {
    const rows = key.filter((k) => k.year === t.year);
    const r = contributionsForYear(t.year, t.totalOre, parties, rows);
    return {
      year: t.year, totalOre: t.totalOre, keySource: rows[0]?.source ?? null,
      contributions: r.ok ? r.value : null, problems: r.ok ? [] : r.error,
    };
  });
}

export async function getAgreement(ctx: ServiceContext, org: OrganisationRow, id: number): Promise<AgreementDetail> {
  const agreement = await requireAgreement(ctx.db, org, id);
  const [parties, totals, key, forums, meetings, followups, evaluation] = await Promise.all([
    listParties(ctx.db, id), listYearTotals(ctx.db, id), listKey(ctx.db, id), listForums(ctx.db, id), listMeetings(ctx.db, id),
    listFollowups(ctx.db, id), findEvaluation(ctx.db, id),
  ]);
  return {
    agreement, parties, years: yearViews(totals, parties, key),
    forums: forums.map((f) => ({ ...f, meetings: meetings.filter((m) => m.forumId === f.id) })),
    followups, evaluation: evaluation ?? null,
  };
}

/** One year's contributions; a year outside the period or an incomplete key is a 400 naming `year`. */
export async function getContributions(ctx: ServiceContext, org: OrganisationRow, id: number, year: number): Promise<{ agreement: AgreementRow; year: YearView; contributions: readonly Contribution[] }> {
  const detail = await getAgreement(ctx, org, id);
  const y = detail.years.find((x) => x.year === year);
  const a = detail.agreement;
  if (!y) throw invalid('year', `År: ${year} ingår inte i överenskommelsen (${a.firstYear}–${a.lastYear}).`);
  if (y.contributions === null) throw invalid('year', `År: ${y.problems.join(' ')}`);
  return { agreement: a, year: y, contributions: y.contributions };
}

export type NewAgreementInput = {
  readonly name: string; readonly firstYear: number; readonly lastYear: number; readonly firstYearTotalOre: number;
  readonly upliftPercent: string; readonly description?: string; readonly municipalityCodes?: readonly string[];
};

function parseUplift(text: string): Rate {
  const r = rateFromPercent(text);
  if (!r.ok) throw invalid('upliftPercent', `Uppräkning: ${r.error}`);
  return r.value;
}

function firstError(errors: ReadonlyArray<{ field: string; message: string }>): void {
  const e = errors[0];
  if (e) throw invalid(e.field, e.message);
}

export async function createAgreement(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, input: NewAgreementInput): Promise<number> {
  const uplift = parseUplift(input.upliftPercent);
  firstError(validateAgreementTerms({ ...input, uplift }));
  return ctx.db.transaction().execute(async (tx) => {
    const codes = await checkParties(tx, org, input.municipalityCodes);
    const id = await insertAgreement(tx, {
      tenantId: org.tenantId, orgId: org.id, name: input.name.trim(), firstYear: input.firstYear, lastYear: input.lastYear,
      uplift, keySource: 'entered', description: input.description ?? '',
    });
    await insertParties(tx, org.tenantId, id, codes);
    const totals = agreementYearTotals(input.firstYear, input.lastYear, ore(input.firstYearTotalOre), uplift);
    await upsertYearTotals(tx, org.tenantId, id, totals);
    const population = await listTenantPopulation(tx, org.tenantId);
    const key: KeyRow[] = totals.flatMap((t) => {
      const entries = defaultKeyFor(t.year, codes, population);
      return entries.length === codes.length ? entries.map((e) => ({ ...e, year: t.year, source: 'entered' as const })) : [];
    });
    await replaceKey(tx, org.tenantId, id, totals.map((t) => t.year), key);
    await audit(tx, user, org, 'agreement.create', id, null, { ...input, totals });
    return id;
  });
}

/** The parties asked for (all the region's municipalities when none are named), each known and named once. */
async function checkParties(tx: Tx, org: OrganisationRow, asked: readonly string[] | undefined): Promise<string[]> {
  const municipalities = await listMunicipalityPopulation(tx, org.tenantId, 0);
  const known = new Set(municipalities.map((m) => m.code));
  const codes = asked === undefined ? municipalities.map((m) => m.code) : [...asked];
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) throw invalid('municipalityCodes', `Parter: kommunkoden ${unknown.join(', ')} finns inte i regionen.`);
  if (codes.length === 0 || new Set(codes).size !== codes.length) throw invalid('municipalityCodes', 'Parter: välj minst en kommun, varje kommun en gång.');
  return codes;
}

/** The region's municipalities, the agreement's possible parties. */
export async function listRegionMunicipalities(ctx: ServiceContext, org: OrganisationRow): Promise<Array<{ code: string; name: string }>> {
  return (await listMunicipalityPopulation(ctx.db, org.tenantId, 0)).map((m) => ({ code: m.code, name: m.name }));
}

export type AgreementBasicsInput = {
  readonly name: string; readonly description?: string; readonly firstYear: number; readonly lastYear: number;
  readonly upliftPercent: string; readonly municipalityCodes: readonly string[];
  /** When given, every year's total is computed anew from it; needed when the period starts earlier than before. */
  readonly firstYearTotalOre?: number;
};

/**
 * Changes the agreement's name, period, uplift and parties. The contributions follow (they are
 * computed from the totals and the key when read). The yearly totals: a changed uplift, or a first
 * year's total given, computes every year anew (the first year's total uplifted year by year); else
 * the years kept keep their totals (also one set by hand) and a year added at the end is the year
 * before uplifted. Years dropped lose their totals and key. A party added gets its key from the
 * latest known population where there is one; a year that still lacks it says so. Refused, with the
 * field named and nothing written: a follow-up outside the new period or naming a party removed, and
 * a final evaluation dated before the new last year (they are changed first, deliberately).
 * An agreement has no adopted state of its own: what is decided is the underlag, whose decided
 * revision keeps the figures it showed in a frozen snapshot, so a later change here never alters it.
 */
export async function updateAgreement(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, input: AgreementBasicsInput): Promise<void> {
  const uplift = parseUplift(input.upliftPercent);
  firstError(validateAgreementTerms({ ...input, firstYearTotalOre: input.firstYearTotalOre ?? 0, uplift }));
  await ctx.db.transaction().execute(async (tx) => {
    const a = await requireAgreement(tx, org, id);
    const codes = await checkParties(tx, org, input.municipalityCodes);
    const [parties, totals, followups, evaluation] = await Promise.all([listParties(tx, id), listYearTotals(tx, id), listFollowups(tx, id), findEvaluation(tx, id)]);
    const removed = parties.filter((p) => !codes.includes(p.code));
    const added = codes.filter((c) => !parties.some((p) => p.code === c));
    for (const f of followups) {
      const year = Number(f.period.slice(0, 4));
      const label = followupPeriodLabel(f.period).toLowerCase();
      if (year < input.firstYear) throw invalid('firstYear', `Första år: uppföljningen för ${label} ligger före ${input.firstYear}. Ändra eller ta bort den först.`);
      if (year > input.lastYear) throw invalid('lastYear', `Sista år: uppföljningen för ${label} ligger efter ${input.lastYear}. Ändra eller ta bort den först.`);
      const party = removed.find((p) => p.code === f.municipalityCode);
      if (party) throw invalid('municipalityCodes', `Parter: ${party.name} har en uppföljning (${label}) och kan inte tas bort. Ändra eller ta bort uppföljningen först.`);
    }
    if (evaluation && Number(evaluation.day.slice(0, 4)) < input.lastYear) {
      throw invalid('lastYear', `Sista år: slututvärderingen är daterad ${evaluation.day}, före ${input.lastYear}. Ändra slututvärderingens datum först.`);
    }
    const newTotals = yearTotalsAfterChange(a, uplift, totals, input);
    await updateAgreementBasics(tx, id, {
      name: input.name.trim(), description: (input.description ?? a.description).trim(), firstYear: input.firstYear, lastYear: input.lastYear, uplift,
    });
    await deleteYearsOutside(tx, id, input.firstYear, input.lastYear);
    await deleteParties(tx, id, removed.map((p) => p.code));
    await insertParties(tx, org.tenantId, id, added);
    await upsertYearTotals(tx, org.tenantId, id, newTotals);
    // The key of the years and parties that are new, from the latest known population.
    const population = await listTenantPopulation(tx, org.tenantId);
    const keptKey = (await listKey(tx, id));
    const addedKey: KeyRow[] = newTotals.flatMap((t) => {
      const isNewYear = !totals.some((x) => x.year === t.year);
      const missing = isNewYear ? codes : added;
      const entries = defaultKeyFor(t.year, missing, population);
      if (isNewYear && entries.length !== codes.length) return [];
      return entries.filter((e) => !keptKey.some((k) => k.year === t.year && k.municipalityCode === e.municipalityCode))
        .map((e) => ({ ...e, year: t.year, source: 'entered' as const }));
    });
    await replaceKey(tx, org.tenantId, id, [], addedKey);
    await audit(tx, user, org, 'agreement.update', id, {
      name: a.name, description: a.description, firstYear: a.firstYear, lastYear: a.lastYear, upliftPercent: rateToPercentText(a.uplift),
      municipalityCodes: parties.map((p) => p.code), totals,
    }, { ...input, totals: newTotals });
  });
}

/** The yearly totals of the changed period (see updateAgreement). */
function yearTotalsAfterChange(
  a: AgreementRow, uplift: Rate, totals: ReadonlyArray<{ year: number; totalOre: Ore }>, input: AgreementBasicsInput,
): Array<{ year: number; totalOre: Ore }> {
  const stored = new Map(totals.map((t) => [t.year, t.totalOre]));
  if (input.firstYearTotalOre !== undefined || uplift !== a.uplift) {
    const base = input.firstYearTotalOre === undefined ? stored.get(input.firstYear) : ore(input.firstYearTotalOre);
    if (base === undefined) throw invalid('firstYearTotalOre', `Årsbelopp första året: ange totalbeloppet för ${input.firstYear}, som inte ingick i perioden tidigare.`);
    return agreementYearTotals(input.firstYear, input.lastYear, base, uplift);
  }
  if (!stored.has(input.firstYear)) {
    throw invalid('firstYearTotalOre', `Årsbelopp första året: ange totalbeloppet för ${input.firstYear}, som inte ingick i perioden tidigare.`);
  }
  const out: Array<{ year: number; totalOre: Ore }> = [];
  for (let year = input.firstYear; year <= input.lastYear; year++) {
    const previous = out[out.length - 1];
    const total = stored.get(year) ?? (previous === undefined ? ZERO_ORE : upliftBy(previous.totalOre, uplift));
    out.push({ year, totalOre: total });
  }
  return out;
}

async function audit(tx: Tx, user: AuthUser, org: OrganisationRow, action: string, id: number, before: unknown, after: unknown): Promise<void> {
  await appendAudit(tx, { tenantId: org.tenantId, actor: user.username, action, entity: 'agreement', entityId: String(id), before, after });
}

function requireYear(a: AgreementRow, year: number): void {
  if (year < a.firstYear || year > a.lastYear) throw invalid('year', `År: ${year} ingår inte i överenskommelsen (${a.firstYear}–${a.lastYear}).`);
}

export async function setYearTotal(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, year: number, totalOre: number): Promise<void> {
  if (!Number.isSafeInteger(totalOre) || totalOre < 0) throw invalid('totalOre', 'Årsbelopp: beloppet ska vara noll eller större, i hela öre.');
  await ctx.db.transaction().execute(async (tx) => {
    const a = await requireAgreement(tx, org, id);
    requireYear(a, year);
    const before = (await listYearTotals(tx, id)).find((t) => t.year === year);
    await upsertYearTotals(tx, org.tenantId, id, [{ year, totalOre: ore(totalOre) }]);
    await audit(tx, user, org, 'agreement.year_total', id, before ?? null, { year, totalOre });
  });
}

/** Sets the key of one year by hand: every party must have a whole, non-negative population. */
export async function setKey(
  ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, year: number,
  entries: ReadonlyArray<{ municipalityCode: string; population: number }>,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const a = await requireAgreement(tx, org, id);
    requireYear(a, year);
    const parties = await listParties(tx, id);
    const check = contributionsForYear(year, ore(0), parties, entries);
    if (!check.ok) throw invalid('entries', `Fördelningsnyckel: ${check.error.join(' ')}`);
    const codes = new Set(parties.map((p) => p.code));
    const stray = entries.find((e) => !codes.has(e.municipalityCode));
    if (stray) throw invalid('entries', `Fördelningsnyckel: kommun ${stray.municipalityCode} är inte part i överenskommelsen.`);
    const before = (await listKey(tx, id)).filter((k) => k.year === year);
    await replaceKey(tx, org.tenantId, id, [year], entries.map((e) => ({ ...e, year, source: 'entered' })));
    await audit(tx, user, org, 'agreement.key', id, before, { year, entries, source: 'entered' });
  });
}

/** Imports the key from CSV: all or nothing; every year in the file must name every party. */
export async function importKeyCsv(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, csv: string): Promise<{ years: number[] }> {
  const parsed = parsePopulationCsv(csv);
  if (!parsed.ok) throw invalid('csv', `Filen: ${parsed.error.join(' ')}`, parsed.error);
  return ctx.db.transaction().execute(async (tx) => {
    const a = await requireAgreement(tx, org, id);
    const parties = await listParties(tx, id);
    const codes = new Set(parties.map((p) => p.code));
    const problems: string[] = [];
    for (const r of parsed.value) {
      if (r.year < a.firstYear || r.year > a.lastYear) problems.push(`Rad ${r.line}: år ${r.year} ingår inte i överenskommelsen (${a.firstYear}–${a.lastYear}).`);
      if (!codes.has(r.municipalityCode)) problems.push(`Rad ${r.line}: kommun ${r.municipalityCode} är inte part i överenskommelsen.`);
    }
    const years = [...new Set(parsed.value.map((r) => r.year))].sort();
    for (const year of years) {
      const check = contributionsForYear(year, ore(0), parties, parsed.value.filter((r) => r.year === year));
      if (!check.ok) problems.push(...check.error);
    }
    if (problems.length > 0) throw invalid('csv', `Filen: ${problems.join(' ')}`, problems);
    await replaceKey(tx, org.tenantId, id, years, parsed.value.map((r) => ({ year: r.year, municipalityCode: r.municipalityCode, population: r.population, source: 'csv' })));
    await audit(tx, user, org, 'agreement.key_csv', id, null, { years, rows: parsed.value.length });
    return { years };
  });
}

/**
 * Takes the key of `year` from the stored Kolada values of N01951 (population on 31 December of
 * the year before). Fetching from Kolada is a separate step (services/kolada.ts) that keeps what
 * it stored; this only reads what is there, and says which municipalities are missing.
 */
export async function keyFromKolada(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, year: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const a = await requireAgreement(tx, org, id);
    requireYear(a, year);
    const parties = await listParties(tx, id);
    const values = await listKoladaValues(tx, org.tenantId, 'N01951', year - 1);
    const entries = parties.flatMap((p) => {
      const v = values.find((x) => x.area === p.code && x.gender === 'T' && x.value !== null);
      return v && v.value !== null ? [{ municipalityCode: p.code, population: Math.round(v.value) }] : [];
    });
    const missing = parties.filter((p) => !entries.some((e) => e.municipalityCode === p.code));
    if (missing.length > 0) {
      throw invalid('year', `År: Kolada-värden för N01951 ${year - 1} saknas för ${missing.map((m) => m.name).join(', ')}. Hämta dem från Kolada först.`);
    }
    await replaceKey(tx, org.tenantId, id, [year], entries.map((e) => ({ ...e, year, source: 'kolada' })));
    await audit(tx, user, org, 'agreement.key_kolada', id, null, { year, entries });
  });
}

type ForumInput = { name: string; kind: 'politicians' | 'officials' };
type MeetingInput = { forumId: number; day: string; subject: string; notes?: string };
type FollowupInput = { period: string; municipalityCode?: string | null; text: string };

function checkForum(f: ForumInput): ForumInput {
  if (f.name.trim() === '') throw invalid('name', 'Namn: ange forumets namn.');
  return { name: f.name.trim(), kind: f.kind };
}

async function requireForum(tx: Tx, id: number, forumId: number, field: string): Promise<ForumRow> {
  const forum = (await listForums(tx, id)).find((f) => f.id === forumId);
  if (!forum) {
    if (field === 'forumId') throw invalid('forumId', `Forum: forumet ${forumId} hör inte till överenskommelsen.`);
    throw notFound(`Forumet ${forumId} finns inte i överenskommelsen ${id}.`);
  }
  return forum;
}

export async function addForum(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, f: ForumInput): Promise<number> {
  const forum = checkForum(f);
  return ctx.db.transaction().execute(async (tx) => {
    await requireAgreement(tx, org, id);
    const forumId = await insertForum(tx, org.tenantId, id, forum);
    await audit(tx, user, org, 'agreement.forum', id, null, { forumId, ...f });
    return forumId;
  });
}

export async function updateForum(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, forumId: number, f: ForumInput): Promise<void> {
  const forum = checkForum(f);
  await ctx.db.transaction().execute(async (tx) => {
    await requireAgreement(tx, org, id);
    const before = await requireForum(tx, id, forumId, 'forum');
    await updateForumRow(tx, id, forumId, forum);
    await audit(tx, user, org, 'agreement.forum_update', id, before, { forumId, ...forum });
  });
}

/** Deletes a forum with its meetings (the audit entry keeps what they said). */
export async function deleteForum(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, forumId: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    await requireAgreement(tx, org, id);
    const before = await requireForum(tx, id, forumId, 'forum');
    const meetings = (await listMeetings(tx, id)).filter((m) => m.forumId === forumId);
    await deleteForumRow(tx, id, forumId);
    await audit(tx, user, org, 'agreement.forum_delete', id, { ...before, meetings }, null);
  });
}

function checkMeeting(m: MeetingInput): { forumId: number; day: string; subject: string; notes: string } {
  const day = parseDay(m.day);
  if (!day.ok) throw invalid('day', `Datum: ${day.error}`);
  if (m.subject.trim() === '') throw invalid('subject', 'Ämne: ange vad mötet handlade om.');
  return { forumId: m.forumId, day: day.value, subject: m.subject.trim(), notes: (m.notes ?? '').trim() };
}

async function requireMeeting(tx: Tx, id: number, meetingId: number): Promise<MeetingRow> {
  const meeting = (await listMeetings(tx, id)).find((m) => m.id === meetingId);
  if (!meeting) throw notFound(`Mötet ${meetingId} finns inte i överenskommelsen ${id}.`);
  return meeting;
}

export async function addMeeting(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, m: MeetingInput): Promise<number> {
  const meeting = checkMeeting(m);
  return ctx.db.transaction().execute(async (tx) => {
    await requireAgreement(tx, org, id);
    await requireForum(tx, id, m.forumId, 'forumId');
    const meetingId = await insertMeeting(tx, org.tenantId, meeting);
    await audit(tx, user, org, 'agreement.meeting', id, null, { meetingId, ...m });
    return meetingId;
  });
}

export async function updateMeeting(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, meetingId: number, m: MeetingInput): Promise<void> {
  const meeting = checkMeeting(m);
  await ctx.db.transaction().execute(async (tx) => {
    await requireAgreement(tx, org, id);
    const before = await requireMeeting(tx, id, meetingId);
    await requireForum(tx, id, m.forumId, 'forumId');
    await updateMeetingRow(tx, meetingId, meeting);
    await audit(tx, user, org, 'agreement.meeting_update', id, before, { meetingId, ...meeting });
  });
}

export async function deleteMeeting(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, meetingId: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    await requireAgreement(tx, org, id);
    const before = await requireMeeting(tx, id, meetingId);
    await deleteMeetingRow(tx, meetingId);
    await audit(tx, user, org, 'agreement.meeting_delete', id, before, null);
  });
}

/** A follow-up entry checked against the agreement: its period within the agreement's, its municipality a party. */
async function checkFollowup(tx: Tx, a: AgreementRow, f: FollowupInput): Promise<{ period: string; municipalityCode: string | null; text: string }> {
  const period = parseFollowupPeriod(f.period);
  if (!period.ok) throw invalid('period', `Period: ${period.error}`);
  if (f.text.trim() === '') throw invalid('text', 'Text: skriv vad uppföljningen visar.');
  const year = Number(period.value.slice(0, 4));
  if (year < a.firstYear || year > a.lastYear) throw invalid('period', `Period: ${year} ingår inte i överenskommelsen (${a.firstYear}–${a.lastYear}).`);
  const code = f.municipalityCode ?? null;
  if (code !== null && !(await listParties(tx, a.id)).some((p) => p.code === code)) {
    throw invalid('municipalityCode', `Kommun: ${code} är inte part i överenskommelsen.`);
  }
  return { period: period.value, municipalityCode: code, text: f.text.trim() };
}

async function requireFollowup(tx: Tx, id: number, followupId: number): Promise<FollowupRow> {
  const followup = (await listFollowups(tx, id)).find((f) => f.id === followupId);
  if (!followup) throw notFound(`Uppföljningen ${followupId} finns inte i överenskommelsen ${id}.`);
  return followup;
}

export async function addFollowup(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, f: FollowupInput): Promise<number> {
  return ctx.db.transaction().execute(async (tx) => {
    const a = await requireAgreement(tx, org, id);
    const followup = await checkFollowup(tx, a, f);
    const followupId = await insertFollowup(tx, org.tenantId, id, followup);
    await audit(tx, user, org, 'agreement.followup', id, null, { followupId, ...f });
    return followupId;
  });
}

export async function updateFollowup(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, followupId: number, f: FollowupInput): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const a = await requireAgreement(tx, org, id);
    const before = await requireFollowup(tx, id, followupId);
    const followup = await checkFollowup(tx, a, f);
    await updateFollowupRow(tx, id, followupId, followup);
    await audit(tx, user, org, 'agreement.followup_update', id, before, { followupId, ...followup });
  });
}

export async function deleteFollowup(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, followupId: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    await requireAgreement(tx, org, id);
    const before = await requireFollowup(tx, id, followupId);
    await deleteFollowupRow(tx, id, followupId);
    await audit(tx, user, org, 'agreement.followup_delete', id, before, null);
  });
}

export async function saveEvaluation(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, e: { day: string; text: string }): Promise<void> {
  const day = parseDay(e.day);
  if (!day.ok) throw invalid('day', `Datum: ${day.error}`);
  if (e.text.trim() === '') throw invalid('text', 'Text: skriv utvärderingen.');
  await ctx.db.transaction().execute(async (tx) => {
    const a = await requireAgreement(tx, org, id);
    if (Number(day.value.slice(0, 4)) < a.lastYear) {
      throw invalid('day', `Datum: slututvärderingen görs i slutet av avtalsperioden, tidigast ${a.lastYear}.`);
    }
    const before = await findEvaluation(tx, id);
    await setEvaluation(tx, org.tenantId, id, { day: day.value, text: e.text.trim() });
    await audit(tx, user, org, 'agreement.evaluation', id, before ?? null, e);
  });
}

/** What the underlag places: the contributions table and chart of the agreement covering `year`. */
export async function contributionsForUnderlag(ctx: ServiceContext, org: OrganisationRow, year: number): Promise<{
  agreement: { id: number; name: string; firstYear: number; lastYear: number; isExample: boolean };
  year: number; totalOre: Ore; rows: readonly Contribution[];
} | null> {
  const agreement = (await listAgreements(ctx.db, org.id)).find((a) => a.firstYear <= year && year <= a.lastYear);
  if (!agreement) return null;
  const detail = await getAgreement(ctx, org, agreement.id);
  const y = detail.years.find((x) => x.year === year);
  if (!y || y.contributions === null) return null;
  return {
    agreement: { id: agreement.id, name: agreement.name, firstYear: agreement.firstYear, lastYear: agreement.lastYear, isExample: agreement.isExample },
    year, totalOre: sumOre(y.contributions.map((c) => c.amountOre)), rows: y.contributions,
  };
}
