import { randomUUID } from 'node:crypto';
import { type MessageView, mondayOf, type WeekView } from '@berichtsheft/core';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../context.js';
import type { Database } from '../db/database.js';
import { revokeAssignments } from '../db/queries/assignments.js';
import { removeMembership } from '../db/queries/memberships.js';
import { testDatabases } from '../testing/databases.js';
import { type Caller, callerFor, createWorld, sampleDays, type World } from '../testing/world.js';
import { appRouter } from './index.js';

const WEEK = { isoYear: 2025, isoWeek: 41 };
/** An id no week has: what a stranger learns about a real week must be exactly what they learn about this one. */
const NONEXISTENT_WEEK_ID = randomUUID();

interface Fixture {
  world: World;
  week: WeekView;
  /** The apprentice's message about the week, to the trainers. */
  message: MessageView;
}

/** How a procedure is called, and whether its answer to a stranger is an error or simply nothing. */
interface ProcedureCase {
  input(fixture: Fixture, companyId: string): unknown;
  /**
   * `not_found` for procedures that take an object id; `empty` for lists of the caller's own things; `refused` for
   * bulk procedures, which answer per object: every object refused as not found, exactly as an id that does not exist.
   */
  stranger: 'not_found' | 'empty' | 'refused';
}

/** Every procedure of the API. A procedure missing here fails the first test, so none goes unprobed (S10). */
const PROCEDURES: Record<string, ProcedureCase> = {
  me: { input: () => undefined, stranger: 'empty' },
  'apprenticeships.listMine': { input: (_, companyId) => ({ companyId }), stranger: 'empty' },
  'weeks.list': {
    input: ({ world }, companyId) => ({ companyId, apprenticeshipId: world.apprenticeshipId }),
    stranger: 'not_found',
  },
  'weeks.find': {
    input: ({ world }, companyId) => ({
      companyId,
      apprenticeshipId: world.apprenticeshipId,
      ...WEEK,
    }),
    stranger: 'not_found',
  },
  'weeks.open': {
    input: ({ world }, companyId) => ({
      companyId,
      apprenticeshipId: world.apprenticeshipId,
      ...WEEK,
    }),
    stranger: 'not_found',
  },
  'weeks.get': {
    input: ({ week }, companyId) => ({ companyId, weekId: week.id }),
    stranger: 'not_found',
  },
  'weeks.verify': {
    input: ({ week }, companyId) => ({ companyId, weekId: week.id }),
    stranger: 'not_found',
  },
  'weeks.save': {
    input: ({ week }, companyId) => ({
      companyId,
      weekId: week.id,
      version: week.version,
      department: 'übernommen',
      days: [],
    }),
    stranger: 'not_found',
  },
  'weeks.submit': {
    input: ({ week }, companyId) => ({ companyId, weekId: week.id, version: week.version }),
    stranger: 'not_found',
  },
  'weeks.withdraw': {
    input: ({ week }, companyId) => ({ companyId, weekId: week.id, version: week.version }),
    stranger: 'not_found',
  },
  'review.queue': { input: (_, companyId) => ({ companyId }), stranger: 'empty' },
  'review.approve': {
    input: ({ week }, companyId) => ({
      companyId,
      weekId: week.id,
      version: week.version,
      idempotencyKey: randomUUID(),
    }),
    stranger: 'not_found',
  },
  'review.approveMany': {
    input: ({ week }, companyId) => ({
      companyId,
      weeks: [
        { weekId: week.id, version: week.version },
        { weekId: NONEXISTENT_WEEK_ID, version: 1 },
      ],
      idempotencyKey: randomUUID(),
    }),
    stranger: 'refused',
  },
  'review.return': {
    input: ({ week }, companyId) => ({
      companyId,
      weekId: week.id,
      version: week.version,
      reason: 'Fremder Grund',
    }),
    stranger: 'not_found',
  },
  'dialogue.messages': {
    input: ({ world, week }, companyId) => ({
      companyId,
      apprenticeshipId: world.apprenticeshipId,
      weekId: week.id,
    }),
    stranger: 'not_found',
  },
  'dialogue.unread': { input: (_, companyId) => ({ companyId }), stranger: 'empty' },
  'dialogue.post': {
    input: ({ world }, companyId) => ({
      companyId,
      apprenticeshipId: world.apprenticeshipId,
      body: 'Fremde Nachricht',
      clientKey: randomUUID(),
    }),
    stranger: 'not_found',
  },
  'dialogue.edit': {
    input: ({ message }, companyId) => ({ companyId, messageId: message.id, body: 'Übernommen' }),
    stranger: 'not_found',
  },
  'dialogue.delete': {
    input: ({ message }, companyId) => ({ companyId, messageId: message.id }),
    stranger: 'not_found',
  },
  'dialogue.markRead': {
    input: ({ world, week }, companyId) => ({
      companyId,
      apprenticeshipId: world.apprenticeshipId,
      weekId: week.id,
      seq: 1,
    }),
    stranger: 'not_found',
  },
  'dialogue.events': {
    input: ({ world, week }, companyId) => ({
      companyId,
      apprenticeshipId: world.apprenticeshipId,
      weekId: week.id,
      lastEventId: '0',
    }),
    stranger: 'not_found',
  },
  'records.delete': {
    input: ({ world }, companyId) => ({ companyId, apprenticeshipId: world.apprenticeshipId }),
    stranger: 'not_found',
  },
};

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

