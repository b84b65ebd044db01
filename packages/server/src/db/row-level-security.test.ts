import { companyScopedInput, mondayOf } from '@berichtsheft/core';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { approvedWeek, failureOf } from '../testing/approved-week.js';
import { testDatabases } from '../testing/databases.js';
import { callerFor, createWorld, sampleDays, type World } from '../testing/world.js';
import { createCallerFactory, router } from '../trpc/init.js';
import { companyProcedure } from '../trpc/procedures.js';
import { inRequestTransaction } from '../trpc/request-transaction.js';
import type { Database } from './database.js';
import { removeMembership } from './queries/memberships.js';
import { rowsOf } from './raw-rows.js';
import { RUNTIME_ROLE } from './request-context.js';

/** Tables that hold company or personal data; every one of them must be under forced row-level security (S13). */
const WALLED_TABLES = [
  'apprenticeships',
  'approvals',
  'assignments',
  'attachments',
  'companies',
  'days',
  'entries',
  'memberships',
  'messages',
  'people',
  'report_weeks',
  'status_transitions',
  'threads',
];

/** A procedure that forgot its company filter: it reads every week there is. */
const careless = router({
  weekCompanies: companyProcedure
    .input(companyScopedInput)
    .query(({ ctx }) => rowsOf(ctx.db, sql`select company_id from report_weeks`)),
});

