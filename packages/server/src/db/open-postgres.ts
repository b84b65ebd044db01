import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type Database, DEFAULT_ACQUIRE_TIMEOUT_MS } from './database-types.js';
import { createConnectionGate } from './gate.js';
import { gatePostgresClient } from './gated-clients.js';
import { applyMigrations } from './migrate.js';
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
const CONNECT_TIMEOUT_SECONDS = 10;
const IDLE_TIMEOUT_SECONDS = 30;

/** PostgreSQL through postgres.js, for production and for several instances behind a load balancer. */
export async function openPostgresDatabase(options: OpenPostgresOptions): Promise<Database> {
  const gate = createConnectionGate(
    options.poolSize ?? DEFAULT_POOL_SIZE,
    options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
  );
  const client = postgres(options.url, {
    max: gate.slots,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    idle_timeout: IDLE_TIMEOUT_SECONDS,
    // Migrations announce already existing objects as notices; they are not news.
    onnotice: () => {},
  });
  const db = drizzle({ client: gatePostgresClient(client, gate), schema });
  try {
    await applyMigrations(db);
  } catch (error) {
    await client.end({ timeout: 5 });
    throw error;
  }
  return {
    db,
    kind: 'postgres',
    pool: { size: gate.slots, acquireTimeoutMs: gate.acquireTimeoutMs },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.end({ timeout: 5 }),
  };
}
