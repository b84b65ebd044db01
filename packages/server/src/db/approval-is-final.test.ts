import { mondayOf } from '@berichtsheft/core';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedWeek, failureOf } from '../testing/approved-week.js';
import { testDatabases } from '../testing/databases.js';
import { callerFor, createWorld, sampleDays, type World } from '../testing/world.js';
import { inRequestTransaction } from '../trpc/request-transaction.js';
import type { Database } from './database.js';
import { rowsOf } from './raw-rows.js';

/**
 * S15 against the runtime role, whatever it tries inside one request's transaction: no sequence of statements the
 * API's own connection could issue changes an approved week's content, its approval or its audit trail. Each
 * sequence runs in a transaction of its own, as the apprentice and as the trainer, and must fail as a whole.
 */
type Sequence = (ids: Ids) => SQL[];

interface Ids {
  week: string;
  /** The approved week's Monday. */
  monday: string;
  draftWeek: string;
  trainer: string;
}

const SEQUENCES: Record<string, Sequence> = {
  'flip the status back, then change a day': ({ week }) => [
    sql`update report_weeks set status = 'draft' where id = ${week}`,
    sql`update days set attendance = 'vacation' where week_id = ${week}`,
  ],
  'flip the status back, then delete and re-insert the days': ({ week, monday }) => [
    sql`update report_weeks set status = 'returned' where id = ${week}`,
    sql`delete from days where week_id = ${week}`,
    sql`insert into days (week_id, date, attendance) values (${week}, ${monday}, 'company')`,
  ],
  'flip the status back, then change the department': ({ week }) => [
    sql`update report_weeks set status = 'submitted' where id = ${week}`,
    sql`update report_weeks set department = 'anders' where id = ${week}`,
  ],
  'raise the version past its approval': ({ week }) => [
    sql`update report_weeks set version = version + 1 where id = ${week}`,
  ],
  'move the approval time': ({ week }) => [
    sql`update report_weeks set approved_at = now() - interval '1 year' where id = ${week}`,
  ],
  'change entries in place': ({ week }) => [
    sql`update entries set text = 'geändert' where day_id in (select id from days where week_id = ${week})`,
  ],
  'move a draft day into the approved week': ({ week, draftWeek }) => [
    sql`update days set week_id = ${week} where week_id = ${draftWeek}`,
  ],
  'move a draft entry onto an approved day': ({ week, draftWeek }) => [
    sql`update entries set day_id = (select id from days where week_id = ${week} limit 1)
        where day_id in (select id from days where week_id = ${draftWeek})`,
  ],
  'add an entry to an approved day': ({ week }) => [
    sql`insert into entries (day_id, kind, form, text, minutes, position)
        select id, 'company_work', 'free_text', 'nachgetragen', 30, 99 from days where week_id = ${week} limit 1`,
  ],
  'change the approval': ({ week }) => [
    sql`update approvals set content_hash = repeat('0', 64) where week_id = ${week}`,
  ],
  'delete the approval and record another': ({ week, trainer }) => [
    sql`delete from approvals where week_id = ${week}`,
    sql`insert into approvals (week_id, version, content_hash, approver_id)
        select id, version, repeat('1', 64), ${trainer} from report_weeks where id = ${week}`,
  ],
  'record a second approval': ({ week, trainer }) => [
    sql`insert into approvals (week_id, version, content_hash, approver_id)
        select id, version + 1, repeat('2', 64), ${trainer} from report_weeks where id = ${week}`,
  ],
  'change or delete an audit row': ({ week }) => [
    sql`update status_transitions set reason = 'nie passiert' where week_id = ${week}`,
  ],
  'delete the audit trail': ({ week }) => [
    sql`delete from status_transitions where week_id = ${week}`,
  ],
  'add a made-up audit row': ({ week, trainer }) => [
    sql`insert into status_transitions (week_id, action, from_status, to_status, actor_id)
        values (${week}, 'return', 'approved', 'returned', ${trainer})`,
  ],
  'add a second approving audit row': ({ week, trainer }) => [
    sql`insert into status_transitions (week_id, action, from_status, to_status, actor_id)
        values (${week}, 'approve', 'submitted', 'approved', ${trainer})`,
  ],
  'empty the tables': () => [sql`truncate days, entries, approvals, status_transitions`],
  'delete the week': ({ week }) => [sql`delete from report_weeks where id = ${week}`],
  'disable the triggers': ({ week }) => [
    sql`alter table days disable trigger all`,
    sql`delete from days where week_id = ${week}`,
  ],
  'drop a trigger': ({ week }) => [
    sql`drop trigger days_frozen on days`,
    sql`delete from days where week_id = ${week}`,
  ],
  'replace the check with one that lets everything pass': ({ week }) => [
    sql.raw(
      `create or replace function bh_refuse_change_of_approved_week(target_week uuid) returns void
       language sql as 'select null'`,
    ),
    sql`delete from days where week_id = ${week}`,
  ],
  'skip triggers as a replica would': ({ week }) => [
    sql`set local session_replication_role = replica`,
    sql`delete from days where week_id = ${week}`,
  ],
  'switch off row-level security and the policies': ({ week }) => [
    sql`alter table days disable row level security`,
    sql`delete from days where week_id = ${week}`,
  ],
};

