// What the CLI prints when a command fails: the Swedish message of an expected failure, and a
// stack only for bugs (with RAMPLAN_DEBUG=1 also for expected ones).
import { ServiceError } from '../services/errors.ts';

const EXPECTED = new Set(['ServiceError', 'EmbeddedPostgresError', 'DataFolderInUseError', 'CommanderError', 'AuditChainBroken']);

export function describeFailure(error: unknown): string {
  if (error instanceof ServiceError || (error instanceof Error && EXPECTED.has(error.name))) {
    return process.env['RAMPLAN_DEBUG'] === '1' ? String(error.stack) : `Fel: ${error.message}`;
  }
  if (error instanceof Error && /ECONNREFUSED|password authentication failed|does not exist/.test(error.message)) {
    return `Fel: kunde inte ansluta till databasen (${error.message}). Kontrollera --database-url.`;
  }
  if (error instanceof Error && error.message.startsWith('Databasmigreringen')) return `Fel: ${error.message}`;
  return `Oväntat fel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
