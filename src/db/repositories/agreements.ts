// The collaboration agreement: terms, parties, yearly totals, allocation key, forums and meetings,
// follow-up entries and the final evaluation.
import { sql } from 'kysely';
import type { DbOrTx } from '../database.ts';
import { toOre, toSafeNumber } from '../convert.ts';
import type { KeySource } from '../../domain/agreement.ts';
import type { Ore } from '../../domain/money.ts';
import { rateFromPpm, type Rate } from '../../domain/rate.ts';

export type AgreementRow = {
  readonly id: number; readonly tenantId: number; readonly orgId: number; readonly name: string;
  readonly firstYear: number; readonly lastYear: number; readonly uplift: Rate; readonly keySource: KeySource;
  readonly description: string; readonly isExample: boolean;
};

type RawAgreement = {
  id: string; tenant_id: string; org_id: string; name: string; first_year: number; last_year: number; uplift_ppm: number;
  key_source: KeySource; description: string; is_example: boolean;
};

const toAgreement = (r: RawAgreement): AgreementRow => ({
  id: toSafeNumber(r.id, 'agreement.id'), tenantId: toSafeNumber(r.tenant_id, 'agreement.tenant_id'),
  orgId: toSafeNumber(r.org_id, 'agreement.org_id'), name: r.name, firstYear: r.first_year, lastYear: r.last_year,
  uplift: rateFromPpm(r.uplift_ppm), keySource: r.key_source, description: r.description, isExample: r.is_example,
});

export async function listAgreements(db: DbOrTx, orgId: number): Promise<AgreementRow[]> {
  const rows = await db.selectFrom('agreement').selectAll().where('org_id', '=', String(orgId)).orderBy('first_year').orderBy('id').execute();
  return rows.map(toAgreement);
}

export async function findAgreement(db: DbOrTx, orgId: number, id: number): Promise<AgreementRow | undefined> {
  const row = await db.selectFrom('agreement').selectAll().where('org_id', '=', String(orgId)).where('id', '=', String(id)).executeTakeFirst();
  return row ? toAgreement(row) : undefined;
}

export type NewAgreement = {
  readonly tenantId: number; readonly orgId: number; readonly name: string; readonly firstYear: number; readonly lastYear: number;
  readonly uplift: Rate; readonly keySource: KeySource; readonly description: string; readonly isExample?: boolean;
};

export async function insertAgreement(db: DbOrTx, a: NewAgreement): Promise<number> {
  const row = await db.insertInto('agreement').values({
    tenant_id: a.tenantId, org_id: a.orgId, name: a.name, first_year: a.firstYear, last_year: a.lastYear, uplift_ppm: a.uplift,
    key_source: a.keySource, description: a.description, is_example: a.isExample ?? false,
  }).returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(row.id, 'agreement.id');
}

/** The agreement's own terms (the yearly totals, parties and key are changed by their own functions). */
export async function updateAgreementBasics(
  db: DbOrTx, id: number, t: { name: string; description: string; firstYear: number; lastYear: number; uplift: Rate },
): Promise<void> {
  await db.updateTable('agreement')
    .set({ name: t.name, description: t.description, first_year: t.firstYear, last_year: t.lastYear, uplift_ppm: t.uplift })
    .where('id', '=', String(id)).execute();
}

/** Drops the years outside `firstYear`–`lastYear` (their key goes with them). */
export async function deleteYearsOutside(db: DbOrTx, agreementId: number, firstYear: number, lastYear: number): Promise<void> {
  await db.deleteFrom('agreement_year').where('agreement_id', '=', String(agreementId))
    .where((eb) => eb.or([eb('year', '<', firstYear), eb('year', '>', lastYear)])).execute();
}

/** Removes parties (their key rows go with them; a follow-up naming one must be changed first). */
export async function deleteParties(db: DbOrTx, agreementId: number, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await db.deleteFrom('agreement_party').where('agreement_id', '=', String(agreementId)).where('municipality_code', 'in', [...codes]).execute();
}

export async function insertParties(db: DbOrTx, tenantId: number, agreementId: number, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await db.insertInto('agreement_party').values(codes.map((c) => ({ tenant_id: tenantId, agreement_id: agreementId, municipality_code: c }))).execute();
}

export type PartyRow = { readonly code: string; readonly name: string };

