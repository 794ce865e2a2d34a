// Import speed, fourth step (decision 0006): imported lines stop paying a B-tree entry per line for
// (version_id, year). The index is only needed to find a version's lines; typed lines keep it as a
// B-tree (partial: sie_import_id IS NULL), and imported lines, which arrive in bulk and lie together
// on disk, are found through a BRIN index over the same columns (partial: sie_import_id IS NOT NULL):
// one small summary per 128 pages (1 MiB) instead of one entry per line. The importer summarises the
// ranges it filled before it commits: 402 454 new lines take 0.11 s with 128 pages per range, 0.18 s
// with 32 (a range costs a scan of its own), 0.09 s with 512 (but a range that holds two versions'
// lines is then 4 MiB read for nothing by a query on a version between them). The server's own time
// for COPY of the benchmark's 402 454 lines in a rolled-back transaction (VACUUM before each, medians
// of 3): 1.80 s with the B-tree over every line, 1.48 s with the two partial indexes.
//
// A query reaches both indexes only when it says that every line qualifies, which is what
// `anyLineSource` (repositories/plan-lines.ts) adds: (sie_import_id IS NULL OR sie_import_id IS NOT
// NULL) lets the planner combine them (BitmapOr); so does the version check of
// refuse_delete_if_in_plan_lines, as migration 0018 rewrites it. Without it a query is still right,
// only slower (a sequential scan).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX plan_line_version_year;
    CREATE INDEX plan_line_version_year ON plan_line (version_id, year) WHERE sie_import_id IS NULL;
    CREATE INDEX plan_line_imported ON plan_line USING brin (version_id, year) WITH (pages_per_range = 128)
      WHERE sie_import_id IS NOT NULL;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ramplan migrations are forward-only; restore a backup to go back.');
}
