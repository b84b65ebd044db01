import { and, eq } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { people } from '../schema/index.js';

export interface PersonRecord {
  id: string;
  displayName: string;
  email: string | null;
}

export interface PersonIdentity {
  issuer: string;
  subject: string;
  displayName?: string | undefined;
  email?: string | undefined;
}

const personColumns = { id: people.id, displayName: people.displayName, email: people.email };

export async function findPersonBySubject(
  db: Executor,
  issuer: string,
  subject: string,
): Promise<PersonRecord | undefined> {
  const [person] = await db
    .select(personColumns)
    .from(people)
    .where(and(eq(people.issuer, issuer), eq(people.subject, subject)))
    .prepare('find_person_by_subject')
    .execute();
  return person;
}

/**
 * The person behind a login, created the first time they are seen. The profile follows the login's latest name and
 * e-mail; the (issuer, subject) pair alone says who it is (S3). Safe under concurrent first requests.
 */
export async function ensurePerson(db: Executor, identity: PersonIdentity): Promise<PersonRecord> {
  const existing = await findPersonBySubject(db, identity.issuer, identity.subject);
  if (existing) return refreshProfile(db, existing, identity);
  const [created] = await db
    .insert(people)
    .values({
      issuer: identity.issuer,
      subject: identity.subject,
      displayName: identity.displayName ?? '',
      email: identity.email ?? null,
    })
    .onConflictDoNothing({ target: [people.issuer, people.subject] })
    .returning(personColumns);
  if (created) return created;
  const raced = await findPersonBySubject(db, identity.issuer, identity.subject);
  if (!raced) throw new Error('Person vanished right after its creation');
  return raced;
}

/**
 * The profile follows the login's latest name and e-mail; written only when they differ from what is stored, so that
 * an ordinary call writes nothing.
 */
export async function refreshProfile(
  db: Executor,
  person: PersonRecord,
  identity: PersonIdentity,
): Promise<PersonRecord> {
  const displayName = identity.displayName ?? person.displayName;
  const email = identity.email ?? person.email;
  if (displayName === person.displayName && email === person.email) return person;
  const [updated] = await db
    .update(people)
    .set({ displayName, email, updatedAt: new Date() })
    .where(eq(people.id, person.id))
    .returning(personColumns);
  return updated ?? person;
}
