import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Db } from './database.ts';
import * as foundation from './migrations/0001-foundation.ts';
import * as sieImport from './migrations/0002-sie-import.ts';
import * as auditChain from './migrations/0005-audit-chain.ts';
import * as rolesAndWorkflow from './migrations/0006-roles-and-workflow.ts';
import * as goalsAgreementsProjects from './migrations/0003-goals-agreements-projects.ts';
import * as underlag from './migrations/0004-underlag.ts';
import * as identity from './migrations/0007-identity.ts';
import * as importSpeed from './migrations/0008-import-speed.ts';
import * as issue4Gaps from './migrations/0009-issue4-gaps.ts';
import * as importSpeed2 from './migrations/0010-import-speed-2.ts';
import * as financingTypes from './migrations/0013-financing-types.ts';
import * as importSpeed3 from './migrations/0015-import-speed-3.ts';
import * as importSpeed4 from './migrations/0016-import-speed-4.ts';
import * as importSpeed5 from './migrations/0017-import-speed-5.ts';
import * as actualLines from './migrations/0018-actual-lines.ts';

// Migrations are listed here, in order, rather than read from a folder at run time: the set that
// ships is the set that runs, and a renamed file cannot silently change the order.
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-sie-import': sieImport,
  '0005-audit-chain': auditChain,
  '0006-roles-and-workflow': rolesAndWorkflow,
  '0003-goals-agreements-projects': goalsAgreementsProjects,
  '0004-underlag': underlag,
  '0007-identity': identity,
  '0008-import-speed': importSpeed,
  '0009-issue4-gaps': issue4Gaps,
  '0010-import-speed-2': importSpeed2,
  '0013-financing-types': financingTypes,
  '0015-import-speed-3': importSpeed3,
  '0016-import-speed-4': importSpeed4,
  '0017-import-speed-5': importSpeed5,
  '0018-actual-lines': actualLines,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The names of the migrations this version of Ramplan knows. */
export function knownMigrations(): string[] {
  return Object.keys(migrations).sort();
}

/** Applies every pending migration in order; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'ramplan_migration', migrationLockTableName: 'ramplan_migration_lock',
    // Parallel work lands migrations with reserved numbers out of order; each is independent.
    allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Databasmigreringen misslyckades${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