describe.each(testDatabases())(
  'approval is final for the runtime role on $name (S15)',
  (target) => {
    let database: Database;
    let world: World;
    let ids: Ids;

    beforeAll(async () => {
      database = await target.open();
      world = await createWorld(database);
      const approvedRef = { isoYear: 2026, isoWeek: 12 };
      const week = await approvedWeek(database, world, approvedRef, 'Lager');
      const apprentice = callerFor(database, world.apprentice.identity);
      const draftRef = { isoYear: 2026, isoWeek: 13 };
      const opened = await apprentice.weeks.open({
        companyId: world.companyId,
        apprenticeshipId: world.apprenticeshipId,
        ...draftRef,
      });
      await apprentice.weeks.save({
        companyId: world.companyId,
        weekId: opened.id,
        version: opened.version,
        department: 'Lager',
        days: sampleDays(mondayOf(draftRef)),
      });
      ids = {
        week: week.id,
        monday: mondayOf(approvedRef),
        draftWeek: opened.id,
        trainer: world.trainer.id,
      };
    });
    afterAll(() => target.close());

    /** Everything that makes up the approved week, read by the owner past every policy. */
    async function recordOf(weekId: string): Promise<unknown> {
      return {
        week: await rowsOf(database.db, sql`select * from report_weeks where id = ${weekId}`),
        days: await rowsOf(
          database.db,
          sql`select * from days where week_id = ${weekId} order by date`,
        ),
        entries: await rowsOf(
          database.db,
          sql`select e.* from entries e join days d on d.id = e.day_id where d.week_id = ${weekId}
            order by d.date, e.position`,
        ),
        approvals: await rowsOf(
          database.db,
          sql`select * from approvals where week_id = ${weekId}`,
        ),
        transitions: await rowsOf(
          database.db,
          sql`select * from status_transitions where week_id = ${weekId} order by at, id`,
        ),
      };
    }

    const callers = ['apprentice', 'trainer'] as const;
    it.each(callers.flatMap((who) => Object.keys(SEQUENCES).map((name) => [who, name] as const)))(
      'refuses the %s to %s',
      async (who, name) => {
        const before = await recordOf(ids.week);
        const statements = SEQUENCES[name]?.(ids) ?? [];
        const failure = await failureOf(
          inRequestTransaction(database, world[who].identity, world.companyId, async (tx) => {
            for (const statement of statements) await tx.execute(statement);
          }),
        );
        expect(failure).toMatch(
          /approved_content_frozen|append_only|permission denied|must be owner|row-level security/,
        );
        expect(await recordOf(ids.week)).toEqual(before);
      },
    );

    it('still lets the workflow approve a week, with one approval and one approving audit row', async () => {
      const week = await approvedWeek(database, world, { isoYear: 2026, isoWeek: 14 }, 'Lager');
      const [counts] = await rowsOf(
        database.db,
        sql`select (select count(*)::int from approvals where week_id = ${week.id}) as approvals,
                 (select count(*)::int from status_transitions
                   where week_id = ${week.id} and to_status = 'approved') as approving`,
      );
      expect(counts).toEqual({ approvals: 1, approving: 1 });
    });
  },
);
