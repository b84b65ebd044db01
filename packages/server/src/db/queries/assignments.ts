import type { ApprenticeshipRelation, AssignmentRole } from '@berichtsheft/core';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { apprenticeships, assignments } from '../schema/index.js';

export async function assignReviewer(
  db: Executor,
  assignment: {
    apprenticeshipId: string;
    personId: string;
    role: AssignmentRole;
    trainerIdentNumber?: string | null;
  },
): Promise<void> {
  await db
    .insert(assignments)
    .values({
      apprenticeshipId: assignment.apprenticeshipId,
      personId: assignment.personId,
      role: assignment.role,
      trainerIdentNumber: assignment.trainerIdentNumber ?? null,
    })
    .onConflictDoNothing();
}

function apprenticeshipsOfCompany(db: Executor, companyId: string) {
  return db
    .select({ id: apprenticeships.id })
    .from(apprenticeships)
    .where(eq(apprenticeships.companyId, companyId));
}

/** Ends the person's assignments to the apprenticeship; the rows stay for the record. */
export async function revokeAssignments(
  db: Executor,
  companyId: string,
  apprenticeshipId: string,
  personId: string,
): Promise<void> {
  await db
    .update(assignments)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(assignments.apprenticeshipId, apprenticeshipId),
        eq(assignments.personId, personId),
        isNull(assignments.revokedAt),
        inArray(assignments.apprenticeshipId, apprenticeshipsOfCompany(db, companyId)),
      ),
    );
}

export async function activeAssignmentRoles(
  db: Executor,
  companyId: string,
  apprenticeshipId: string,
  personId: string,
): Promise<AssignmentRole[]> {
  const rows = await db
    .select({ role: assignments.role })
    .from(assignments)
    .innerJoin(apprenticeships, eq(apprenticeships.id, assignments.apprenticeshipId))
    .where(
      and(
        eq(apprenticeships.companyId, companyId),
        eq(assignments.apprenticeshipId, apprenticeshipId),
        eq(assignments.personId, personId),
        isNull(assignments.revokedAt),
      ),
    )
    .prepare('active_assignment_roles')
    .execute();
  return rows.map((row) => row.role);
}

/**
 * How the person relates to the apprenticeship, read fresh from the database. Being the apprentice wins over any
 * assignment, so nobody reviews their own record; a trainer assignment wins over a delegate one.
 */
export async function findRelation(
  db: Executor,
  companyId: string,
  apprenticeship: { id: string; apprenticeId: string },
  personId: string,
): Promise<ApprenticeshipRelation> {
  if (apprenticeship.apprenticeId === personId) return 'owner';
  return strongestRole(await activeAssignmentRoles(db, companyId, apprenticeship.id, personId));
}

export function strongestRole(roles: readonly AssignmentRole[]): 'trainer' | 'delegate' | 'none' {
  if (roles.includes('trainer')) return 'trainer';
  if (roles.includes('delegate')) return 'delegate';
  return 'none';
}
