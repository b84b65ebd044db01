import type { Identity } from '../context.js';
import type { Database } from '../db/database.js';
import { personIdCacheOf } from '../db/person-cache.js';
import { ensurePerson } from '../db/queries/people.js';
import { enterAsLogin } from '../db/request-context.js';

/**
 * The id of the person behind the login: remembered from an earlier call, or else looked up and (on first sight)
 * created in a short transaction of its own under the runtime role. Committed on its own, so that a person exists
 * from their first call on even if that call is refused.
 */
export async function personIdOf(database: Database, identity: Identity): Promise<string> {
  const cache = personIdCacheOf(database);
  const cached = cache.get(identity.issuer, identity.subject);
  if (cached !== undefined) return cached;
  const person = await database.db.transaction(async (tx) => {
    await enterAsLogin(tx, identity);
    return ensurePerson(tx, identity);
  });
  cache.set(identity.issuer, identity.subject, person.id);
  return person.id;
}

/** Forgets a remembered id that no longer names a person (deleted behind the server's back). */
export function forgetPersonId(database: Database, identity: Identity): void {
  personIdCacheOf(database).forget(identity.issuer, identity.subject);
}