export async function listParties(db: DbOrTx, agreementId: number): Promise<PartyRow[]> {
  const rows = await db.selectFrom('agreement_party as p')
    .innerJoin('municipality as m', (j) => j.onRef('m.tenant_id', '=', 'p.tenant_id').onRef('m.code', '=', 'p.municipality_code'))
    .select(['m.code', 'm.name']).where('p.agreement_id', '=', String(agreementId)).orderBy('m.code').execute();
  return rows;
}

export async function upsertYearTotals(db: DbOrTx, tenantId: number, agreementId: number, totals: ReadonlyArray<{ year: number; totalOre: Ore }>): Promise<void> {
  if (totals.length === 0) return;
  await db.insertInto('agreement_year').values(totals.map((t) => ({ tenant_id: tenantId, agreement_id: agreementId, year: t.year, total_ore: t.totalOre })))
    .onConflict((oc) => oc.columns(['agreement_id', 'year']).doUpdateSet((eb) => ({ total_ore: eb.ref('excluded.total_ore') })))
    .execute();
}

export async function listYearTotals(db: DbOrTx, agreementId: number): Promise<Array<{ year: number; totalOre: Ore }>> {
  const rows = await db.selectFrom('agreement_year').select(['year', 'total_ore']).where('agreement_id', '=', String(agreementId)).orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, totalOre: toOre(r.total_ore, 'agreement_year.total_ore') }));
}

export type KeyRow = { readonly year: number; readonly municipalityCode: string; readonly population: number; readonly source: KeySource };

/** Replaces the key of the given years (all parties of each year at once). */
export async function replaceKey(db: DbOrTx, tenantId: number, agreementId: number, years: readonly number[], rows: readonly KeyRow[]): Promise<void> {
  if (years.length > 0) {
    await db.deleteFrom('agreement_key').where('agreement_id', '=', String(agreementId)).where('year', 'in', [...years]).execute();
  }
  if (rows.length === 0) return;
  await db.insertInto('agreement_key').values(rows.map((r) => ({
    tenant_id: tenantId, agreement_id: agreementId, year: r.year, municipality_code: r.municipalityCode, population: r.population, source: r.source,
  }))).execute();
}

export async function listKey(db: DbOrTx, agreementId: number): Promise<KeyRow[]> {
  const rows = await db.selectFrom('agreement_key').select(['year', 'municipality_code', 'population', 'source'])
    .where('agreement_id', '=', String(agreementId)).orderBy('year').orderBy('municipality_code').execute();
  return rows.map((r) => ({ year: r.year, municipalityCode: r.municipality_code, population: r.population, source: r.source }));
}

export type ForumRow = { readonly id: number; readonly name: string; readonly kind: 'politicians' | 'officials' };
export type MeetingRow = { readonly id: number; readonly forumId: number; readonly day: string; readonly subject: string; readonly notes: string };

export async function insertForum(db: DbOrTx, tenantId: number, agreementId: number, f: { name: string; kind: 'politicians' | 'officials' }): Promise<number> {
  const row = await db.insertInto('agreement_forum').values({ tenant_id: tenantId, agreement_id: agreementId, name: f.name, kind: f.kind })
    .returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(row.id, 'agreement_forum.id');
}

export async function listForums(db: DbOrTx, agreementId: number): Promise<ForumRow[]> {
  const rows = await db.selectFrom('agreement_forum').select(['id', 'name', 'kind']).where('agreement_id', '=', String(agreementId)).orderBy('id').execute();
  return rows.map((r) => ({ id: toSafeNumber(r.id, 'agreement_forum.id'), name: r.name, kind: r.kind }));
}

export async function updateForum(db: DbOrTx, agreementId: number, forumId: number, f: { name: string; kind: 'politicians' | 'officials' }): Promise<void> {
  await db.updateTable('agreement_forum').set({ name: f.name, kind: f.kind })
    .where('agreement_id', '=', String(agreementId)).where('id', '=', String(forumId)).execute();
}

/** Deletes a forum and its meetings. */
export async function deleteForum(db: DbOrTx, agreementId: number, forumId: number): Promise<void> {
  await db.deleteFrom('agreement_forum').where('agreement_id', '=', String(agreementId)).where('id', '=', String(forumId)).execute();
}

