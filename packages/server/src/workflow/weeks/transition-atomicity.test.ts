import { randomUUID } from 'node:crypto';
import type { WeekView } from '@berichtsheft/core';
import { count, eq, sql } from 'drizzle-orm';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { approvals, reportWeeks, statusTransitions } from '../../db/schema/index.js';
import { testDatabases } from '../../testing/databases.js';
import { type ServedApp, serveApp, type TrpcErrorBody } from '../../testing/http-app.js';
import { callerFor, createWorld, sampleDays, type World } from '../../testing/world.js';

/**
 * S27: the database failing in the middle of an approval leaves nothing behind. The fault is real: a trigger installed
 * by the test makes PostgreSQL itself raise an error when the approval's row (or its audit row) is inserted, after the
 * week's status has already been updated in the same transaction.
 */
type FaultyTable = 'approvals' | 'status_transitions';

describe.each(testDatabases())('a database fault inside an approval on $name', (target) => {
  let database: Database;
  let app: ServedApp;
  let world: World;
  const reported: unknown[] = [];
  let nextIsoWeek = 10;

  beforeAll(async () => {
    database = await target.open();
    app = await serveApp(database, { onError: (error) => reported.push(error) });
    world = await createWorld(database, { issuer: app.issuer.issuer });
  });

  afterAll(async () => {
    await app?.close();
    await target.close();
  });

  async function submittedWeek(): Promise<WeekView> {
    const apprentice = callerFor(database, world.apprentice.identity);
    const companyId = world.companyId;
    const opened = await apprentice.weeks.open({
      companyId,
      apprenticeshipId: world.apprenticeshipId,
      isoYear: 2026,
      isoWeek: nextIsoWeek++,
    });
    const saved = await apprentice.weeks.save({
      companyId,
      weekId: opened.id,
      version: opened.version,
      department: 'IT-Service',
      days: sampleDays(opened.weekStart),
    });
    return apprentice.weeks.submit({ companyId, weekId: saved.id, version: saved.version });
  }

  /** What an approval changes: the week's status and version, its approvals and its audit rows. */
  async function stateOf(weekId: string) {
    const { db } = database;
    const [week] = await db
      .select({ status: reportWeeks.status, version: reportWeeks.version })
      .from(reportWeeks)
      .where(eq(reportWeeks.id, weekId));
    const [approvalRows] = await db
      .select({ n: count() })
      .from(approvals)
      .where(eq(approvals.weekId, weekId));
    const [transitionRows] = await db
      .select({ n: count() })
      .from(statusTransitions)
      .where(eq(statusTransitions.weekId, weekId));
    return { week, approvals: approvalRows?.n, transitions: transitionRows?.n };
  }

  /** Makes every insert into `table` for this week fail inside the database; returns how to remove the fault. */
  async function failInsertsInto(table: FaultyTable, weekId: string): Promise<() => Promise<void>> {
    const name = `test_fault_${randomUUID().replaceAll('-', '')}`;
    // The week id comes from the database itself (a uuid), so writing it into the function body is safe.
    await database.db.execute(
      sql.raw(
        `create function ${name}() returns trigger language plpgsql as $$ begin ` +
          `if new.week_id = '${weekId}' then raise exception 'simulated storage failure'; end if; ` +
          'return new; end $$',
      ),
    );
    await database.db.execute(
      sql.raw(
        `create trigger ${name} before insert on ${table} for each row execute function ${name}()`,
      ),
    );
    return async () => {
      await database.db.execute(sql.raw(`drop trigger ${name} on ${table}`));
      await database.db.execute(sql.raw(`drop function ${name}()`));
    };
  }

  it.each<FaultyTable>(['approvals', 'status_transitions'])(
    'a failing insert into %s leaves the week as it was, and a retry succeeds',
    async (table) => {
      const week = await submittedWeek();
      const before = await stateOf(week.id);
      expect(before).toMatchObject({ week: { status: 'submitted' }, approvals: 0 });
      const token = await app.tokenFor(world.trainer.identity.subject);
      const input = {
        companyId: world.companyId,
        weekId: week.id,
        version: week.version,
        idempotencyKey: randomUUID(),
      };

      reported.length = 0;
      const removeFault = await failInsertsInto(table, week.id);
      let failed: Response;
      let text: string;
      try {
        failed = await app.mutation('review.approve', token, input);
        text = await failed.text();
      } finally {
        await removeFault();
      }
      expect(failed.status).toBe(500);
      const body = JSON.parse(text) as TrpcErrorBody;
      expect(body.error.json.message).toBe('internal_error');
      expect(body.error.json.data).toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        httpStatus: 500,
      });
      expect(text).not.toMatch(/simulated|insert|select|approvals|status_transitions|stack/i);
      // The operator learns what happened; the caller does not.
      expect(reported).toHaveLength(1);
      expect(causeMessages(reported[0])).toMatch(/simulated storage failure/);

      expect(await stateOf(week.id)).toEqual(before);

      const retried = await app.mutation('review.approve', token, input);
      expect(retried.status).toBe(200);
      const { result } = (await retried.json()) as {
        result: { data: Parameters<typeof superjson.deserialize>[0] };
      };
      const approved = superjson.deserialize<WeekView>(result.data);
      expect([approved.status, approved.version]).toEqual(['approved', week.version + 1]);
      expect(await stateOf(week.id)).toEqual({
        week: { status: 'approved', version: week.version + 1 },
        approvals: 1,
        transitions: (before.transitions ?? 0) + 1,
      });
    },
  );
});

/** Every message along an error's cause chain, for asserting what the server reported. */
function causeMessages(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth += 1) {
    messages.push(current.message);
    current = current.cause;
  }
  return messages.join(' <- ');
}
