// Import speed, fifth step (decision 0006): two more per-line costs that an import paid for lines it
// has already checked as a whole. Server time for COPY of the benchmark's 402 454 lines in a
// rolled-back transaction (VACUUM before each, medians of 3): 1.62 s after migration 0016; 1.29 s
// without the primary key's B-tree entry per imported line; 1.06 s with the period rule checked once
// per distinct period instead of once per line.
//
// 1. Line ids. The primary key becomes a unique index over typed lines (sie_import_id IS NULL), the
//    only lines anyone addresses by id: an actual version is never edited by line, and an imported
//    budget is found by version first (the BRIN of migration 0016) and then by id. Imported lines
//    still take their ids from the same identity, which nothing in Ramplan ever sets by hand (the
//    COPY leaves the column out), so ids stay unique; only the per-line index entry is gone.
// 2. The period rule (migration 0015) stays a CHECK for typed lines. For imported lines the statement
//    triggers apply the same rule to each distinct period of the statement's new lines (an import has
//    a few dozen), with the same SQLSTATE (23514) and constraint name. The insert trigger gets them
//    from the same pass over its new lines as its aggregate (GROUPING SETS): a separate DISTINCT was a
//    second pass, 0.11 s for 402 454 lines; the grouping set costs about 0.07 s of it less.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE plan_line DROP CONSTRAINT plan_line_pkey;
    CREATE UNIQUE INDEX plan_line_id ON plan_line (id) WHERE sie_import_id IS NULL;

    CREATE FUNCTION plan_line_period_ok(period text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN period IS NULL OR coalesce(length(period) = 7 AND substr(period, 5, 1) = '-'
        AND translate(period, '0123456789', '') = '-' AND substr(period, 6, 2) BETWEEN '01' AND '12', false);

    ALTER TABLE plan_line DROP CONSTRAINT plan_line_period_check;
    ALTER TABLE plan_line ADD CONSTRAINT plan_line_period_check CHECK (
      sie_import_id IS NOT NULL OR (
        length(period) = 7 AND substr(period, 5, 1) = '-' AND translate(period, '0123456789', '') = '-'
        AND substr(period, 6, 2) BETWEEN '01' AND '12'
      )
    );

    -- Imported lines of a statement: each distinct period once against the rule.
    CREATE FUNCTION plan_line_refuse_bad_periods(periods text[]) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE bad text;
    BEGIN
      SELECT p INTO bad FROM unnest(periods) AS p WHERE NOT plan_line_period_ok(p) LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'Perioden "%" i en inläst rad är inte ÅÅÅÅ-MM.', bad
          USING ERRCODE = '23514', CONSTRAINT = 'plan_line_period_check', TABLE = 'plan_line';
      END IF;
    END $$;
  `.execute(db);

  // The insert trigger (migration 0010) finds the statement's distinct periods in the same pass over
  // its new lines as its aggregate (a second grouping set), then checks them; the update trigger
  // (migration 0008's plan_line_check_refs, a few lines at a time) asks for them first.
  const insertTrigger = await functionDef(db, 'plan_line_after_insert');
  const aggregate = `      SELECT array_agg(tenant_id), array_agg(org_id), array_agg(version_id), array_agg(year), array_agg(unit_id),
             array_agg(account_code), array_agg(category_code), array_agg(amount), array_agg(lines)
        INTO t, o, v, y, u, a, c, s, n
        FROM (SELECT tenant_id, org_id, version_id, year, unit_id, account_code, category_code, sum(amount_ore) AS amount, count(*) AS lines
                FROM new_lines GROUP BY tenant_id, org_id, version_id, year, unit_id, account_code, category_code) g;
      IF t IS NULL THEN RETURN NULL; END IF;
`;
  const withPeriods = `      SELECT array_agg(tenant_id) FILTER (WHERE NOT by_period), array_agg(org_id) FILTER (WHERE NOT by_period),
             array_agg(version_id) FILTER (WHERE NOT by_period), array_agg(year) FILTER (WHERE NOT by_period),
             array_agg(unit_id) FILTER (WHERE NOT by_period), array_agg(account_code) FILTER (WHERE NOT by_period),
             array_agg(category_code) FILTER (WHERE NOT by_period), array_agg(amount) FILTER (WHERE NOT by_period),
             array_agg(lines) FILTER (WHERE NOT by_period), array_agg(period) FILTER (WHERE by_period AND imported)
        INTO t, o, v, y, u, a, c, s, n, p
        FROM (SELECT GROUPING(period, imported) = 0 AS by_period, tenant_id, org_id, version_id, year, unit_id, account_code, category_code,
                     period, imported, sum(amount_ore) AS amount, count(*) AS lines
                FROM (SELECT *, sie_import_id IS NOT NULL AS imported FROM new_lines) l
               GROUP BY GROUPING SETS ((tenant_id, org_id, version_id, year, unit_id, account_code, category_code), (period, imported))) g;
      IF t IS NULL THEN RETURN NULL; END IF;
      PERFORM plan_line_refuse_bad_periods(p);
`;
  if (!insertTrigger.includes(aggregate)) throw new Error('migration 0017: unexpected body of plan_line_after_insert()');
  await sql.raw(insertTrigger.replace(aggregate, withPeriods).replace('n bigint[];', 'n bigint[]; p text[];')).execute(db);

  const updateTrigger = await functionDef(db, 'plan_line_check_refs');
  const begin = /\n([ \t]*)BEGIN\n/;
  if (!begin.test(updateTrigger)) throw new Error('migration 0017: unexpected body of plan_line_check_refs()');
  await sql.raw(updateTrigger.replace(begin,
    '\n$1BEGIN\n$1  PERFORM plan_line_refuse_bad_periods(ARRAY(SELECT DISTINCT period FROM new_lines WHERE sie_import_id IS NOT NULL));\n')).execute(db);
}

async function functionDef(db: Kysely<unknown>, name: string): Promise<string> {
  const r = await sql<{ def: string }>`SELECT pg_get_functiondef(${name}::regproc) AS def`.execute(db);
  return r.rows[0]?.def ?? '';
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
