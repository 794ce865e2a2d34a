// Use cases of the collaboration agreement with the municipalities. Reads go through the domain for
// every figure (yearly totals, key, contributions); each write is one transaction with an audit entry,
// and bad input is refused with a Swedish message naming the field before anything is written.
import type { ServiceContext } from './context.ts';
import { invalid, notFound } from './errors.ts';
import type { AuthUser } from './auth.ts';
import type { DbOrTx, Tx } from '../db/database.ts';
import type { OrganisationRow } from '../db/repositories/organisations.ts';
import {
  findAgreement, findEvaluation, insertAgreement, insertFollowup, insertForum, insertMeeting, insertParties, listAgreements,
  listFollowups, listForums, listKey, listMeetings, listParties, listTenantPopulation, listYearTotals, replaceKey, setEvaluation,
  upsertYearTotals, type AgreementRow, type FollowupRow, type ForumRow, type KeyRow, type MeetingRow, type PartyRow,
} from '../db/repositories/agreements.ts';
import { listMunicipalityPopulation } from '../db/repositories/reference.ts';
import { listKoladaValues } from '../db/repositories/kolada.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import {
  agreementYearTotals, contributionsForYear, defaultKeyFor, parseFollowupPeriod, parsePopulationCsv, validateAgreementTerms,
  type Contribution, type KeySource,
} from '../domain/agreement.ts';
import { ore, sumOre, type Ore } from '../domain/money.ts';
import { rateFromPercent, type Rate } from '../domain/rate.ts';
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
    const municipalities = await listMunicipalityPopulation(tx, org.tenantId, input.firstYear);
    const known = new Set(municipalities.map((m) => m.code));
    const codes = input.municipalityCodes ?? municipalities.map((m) => m.code);
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0) throw invalid('municipalityCodes', `Parter: kommunkoden ${unknown.join(', ')} finns inte i regionen.`);
    if (codes.length === 0 || new Set(codes).size !== codes.length) throw invalid('municipalityCodes', 'Parter: ange minst en kommun, varje kommun en gång.');
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

export async function addForum(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, f: { name: string; kind: 'politicians' | 'officials' }): Promise<number> {
  if (f.name.trim() === '') throw invalid('name', 'Namn: ange forumets namn.');
  return ctx.db.transaction().execute(async (tx) => {
    await requireAgreement(tx, org, id);
    const forumId = await insertForum(tx, org.tenantId, id, { name: f.name.trim(), kind: f.kind });
    await audit(tx, user, org, 'agreement.forum', id, null, { forumId, ...f });
    return forumId;
  });
}

export async function addMeeting(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, m: { forumId: number; day: string; subject: string; notes?: string }): Promise<number> {
  const day = parseDay(m.day);
  if (!day.ok) throw invalid('day', `Datum: ${day.error}`);
  if (m.subject.trim() === '') throw invalid('subject', 'Ämne: ange vad mötet handlade om.');
  return ctx.db.transaction().execute(async (tx) => {
    await requireAgreement(tx, org, id);
    if (!(await listForums(tx, id)).some((f) => f.id === m.forumId)) throw invalid('forumId', `Forum: forumet ${m.forumId} hör inte till överenskommelsen.`);
    const meetingId = await insertMeeting(tx, org.tenantId, { forumId: m.forumId, day: day.value, subject: m.subject.trim(), notes: m.notes ?? '' });
    await audit(tx, user, org, 'agreement.meeting', id, null, { meetingId, ...m });
    return meetingId;
  });
}

export async function addFollowup(ctx: ServiceContext, user: AuthUser, org: OrganisationRow, id: number, f: { period: string; municipalityCode?: string | null; text: string }): Promise<number> {
  const period = parseFollowupPeriod(f.period);
  if (!period.ok) throw invalid('period', `Period: ${period.error}`);
  if (f.text.trim() === '') throw invalid('text', 'Text: skriv vad uppföljningen visar.');
  return ctx.db.transaction().execute(async (tx) => {
    const a = await requireAgreement(tx, org, id);
    const year = Number(period.value.slice(0, 4));
    if (year < a.firstYear || year > a.lastYear) throw invalid('period', `Period: ${year} ingår inte i överenskommelsen (${a.firstYear}–${a.lastYear}).`);
    const code = f.municipalityCode ?? null;
    if (code !== null && !(await listParties(tx, id)).some((p) => p.code === code)) {
      throw invalid('municipalityCode', `Kommun: ${code} är inte part i överenskommelsen.`);
    }
    const followupId = await insertFollowup(tx, org.tenantId, id, { period: period.value, municipalityCode: code, text: f.text.trim() });
    await audit(tx, user, org, 'agreement.followup', id, null, { followupId, ...f });
    return followupId;
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
