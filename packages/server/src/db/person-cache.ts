import type { Database } from './database.js';

/** Enough for every person active on a large installation; an evicted one costs one lookup on their next call. */
export const PERSON_CACHE_LIMIT = 10_000;

/**
 * Which person id belongs to an (issuer, subject) pair. A pair names the same person for good (S3), so the id can be
 * remembered instead of looked up on every call. It is only a hint, never trusted alone: every request checks in its
 * first statement that the person still exists with that pair (bh_enter_request), and a person deleted or moved to
 * another login behind the server's back is forgotten and looked up (or created) again on that very call. The least recently used entries go first.
 */
export class PersonIdCache {
  readonly #ids = new Map<string, string>();

  constructor(readonly limit: number = PERSON_CACHE_LIMIT) {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new RangeError(`limit must be a positive integer, got ${limit}`);
    }
  }

  get size(): number {
    return this.#ids.size;
  }

  get(issuer: string, subject: string): string | undefined {
    const key = keyOf(issuer, subject);
    const id = this.#ids.get(key);
    if (id !== undefined) {
      // Re-inserted so that the map's insertion order is the order of last use.
      this.#ids.delete(key);
      this.#ids.set(key, id);
    }
    return id;
  }

  set(issuer: string, subject: string, id: string): void {
    const key = keyOf(issuer, subject);
    this.#ids.delete(key);
    this.#ids.set(key, id);
    if (this.#ids.size > this.limit) {
      const oldest = this.#ids.keys().next();
      if (!oldest.done) this.#ids.delete(oldest.value);
    }
  }

  forget(issuer: string, subject: string): void {
    this.#ids.delete(keyOf(issuer, subject));
  }
}

/** Length-prefixed, so that no issuer and subject can run together into another pair's key. */
function keyOf(issuer: string, subject: string): string {
  return `${issuer.length}:${issuer}${subject}`;
}

/** One cache per opened database: ids from one database mean nothing in another. */
const caches = new WeakMap<Database, PersonIdCache>();

export function personIdCacheOf(database: Database): PersonIdCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new PersonIdCache();
    caches.set(database, cache);
  }
  return cache;
}
