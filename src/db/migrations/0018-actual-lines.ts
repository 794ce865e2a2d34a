// Actuals imported from a SIE file get a narrow table of their own (decision 0011): per line only
// numbers and the project, the account's text once per import in actual_account. An import's actuals
// are never edited (a new import replaces them) and are the one kind of line that comes by the
// hundred thousand; plan_line's per-line text, identity and constraints cost a COPY of the
// benchmark's 402 454 lines 1.1–1.3 s of the server's time, this table about 0.5 s.
//
// plan_line_all is every line, typed or imported, in plan_line's shape: what readers read. An actual
// line's id there is negative (−(import × 10^9 + its number in the import)), so it never meets a
// typed line's and is never mistaken for one an edit can address.
//
// The database keeps the same promises for these lines as for plan_line (statement triggers): the
// version, unit and accounts exist in the version's tenant; an adopted version is not changed; the
// summary follows every insert and delete; lines are never updated (an import replaces them) and the
// table is never truncated; what lines refer to cannot be deleted while they do.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE actual_account (
      sie_import_id bigint  NOT NULL,
      idx           integer NOT NULL,
      tenant_id     bigint  NOT NULL,
      account_code  text    NOT NULL,
      category_code text    NOT NULL,
      PRIMARY KEY (sie_import_id, idx)
    );

    CREATE TABLE actual_line (
      sie_import_id bigint   NOT NULL,
      line_no       integer  NOT NULL,
      version_id    bigint   NOT NULL,
      year          integer  NOT NULL,
      month         smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
      unit_id       bigint   NOT NULL,
      account_idx   integer  NOT NULL,
      project_code  text,
      amount_ore    bigint   NOT NULL
    );
    CREATE INDEX actual_line_version ON actual_line USING brin (version_id, year) WITH (pages_per_range = 128);

    -- The accounts of an import exist in its tenant's chart with their category.
    CREATE FUNCTION actual_account_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE bad record;
    BEGIN
      SELECT n.account_code INTO bad FROM new_accounts n
        LEFT JOIN account a ON a.tenant_id = n.tenant_id AND a.code = n.account_code WHERE a.code IS NULL LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', format('Kontot %s finns inte i kontoplanen.', bad.account_code) USING ERRCODE = '23503';
      END IF;
      SELECT n.category_code INTO bad FROM new_accounts n
        LEFT JOIN category c ON c.tenant_id = n.tenant_id AND c.code = n.category_code WHERE c.code IS NULL LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', format('Kategorin %s finns inte.', bad.category_code) USING ERRCODE = '23503';
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER actual_account_refs AFTER INSERT ON actual_account
      REFERENCING NEW TABLE AS new_accounts FOR EACH STATEMENT EXECUTE FUNCTION actual_account_after_insert();
    CREATE FUNCTION actual_account_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'Ett inläst utfalls konton ändras inte.' USING ERRCODE = 'RP003';
    END $$;
    CREATE TRIGGER actual_account_no_update BEFORE UPDATE ON actual_account
      FOR EACH STATEMENT EXECUTE FUNCTION actual_account_refuse_change();

    -- Actual lines, per statement: one aggregate to (import, account, version, year, unit), about as
    -- many groups as the lines have accounts × units; the checks and the summary run over it.
    CREATE FUNCTION actual_line_apply(lines_sign integer, imp bigint[], acc integer[], ver bigint[], yr integer[], unit bigint[], amount numeric[], n bigint[])
    RETURNS void LANGUAGE plpgsql AS $$
    DECLARE bad record;
    BEGIN
      SELECT g.version_id INTO bad FROM (SELECT DISTINCT version_id FROM unnest(ver) AS version_id) g
        LEFT JOIN plan_version v ON v.id = g.version_id WHERE v.id IS NULL LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '%', format('Versionen %s finns inte.', bad.version_id) USING ERRCODE = '23503';
      END IF;
      PERFORM plan_line_refuse_adopted(ARRAY(SELECT DISTINCT x FROM unnest(ver) AS x));
      IF lines_sign > 0 THEN
        SELECT g.unit_id INTO bad FROM (SELECT DISTINCT version_id, unit_id FROM unnest(ver, unit) AS x(version_id, unit_id)) g
          JOIN plan_version v ON v.id = g.version_id
          LEFT JOIN organisation u ON u.id = g.unit_id AND u.tenant_id = v.tenant_id WHERE u.id IS NULL LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION '%', format('Enheten %s finns inte i organisationen.', bad.unit_id) USING ERRCODE = '23503';
        END IF;
        SELECT g.sie_import_id, g.account_idx INTO bad
          FROM (SELECT DISTINCT sie_import_id, account_idx FROM unnest(imp, acc) AS x(sie_import_id, account_idx)) g
          LEFT JOIN actual_account a ON a.sie_import_id = g.sie_import_id AND a.idx = g.account_idx WHERE a.idx IS NULL LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION '%', format('Import %s har inget konto nummer %s.', bad.sie_import_id, bad.account_idx) USING ERRCODE = '23503';
        END IF;
      END IF;
      INSERT INTO plan_summary AS ps (tenant_id, version_id, year, category_code, amount_ore, line_count)
        SELECT v.tenant_id, x.version_id, x.year, a.category_code, lines_sign * sum(x.amount), lines_sign * sum(x.n)
          FROM unnest(imp, acc, ver, yr, amount, n) AS x(sie_import_id, account_idx, version_id, year, amount, n)
          JOIN actual_account a ON a.sie_import_id = x.sie_import_id AND a.idx = x.account_idx
          JOIN plan_version v ON v.id = x.version_id
         GROUP BY v.tenant_id, x.version_id, x.year, a.category_code
      ON CONFLICT (version_id, year, category_code) DO UPDATE
        SET amount_ore = ps.amount_ore + EXCLUDED.amount_ore, line_count = ps.line_count + EXCLUDED.line_count;
      IF lines_sign < 0 THEN
        DELETE FROM plan_summary WHERE line_count = 0 AND version_id = ANY (ver);
      END IF;
    END $$;

    -- After an insert (new_lines) or a delete (old_lines): the same aggregate, added or taken away.
    CREATE FUNCTION actual_line_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE imp bigint[]; acc integer[]; ver bigint[]; yr integer[]; unit bigint[]; amount numeric[]; n bigint[];
    BEGIN
      EXECUTE format('SELECT array_agg(sie_import_id), array_agg(account_idx), array_agg(version_id), array_agg(year),
                             array_agg(unit_id), array_agg(s), array_agg(c)
                        FROM (SELECT sie_import_id, account_idx, version_id, year, unit_id, sum(amount_ore) AS s, count(*) AS c
                                FROM %I GROUP BY sie_import_id, account_idx, version_id, year, unit_id) g',
                     CASE TG_OP WHEN 'INSERT' THEN 'new_lines' ELSE 'old_lines' END)
        INTO imp, acc, ver, yr, unit, amount, n;
      IF imp IS NOT NULL THEN PERFORM actual_line_apply(CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END, imp, acc, ver, yr, unit, amount, n); END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER actual_line_insert AFTER INSERT ON actual_line
      REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION actual_line_after_change();
    CREATE TRIGGER actual_line_delete AFTER DELETE ON actual_line
      REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION actual_line_after_change();

    CREATE FUNCTION actual_line_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'Inläst utfall ändras genom en ny import, inte rad för rad.' USING ERRCODE = 'RP003';
    END $$;
    CREATE TRIGGER actual_line_no_update BEFORE UPDATE ON actual_line
      FOR EACH STATEMENT EXECUTE FUNCTION actual_line_refuse_change();
    CREATE TRIGGER actual_line_no_truncate BEFORE TRUNCATE ON actual_line
      FOR EACH STATEMENT EXECUTE FUNCTION plan_line_refuse_truncate();

    -- What lines refer to cannot be deleted while they do: now also actual lines.
    CREATE OR REPLACE FUNCTION refuse_delete_if_in_plan_lines() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE used boolean;
    BEGIN
      -- IF, not CASE: a branch's OLD fields are resolved only when it runs.
      IF TG_TABLE_NAME = 'plan_version' THEN
        used := EXISTS (SELECT 1 FROM plan_line WHERE version_id = OLD.id AND (sie_import_id IS NULL OR sie_import_id IS NOT NULL))
             OR EXISTS (SELECT 1 FROM actual_line WHERE version_id = OLD.id);
      ELSIF TG_TABLE_NAME = 'organisation' THEN
        -- An actual line's organisation is its version's, which plan_version's foreign key guards.
        used := EXISTS (SELECT 1 FROM plan_line WHERE unit_id = OLD.id OR org_id = OLD.id)
             OR EXISTS (SELECT 1 FROM actual_line WHERE unit_id = OLD.id);
      ELSIF TG_TABLE_NAME = 'account' THEN
        used := EXISTS (SELECT 1 FROM plan_line WHERE tenant_id = OLD.tenant_id AND account_code = OLD.code)
             OR EXISTS (SELECT 1 FROM actual_account WHERE tenant_id = OLD.tenant_id AND account_code = OLD.code);
      ELSE
        used := EXISTS (SELECT 1 FROM plan_line WHERE tenant_id = OLD.tenant_id AND category_code = OLD.code)
             OR EXISTS (SELECT 1 FROM actual_account WHERE tenant_id = OLD.tenant_id AND category_code = OLD.code);
      END IF;
      IF used THEN
        RAISE EXCEPTION 'Kan inte ta bort: det finns budgetrader som hänvisar hit (%).', TG_TABLE_NAME USING ERRCODE = '23503';
      END IF;
      RETURN OLD;
    END $$;

    -- Every line in plan_line's shape (readers read this). The first branch's tautology lets the
    -- planner use both of plan_line's partial indexes (migration 0016).
    CREATE VIEW plan_line_all AS
      SELECT id, tenant_id, org_id, version_id, year, period, unit_id, account_code, category_code, project_code, funder_code,
             amount_ore, revision, updated_by, sie_import_id
        FROM plan_line WHERE (sie_import_id IS NULL OR sie_import_id IS NOT NULL)
      UNION ALL
      SELECT -(l.sie_import_id * 1000000000 + l.line_no), v.tenant_id, v.org_id, l.version_id, l.year,
             to_char(l.year, 'FM0000') || '-' || to_char(l.month, 'FM00'), l.unit_id, a.account_code, a.category_code, l.project_code,
             NULL::text, l.amount_ore, 1, NULL::text, l.sie_import_id
        FROM actual_line l
        JOIN plan_version v ON v.id = l.version_id
        JOIN actual_account a ON a.sie_import_id = l.sie_import_id AND a.idx = l.account_idx;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
