import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { createChangeSignals } from '../realtime/change-signals.js';
import { pgliteNotifications } from '../realtime/pglite-notifications.js';
import { type Database, DEFAULT_ACQUIRE_TIMEOUT_MS } from './database-types.js';
import { createConnectionGate } from './gate.js';
import { gatePgliteClient } from './gated-pglite.js';
import { applyMigrations } from './migrate.js';
import { DIALOGUE_CHANNEL } from './queries/dialogue.js';
import * as schema from './schema/index.js';

export interface OpenPgliteOptions {
  /** Where PGlite keeps its files (a directory in Node, `idb://name` in a browser); in memory when undefined. */
  dataDir?: string | undefined;
  /** How long a query or transaction waits for the database before DatabaseBusyError; default 2000 ms. */
  acquireTimeoutMs?: number | undefined;
}

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, in this process. Imports nothing of Node, so the same
 * server runs in a browser (the Storybook playground and the element tests call the real router on it).
 */
export async function openPgliteDatabase(options: OpenPgliteOptions = {}): Promise<Database> {
  // PGlite runs every statement and transaction one after another; one slot makes waiting for it time out too.
  const gate = createConnectionGate(1, options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS);
  const client = options.dataDir === undefined ? new PGlite() : new PGlite(options.dataDir);
  const db = drizzle({ client: gatePgliteClient(client, gate), schema });
  try {
    await applyMigrations(db);
  } catch (error) {
    await client.close();
    throw error;
  }
  const signals = createChangeSignals(pgliteNotifications(client, DIALOGUE_CHANNEL));
  return {
    db,
    kind: 'pglite',
    signals,
    pool: { size: gate.slots, acquireTimeoutMs: gate.acquireTimeoutMs },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await signals.close();
      await client.close();
    },
  };
}
