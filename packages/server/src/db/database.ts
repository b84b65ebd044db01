import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { type ConnectionGate, createConnectionGate } from './gate.js';
import { gatePgliteClient, gatePostgresClient } from './gated-clients.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;

/** A drizzle database on either driver; everything above the data layer sees only this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** What a query runs on: the database itself or an open transaction. */
export type Executor = Db | PgTransaction<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** How many pieces of work may hold a connection at once, and how long the others wait for one (S26). */
  pool: { size: number; acquireTimeoutMs: number };
  /** Resolves when the database answers a trivial query; for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

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

/** src/db and dist/db both sit two levels below the package root, next to which the migrations are published. */
const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Bounded so that a burst of requests waits for a connection instead of exhausting the server's (S26). */
export const DEFAULT_POOL_SIZE = 10;
/** Short: a request that cannot get a connection soon is better answered 503 than left waiting (S26). */
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 2000;
const CONNECT_TIMEOUT_SECONDS = 10;
const IDLE_TIMEOUT_SECONDS = 30;

/** Opens the database and brings its schema up to date with the committed migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const acquireTimeoutMs = options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS;
  if (options.url === undefined) {
    // PGlite runs every statement and transaction one after another; one slot makes waiting for it time out too.
    return openPglite(options.dataDir, createConnectionGate(1, acquireTimeoutMs));
  }
  const gate = createConnectionGate(options.poolSize ?? DEFAULT_POOL_SIZE, acquireTimeoutMs);
  return openPostgres(options.url, gate);
}

const poolOf = (gate: ConnectionGate) => ({
  size: gate.slots,
  acquireTimeoutMs: gate.acquireTimeoutMs,
});

async function openPglite(dataDir: string | undefined, gate: ConnectionGate): Promise<Database> {
  const client = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  const db = drizzlePglite({ client: gatePgliteClient(client, gate), schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return {
    db,
    kind: 'pglite',
    pool: poolOf(gate),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

async function openPostgres(url: string, gate: ConnectionGate): Promise<Database> {
  const client = postgres(url, {
    max: gate.slots,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    idle_timeout: IDLE_TIMEOUT_SECONDS,
    // Migrations announce already existing objects as notices; they are not news.
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client: gatePostgresClient(client, gate), schema });
  try {
    await migratePostgres(db, { migrationsFolder });
  } catch (error) {
    await client.end({ timeout: 5 });
    throw error;
  }
  return {
    db,
    kind: 'postgres',
    pool: poolOf(gate),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.end({ timeout: 5 }),
  };
}
