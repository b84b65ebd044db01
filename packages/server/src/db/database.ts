import type { Database } from './database-types.js';
import { openPgliteDatabase } from './open-pglite.js';
import { openPostgresDatabase } from './open-postgres.js';

export type { Database, Db, Executor, Schema } from './database-types.js';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection URL; without it the embedded PGlite is used. */
  url?: string;
  /** Where PGlite keeps its files; in memory when undefined. */
  dataDir?: string;
  /** Connections to PostgreSQL at most; default 10. PGlite has exactly one. */
  poolSize?: number;
  /** How long a query or transaction waits for a free connection before DatabaseBusyError; default 2000 ms. */
  acquireTimeoutMs?: number;
}

/** Opens the database the configuration names and brings its schema up to date with the committed migrations. */
export function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url === undefined) {
    return openPgliteDatabase({
      dataDir: options.dataDir,
      acquireTimeoutMs: options.acquireTimeoutMs,
    });
  }
  return openPostgresDatabase({
    url: options.url,
    poolSize: options.poolSize,
    acquireTimeoutMs: options.acquireTimeoutMs,
  });
}
