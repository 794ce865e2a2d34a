// The demo's underlag through the service, as a reviewer sees a change: the 2020 underlag stored from
// the template (fixed clock), its newest revision read back and built into the report model, compared
// with the committed golden JSON (`UPDATE_GOLDEN=1` rewrites it). A changed number or sentence shows
// up in review as a diff of that file. Also: goals and project financing come from the database (no
// placeholder), and the contributions name the year of the population figures their key uses.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp, type Fixture } from '../../test/app-fixture.ts';
import { findOrganisationByCode, type OrganisationRow } from '../db/repositories/organisations.ts';
import { findVersion } from '../db/repositories/versions.ts';
import type { AuthUser } from './auth.ts';
import { createServiceContext, type ServiceContext } from './context.ts';
import type { OrgAccess } from './organisations.ts';
import { createUnderlag, getDocument } from './underlag.ts';
import { gatherUnderlagData } from './underlag-data.ts';
import type { UnderlagReport } from '../reports/index.ts';

const GOLDEN = new URL('./fixtures/underlag-demo-model.golden.json', import.meta.url);
const user: AuthUser = { id: 0, tenantId: 0, username: 'ekonom', displayName: 'Eva Ekonom', roles: [] };

let fx: Fixture;
let ctx: ServiceContext;
let org: OrganisationRow;
let report: UnderlagReport;

beforeAll(async () => {
  fx = await startDemoApp();
  // The clock of the seed: the underlag drafted in May 2019.
  ctx = createServiceContext(fx.app.runtime.db, () => new Date('2019-05-20T08:00:00Z'));
  const found = await findOrganisationByCode(ctx.db, 'RUN');
  if (!found) throw new Error('RUN missing');
  org = found;
  const access: OrgAccess = { org, role: 'committee-controller', canEdit: true, municipalityCode: null };
  const doc = await createUnderlag(ctx, user, access, { budgetYear: 2020 });
  report = (await getDocument(ctx, access, doc.id)).report;
});
afterAll(async () => fx?.close());

/** Every text run and cell of a section, as one string. */
function sectionText(key: string): string {
  const section = report.sections.find((s) => s.key === key);
  return JSON.stringify(section ?? null);
}

describe('the demo underlag through the service', () => {
  it('equals the committed golden model (UPDATE_GOLDEN=1 rewrites it)', () => {
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, json);
    expect(json).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('has no problems: goals and project financing come from the database, not a placeholder', () => {
    expect(report.problems).toEqual([]);
    expect(JSON.stringify(report)).not.toContain('uppgift saknas');
    const goals = sectionText('mal');
    expect(goals).toContain('Förvärvsarbetande invånare 20–64 år');
    expect(goals).toContain('80,4\u00a0% (2017)');
    expect(goals).toContain('Kolada N00914');
  });

  it('shows the project financing table with each project and funder', () => {
    const tables = report.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' ? [b.table] : []));
    const projects = tables.find((t) => t.caption.startsWith('Projektfinansiering'));
    expect(projects, 'the project financing table').toBeDefined();
    expect(projects?.rows.length).toBeGreaterThan(1);
    expect(JSON.stringify(projects)).toContain('Smart');
  });

  it('names the population year the key uses (2018 for every year of the demo agreement, not the budget year − 2)', async () => {
    const tables = report.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' ? [b.table] : []));
    expect(tables.find((t) => t.caption.startsWith('Kommunernas bidrag'))?.caption).toContain('invånarantal 2018');
    const version = await findVersion(ctx.db, org.id, 'budget-2020');
    if (!version) throw new Error('budget-2020 missing');
    const data2021 = await gatherUnderlagData(ctx, org, { version, budgetYear: 2021, actualYear: 2018 });
    expect(data2021.municipalContributions).toMatchObject({ year: 2021, populationYear: 2018 });
  });
});
