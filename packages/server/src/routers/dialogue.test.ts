import { randomUUID } from 'node:crypto';
import { DIALOGUE_LIMITS, type DialogueEventView } from '@berichtsheft/core';
import type { TrackedEnvelope } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { revokeAssignments } from '../db/queries/assignments.js';
import { testDatabases } from '../testing/databases.js';
import { rejection } from '../testing/rejection.js';
import { callerFor, createWorld, type World, type WorldPerson } from '../testing/world.js';

type Events = AsyncIterator<TrackedEnvelope<DialogueEventView>>;

/** The next event of a subscription, or a failure after a few seconds instead of a hanging test. */
async function nextEvent(events: Events): Promise<TrackedEnvelope<DialogueEventView>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no event within 5 s')), 5000);
  });
  try {
    const next = await Promise.race([events.next(), timeout]);
    if (next.done) throw new Error('the subscription ended');
    return next.value;
  } finally {
    clearTimeout(timer);
  }
}

describe.each(testDatabases())('dialogue on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => target.close());

  async function setUp() {
    const world = await createWorld(database);
    const as = (person: WorldPerson) => callerFor(database, person.identity);
    const thread = { companyId: world.companyId, apprenticeshipId: world.apprenticeshipId };
    const post = (person: WorldPerson, body: string, clientKey = randomUUID()) =>
      as(person).dialogue.post({ ...thread, body, clientKey });
    return { world, as, thread, post };
  }

  async function openWeek(world: World, as: (person: WorldPerson) => ReturnType<typeof callerFor>) {
    return as(world.apprentice).weeks.open({
      companyId: world.companyId,
      apprenticeshipId: world.apprenticeshipId,
      isoYear: 2025,
      isoWeek: 41,
    });
  }

  it('shows an empty thread before the first message, and writes nothing for it', async () => {
    const { world, as, thread } = await setUp();
    const empty = await as(world.apprentice).dialogue.messages(thread);
    expect(empty).toEqual({
      threadId: null,
      messages: [],
      hasOlder: false,
      lastSeq: 0,
      readSeq: 0,
      unread: 0,
      reads: [],
    });
    const [row] = (
      (await database.db.execute(
        sql`select count(*)::int as n from threads where apprenticeship_id = ${world.apprenticeshipId}`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(row?.n).toBe(0);
  });

  it('lets the apprentice, the trainer and the delegate talk, in the order they wrote', async () => {
    const { world, as, thread, post } = await setUp();
    await post(world.apprentice, 'Ich habe eine Frage zur Woche 41.');
    await post(world.trainer, 'Gern, worum geht es?');
    await post(world.delegate, 'Ich lese mit.');
    const page = await as(world.trainer).dialogue.messages(thread);
    expect(page.messages.map((message) => [message.authorId, message.body, message.seq])).toEqual([
      [world.apprentice.id, 'Ich habe eine Frage zur Woche 41.', 1],
      [world.trainer.id, 'Gern, worum geht es?', 2],
      [world.delegate.id, 'Ich lese mit.', 3],
    ]);
    expect(page.lastSeq).toBe(3);
    expect(page.messages[0]?.authorName).toContain('apprentice');
    expect(page.messages[0]?.changeableUntil).toBeNull();
    expect(page.messages[1]?.changeableUntil).toBeInstanceOf(Date);
  });

  it('hides the thread from everyone who does not take part (S10)', async () => {
    const { world, as, thread, post } = await setUp();
    await post(world.apprentice, 'Nur für uns.');
    const outsiders = [
      world.unassignedTrainer,
      world.admin,
      world.otherApprentice,
      world.otherAdmin,
    ];
    for (const outsider of outsiders) {
      const calls = [
        () => as(outsider).dialogue.messages(thread),
        () => as(outsider).dialogue.post({ ...thread, body: 'Hallo', clientKey: randomUUID() }),
        () => as(outsider).dialogue.markRead({ ...thread, seq: 1 }),
        () => as(outsider).dialogue.events(thread),
      ];
      for (const call of calls) {
        const error = await rejection(call());
        expect(error.code).toBe('NOT_FOUND');
        expect(['apprenticeship_not_found', 'company_not_found']).toContain(error.message);
      }
    }
    const other = await as(world.otherApprentice).dialogue.unread({
      companyId: world.otherCompanyId,
    });
    expect(other.total).toBe(0);
  });

  it('refuses a week of another apprenticeship as not found', async () => {
    const { world, as, thread } = await setUp();
    const foreign = await setUp();
    const week = await openWeek(foreign.world, foreign.as);
    const error = await rejection(
      as(world.apprentice).dialogue.messages({ ...thread, weekId: week.id }),
    );
    expect(error.message).toBe('week_not_found');
  });

  it('keeps a week thread apart from the apprenticeship thread', async () => {
    const { world, as, thread, post } = await setUp();
    const week = await openWeek(world, as);
    await post(world.apprentice, 'Allgemein');
    await as(world.trainer).dialogue.post({
      ...thread,
      weekId: week.id,
      body: 'Zu Woche 41',
      clientKey: randomUUID(),
    });
    const general = await as(world.apprentice).dialogue.messages(thread);
    const weekly = await as(world.apprentice).dialogue.messages({ ...thread, weekId: week.id });
    expect(general.messages.map((message) => message.body)).toEqual(['Allgemein']);
    expect(weekly.messages.map((message) => message.body)).toEqual(['Zu Woche 41']);
    const unread = await as(world.apprentice).dialogue.unread({ companyId: world.companyId });
    expect(unread).toEqual({
      total: 1,
      threads: [{ apprenticeshipId: world.apprenticeshipId, weekId: week.id, unread: 1 }],
    });
  });

  it('sends a retried message once, and refuses its key for another message', async () => {
    const { world, as, thread, post } = await setUp();
    const key = randomUUID();
    const first = await post(world.apprentice, 'Einmal', key);
    const again = await post(world.apprentice, 'Einmal', key);
    expect(again.id).toBe(first.id);
    const page = await as(world.apprentice).dialogue.messages(thread);
    expect(page.messages).toHaveLength(1);
    const error = await rejection(post(world.apprentice, 'Etwas anderes', key));
    expect(error.message).toBe('idempotency_key_reused');
  });

  it('pages from the newest back to the first message', async () => {
    const { world, as, thread, post } = await setUp();
    for (let n = 1; n <= 7; n++) await post(world.apprentice, `Nachricht ${n}`);
    const newest = await as(world.trainer).dialogue.messages({ ...thread, limit: 3 });
    expect(newest.messages.map((message) => message.body)).toEqual([
      'Nachricht 5',
      'Nachricht 6',
      'Nachricht 7',
    ]);
    expect(newest.hasOlder).toBe(true);
    const before = newest.messages[0]?.seq;
    const older = await as(world.trainer).dialogue.messages({ ...thread, limit: 3, before });
    expect(older.messages.map((message) => message.body)).toEqual([
      'Nachricht 2',
      'Nachricht 3',
      'Nachricht 4',
    ]);
    const oldest = await as(world.trainer).dialogue.messages({
      ...thread,
      limit: 3,
      before: older.messages[0]?.seq,
    });
    expect(oldest.messages.map((message) => message.body)).toEqual(['Nachricht 1']);
    expect(oldest.hasOlder).toBe(false);
  });

  it('lets only the author edit or delete, and only within the window', async () => {
    const { world, as, thread, post } = await setUp();
    const sent = await post(world.trainer, 'Bitte bis Freitag einreichen');
    const edited = await as(world.trainer).dialogue.edit({
      companyId: world.companyId,
      messageId: sent.id,
      body: 'Bitte bis Donnerstag einreichen',
    });
    expect(edited.body).toBe('Bitte bis Donnerstag einreichen');
    expect(edited.editedAt).toBeInstanceOf(Date);
    expect(edited.changeSeq).toBeGreaterThan(sent.changeSeq);

    const byOther = await rejection(
      as(world.apprentice).dialogue.edit({
        companyId: world.companyId,
        messageId: sent.id,
        body: 'Gar nicht',
      }),
    );
    expect([byOther.code, byOther.message]).toEqual(['FORBIDDEN', 'only_author_changes_message']);
    const byOutsider = await rejection(
      as(world.unassignedTrainer).dialogue.delete({
        companyId: world.companyId,
        messageId: sent.id,
      }),
    );
    expect(byOutsider.message).toBe('message_not_found');

    const deleted = await as(world.trainer).dialogue.delete({
      companyId: world.companyId,
      messageId: sent.id,
    });
    expect([deleted.body, deleted.deletedAt instanceof Date]).toEqual(['', true]);
    const afterDelete = await rejection(
      as(world.trainer).dialogue.edit({
        companyId: world.companyId,
        messageId: sent.id,
        body: 'x',
      }),
    );
    expect(afterDelete.message).toBe('message_deleted');
    const page = await as(world.apprentice).dialogue.messages(thread);
    expect(page.messages.map((message) => [message.body, message.deletedAt !== null])).toEqual([
      ['', true],
    ]);

    const late = await post(world.trainer, 'Von gestern');
    const past = DIALOGUE_LIMITS.changeWindowMinutes + 1;
    await database.db.execute(
      sql`update messages set created_at = now() - make_interval(mins => ${past}) where id = ${late.id}`,
    );
    const closed = await rejection(
      as(world.trainer).dialogue.edit({
        companyId: world.companyId,
        messageId: late.id,
        body: 'x',
      }),
    );
    expect([closed.code, closed.message]).toEqual(['CONFLICT', 'change_window_closed']);
  });

  it('counts unread messages of others until the reader marks them read, and never moves back', async () => {
    const { world, as, thread, post } = await setUp();
    await post(world.trainer, 'Eins');
    await post(world.trainer, 'Zwei');
    const mine = await post(world.apprentice, 'Meine');
    const before = await as(world.apprentice).dialogue.messages(thread);
    expect([before.unread, before.readSeq]).toEqual([2, 0]);

    const marker = await as(world.apprentice).dialogue.markRead({ ...thread, seq: mine.seq });
    expect(marker).toMatchObject({ personId: world.apprentice.id, readSeq: mine.seq });
    const after = await as(world.apprentice).dialogue.messages(thread);
    expect([after.unread, after.readSeq]).toEqual([0, mine.seq]);
    expect(await as(world.apprentice).dialogue.markRead({ ...thread, seq: 1 })).toBeNull();
    // A marker never reaches past the thread's last change.
    const far = await as(world.trainer).dialogue.markRead({ ...thread, seq: 1_000_000 });
    expect(far?.readSeq).toBeLessThanOrEqual(after.lastSeq + 1);

    const trainerView = await as(world.trainer).dialogue.messages(thread);
    expect(trainerView.reads).toEqual([
      expect.objectContaining({ personId: world.apprentice.id, readSeq: mine.seq }),
    ]);
  });

  it('delivers changes live, resumes after the last id seen, and stops for whoever loses access', async () => {
    const { world, as, thread, post } = await setUp();
    await post(world.apprentice, 'Vorher');
    const page = await as(world.trainer).dialogue.messages(thread);
    const iterable = await as(world.trainer).dialogue.events({
      ...thread,
      lastEventId: String(page.lastSeq),
    });
    const events = iterable[Symbol.asyncIterator]() as Events;
    const first = nextEvent(events);
    const sent = await post(world.apprentice, 'Live');
    const [id, event] = await first;
    expect(id).toBe(String(sent.changeSeq));
    expect(event).toMatchObject({ kind: 'message', message: { id: sent.id, body: 'Live' } });

    await as(world.apprentice).dialogue.markRead({ ...thread, seq: sent.seq });
    const [, read] = await nextEvent(events);
    expect(read).toMatchObject({ kind: 'read', read: { personId: world.apprentice.id } });

    // A second subscriber resuming from the first message gets exactly what came after it.
    const resumed = (
      await as(world.delegate).dialogue.events({ ...thread, lastEventId: String(page.lastSeq) })
    )[Symbol.asyncIterator]() as Events;
    const replay = [await nextEvent(resumed), await nextEvent(resumed)];
    expect(replay.map(([replayId]) => replayId)).toEqual([
      String(sent.changeSeq),
      String(sent.changeSeq + 1),
    ]);
    await resumed.return?.();

    await revokeAssignments(database.db, world.companyId, world.apprenticeshipId, world.trainer.id);
    // Watched from now on: the refusal may come before the post below has returned.
    const refused = expect(nextEvent(events)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await post(world.apprentice, 'Nicht mehr für dich');
    await refused;
  });
});
