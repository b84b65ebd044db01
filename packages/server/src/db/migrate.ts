import type { PgSession } from 'drizzle-orm/pg-core';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './database-types.js';
import { MIGRATIONS } from './generated/migrations.js';

/**
 * Brings the schema up to date with the committed migrations, bundled as code so that this works wherever the server
 * runs — from the published package and in a browser, which has no file system to read SQL files from. Drizzle's
 * own bookkeeping (`drizzle.__drizzle_migrations`) decides what is still to apply, exactly as its file-based migrators do.
 */
export async function applyMigrations(db: Db): Promise<void> {
  const session = db._.session as unknown as PgSession;
  await new PgDialect().migrate(MIGRATIONS, session, { migrationsFolder: '' });
}
