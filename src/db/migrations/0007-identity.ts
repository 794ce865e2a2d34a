// Identity for issue 6: a user can be switched off, can carry an e-mail address (an administrator's
// invitation to link a sign-in through the region's identity provider), and can be linked to one
// OpenID Connect identity (issuer, subject). See docs/decisions/0005-oidc.md.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE app_user
      ADD COLUMN disabled     boolean NOT NULL DEFAULT false,
      ADD COLUMN email        text CHECK (email IS NULL OR (email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$')),
      ADD COLUMN oidc_issuer  text,
      ADD COLUMN oidc_subject text,
      ADD CONSTRAINT app_user_oidc_pair CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
    -- One Ramplan user per identity at the provider, and per e-mail address.
    CREATE UNIQUE INDEX app_user_oidc ON app_user (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;
    CREATE UNIQUE INDEX app_user_email ON app_user (email) WHERE email IS NOT NULL;
    CREATE INDEX audit_log_tenant_seq ON audit_log (tenant_id, chain_seq);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
