import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type Identity } from '../context.js';
import type { Database } from '../db/database.js';
import { personIdCacheOf } from '../db/person-cache.js';
import { findPersonBySubject } from '../db/queries/people.js';
import { people } from '../db/schema/index.js';
import { testDatabases } from '../testing/databases.js';
import { callerFor, TEST_ISSUER } from '../testing/world.js';
import { createCallerFactory, router } from './init.js';
import { protectedProcedure } from './procedures.js';

function freshIdentity(name = 'Erika Muster'): Identity {
  return {
    issuer: TEST_ISSUER,
    subject: `request-path-${randomUUID()}`,
    displayName: name,
    email: 'erika@example.test',
  };
}

/** Writes inside the call's transaction, then fails: the write must not outlive the call. */
const failingAfterWrite = router({
  renameThenFail: protectedProcedure.mutation(async ({ ctx }) => {
    await ctx.db
      .update(people)
      .set({ displayName: 'written by a failed call' })
      .where(eq(people.id, ctx.person.id));
    throw new Error('the procedure fails after its write');
  }),
});

describe.each(testDatabases())('the request path on $name', (target) => {
  let database: Database;

  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => target.close());

  const stored = (identity: Identity) =>
    findPersonBySubject(database.db, identity.issuer, identity.subject);

  async function updatedAtOf(personId: string): Promise<Date | undefined> {
    const [row] = await database.db
      .select({ updatedAt: people.updatedAt })
      .from(people)
      .where(eq(people.id, personId));
    return row?.updatedAt;
  }

  it('writes the profile only when the login’s name or e-mail changed', async () => {
    const identity = freshIdentity();
    const first = await callerFor(database, identity).me();
    const firstWrite = await updatedAtOf(first.person.id);
    await callerFor(database, identity).me();
    expect(await updatedAtOf(first.person.id)).toEqual(firstWrite);

    const renamed = await callerFor(database, { ...identity, displayName: 'Erika Neu' }).me();
    expect(renamed.person).toEqual({
      id: first.person.id,
      displayName: 'Erika Neu',
      email: 'erika@example.test',
    });
    expect(await updatedAtOf(first.person.id)).not.toEqual(firstWrite);
    // A token without name or e-mail keeps what is stored.
    const bare = await callerFor(database, {
      issuer: identity.issuer,
      subject: identity.subject,
    }).me();
    expect(bare.person.displayName).toBe('Erika Neu');
  });

  it('remembers the person’s id, and notices on the next call when that person was deleted', async () => {
    const identity = freshIdentity();
    const first = await callerFor(database, identity).me();
    expect(personIdCacheOf(database).get(identity.issuer, identity.subject)).toBe(first.person.id);

    await database.db.delete(people).where(eq(people.id, first.person.id));
    const again = await callerFor(database, identity).me();
    expect(again.person.id).not.toBe(first.person.id);
    expect(await stored(identity)).toEqual(again.person);
    expect(personIdCacheOf(database).get(identity.issuer, identity.subject)).toBe(again.person.id);
  });

  it('keeps a person created by a call that was refused', async () => {
    const identity = freshIdentity();
    await expect(
      callerFor(database, identity).review.queue({ companyId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'company_not_found' });
    expect(await stored(identity)).toMatchObject({ displayName: 'Erika Muster' });
  });

  it('undoes every write of a call that fails', async () => {
    const identity = freshIdentity();
    const caller = createCallerFactory(failingAfterWrite)(createContext({ database, identity }));
    await expect(caller.renameThenFail()).rejects.toThrow();
    expect(await stored(identity)).toMatchObject({ displayName: 'Erika Muster' });
  });
});
