import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { testDatabases } from '../testing/databases.js';
import { type ServedApp, serveApp, type TrpcErrorBody } from '../testing/http-app.js';
import { callerFor, createWorld, type World } from '../testing/world.js';

/**
 * S26: with every connection taken, a request waits at most the acquisition timeout and is then answered 503
 * `database_busy` with Retry-After, never left hanging and never a 500; once connections free up it is served again.
 */
const ACQUIRE_TIMEOUT_MS = 300;
/** Generous: the point is "answered, not hanging", not the exact time on a busy machine. */
const ANSWER_WITHIN_MS = ACQUIRE_TIMEOUT_MS + 8000;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe.each(testDatabases({ poolSize: 2, acquireTimeoutMs: ACQUIRE_TIMEOUT_MS }))(
  'a database with every connection busy on $name',
  (target) => {
    let database: Database;
    let app: ServedApp;
    let world: World;
    let token: string;

    beforeAll(async () => {
      database = await target.open();
      // Without rate limits, whose one statement would meet the busy pool first: these are the procedures' waits.
      app = await serveApp(database, { rateLimits: null });
      world = await createWorld(database, { issuer: app.issuer.issuer });
      token = await app.tokenFor(world.apprentice.identity.subject);
    });

    afterAll(async () => {
      await app?.close();
      await target.close();
    });

    /** Takes every connection with a transaction that stays open until the returned function is called. */
    async function holdEveryConnection(): Promise<() => Promise<void>> {
      const release = deferred();
      const holders: Promise<void>[] = [];
      for (let slot = 0; slot < database.pool.size; slot += 1) {
        const holding = deferred();
        holders.push(
          database.db.transaction(async (tx) => {
            await tx.execute(sql`select 1`);
            holding.resolve();
            await release.promise;
          }),
        );
        await holding.promise;
      }
      return async () => {
        release.resolve();
        await Promise.all(holders);
      };
    }

    it('answers 503 database_busy with Retry-After, then serves the next call once connections are free', async () => {
      expect((await app.query('me', token)).status).toBe(200);

      const releaseAll = await holdEveryConnection();
      let busy: Response;
      let body: TrpcErrorBody;
      const started = Date.now();
      try {
        busy = await app.query('me', token, undefined, {
          signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        });
        body = (await busy.json()) as TrpcErrorBody;
      } finally {
        await releaseAll();
      }
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(body.error.json.message).toBe('database_busy');
      expect(body.error.json.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503 });

      const recovered = await app.query('me', token);
      expect(recovered.status).toBe(200);
      expect(recovered.headers.get('retry-after')).toBeNull();
    });

    it('refuses a mutation the same way, and the refused call changed nothing', async () => {
      const input = {
        companyId: world.companyId,
        apprenticeshipId: world.apprenticeshipId,
        isoYear: 2026,
        isoWeek: 3,
      };
      const releaseAll = await holdEveryConnection();
      let busy: Response;
      try {
        busy = await app.mutation('weeks.open', token, input, {
          signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        });
      } finally {
        await releaseAll();
      }
      expect([busy.status, busy.headers.get('retry-after')]).toEqual([503, '1']);
      const weeks = await callerFor(database, world.apprentice.identity).weeks.list({
        companyId: world.companyId,
        apprenticeshipId: world.apprenticeshipId,
      });
      expect(weeks.filter((week) => week.isoYear === 2026 && week.isoWeek === 3)).toEqual([]);
      expect((await app.mutation('weeks.open', token, input)).status).toBe(200);
    });

    it('serves a call that gets a connection within the timeout', async () => {
      const releaseAll = await holdEveryConnection();
      const answer = app.query('me', token);
      setTimeout(() => void releaseAll(), ACQUIRE_TIMEOUT_MS / 4);
      expect((await answer).status).toBe(200);
    });

    it('reports SERVICE_UNAVAILABLE database_busy to a direct caller', async () => {
      const releaseAll = await holdEveryConnection();
      let outcome: unknown;
      try {
        outcome = await callerFor(database, world.apprentice.identity)
          .me()
          .catch((error: unknown) => error);
      } finally {
        await releaseAll();
      }
      expect(outcome).toBeInstanceOf(TRPCError);
      expect(outcome).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'database_busy' });
    });
  },
);