async function outcome(promise: Promise<unknown>) {
  try {
    return { ok: true as const, value: await promise };
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const { code, message } = error as TRPCError;
    return { ok: false as const, code, message };
  }
}

/** Whether an answer carries anything of the victim's: their apprenticeship, week or name. */
function revealsVictim(value: unknown, { world, week }: Fixture): boolean {
  const text = JSON.stringify(value) ?? '';
  return [world.apprenticeshipId, week.id, world.apprentice.identity.displayName ?? '']
    .filter((needle) => needle !== '')
    .some((needle) => text.includes(needle));
}

describe.each(testDatabases())('authorization on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => target.close());

  async function fixture(): Promise<Fixture> {
    const world = await createWorld(database);
    const apprentice = callerFor(database, world.apprentice.identity);
    const opened = await apprentice.weeks.open({
      companyId: world.companyId,
      apprenticeshipId: world.apprenticeshipId,
      ...WEEK,
    });
    const saved = await apprentice.weeks.save({
      companyId: world.companyId,
      weekId: opened.id,
      version: opened.version,
      department: 'Entwicklung',
      days: sampleDays(mondayOf(WEEK)),
    });
    const week = await apprentice.weeks.submit({
      companyId: world.companyId,
      weekId: saved.id,
      version: saved.version,
    });
    const message = await apprentice.dialogue.post({
      companyId: world.companyId,
      apprenticeshipId: world.apprenticeshipId,
      weekId: week.id,
      body: 'Bitte bis Freitag ansehen',
      clientKey: randomUUID(),
    });
    return { world, week, message };
  }

  // Probes that must change nothing share one fixture; each probe checks afterwards that nothing changed.
  let shared: Promise<Fixture> | undefined;
  const sharedFixture = () => {
    shared ??= fixture();
    return shared;
  };

  it('has an authorization case for every procedure of the router', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(PROCEDURES).sort());
  });

  it.each(Object.keys(PROCEDURES))('%s refuses a call without identity', async (path) => {
    const setup = await sharedFixture();
    const result = await outcome(
      call(callerFor(database, null), path, PROCEDURES[path]?.input(setup, setup.world.companyId)),
    );
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
  });

  const strangers = ['otherApprentice', 'unassignedTrainer', 'otherAdmin'] as const;
  const cases = Object.keys(PROCEDURES).flatMap((path) =>
    strangers.map((stranger) => [path, stranger] as const),
  );

  it.each(cases)('%s shows nothing to %s and changes nothing', async (path, stranger) => {
    const setup = await sharedFixture();
    const { world, week } = setup;
    const procedure = PROCEDURES[path];
    if (!procedure) throw new Error(path);
    const caller = callerFor(database, world[stranger].identity);
    const ownCompany = stranger === 'unassignedTrainer' ? world.companyId : world.otherCompanyId;

    // Once naming the victim's company, once naming their own company with the victim's ids.
    for (const companyId of new Set([world.companyId, ownCompany])) {
      const result = await outcome(call(caller, path, procedure.input(setup, companyId)));
      if (procedure.stranger === 'empty') {
        if (result.ok) expect(revealsVictim(result.value, setup)).toBe(false);
        else expect(result).toMatchObject({ code: 'NOT_FOUND', message: 'company_not_found' });
      } else if (procedure.stranger === 'refused') {
        if (result.ok) {
          const notFound = (weekId: string) => ({
            weekId,
            outcome: 'refused',
            reason: 'week_not_found',
            week: null,
          });
          expect(result.value).toEqual({
            results: [notFound(week.id), notFound(NONEXISTENT_WEEK_ID)],
          });
        } else {
          expect(result).toMatchObject({ code: 'NOT_FOUND', message: 'company_not_found' });
        }
      } else {
        expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      }
    }
    const apprentice = callerFor(database, world.apprentice.identity);
    const after = await apprentice.weeks.get({ companyId: world.companyId, weekId: week.id });
    expect(after).toEqual(week);
    const thread = await apprentice.dialogue.messages({
      companyId: world.companyId,
      apprenticeshipId: world.apprenticeshipId,
      weekId: week.id,
    });
    expect(thread.messages).toEqual([setup.message]);
  });

  it("answers a lookup without an apprenticeship with the caller's own only", async () => {
    const setup = await sharedFixture();
    const { world, week } = setup;
    const own = { companyId: world.companyId, ...WEEK };
    expect(await callerFor(database, world.apprentice.identity).weeks.find(own)).toEqual(week);
    for (const stranger of ['otherApprentice', 'unassignedTrainer', 'otherAdmin'] as const) {
      const caller = callerFor(database, world[stranger].identity);
      const ownCompany = stranger === 'unassignedTrainer' ? world.companyId : world.otherCompanyId;
      for (const companyId of new Set([world.companyId, ownCompany])) {
        for (const result of [
          await outcome(caller.weeks.find({ ...own, companyId })),
          await outcome(caller.weeks.list({ companyId })),
        ]) {
          if (result.ok) expect(revealsVictim(result.value, setup), stranger).toBe(false);
          else expect(result, stranger).toMatchObject({ code: 'NOT_FOUND' });
        }
      }
    }
    // The other company's apprentice gets their own apprenticeship's (empty) answers in their company.
    const other = callerFor(database, world.otherApprentice.identity);
    expect(await other.weeks.list({ companyId: world.otherCompanyId })).toEqual([]);
    expect(await other.weeks.find({ ...own, companyId: world.otherCompanyId })).toBeNull();
  });

  it('lets nobody approve their own report', async () => {
    const { world, week } = await fixture();
    const own = callerFor(database, world.apprentice.identity);
    const input = { companyId: world.companyId, weekId: week.id, version: week.version };
    expect(await outcome(own.review.approve(input))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'only_assigned_reviewer',
    });
    expect(await outcome(own.review.return({ ...input, reason: 'selbst' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await own.review.approveMany({
        companyId: world.companyId,
        weeks: [{ weekId: week.id, version: week.version }],
      }),
    ).toEqual({
      results: [
        { weekId: week.id, outcome: 'refused', reason: 'only_assigned_reviewer', week: null },
      ],
    });
    expect(await own.review.queue({ companyId: world.companyId })).toEqual([]);
  });

  it('lets nobody but the apprentice write or submit', async () => {
    const { world, week } = await fixture();
    const trainer = callerFor(database, world.trainer.identity);
    const input = { companyId: world.companyId, weekId: week.id, version: week.version };
    expect(await outcome(trainer.weeks.withdraw(input))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'only_apprentice_submits',
    });
    expect(
      await outcome(trainer.weeks.save({ ...input, department: 'x', days: [] })),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'only_apprentice_edits' });
    expect(
      await outcome(
        trainer.weeks.open({
          companyId: world.companyId,
          apprenticeshipId: world.apprenticeshipId,
          isoYear: 2025,
          isoWeek: 42,
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'only_apprentice_edits' });
  });

  it('lets a company admin without assignment approve nothing', async () => {
    const { world, week } = await fixture();
    const admin = callerFor(database, world.admin.identity);
    const input = { companyId: world.companyId, weekId: week.id, version: week.version };
    expect(await outcome(admin.review.approve(input))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await admin.review.queue({ companyId: world.companyId })).toEqual([]);
  });

  it('stops a revoked assignment on the very next call (S9)', async () => {
    const { world, week } = await fixture();
    const trainer = callerFor(database, world.trainer.identity);
    const ref = { companyId: world.companyId, weekId: week.id };
    expect((await trainer.weeks.get(ref)).viewer.actions).toEqual(['approve', 'return']);
    expect(await trainer.review.queue({ companyId: world.companyId })).toHaveLength(1);

    await revokeAssignments(database.db, world.companyId, world.apprenticeshipId, world.trainer.id);
    expect(await outcome(trainer.weeks.get(ref))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await outcome(trainer.review.approve({ ...ref, version: week.version }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await trainer.review.queue({ companyId: world.companyId })).toEqual([]);
  });

  it('stops a removed member on the very next call (S9)', async () => {
    const { world, week } = await fixture();
    const delegate = callerFor(database, world.delegate.identity);
    const ref = { companyId: world.companyId, weekId: week.id };
    expect((await delegate.weeks.get(ref)).status).toBe('submitted');
    await removeMembership(database.db, {
      personId: world.delegate.id,
      companyId: world.companyId,
      role: 'delegate',
    });
    expect(await outcome(delegate.weeks.get(ref))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'company_not_found',
    });
  });

  it('creates a person once and knows them by issuer and subject only (S3)', async () => {
    const identity: Identity = {
      issuer: 'https://login.example.test',
      subject: `first-${randomUUID()}`,
      displayName: 'Erika Muster',
      email: 'erika@example.test',
    };
    const first = await callerFor(database, identity).me();
    expect(first).toEqual({
      person: { id: expect.any(String), displayName: 'Erika Muster', email: 'erika@example.test' },
      memberships: [],
    });
    const again = await callerFor(database, { ...identity, email: 'neu@example.test' }).me();
    expect(again.person).toEqual({ ...first.person, email: 'neu@example.test' });
    const sameMail = await callerFor(database, {
      ...identity,
      subject: `other-${randomUUID()}`,
    }).me();
    expect(sameMail.person.id).not.toBe(first.person.id);
    const otherIssuer = await callerFor(database, {
      ...identity,
      issuer: 'https://other.test',
    }).me();
    expect(otherIssuer.person.id).not.toBe(first.person.id);
  });

  it('lists memberships and own apprenticeships of the caller', async () => {
    const { world } = await fixture();
    const apprentice = callerFor(database, world.apprentice.identity);
    const me = await apprentice.me();
    expect(me.memberships).toEqual([
      { companyId: world.companyId, companyName: expect.any(String), role: 'apprentice' },
    ]);
    const mine = await apprentice.apprenticeships.listMine({ companyId: world.companyId });
    expect(mine).toEqual([
      expect.objectContaining({ id: world.apprenticeshipId, reviewMode: 'single' }),
    ]);
    const trainerOwn = await callerFor(database, world.trainer.identity).apprenticeships.listMine({
      companyId: world.companyId,
    });
    expect(trainerOwn).toEqual([]);
  });
});
