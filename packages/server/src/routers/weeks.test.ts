import { randomUUID } from 'node:crypto';
import {
  canonicalWeekContent,
  contentHash,
  mondayOf,
  WEEK_ACTIONS,
  WEEK_STATUSES,
  type WeekAction,
  type WeekStatus,
  type WeekView,
} from '@berichtsheft/core';
import type { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { countTransitions } from '../db/queries/transitions.js';
import { testDatabases } from '../testing/databases.js';
import { rejection } from '../testing/rejection.js';
import { callerFor, createWorld, sampleDays, type World } from '../testing/world.js';

const WEEK = { isoYear: 2025, isoWeek: 40 };
const MONDAY = mondayOf(WEEK);

async function expectRefused(promise: Promise<unknown>, code: TRPCError['code'], message?: string) {
  const error = await rejection(promise);
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toBe(message);
}

describe.each(testDatabases())('weeks on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => target.close());

  async function setUp(reviewMode: 'single' | 'two_stage' = 'single') {
    const world = await createWorld(database, { reviewMode });
    const as = (person: World['apprentice']) => callerFor(database, person.identity);
    const ref = { companyId: world.companyId };
    const open = () =>
      as(world.apprentice).weeks.open({
        ...ref,
        apprenticeshipId: world.apprenticeshipId,
        ...WEEK,
      });
    return { world, as, ref, open };
  }

  /** Brings a fresh week into the given status along the documented paths. */
  async function weekIn(status: WeekStatus, reviewMode: 'single' | 'two_stage' = 'single') {
    const context = await setUp(reviewMode);
    const { world, as, ref } = context;
    let week = await context.open();
    week = await as(world.apprentice).weeks.save({
      ...ref,
      weekId: week.id,
      version: week.version,
      department: 'IT-Service',
      days: sampleDays(MONDAY),
    });
    const step = async (fn: (week: WeekView) => Promise<WeekView>) => {
      week = await fn(week);
    };
    const transition = { ...ref, weekId: week.id };
    if (status !== 'draft') {
      await step((w) => as(world.apprentice).weeks.submit({ ...transition, version: w.version }));
    }
    if (status === 'reviewed') {
      await step((w) => as(world.delegate).review.approve({ ...transition, version: w.version }));
    }
    if (status === 'approved') {
      await step((w) => as(world.trainer).review.approve({ ...transition, version: w.version }));
    }
    if (status === 'returned') {
      await step((w) =>
        as(world.trainer).review.return({
          ...transition,
          version: w.version,
          reason: 'Mehr Details',
        }),
      );
    }
    expect(week.status).toBe(status);
    return { ...context, week };
  }

  it('walks open → save → submit → approve and stores the hash of exactly the approved content', async () => {
    const { world, as, ref, open } = await setUp();
    const opened = await open();
    expect(opened).toMatchObject({ status: 'draft', version: 1, weekStart: MONDAY, days: [] });
    expect(opened.viewer).toEqual({ canEdit: true, actions: ['submit'] });
    expect((await open()).id).toBe(opened.id);

    const saved = await as(world.apprentice).weeks.save({
      ...ref,
      weekId: opened.id,
      version: 1,
      department: 'IT-Service',
      days: sampleDays(MONDAY),
    });
    expect(saved.version).toBe(2);
    expect(saved.days.map((day) => day.entries.length)).toEqual([2, 1, 0]);

    const submitted = await as(world.apprentice).weeks.submit({
      ...ref,
      weekId: opened.id,
      version: 2,
    });
    expect(submitted).toMatchObject({ status: 'submitted', version: 3 });
    expect(submitted.viewer).toEqual({ canEdit: false, actions: ['withdraw'] });

    const queue = await as(world.trainer).review.queue(ref);
    expect(queue.map((item) => [item.weekId, item.totalMinutes])).toEqual([[opened.id, 840]]);
    const asTrainer = await as(world.trainer).weeks.get({ ...ref, weekId: opened.id });
    expect(asTrainer.viewer).toEqual({ canEdit: false, actions: ['approve', 'return'] });

    const approved = await as(world.trainer).review.approve({
      ...ref,
      weekId: opened.id,
      version: 3,
    });
    expect(approved).toMatchObject({ status: 'approved', version: 4 });
    expect(approved.viewer).toEqual({ canEdit: false, actions: [] });
    const expected = await contentHash(
      canonicalWeekContent({ department: approved.department, days: approved.days }),
    );
    expect(approved.approval).toMatchObject({
      version: 4,
      contentHash: expected,
      approvedByName: world.trainer.identity.displayName,
    });
    expect(approved.history.map((step) => [step.action, step.from, step.to])).toEqual([
      ['submit', 'draft', 'submitted'],
      ['approve', 'submitted', 'approved'],
    ]);
    expect(await as(world.trainer).review.queue(ref)).toEqual([]);
    const list = await as(world.apprentice).weeks.list({
      ...ref,
      apprenticeshipId: world.apprenticeshipId,
    });
    expect(list).toEqual([
      expect.objectContaining({ id: opened.id, status: 'approved', version: 4, trainingYear: 1 }),
    ]);
  });

  it('verifies an approved week against its content and notices a change behind its back', async () => {
    const { world, as, ref, week } = await weekIn('approved');
    const verified = await as(world.apprentice).weeks.verify({ ...ref, weekId: week.id });
    expect(verified).toEqual({
      weekId: week.id,
      status: 'approved',
      approvedVersion: week.version,
      approvedHash: week.approval?.contentHash,
      currentHash: week.approval?.contentHash,
      matches: true,
    });

    // Only someone who can switch the freezing triggers off could do this; the verify call must still notice.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update entries set text = 'nachträglich geändert' where day_id in (select id from days where week_id = ${week.id})`,
      );
    });
    const tampered = await as(world.trainer).weeks.verify({ ...ref, weekId: week.id });
    expect(tampered.matches).toBe(false);
    expect(tampered.approvedHash).toBe(week.approval?.contentHash);
    expect(tampered.currentHash).not.toBe(week.approval?.contentHash);

    const draft = await weekIn('draft');
    const unsigned = await draft.as(draft.world.apprentice).weeks.verify({
      ...draft.ref,
      weekId: draft.week.id,
    });
    expect(unsigned).toMatchObject({ approvedHash: null, approvedVersion: null, matches: null });
  });

  it('returns with a reason, shows it while reworked, and forgets it on resubmission', async () => {
    const { world, as, ref, week } = await weekIn('submitted');
    const returned = await as(world.trainer).review.return({
      ...ref,
      weekId: week.id,
      version: week.version,
      reason: 'Bitte die Berufsschulthemen genauer angeben.',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      returnReason: 'Bitte die Berufsschulthemen genauer angeben.',
    });
    const own = await as(world.apprentice).weeks.get({ ...ref, weekId: week.id });
    expect(own.viewer).toEqual({ canEdit: true, actions: ['submit'] });
    const edited = await as(world.apprentice).weeks.save({
      ...ref,
      weekId: week.id,
      version: returned.version,
      department: 'IT-Service',
      days: [
        {
          date: MONDAY,
          attendance: 'school',
          entries: [
            {
              kind: 'school',
              form: 'bullets',
              text: 'LF 5: Normalisierung',
              minutes: 360,
              lernfeld: 'LF 5',
            },
          ],
        },
      ],
    });
    expect(edited).toMatchObject({ status: 'returned', returnReason: expect.any(String) });
    const resubmitted = await as(world.apprentice).weeks.submit({
      ...ref,
      weekId: week.id,
      version: edited.version,
    });
    expect(resubmitted).toMatchObject({ status: 'submitted', returnReason: null });
    expect(resubmitted.history.at(1)).toMatchObject({
      action: 'return',
      reason: 'Bitte die Berufsschulthemen genauer angeben.',
    });
  });

  it('refuses a stale version with CONFLICT and keeps the newer content', async () => {
    const { world, as, ref, open } = await setUp();
    const week = await open();
    const first = await as(world.apprentice).weeks.save({
      ...ref,
      weekId: week.id,
      version: week.version,
      department: 'Tab 1',
      days: sampleDays(MONDAY),
    });
    await expectRefused(
      as(world.apprentice).weeks.save({
        ...ref,
        weekId: week.id,
        version: week.version,
        department: 'Tab 2',
        days: [],
      }),
      'CONFLICT',
      'stale_version',
    );
    await expectRefused(
      as(world.apprentice).weeks.submit({ ...ref, weekId: week.id, version: week.version }),
      'CONFLICT',
      'stale_version',
    );
    const now = await as(world.apprentice).weeks.get({ ...ref, weekId: week.id });
    expect(now).toMatchObject({ department: 'Tab 1', version: first.version, status: 'draft' });
    expect(now.days).toEqual(first.days);
  });

  const allowed: Record<WeekStatus, WeekAction[]> = {
    draft: ['submit'],
    submitted: ['withdraw', 'approve', 'return'],
    reviewed: [],
    returned: ['submit'],
    approved: [],
  };
  const reachableInSingleMode = WEEK_STATUSES.filter((status) => status !== 'reviewed');
  const invalid = reachableInSingleMode.flatMap((status) =>
    WEEK_ACTIONS.filter((action) => !allowed[status].includes(action)).map(
      (action) => [status, action] as const,
    ),
  );

  it.each(invalid)('refuses %s → %s with CONFLICT and changes nothing', async (status, action) => {
    const { world, as, ref, week } = await weekIn(status);
    const before = await as(world.apprentice).weeks.get({ ...ref, weekId: week.id });
    const input = { ...ref, weekId: week.id, version: week.version };
    const call = {
      submit: () => as(world.apprentice).weeks.submit(input),
      withdraw: () => as(world.apprentice).weeks.withdraw(input),
      approve: () => as(world.trainer).review.approve(input),
      return: () => as(world.trainer).review.return({ ...input, reason: 'Nein' }),
    }[action];
    await expectRefused(call(), 'CONFLICT', 'transition_not_allowed');
    const after = await as(world.apprentice).weeks.get({ ...ref, weekId: week.id });
    expect(after).toEqual(before);
  });

  it('refuses edits of submitted and approved weeks', async () => {
    for (const status of ['submitted', 'approved'] as const) {
      const { world, as, ref, week } = await weekIn(status);
      await expectRefused(
        as(world.apprentice).weeks.save({
          ...ref,
          weekId: week.id,
          version: week.version,
          department: 'anders',
          days: [],
        }),
        'CONFLICT',
        'week_not_editable',
      );
    }
  });

  it('runs the two-stage review: delegate pre-approves, trainer approves', async () => {
    const { world, as, ref, week } = await weekIn('reviewed', 'two_stage');
    expect(week.approval).toBeNull();
    expect((await as(world.trainer).review.queue(ref)).map((item) => item.weekId)).toEqual([
      week.id,
    ]);
    expect(await as(world.delegate).review.queue(ref)).toEqual([]);
    await expectRefused(
      as(world.delegate).review.approve({ ...ref, weekId: week.id, version: week.version }),
      'CONFLICT',
      'transition_not_allowed',
    );
    const approved = await as(world.trainer).review.approve({
      ...ref,
      weekId: week.id,
      version: week.version,
    });
    expect(approved.status).toBe('approved');
    expect(approved.approval?.approvedByName).toBe(world.trainer.identity.displayName);
  });

  it('makes one transition out of ten parallel identical approvals', async () => {
    const { world, as, ref, week } = await weekIn('submitted');
    const input = { ...ref, weekId: week.id, version: week.version, idempotencyKey: randomUUID() };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => as(world.trainer).review.approve(input)),
    );
    for (const result of results) expect(result).toMatchObject({ status: 'approved', version: 4 });
    expect(await countTransitions(database.db, world.companyId, week.id)).toBe(2);
    const again = await as(world.trainer).review.approve(input);
    expect(again.history).toHaveLength(2);
  });

  it('replays a retried submit and refuses the key for another action', async () => {
    const { world, as, ref, week } = await weekIn('draft');
    const key = randomUUID();
    const input = { ...ref, weekId: week.id, version: week.version, idempotencyKey: key };
    const first = await as(world.apprentice).weeks.submit(input);
    const retried = await as(world.apprentice).weeks.submit(input);
    expect(retried).toEqual(first);
    await expectRefused(
      as(world.apprentice).weeks.withdraw({ ...input, version: first.version }),
      'CONFLICT',
      'idempotency_key_reused',
    );
    expect(await countTransitions(database.db, world.companyId, week.id)).toBe(1);
  });

  it('refuses unknown keys instead of ignoring them (S12)', async () => {
    const { world, as, ref, week } = await weekIn('submitted');
    const me = as(world.apprentice);
    const probes: [string, () => Promise<unknown>][] = [
      [
        'status on save',
        () =>
          me.weeks.save({
            ...ref,
            weekId: week.id,
            version: week.version,
            department: 'x',
            days: [],
            status: 'approved',
          } as never),
      ],
      [
        'approvedBy on approve',
        () =>
          as(world.trainer).review.approve({
            ...ref,
            weekId: week.id,
            version: week.version,
            approvedBy: world.apprentice.id,
          } as never),
      ],
      [
        'version on open',
        () =>
          me.weeks.open({
            ...ref,
            apprenticeshipId: world.apprenticeshipId,
            ...WEEK,
            version: 9,
          } as never),
      ],
      [
        'status on an entry',
        () =>
          me.weeks.save({
            ...ref,
            weekId: week.id,
            version: week.version,
            department: 'x',
            days: [{ date: MONDAY, attendance: 'company', entries: [], approved: true }],
          } as never),
      ],
      ['role on listMine', () => me.apprenticeships.listMine({ ...ref, role: 'trainer' } as never)],
    ];
    for (const [name, probe] of probes) {
      const error = await rejection(probe());
      expect(error.code, name).toBe('BAD_REQUEST');
    }
    expect(await me.weeks.get({ ...ref, weekId: week.id })).toEqual(week);
  });

  it('finds a week without creating it, and finds it once it was opened', async () => {
    const { world, as, ref, open } = await setUp();
    const apprentice = as(world.apprentice);
    const byId = { ...ref, apprenticeshipId: world.apprenticeshipId, ...WEEK };
    expect(await apprentice.weeks.find(byId)).toBeNull();
    expect(await apprentice.weeks.find({ ...ref, ...WEEK })).toBeNull();
    expect(await apprentice.weeks.list(ref)).toEqual([]);

    const opened = await open();
    expect(await apprentice.weeks.find(byId)).toEqual(opened);
    expect(await apprentice.weeks.find({ ...ref, ...WEEK })).toEqual(opened);
    expect(await apprentice.weeks.list(ref)).toEqual(
      await apprentice.weeks.list({ ...ref, apprenticeshipId: world.apprenticeshipId }),
    );
    expect(await apprentice.weeks.list(ref)).toHaveLength(1);
  });

  it('shows a found week to the assigned reviewers with what they may do', async () => {
    const { world, as, ref } = await setUp();
    const submitted = await weekIn('submitted');
    const byId = {
      companyId: submitted.world.companyId,
      apprenticeshipId: submitted.world.apprenticeshipId,
      ...WEEK,
    };
    const trainer = await submitted.as(submitted.world.trainer).weeks.find(byId);
    expect(trainer).toMatchObject({ id: submitted.week.id, status: 'submitted' });
    expect(trainer?.viewer).toEqual({ canEdit: false, actions: ['approve', 'return'] });
    // A reviewer has no apprenticeship of their own to fall back on.
    await expectRefused(
      as(world.trainer).weeks.find({ ...ref, ...WEEK }),
      'NOT_FOUND',
      'apprenticeship_not_found',
    );
    await expectRefused(as(world.trainer).weeks.list(ref), 'NOT_FOUND', 'apprenticeship_not_found');
  });

  it('finds nothing outside the apprenticeship and refuses malformed lookups', async () => {
    const { world, as, ref } = await setUp();
    const apprentice = as(world.apprentice);
    expect(await apprentice.weeks.find({ ...ref, isoYear: 2025, isoWeek: 20 })).toBeNull();
    await expectRefused(
      apprentice.weeks.find({ ...ref, isoYear: 2025, isoWeek: 53 }),
      'BAD_REQUEST',
    );
    await expectRefused(
      apprentice.weeks.find({ ...ref, ...WEEK, create: true } as never),
      'BAD_REQUEST',
    );
    await expectRefused(
      apprentice.weeks.find({ ...ref, ...WEEK, apprenticeshipId: randomUUID() }),
      'NOT_FOUND',
      'apprenticeship_not_found',
    );
  });

  it('refuses weeks outside the apprenticeship and days outside the week', async () => {
    const { world, as, ref, open } = await setUp();
    await expectRefused(
      as(world.apprentice).weeks.open({
        ...ref,
        apprenticeshipId: world.apprenticeshipId,
        isoYear: 2025,
        isoWeek: 20,
      }),
      'BAD_REQUEST',
      'week_outside_apprenticeship',
    );
    const week = await open();
    await expectRefused(
      as(world.apprentice).weeks.save({
        ...ref,
        weekId: week.id,
        version: week.version,
        department: '',
        days: [{ date: '2025-10-06', attendance: 'company', entries: [] }],
      }),
      'BAD_REQUEST',
      'day_outside_week',
    );
  });
});