export async function insertMeeting(db: DbOrTx, tenantId: number, m: { forumId: number; day: string; subject: string; notes: string }): Promise<number> {
  const row = await db.insertInto('agreement_meeting').values({ tenant_id: tenantId, forum_id: m.forumId, day: m.day, subject: m.subject, notes: m.notes })
    .returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(row.id, 'agreement_meeting.id');
}

export async function listMeetings(db: DbOrTx, agreementId: number): Promise<MeetingRow[]> {
  const rows = await db.selectFrom('agreement_meeting as m').innerJoin('agreement_forum as f', 'f.id', 'm.forum_id')
    .select(['m.id', 'm.forum_id', sql<string>`m.day::text`.as('day'), 'm.subject', 'm.notes'])
    .where('f.agreement_id', '=', String(agreementId)).orderBy('m.day').orderBy('m.id').execute();
  return rows.map((r) => ({ id: toSafeNumber(r.id, 'agreement_meeting.id'), forumId: toSafeNumber(r.forum_id, 'forum_id'), day: r.day, subject: r.subject, notes: r.notes }));
}

export async function updateMeeting(db: DbOrTx, meetingId: number, m: { forumId: number; day: string; subject: string; notes: string }): Promise<void> {
  await db.updateTable('agreement_meeting').set({ forum_id: m.forumId, day: m.day, subject: m.subject, notes: m.notes })
    .where('id', '=', String(meetingId)).execute();
}

export async function deleteMeeting(db: DbOrTx, meetingId: number): Promise<void> {
  await db.deleteFrom('agreement_meeting').where('id', '=', String(meetingId)).execute();
}

export type FollowupRow = { readonly id: number; readonly period: string; readonly municipalityCode: string | null; readonly text: string };

export async function insertFollowup(db: DbOrTx, tenantId: number, agreementId: number, f: { period: string; municipalityCode: string | null; text: string }): Promise<number> {
  const row = await db.insertInto('agreement_followup').values({
    tenant_id: tenantId, agreement_id: agreementId, period: f.period, municipality_code: f.municipalityCode, text: f.text,
  }).returning('id').executeTakeFirstOrThrow();
  return toSafeNumber(row.id, 'agreement_followup.id');
}

export async function listFollowups(db: DbOrTx, agreementId: number): Promise<FollowupRow[]> {
  const rows = await db.selectFrom('agreement_followup').select(['id', 'period', 'municipality_code', 'text'])
    .where('agreement_id', '=', String(agreementId)).orderBy('period').orderBy('id').execute();
  return rows.map((r) => ({ id: toSafeNumber(r.id, 'agreement_followup.id'), period: r.period, municipalityCode: r.municipality_code, text: r.text }));
}

export async function updateFollowup(
  db: DbOrTx, agreementId: number, followupId: number, f: { period: string; municipalityCode: string | null; text: string },
): Promise<void> {
  await db.updateTable('agreement_followup').set({ period: f.period, municipality_code: f.municipalityCode, text: f.text })
    .where('agreement_id', '=', String(agreementId)).where('id', '=', String(followupId)).execute();
}

export async function deleteFollowup(db: DbOrTx, agreementId: number, followupId: number): Promise<void> {
  await db.deleteFrom('agreement_followup').where('agreement_id', '=', String(agreementId)).where('id', '=', String(followupId)).execute();
}

export async function setEvaluation(db: DbOrTx, tenantId: number, agreementId: number, e: { day: string; text: string }): Promise<void> {
  await db.insertInto('agreement_evaluation').values({ tenant_id: tenantId, agreement_id: agreementId, day: e.day, text: e.text })
    .onConflict((oc) => oc.column('agreement_id').doUpdateSet({ day: e.day, text: e.text })).execute();
}

export async function findEvaluation(db: DbOrTx, agreementId: number): Promise<{ day: string; text: string } | undefined> {
  return db.selectFrom('agreement_evaluation').select([sql<string>`day::text`.as('day'), 'text'])
    .where('agreement_id', '=', String(agreementId)).executeTakeFirst();
}

/** Every population figure of the tenant (SCB, 31 December of the year), for a default key. */
export async function listTenantPopulation(db: DbOrTx, tenantId: number): Promise<Array<{ municipalityCode: string; year: number; population: number }>> {
  const rows = await db.selectFrom('population').select(['municipality_code', 'year', 'population'])
    .where('tenant_id', '=', String(tenantId)).orderBy('year').execute();
  return rows.map((r) => ({ municipalityCode: r.municipality_code, year: r.year, population: r.population }));
}
