import type { CompanyRole, MembershipView, ReviewMode } from '@berichtsheft/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { companies, memberships } from '../schema/index.js';

export async function addMembership(
  db: Executor,
  membership: { personId: string; companyId: string; role: CompanyRole },
): Promise<void> {
  await db
    .insert(memberships)
    .values(membership)
    .onConflictDoNothing({
      target: [memberships.personId, memberships.companyId, memberships.role],
    });
}

export async function removeMembership(
  db: Executor,
  membership: { personId: string; companyId: string; role: CompanyRole },
): Promise<void> {
  await db
    .delete(memberships)
    .where(
      and(
        eq(memberships.companyId, membership.companyId),
        eq(memberships.personId, membership.personId),
        eq(memberships.role, membership.role),
      ),
    );
}

/** Every role the person holds, in every company; only ever asked for the person themselves. */
export async function listMembershipsOfPerson(
  db: Executor,
  personId: string,
): Promise<MembershipView[]> {
  return db
    .select({ companyId: companies.id, companyName: companies.name, role: memberships.role })
    .from(memberships)
    .innerJoin(companies, eq(companies.id, memberships.companyId))
    .where(eq(memberships.personId, personId))
    .orderBy(asc(companies.name), asc(memberships.role))
    .prepare('list_memberships_of_person')
    .execute();
}

/** The company as seen by one of its members; read by bh_enter_request at the start of every company call. */
export interface CompanyMembership {
  companyId: string;
  companyName: string;
  reviewMode: ReviewMode;
  roles: CompanyRole[];
}
