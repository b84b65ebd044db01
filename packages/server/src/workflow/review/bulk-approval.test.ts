import { randomUUID } from 'node:crypto';
import { canonicalWeekContent, contentHash, type WeekView } from '@berichtsheft/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createApprenticeship } from '../../db/queries/apprenticeships.js';
import { assignReviewer } from '../../db/queries/assignments.js';
import { addMembership } from '../../db/queries/memberships.js';
import { ensurePerson } from '../../db/queries/people.js';
import { listTransitions } from '../../db/queries/transitions.js';
import { testDatabases } from '../../testing/databases.js';
import {
  APPRENTICESHIP_END,
  APPRENTICESHIP_START,
  type Caller,
  callerFor,
  createWorld,
  sampleDays,
  TEST_ISSUER,
  type World,
} from '../../testing/world.js';
import { weekIdempotencyKey } from './bulk-approval.js';

describe('the idempotency key of one week of a bulk approval', () => {
  it('is a stable UUID per request key and week, and differs between weeks and requests', async () => {
    const request = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    const key = await weekIdempotencyKey(request, a);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await weekIdempotencyKey(request, a)).toBe(key);
    expect(await weekIdempotencyKey(request, a.toUpperCase())).toBe(key);
    expect(await weekIdempotencyKey(request, b)).not.toBe(key);
    expect(await weekIdempotencyKey(randomUUID(), a)).not.toBe(key);
  });

  it('is the RFC 4122 name-based UUID, so keys stored earlier still match', async () => {
    // RFC 4122's DNS namespace and a name whose version 5 UUID is published widely.
    const dns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(await weekIdempotencyKey(dns, 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe.each(testDatabases())('bulk approval on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => target.close());

  /** A second apprentice of the world's company, with the world's trainer and delegate assigned. */
  async function secondApprentice(
    world: World,
  ): Promise<{ caller: Caller; apprenticeshipId: string }> {
    const identity = {
      issuer: TEST_ISSUER,
      subject: `second-${randomUUID()}`,
      displayName: 'Zweite Auszubildende',
      email: 'zweite@example.test',
    };
    const person = await ensurePerson(database.db, identity);
    await addMembership(database.db, {
      personId: person.id,
      companyId: world.companyId,
      role: 'apprentice',
    });
    const apprenticeshipId = await createApprenticeship(database.db, {
      companyId: world.companyId,
      apprenticeId: person.id,
      occupation: 'Kauffrau für Büromanagement',
      startDate: APPRENTICESHIP_START,
      endDate: APPRENTICESHIP_END,
    });
    await assignReviewer(database.db, {
      apprenticeshipId,
      personId: world.trainer.id,
      role: 'trainer',
    });
    await assignReviewer(database.db, {
      apprenticeshipId,
      personId: world.delegate.id,
      role: 'delegate',
    });
    return { caller: callerFor(database, identity), apprenticeshipId };
  }

  async function submittedWeek(
    apprentice: Caller,
    companyId: string,
    apprenticeshipId: string,
    isoWeek: number,
  ): Promise<WeekView> {
    const opened = await apprentice.weeks.open({
      companyId,
      apprenticeshipId,
      isoYear: 2025,
      isoWeek,
    });
    const saved = await apprentice.weeks.save({
      companyId,
      weekId: opened.id,
      version: opened.version,
      department: 'Verwaltung',
      days: sampleDays(opened.weekStart),
    });
    return apprentice.weeks.submit({ companyId, weekId: saved.id, version: saved.version });
  }

  async function approvalsOf(companyId: string, weekId: string): Promise<number> {
    const history = await listTransitions(database.db, companyId, weekId);
    return history.filter((step) => step.action === 'approve').length;
  }

  it("approves several apprentices' weeks at once, each with the hash of its content", async () => {
    const world = await createWorld(database);
    const { companyId } = world;
    const anna = callerFor(database, world.apprentice.identity);
    const second = await secondApprentice(world);
    const weeks = [
      await submittedWeek(anna, companyId, world.apprenticeshipId, 40),
      await submittedWeek(anna, companyId, world.apprenticeshipId, 41),
      await submittedWeek(second.caller, companyId, second.apprenticeshipId, 40),
    ];
    const trainer = callerFor(database, world.trainer.identity);

    const answer = await trainer.review.approveMany({
      companyId,
      weeks: weeks.map((week) => ({ weekId: week.id, version: week.version })),
      idempotencyKey: randomUUID(),
    });

    expect(answer.results).toEqual(
      weeks.map((week) => ({
        weekId: week.id,
        outcome: 'approved',
        reason: null,
        week: {
          id: week.id,
          apprenticeshipId: week.apprenticeshipId,
          isoYear: week.isoYear,
          isoWeek: week.isoWeek,
          weekStart: week.weekStart,
          trainingYear: week.trainingYear,
          status: 'approved',
          version: week.version + 1,
        },
      })),
    );
    for (const week of weeks) {
      const approved = await trainer.weeks.get({ companyId, weekId: week.id });
      const expected = await contentHash(
        canonicalWeekContent({ department: week.department, days: week.days }),
      );
      expect(approved.approval).toMatchObject({ version: week.version + 1, contentHash: expected });
      expect(await trainer.weeks.verify({ companyId, weekId: week.id })).toMatchObject({
        matches: true,
      });
    }
    expect(await trainer.review.queue({ companyId })).toEqual([]);
  });

  it('answers a mixed batch week by week and keeps the approvals it could make', async () => {
    const world = await createWorld(database);
    const { companyId } = world;
    const anna = callerFor(database, world.apprentice.identity);
    const trainer = callerFor(database, world.trainer.identity);
    const fresh = await submittedWeek(anna, companyId, world.apprenticeshipId, 43);
    const stale = await submittedWeek(anna, companyId, world.apprenticeshipId, 44);
    const done = await submittedWeek(anna, companyId, world.apprenticeshipId, 45);
    await trainer.review.approve({ companyId, weekId: done.id, version: done.version });
    // Withdrawn and submitted again after the trainer loaded the queue: the version they hold is stale.
    const withdrawn = await anna.weeks.withdraw({
      companyId,
      weekId: stale.id,
      version: stale.version,
    });
    await anna.weeks.submit({ companyId, weekId: stale.id, version: withdrawn.version });
    // A week of the other company's apprentice: the trainer may not see it.
    const foreign = callerFor(database, world.otherApprentice.identity);
    const hidden = await submittedWeek(
      foreign,
      world.otherCompanyId,
      world.otherApprenticeshipId,
      43,
    );

    const answer = await trainer.review.approveMany({
      companyId,
      weeks: [
        { weekId: stale.id, version: stale.version },
        { weekId: hidden.id, version: hidden.version },
        { weekId: done.id, version: done.version },
        { weekId: fresh.id, version: fresh.version },
      ],
      idempotencyKey: randomUUID(),
    });

    expect(answer.results).toEqual([
      { weekId: stale.id, outcome: 'refused', reason: 'stale_version', week: null },
      { weekId: hidden.id, outcome: 'refused', reason: 'week_not_found', week: null },
      { weekId: done.id, outcome: 'refused', reason: 'transition_not_allowed', week: null },
      {
        weekId: fresh.id,
        outcome: 'approved',
        reason: null,
        week: expect.objectContaining({ id: fresh.id, status: 'approved' }),
      },
    ]);
    expect((await trainer.weeks.get({ companyId, weekId: stale.id })).status).toBe('submitted');
    expect((await trainer.weeks.get({ companyId, weekId: fresh.id })).status).toBe('approved');
    expect(await approvalsOf(companyId, done.id)).toBe(1);
    const untouched = await foreign.weeks.get({
      companyId: world.otherCompanyId,
      weekId: hidden.id,
    });
    expect(untouched).toEqual(hidden);
  });

  it('makes one transition per week however often the same bulk call is sent at once', async () => {
    const world = await createWorld(database);
    const { companyId } = world;
    const anna = callerFor(database, world.apprentice.identity);
    const second = await secondApprentice(world);
    const weeks = [
      await submittedWeek(anna, companyId, world.apprenticeshipId, 46),
      await submittedWeek(second.caller, companyId, second.apprenticeshipId, 46),
    ];
    const trainer = callerFor(database, world.trainer.identity);
    const input = {
      companyId,
      weeks: weeks.map((week) => ({ weekId: week.id, version: week.version })),
      idempotencyKey: randomUUID(),
    };

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => trainer.review.approveMany(input)),
    );

    for (const answer of answers) {
      expect(answer.results.map((result) => [result.outcome, result.reason])).toEqual([
        ['approved', null],
        ['approved', null],
      ]);
    }
    for (const week of weeks) {
      expect(await approvalsOf(companyId, week.id)).toBe(1);
      const after = await trainer.weeks.get({ companyId, weekId: week.id });
      expect(after.version).toBe(week.version + 1);
    }
    // The same call later, once more: still answered, still acting on nothing.
    const retried = await trainer.review.approveMany(input);
    expect(retried.results.map((result) => result.outcome)).toEqual(['approved', 'approved']);
    for (const week of weeks) expect(await approvalsOf(companyId, week.id)).toBe(1);
  });

  it('answers bulk calls over the same weeks in opposite orders, each week approved once', async () => {
    const world = await createWorld(database);
    const { companyId } = world;
    const anna = callerFor(database, world.apprentice.identity);
    const second = await secondApprentice(world);
    const weeks = [
      await submittedWeek(anna, companyId, world.apprenticeshipId, 44),
      await submittedWeek(anna, companyId, world.apprenticeshipId, 45),
      await submittedWeek(second.caller, companyId, second.apprenticeshipId, 44),
      await submittedWeek(second.caller, companyId, second.apprenticeshipId, 45),
    ];
    const refs = weeks.map((week) => ({ weekId: week.id, version: week.version }));
    const trainer = callerFor(database, world.trainer.identity);
    const orders = [refs, [...refs].reverse(), [refs[2], refs[0], refs[3], refs[1]]];

    const answers = await Promise.all(
      orders.map((order) =>
        trainer.review.approveMany({ companyId, weeks: order.filter((ref) => ref !== undefined) }),
      ),
    );

    for (const week of weeks) {
      const outcomes = answers.map(
        (answer) => answer.results.find((result) => result.weekId === week.id)?.outcome,
      );
      expect(outcomes.filter((outcome) => outcome === 'approved')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'refused')).toHaveLength(orders.length - 1);
      expect(await approvalsOf(companyId, week.id)).toBe(1);
    }
  });

  it('lets a delegate pre-approve in two-stage review and the trainer approve afterwards', async () => {
    const world = await createWorld(database, { reviewMode: 'two_stage' });
    const { companyId } = world;
    const anna = callerFor(database, world.apprentice.identity);
    const week = await submittedWeek(anna, companyId, world.apprenticeshipId, 47);
    const delegate = callerFor(database, world.delegate.identity);

    const byDelegate = await delegate.review.approveMany({
      companyId,
      weeks: [{ weekId: week.id, version: week.version }],
      idempotencyKey: randomUUID(),
    });
    expect(byDelegate.results).toEqual([
      {
        weekId: week.id,
        outcome: 'reviewed',
        reason: null,
        week: expect.objectContaining({ status: 'reviewed', version: week.version + 1 }),
      },
    ]);
    expect((await anna.weeks.get({ companyId, weekId: week.id })).approval).toBeNull();

    const trainer = callerFor(database, world.trainer.identity);
    const byTrainer = await trainer.review.approveMany({
      companyId,
      weeks: [{ weekId: week.id, version: week.version + 1 }],
    });
    expect(byTrainer.results[0]).toMatchObject({ outcome: 'approved', reason: null });
  });

  it('refuses malformed batches as bad input', async () => {
    const world = await createWorld(database);
    const trainer = callerFor(database, world.trainer.identity);
    const weekId = randomUUID();
    const { companyId } = world;
    await expect(trainer.review.approveMany({ companyId, weeks: [] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      trainer.review.approveMany({
        companyId,
        weeks: [
          { weekId, version: 1 },
          { weekId, version: 2 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const tooMany = Array.from({ length: 51 }, () => ({ weekId: randomUUID(), version: 1 }));
    await expect(trainer.review.approveMany({ companyId, weeks: tooMany })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
