import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedWeek, failureOf } from '../testing/approved-week.js';
import { testDatabases } from '../testing/databases.js';
import { callerFor, createWorld } from '../testing/world.js';
import type { Database } from './database.js';

const WEEK = { isoYear: 2025, isoWeek: 45 };

describe.each(testDatabases())('frozen approved content on $name (S15)', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => target.close());

  async function approvedWeekOfNewWorld() {
    const world = await createWorld(database);
    return { world, week: await approvedWeek(database, world, WEEK, 'Buchhaltung') };
  }

  it('refuses direct SQL that changes days, entries, department or approvals of an approved week', async () => {
    const { world, week } = await approvedWeekOfNewWorld();
    const { db } = database;
    const statements = [
      sql`update days set attendance = 'vacation' where week_id = ${week.id}`,
      sql`delete from days where week_id = ${week.id}`,
      sql`insert into days (week_id, date, attendance) values (${week.id}, ${week.weekEnd}, 'company')`,
      sql`update entries set text = 'geändert' where day_id in (select id from days where week_id = ${week.id})`,
      sql`delete from entries where day_id in (select id from days where week_id = ${week.id})`,
      sql`update report_weeks set department = 'anders' where id = ${week.id}`,
      sql`update approvals set content_hash = repeat('0', 64) where week_id = ${week.id}`,
      sql`delete from approvals where week_id = ${week.id}`,
      sql`delete from status_transitions where week_id = ${week.id}`,
    ];
    for (const statement of statements) {
      expect(await failureOf(db.execute(statement))).toMatch(/approved_content_frozen|append_only/);
    }
    const after = await callerFor(database, world.trainer.identity).weeks.get({
      companyId: world.companyId,
      weekId: week.id,
    });
    expect(after).toEqual(week);
  });

  it('still lets drafts change freely', async () => {
    const world = await createWorld(database);
    const opened = await callerFor(database, world.apprentice.identity).weeks.open({
      companyId: world.companyId,
      apprenticeshipId: world.apprenticeshipId,
      ...WEEK,
    });
    await database.db.execute(
      sql`insert into days (week_id, date, attendance) values (${opened.id}, ${opened.weekStart}, 'company')`,
    );
    await database.db.execute(sql`delete from days where week_id = ${opened.id}`);
  });
});
