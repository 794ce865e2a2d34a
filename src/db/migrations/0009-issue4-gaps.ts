// Issue 4's remaining rules: the staff unit cost's yearly uplift and the funders' maximum shares per
// project, and who marked an activity done and when. Projects that exist before this migration keep
// an uplift of 0, so the budgets and financing plans already saved do not change under anyone's feet;
// new projects get 2,4 % (DOMAIN.md) unless the editor sets another value.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE project ADD COLUMN staff_uplift_ppm integer NOT NULL DEFAULT 0 CHECK (staff_uplift_ppm BETWEEN 0 AND 100000);
    ALTER TABLE project ALTER COLUMN staff_uplift_ppm SET DEFAULT 24000;

    -- A project's own maximum share for a funder (the call's terms); a funder without a row has its default.
    CREATE TABLE project_funder_share (
      tenant_id     bigint  NOT NULL,
      project_id    bigint  NOT NULL REFERENCES project (id) ON DELETE CASCADE,
      funder        text    NOT NULL,
      max_share_ppm integer NOT NULL CHECK (max_share_ppm BETWEEN 0 AND 1000000),
      PRIMARY KEY (project_id, funder)
    );

    ALTER TABLE activity ADD COLUMN done_by text, ADD COLUMN done_at timestamptz;
    ALTER TABLE activity ADD CONSTRAINT activity_done_by_only_when_done CHECK (done OR (done_by IS NULL AND done_at IS NULL));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
