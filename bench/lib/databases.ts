import { type Database, openDatabase } from '@berichtsheft/server';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../packages/server/src/testing/scratch-database.js';

export interface BenchDatabase {
  name: string;
  open(): Promise<Database>;
  /** Closes the database and removes whatever the benchmark created. */
  dispose(): Promise<void>;
}

function pglite(): BenchDatabase {
  let database: Database | undefined;
  return {
    name: 'PGlite (in memory)',
    open: async () => {
      database = await openDatabase({});
      return database;
    },
    dispose: async () => {
      await database?.close();
    },
  };
}

/**
 * A database of its own, created next to the one `DATABASE_URL` names and dropped afterwards, so the benchmark's
 * rows never land in a database that is in use.
 */
function postgresql(adminUrl: string): BenchDatabase {
  let scratch: ScratchDatabase | undefined;
  let database: Database | undefined;
  return {
    name: 'PostgreSQL',
    open: async () => {
      scratch = await createScratchDatabase(adminUrl, 'bh_bench');
      database = await openDatabase({ url: scratch.url });
      return database;
    },
    dispose: async () => {
      await database?.close();
      await scratch?.drop();
    },
  };
}

/** PGlite always; PostgreSQL as well when `DATABASE_URL` is set. */
export function benchDatabases(): BenchDatabase[] {
  const url = process.env.DATABASE_URL;
  return url ? [pglite(), postgresql(url)] : [pglite()];
}
