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
//    a few dozen), with the same SQLSTATE (23514) and constraint name.
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

  // The two statement triggers that see new lines call it first (their bodies otherwise as in
  // migrations 0008 and 0010).
  for (const name of ['plan_line_after_insert', 'plan_line_check_refs']) {
    const r = await sql<{ def: string }>`SELECT pg_get_functiondef(${name}::regproc) AS def`.execute(db);
    const def = r.rows[0]?.def ?? '';
    const marker = /\n([ \t]*)BEGIN\n/;
    if (!marker.test(def)) throw new Error(`migration 0017: unexpected body of ${name}()`);
    const changed = def.replace(marker, `\n$1BEGIN\n$1  PERFORM plan_line_refuse_bad_periods(ARRAY(SELECT DISTINCT period FROM new_lines WHERE sie_import_id IS NOT NULL));\n`);
    await sql.raw(changed).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
