// Import speed (decision 0006): what a million-row SIE import paid per line in plan_line.
// - The 7-column uniqueness (UNIQUE NULLS NOT DISTINCT) becomes a partial unique index over the lines
//   that do not come from a SIE import. An import's lines are unique by construction (summed per key
//   before the COPY) and the importer itself refuses a clash with other lines of the version, so the
//   most expensive index of the table (text columns, one B-tree descent per row) is no longer paid
//   per imported line. Lines typed or saved in Ramplan keep exactly the uniqueness they had.
// - The statement trigger that checks references first takes the distinct references of the
//   statement (a few hundred even in a million lines) and probes each once, instead of joining every
//   new line with four tables.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DO $$
    DECLARE c text;
    BEGIN
      SELECT conname INTO c FROM pg_constraint WHERE conrelid = 'plan_line'::regclass AND contype = 'u';
      IF c IS NOT NULL THEN EXECUTE format('ALTER TABLE plan_line DROP CONSTRAINT %I', c); END IF;
    END $$;
    CREATE UNIQUE INDEX plan_line_key ON plan_line (version_id, year, period, unit_id, account_code, project_code, funder_code)
      NULLS NOT DISTINCT WHERE sie_import_id IS NULL;

    CREATE OR REPLACE FUNCTION plan_line_check_refs() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE bad record;
    BEGIN
      SELECT n.version_id, v.id IS NULL AS no_version INTO bad
        FROM (SELECT DISTINCT tenant_id, org_id, version_id FROM new_lines) n
        LEFT JOIN plan_version v ON v.id = n.version_id
       WHERE v.id IS NULL OR v.tenant_id <> n.tenant_id OR v.org_id <> n.org_id
       LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', CASE WHEN bad.no_version THEN format('Versionen %s finns inte.', bad.version_id)
          ELSE 'En budgetrad måste höra till samma organisation som sin version.' END USING ERRCODE = '23503';
      END IF;
      SELECT n.unit_id INTO bad
        FROM (SELECT DISTINCT tenant_id, unit_id FROM new_lines) n
        LEFT JOIN organisation u ON u.id = n.unit_id AND u.tenant_id = n.tenant_id
       WHERE u.id IS NULL LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', format('Enheten %s finns inte i organisationen.', bad.unit_id) USING ERRCODE = '23503';
      END IF;
      SELECT n.account_code INTO bad
        FROM (SELECT DISTINCT tenant_id, account_code FROM new_lines) n
        LEFT JOIN account a ON a.tenant_id = n.tenant_id AND a.code = n.account_code
       WHERE a.code IS NULL LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', format('Kontot %s finns inte i kontoplanen.', bad.account_code) USING ERRCODE = '23503';
      END IF;
      SELECT n.category_code INTO bad
        FROM (SELECT DISTINCT tenant_id, category_code FROM new_lines) n
        LEFT JOIN category c ON c.tenant_id = n.tenant_id AND c.code = n.category_code
       WHERE c.code IS NULL LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', format('Kategorin %s finns inte.', bad.category_code) USING ERRCODE = '23503';
      END IF;
      RETURN NULL;
    END $$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
