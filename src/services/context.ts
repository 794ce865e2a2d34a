import type { Db } from '../db/database.ts';

/** What every use case gets: the database and the clock (passed in, never read from the globals). */
export type ServiceContext = {
  readonly db: Db;
  readonly now: () => Date;
};

export function createServiceContext(db: Db, now: () => Date = () => new Date()): ServiceContext {
  return { db, now };
}
