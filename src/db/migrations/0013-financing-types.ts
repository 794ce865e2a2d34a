// Issue 4: the financing plan split by financing type as EU projects are (DOMAIN.md): EU support,
// public cash co-financing, public co-financing in kind, private financing and project income. Rows
// saved before have no type; they get the one their funder gives by default (domain
// defaultFinancingType): the EU funds EU support, private parties private financing, every other
// funder (the committee's own money included) public cash. A funder may now give more than one type
// in a year (a municipality's cash and its staff time in kind), so the type joins the key.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE project_financing ADD COLUMN financing_type text;
    UPDATE project_financing SET financing_type = CASE
      WHEN funder IN ('eruf', 'esf', 'interreg') THEN 'eu'
      WHEN funder = 'privat' THEN 'private'
      ELSE 'public-cash' END;
    ALTER TABLE project_financing ALTER COLUMN financing_type SET NOT NULL;
    ALTER TABLE project_financing ADD CONSTRAINT project_financing_type_known
      CHECK (financing_type IN ('eu', 'public-cash', 'public-in-kind', 'private', 'income'));
    ALTER TABLE project_financing DROP CONSTRAINT project_financing_pkey;
    ALTER TABLE project_financing ADD PRIMARY KEY (project_id, funder, financing_type, year);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
