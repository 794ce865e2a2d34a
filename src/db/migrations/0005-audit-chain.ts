// The audit log becomes tamper-evident: every entry holds the hash of the one before it.
// Entries are chained in the order a trigger numbers them under a transaction-level advisory lock,
// so concurrent writers form one unbroken chain. `ramplan audit verify` recomputes it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE audit_log ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text;

    -- The exact text that is hashed: every field, in a fixed order and format (UTC, microseconds).
    CREATE FUNCTION audit_canonical(prev_hash text, tenant_id bigint, at timestamptz, actor text, action text,
                                    entity text, entity_id text, before jsonb, after jsonb)
      RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT concat_ws(E'\\x1f', prev_hash, tenant_id::text,
        to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor, action, entity, entity_id,
        coalesce(before::text, 'null'), coalesce(after::text, 'null'))
    $$;

    CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE last record;
    BEGIN
      -- One writer at a time extends the chain; held until the transaction ends.
      PERFORM pg_advisory_xact_lock(7262577, 1);
      SELECT chain_seq, hash INTO last FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
      NEW.chain_seq := coalesce(last.chain_seq, 0) + 1;
      NEW.prev_hash := coalesce(last.hash, repeat('0', 64));
      NEW.at := date_trunc('microseconds', NEW.at);
      NEW.hash := encode(sha256(convert_to(audit_canonical(NEW.prev_hash, NEW.tenant_id, NEW.at, NEW.actor, NEW.action,
        NEW.entity, NEW.entity_id, NEW.before, NEW.after), 'UTF8')), 'hex');
      RETURN NEW;
    END $$;
    CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
    CREATE UNIQUE INDEX audit_log_chain_seq ON audit_log (chain_seq);
  `.execute(db);

  // Entries written before the chain existed are chained now, in id order.
  await sql`
    ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
    DO $$
    DECLARE r record; prev text := repeat('0', 64); seq bigint := 0;
    BEGIN
      FOR r IN SELECT * FROM audit_log WHERE chain_seq IS NULL ORDER BY id LOOP
        seq := seq + 1;
        UPDATE audit_log SET chain_seq = seq, prev_hash = prev,
          hash = encode(sha256(convert_to(audit_canonical(prev, r.tenant_id, r.at, r.actor, r.action, r.entity, r.entity_id, r.before, r.after), 'UTF8')), 'hex')
          WHERE id = r.id RETURNING hash INTO prev;
      END LOOP;
    END $$;
    ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
    ALTER TABLE audit_log ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
