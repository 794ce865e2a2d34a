// Roles of issue 6 (administratör, regionekonom, nämndekonom, skribent, läsare, kommun) and the
// adoption workflow of plan versions (utkast → för granskning → inlämnat → beslutat) with every
// step recorded.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
    UPDATE user_role SET role = 'committee-controller' WHERE role = 'editor';
    ALTER TABLE user_role ADD CONSTRAINT user_role_role_check
      CHECK (role IN ('admin', 'region-controller', 'committee-controller', 'writer', 'reader', 'municipality'));
    -- A municipality user reads its own municipality's contributions only.
    ALTER TABLE user_role ADD COLUMN municipality_code text;
    ALTER TABLE user_role ADD CONSTRAINT user_role_municipality
      CHECK ((role = 'municipality') = (municipality_code IS NOT NULL));

    ALTER TABLE plan_version DROP CONSTRAINT plan_version_status_check;
    ALTER TABLE plan_version ADD CONSTRAINT plan_version_status_check
      CHECK (status IN ('draft', 'review', 'submitted', 'adopted'));
    ALTER TABLE plan_version ADD COLUMN diarienummer text, ADD COLUMN decision_date date;

    CREATE TABLE version_transition (
      id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant_id   bigint NOT NULL REFERENCES organisation (id),
      version_id  bigint NOT NULL REFERENCES plan_version (id),
      from_status text   NOT NULL,
      to_status   text   NOT NULL,
      actor       text   NOT NULL,
      at          timestamptz NOT NULL DEFAULT now(),
      comment     text
    );
    CREATE INDEX version_transition_version ON version_transition (version_id, id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
