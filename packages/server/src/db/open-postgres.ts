import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createChangeSignals } from '../realtime/change-signals.js';
import { postgresNotifications } from '../realtime/postgres-notifications.js';
import { type Database, DEFAULT_ACQUIRE_TIMEOUT_MS } from './database-types.js';
import { createConnectionGate } from './gate.js';
import { gatePostgresPool } from './gated-postgres.js';
import { applyMigrations } from './migrate.js';
import { withMigrationLock } from './migration-lock.js';
import { DIALOGUE_CHANNEL } from './queries/dialogue.js';
import * as schema from './schema/index.js';

export interface OpenPostgresOptions {
  /** A PostgreSQL connection URL. */
  url: string;
  /** Connections to PostgreSQL at most; default 10. */
  poolSize?: number | undefined;
  /** How long a query or transaction waits for a free connection before DatabaseBusyError; default 2000 ms. */
  acquireTimeoutMs?: number | undefined;
}

/** Bounded so that a burst of requests waits for a connection instead of exhausting the server's (S26). */
export const DEFAULT_POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 30_000;

/** PostgreSQL through node-postgres, for production and for several instances behind a load balancer. */
export async function openPostgresDatabase(options: OpenPostgresOptions): Promise<Database> {
  const gate = createConnectionGate(
    options.poolSize ?? DEFAULT_POOL_SIZE,
    options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
  );
  const pool = new pg.Pool({
    connectionString: options.url,
    max: gate.slots,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
  });
  // An idle connection that PostgreSQL ends is dropped by the pool and replaced on demand; without a listener the
  // pool's `error` event would end the process instead.
  pool.on('error', () => {});
  const db = drizzle({ client: gatePostgresPool(pool, gate), schema });
  try {
    await withMigrationLock(options.url, () => applyMigrations(db));
  } catch (error) {
    await pool.end();
    throw error;
  }
  const signals = createChangeSignals(postgresNotifications(options.url, DIALOGUE_CHANNEL));
  return {
    db,
    kind: 'postgres',
    signals,
    pool: { size: gate.slots, acquireTimeoutMs: gate.acquireTimeoutMs },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await signals.close();
      await pool.end();
    },
  };
}