describe.each(testDatabases())('row-level security as the second wall on $name (S13)', (target) => {
  let database: Database;
  let world: World;

  beforeAll(async () => {
    database = await target.open();
    world = await createWorld(database);
    // Weeks in both companies, so that a leak would show.
    const week = { isoYear: 2026, isoWeek: 5 };
    await callerFor(database, world.apprentice.identity).weeks.open({
      companyId: world.companyId,
      apprenticeshipId: world.apprenticeshipId,
      ...week,
    });
    const other = callerFor(database, world.otherApprentice.identity);
    const opened = await other.weeks.open({
      companyId: world.otherCompanyId,
      apprenticeshipId: world.otherApprenticeshipId,
      ...week,
    });
    await other.weeks.save({
      companyId: world.otherCompanyId,
      weekId: opened.id,
      version: opened.version,
      department: 'Einkauf',
      days: sampleDays(mondayOf(week)),
    });
  });

  afterAll(() => target.close());

  it('runs requests as a role that is neither superuser nor owner of any table', async () => {
    const [role] = await rowsOf(
      database.db,
      sql`select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = ${RUNTIME_ROLE}`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    const owned = await rowsOf(
      database.db,
      sql`select tablename from pg_tables where tableowner = ${RUNTIME_ROLE}`,
    );
    expect(owned).toEqual([]);
    const owners = await rowsOf(
      database.db,
      sql`select distinct tableowner from pg_tables where schemaname = 'public'`,
    );
    for (const { tableowner } of owners) {
      const [membership] = await rowsOf(
        database.db,
        sql`select pg_has_role(${RUNTIME_ROLE}, ${tableowner}, 'MEMBER') as member`,
      );
      expect(membership).toEqual({ member: false });
    }
    const [seen] = await inRequestTransaction(database, world.trainer.identity, null, (tx) =>
      rowsOf(
        tx,
        sql`select current_user as name, (select rolsuper from pg_roles where rolname = current_user) as su`,
      ),
    );
    expect(seen).toEqual({ name: RUNTIME_ROLE, su: false });
  });

  it('forces row-level security on every table with company data', async () => {
    const tables = await rowsOf(
      database.db,
      sql`select relname, relrowsecurity, relforcerowsecurity from pg_class
          where relkind = 'r' and relnamespace = 'public'::regnamespace and relname in ${WALLED_TABLES}
          order by relname`,
    );
    expect(tables).toEqual(
      WALLED_TABLES.map((relname) => ({
        relname,
        relrowsecurity: true,
        relforcerowsecurity: true,
      })),
    );
  });

  it('returns no row of another company to a query that forgot its company filter', async () => {
    const caller = createCallerFactory(careless)(
      createContext({ database, identity: world.apprentice.identity }),
    );
    const rows = await caller.weekCompanies({ companyId: world.companyId });
    const [others] = await rowsOf(
      database.db,
      sql`select count(*)::int as n from report_weeks where company_id = ${world.otherCompanyId}`,
    );
    expect(others?.n).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.company_id === world.companyId)).toBe(true);

    const everything = await inRequestTransaction(
      database,
      world.apprentice.identity,
      world.companyId,
      async (tx) => ({
        apprenticeships: await rowsOf(tx, sql`select company_id from apprenticeships`),
        days: await rowsOf(tx, sql`select d.id from days d`),
        entries: await rowsOf(tx, sql`select e.id from entries e`),
        companies: await rowsOf(tx, sql`select id from companies`),
        people: await rowsOf(tx, sql`select id from people`),
      }),
    );
    expect(everything.apprenticeships).toEqual([{ company_id: world.companyId }]);
    // Company B's saved week has days and entries; company A's week has none.
    expect([everything.days, everything.entries]).toEqual([[], []]);
    expect(everything.companies).toEqual([{ id: world.companyId }]);
    expect(everything.people.map((row) => row.id).sort()).toEqual(
      [world.apprentice.id, world.trainer.id, world.delegate.id].sort(),
    );
  });

  it('shows a trainer the people their company’s records name, and nobody else', async () => {
    const people = await inRequestTransaction(
      database,
      world.trainer.identity,
      world.companyId,
      (tx) => rowsOf(tx, sql`select id from people`),
    );
    expect(people.map((row) => row.id).sort()).toEqual(
      [world.apprentice.id, world.trainer.id, world.delegate.id].sort(),
    );
  });

  it('sees nothing outside a request context', async () => {
    const readable = WALLED_TABLES.filter(
      (table) => !['attachments', 'threads', 'messages'].includes(table),
    );
    const counts = await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local role ${RUNTIME_ROLE}`));
      const seen: Record<string, unknown> = {};
      for (const table of readable) {
        const [row] = await rowsOf(
          tx,
          sql`select count(*)::int as n from ${sql.identifier(table)}`,
        );
        seen[table] = row?.n;
      }
      return seen;
    });
    expect(counts).toEqual(Object.fromEntries(readable.map((table) => [table, 0])));
    // The owner, outside the wall, sees the rows that are there.
    const [owner] = await rowsOf(database.db, sql`select count(*)::int as n from report_weeks`);
    expect(owner?.n).toBeGreaterThan(1);
  });

  it('gives a caller who names a company they do not belong to no company context at all', async () => {
    const rows = await inRequestTransaction(
      database,
      world.apprentice.identity,
      world.otherCompanyId,
      async (tx, caller) => ({
        company: caller.company,
        weeks: await rowsOf(tx, sql`select id from report_weeks`),
        apprenticeships: await rowsOf(tx, sql`select id from apprenticeships`),
      }),
    );
    expect(rows).toEqual({ company: undefined, weeks: [], apprenticeships: [] });
  });

  it('refuses a removed member on the very next call, and their next context sees nothing', async () => {
    const admin = callerFor(database, world.admin.identity);
    expect(await admin.apprenticeships.listMine({ companyId: world.companyId })).toEqual([]);
    await removeMembership(database.db, {
      personId: world.admin.id,
      companyId: world.companyId,
      role: 'company_admin',
    });
    await removeMembership(database.db, {
      personId: world.admin.id,
      companyId: world.companyId,
      role: 'training_admin',
    });
    await expect(
      admin.apprenticeships.listMine({ companyId: world.companyId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'company_not_found' });
    const seen = await inRequestTransaction(database, world.admin.identity, world.companyId, (tx) =>
      rowsOf(tx, sql`select id from apprenticeships`),
    );
    expect(seen).toEqual([]);
  });

  it('keeps approved content frozen for the runtime role too, and company columns out of its reach', async () => {
    const approved = await approvedWeek(database, world, { isoYear: 2026, isoWeek: 9 }, 'IT');
    const asApprentice = (statement: SQL) =>
      failureOf(
        inRequestTransaction(database, world.apprentice.identity, world.companyId, (tx) =>
          tx.execute(statement),
        ),
      );
    expect(await asApprentice(sql`delete from days where week_id = ${approved.id}`)).toMatch(
      /approved_content_frozen/,
    );
    expect(
      await asApprentice(sql`update report_weeks set department = 'x' where id = ${approved.id}`),
    ).toMatch(/approved_content_frozen/);
    expect(
      await asApprentice(
        sql`update report_weeks set company_id = ${world.otherCompanyId} where id = ${approved.id}`,
      ),
    ).toMatch(/permission denied/);
    expect(
      await asApprentice(sql`insert into chambers (name, chamber_number) values ('x', 'x')`),
    ).toMatch(/permission denied/);
    // The maintenance switch of migration 0007 means nothing to the runtime role.
    expect(
      await failureOf(
        inRequestTransaction(database, world.apprentice.identity, world.companyId, async (tx) => {
          await tx.execute(sql`select set_config('bh.maintenance', 'on', true)`);
          await tx.execute(sql`delete from days where week_id = ${approved.id}`);
        }),
      ),
    ).toMatch(/approved_content_frozen/);
  });

  it('shows a request the chamber of its own company only', async () => {
    const chambers = await inRequestTransaction(
      database,
      world.apprentice.identity,
      world.companyId,
      (tx) => rowsOf<{ name: string }>(tx, sql`select name from chambers`),
    );
    expect(chambers).toEqual([{ name: 'IHK Test' }]);
  });
});
