import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { rowsOf } from '../db/raw-rows.js';
import { testDatabases } from '../testing/databases.js';
import { type ServedApp, serveApp, type TrpcErrorBody } from '../testing/http-app.js';
import { freshWeekFor } from '../testing/valid-inputs.js';
import { callerFor, createWorld, type World } from '../testing/world.js';

/**
 * S26 when the database goes away: PostgreSQL terminating every connection (a failover, a restart, an administrator's
 * pg_terminate_backend) in the middle of a bulk approval. The process stays up, the interrupted call is answered 503
 * with Retry-After and left nothing half-written, and the server serves again once connections can be made again,
 * without a restart. Only PostgreSQL has connections to lose; the embedded database lives in the process.
 */
const WEEKS = 40;

interface BulkApprovalBody {
  result: { data: { json: { results: { weekId: string; outcome: string }[] } } };
}

describe.each(testDatabases().filter((target) => target.name === 'postgres'))(
  'every connection terminated during a bulk approval on $name',
  (target) => {
    let database: Database;
    let app: ServedApp;
    let world: World;
    /** A superuser session on the server's maintenance database, which is never terminated here. */
    let admin: pg.Client;
    let databaseName: string;
    const reported: unknown[] = [];

    beforeAll(async () => {
      database = await target.open();
      // Without rate limits, so that the session cut is the bulk approval's, not the limit's statement.
      app = await serveApp(database, {
        onError: (error) => reported.push(error),
        rateLimits: null,
      });
      world = await createWorld(database, { issuer: app.issuer.issuer });
      admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const [row] = await rowsOf<{ name: string }>(
        database.db,
        sql`select current_database() as name`,
      );
      databaseName = row?.name ?? '';
    });

    afterAll(async () => {
      await admin?.end();
      await app?.close();
      await target.close();
    });

    async function submittedWeeks(count: number): Promise<{ weekId: string; version: number }[]> {
      const weeks: { weekId: string; version: number }[] = [];
      for (let n = 0; n < count; n += 1) {
        const week = await freshWeekFor(database, world, 'review.approveMany', n);
        weeks.push({ weekId: week.id, version: week.version });
      }
      return weeks;
    }

    /** Terminates every session of the server's database; returns how many there were. */
    async function terminateEverySession(onlyInTransaction: boolean): Promise<number> {
      const { rowCount } = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = $1 and pid <> pg_backend_pid() and ($2 or xact_start is not null)`,
        [databaseName, !onlyInTransaction],
      );
      return rowCount ?? 0;
    }

    /** Opens as many transactions as the pool has slots and keeps each open until all are; a lost slot times out. */
    async function holdEverySlotAtOnce(): Promise<number> {
      let open = 0;
      let allOpen!: () => void;
      const everyoneIn = new Promise<void>((resolve) => {
        allOpen = resolve;
      });
      await Promise.all(
        Array.from({ length: database.pool.size }, () =>
          database.db.transaction(async (tx) => {
            await tx.execute(sql`select 1`);
            open += 1;
            if (open === database.pool.size) allOpen();
            await everyoneIn;
          }),
        ),
      );
      return open;
    }

    async function readyWithin(ms: number): Promise<boolean> {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        if ((await fetch(`${app.url}/readyz`)).status === 200) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    }

    it('answers the interrupted call 503, writes nothing of it, and serves the retry once the database is back', async () => {
      const weeks = await submittedWeeks(WEEKS);
      const token = await app.tokenFor(world.trainer.identity.subject);
      const input = { companyId: world.companyId, weeks, idempotencyKey: randomUUID() };

      const call = app.mutation('review.approveMany', token, input);
      let answered = false;
      void call.finally(() => {
        answered = true;
      });
      // The moment the call's transaction is under way, every connection goes.
      let terminated = 0;
      while (!answered && terminated === 0) terminated = await terminateEverySession(true);
      const interrupted = await call;
      const body = (await interrupted.json()) as TrpcErrorBody;
      expect(terminated).toBeGreaterThan(0);
      expect(interrupted.status).toBe(503);
      expect(interrupted.headers.get('retry-after')).toBe('5');
      expect(body.error.json.message).toBe('database_unavailable');
      expect(body.error.json.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503 });

      // The call was one transaction: none of its weeks is approved, so none can lack its audit row.
      const trainer = callerFor(database, world.trainer.identity);
      const states = await Promise.all(
        weeks.map(({ weekId }) => trainer.weeks.get({ companyId: world.companyId, weekId })),
      );
      expect(new Set(states.map((week) => week.status))).toEqual(new Set(['submitted']));

      // The idle connections go too. The pool drops each as PostgreSQL's goodbye arrives and opens new ones, so
      // readiness comes back by itself, without a restart of the server.
      expect(await terminateEverySession(false)).toBeGreaterThan(0);
      expect(await readyWithin(5000)).toBe(true);

      // The same call, retried with the same key, approves every week once.
      const retried = await app.mutation('review.approveMany', token, input);
      expect(retried.status).toBe(200);
      const outcomes = ((await retried.json()) as BulkApprovalBody).result.data.json.results;
      expect(outcomes.map((result) => result.outcome)).toEqual(weeks.map(() => 'approved'));
      const weekIds = weeks.map((week) => week.weekId);
      const [counts] = await rowsOf<{ approvals: number; transitions: number }>(
        database.db,
        sql`
        select
          (select count(*)::int from approvals where week_id = any(${sql.param(weekIds)}::uuid[])) as approvals,
          (select count(*)::int from status_transitions
            where action = 'approve' and week_id = any(${sql.param(weekIds)}::uuid[])) as transitions`,
      );
      expect(counts).toEqual({ approvals: WEEKS, transitions: WEEKS });
      // No connection slot went with the broken connections: every one of them can be held at once.
      expect(await holdEverySlotAtOnce()).toBe(database.pool.size);
      // The operator hears of the lost database; nothing was a fault of the server's own.
      expect(reported.length).toBeGreaterThan(0);
    });
  },
);
