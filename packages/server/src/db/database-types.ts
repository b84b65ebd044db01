import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ChangeSignals } from '../realtime/change-signals.js';
import type * as schema from './schema/index.js';

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
  /** Wakes live subscriptions when a change they follow commits, in this instance or another (LISTEN/NOTIFY). */
  signals: ChangeSignals;
  /** Resolves when the database answers a trivial query; for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Short: a request that cannot get a connection soon is better answered 503 than left waiting (S26). */
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 2000;
