import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Identity } from '../context.js';
import type { Database } from '../db/database.js';
import { rowsOf } from '../db/raw-rows.js';
import { costsOf, type LimitClass, type RateLimits } from './rate-limits.js';

export type RateDecision =
  | { ok: true }
  | { ok: false; limit: LimitClass; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts a request's calls against the caller's limits and says whether it may go ahead. */
  consume(caller: Identity, procedures: readonly string[]): Promise<RateDecision>;
}

const WINDOW_SECONDS = 60;

/** A person's key in the table: a hash of their login, so that the table holds no subject or issuer. */
function personKey(caller: Identity): string {
  return createHash('sha256')
    .update(`${caller.issuer}\n${caller.subject}`)
    .digest('base64url')
    .slice(0, 32);
}

/**
 * Fixed one-minute windows counted in the database (the unlogged table of migration 0004), so that every instance
 * behind a load balancer counts the same calls; one statement per request, whatever the number of classes. A window
 * is the same minute for every instance, as the database's clock decides it.
 */
export function createRateLimiter(database: Database, limits: RateLimits): RateLimiter {
  return {
    async consume(caller, procedures) {
      const costs = [...costsOf(procedures)].filter(([limit]) => limits[limit] > 0);
      if (costs.length === 0) return { ok: true };
      const person = personKey(caller);
      const rows = await rowsOf<{ key: string; hits: number; remaining: number }>(
        database.db,
        sql`insert into rate_limit_windows (key, window_start, hits)
            select key, date_bin(${`${WINDOW_SECONDS} seconds`}::interval, now(), timestamptz '2000-01-01'), hits
            from unnest(${sql.param(costs.map(([limit]) => `${limit}:${person}`))}::text[],
                        ${sql.param(costs.map(([, cost]) => cost))}::int[]) as counted(key, hits)
            on conflict (key) do update set
              hits = case when rate_limit_windows.window_start = excluded.window_start
                          then rate_limit_windows.hits + excluded.hits else excluded.hits end,
              window_start = excluded.window_start
            returning key, hits,
              extract(epoch from window_start + ${`${WINDOW_SECONDS} seconds`}::interval - now())::float8
                as remaining`,
      );
      for (const row of rows) {
        const limit = row.key.slice(0, row.key.indexOf(':')) as LimitClass;
        if (row.hits > limits[limit]) {
          return { ok: false, limit, retryAfterSeconds: Math.max(1, Math.ceil(row.remaining)) };
        }
      }
      return { ok: true };
    },
  };
}
