import { type Database, schema } from '@berichtsheft/server';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

const { memberships, people } = schema;

/**
 * Moves the demo company's people to the login service they sign in with now.
 *
 * A person is the pair (issuer, subject), and the demo's issuer URL contains the portal's port, so a data directory
 * seeded under another `PORT` knows Anna as `(http://localhost:8080/oidc, azubi.anna)` while she now signs in as
 * `(http://localhost:9090/oidc, azubi.anna)`. The demo accounts are one login service under any port, so their people
 * follow it. A sign-in under the new issuer before this existed left an empty person holding the new pair; it takes the
 * old pair in exchange, so nothing is deleted. Only the demo company's members with a demo subject are touched.
 */
export async function bindDemoPeopleToIssuer(
  database: Database,
  companyId: string,
  issuer: string,
): Promise<void> {
  const subjects = DEMO_ACCOUNTS.map((account) => account.sub);
  await database.db.transaction(async (tx) => {
    const elsewhere = await tx
      .selectDistinct({ id: people.id, issuer: people.issuer, subject: people.subject })
      .from(people)
      .innerJoin(memberships, eq(memberships.personId, people.id))
      .where(
        and(
          eq(memberships.companyId, companyId),
          inArray(people.subject, subjects),
          ne(people.issuer, issuer),
        ),
      );
    for (const person of elsewhere) {
      const [holder] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.issuer, issuer), eq(people.subject, person.subject)));
      if (holder) {
        // (issuer, subject) is unique: park the demo person on a pair no login produces while the two swap.
        await tx
          .update(people)
          .set({ issuer: `urn:berichtsheft:rebinding:${person.id}` })
          .where(eq(people.id, person.id));
        await tx.update(people).set({ issuer: person.issuer }).where(eq(people.id, holder.id));
      }
      await tx
        .update(people)
        .set({ issuer, updatedAt: new Date() })
        .where(eq(people.id, person.id));
    }
  });
}
