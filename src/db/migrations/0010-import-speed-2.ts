// Import speed, second step (decision 0006): one pass over an INSERT's (or COPY's) new lines instead
// of six. Two statement triggers fired after an insert into plan_line: the reference check (four
// DISTINCTs over the transition table) and the summary (a DISTINCT of the versions, then the GROUP BY),
// each a full scan of the statement's lines: for a 400 000-line import about half of the COPY's time.
// Now one trigger aggregates the new lines once to (tenant, org, version, year, unit, account,
// category) with their sum and count (a few thousand groups even for a million lines), and the same
// reference checks (same messages, same error codes, same order), the adopted-version refusal and the
// summary upsert all run over that aggregate. UPDATE and DELETE keep their triggers unchanged.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION plan_line_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      t bigint[]; o bigint[]; v bigint[]; y integer[]; u bigint[]; a text[]; c text[]; s numeric[]; n bigint[];
      bad record;
    BEGIN
      SELECT array_agg(tenant_id), array_agg(org_id), array_agg(version_id), array_agg(year), array_agg(unit_id),
             array_agg(account_code), array_agg(category_code), array_agg(amount), array_agg(lines)
        INTO t, o, v, y, u, a, c, s, n
        FROM (SELECT tenant_id, org_id, version_id, year, unit_id, account_code, category_code, sum(amount_ore) AS amount, count(*) AS lines
                FROM new_lines GROUP BY tenant_id, org_id, version_id, year, unit_id, account_code, category_code) g;
      IF t IS NULL THEN RETURN NULL; END IF;

      -- References (as plan_line_check_refs, migration 0008), over the aggregate's distinct values.
      SELECT g.version_id, pv.id IS NULL AS no_version INTO bad
        FROM (SELECT DISTINCT tenant_id, org_id, version_id FROM unnest(t, o, v) AS x(tenant_id, org_id, version_id)) g
        LEFT JOIN plan_version pv ON pv.id = g.version_id
       WHERE pv.id IS NULL OR pv.tenant_id <> g.tenant_id OR pv.org_id <> g.org_id
       LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', CASE WHEN bad.no_version THEN format('Versionen %s finns inte.', bad.version_id)
          ELSE 'En budgetrad måste höra till samma organisation som sin version.' END USING ERRCODE = '23503';
      END IF;
      SELECT g.unit_id INTO bad
        FROM (SELECT DISTINCT tenant_id, unit_id FROM unnest(t, u) AS x(tenant_id, unit_id)) g
        LEFT JOIN organisation ou ON ou.id = g.unit_id AND ou.tenant_id = g.tenant_id
       WHERE ou.id IS NULL LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', format('Enheten %s finns inte i organisationen.', bad.unit_id) USING ERRCODE = '23503';
      END IF;
      SELECT g.account_code INTO bad
        FROM (SELECT DISTINCT tenant_id, account_code FROM unnest(t, a) AS x(tenant_id, account_code)) g
        LEFT JOIN account ac ON ac.tenant_id = g.tenant_id AND ac.code = g.account_code
       WHERE ac.code IS NULL LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', format('Kontot %s finns inte i kontoplanen.', bad.account_code) USING ERRCODE = '23503';
      END IF;
      SELECT g.category_code INTO bad
        FROM (SELECT DISTINCT tenant_id, category_code FROM unnest(t, c) AS x(tenant_id, category_code)) g
        LEFT JOIN category ca ON ca.tenant_id = g.tenant_id AND ca.code = g.category_code
       WHERE ca.code IS NULL LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', format('Kategorin %s finns inte.', bad.category_code) USING ERRCODE = '23503';
      END IF;

      -- Summary (as plan_summary_apply_insert, migration 0001).
      PERFORM plan_line_refuse_adopted(ARRAY(SELECT DISTINCT x FROM unnest(v) AS x));
      INSERT INTO plan_summary AS ps (tenant_id, version_id, year, category_code, amount_ore, line_count)
        SELECT tenant_id, version_id, year, category_code, sum(amount), sum(lines)
          FROM unnest(t, v, y, c, s, n) AS x(tenant_id, version_id, year, category_code, amount, lines)
         GROUP BY tenant_id, version_id, year, category_code
      ON CONFLICT (version_id, year, category_code) DO UPDATE
        SET amount_ore = ps.amount_ore + EXCLUDED.amount_ore, line_count = ps.line_count + EXCLUDED.line_count;
      RETURN NULL;
    END $$;

    DROP TRIGGER plan_line_refs_insert ON plan_line;
    DROP TRIGGER plan_line_summary_insert ON plan_line;
    CREATE TRIGGER plan_line_insert_refs_summary AFTER INSERT ON plan_line
      REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION plan_line_after_insert();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
