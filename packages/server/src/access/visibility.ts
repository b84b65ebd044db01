import type { ApprenticeshipRelation } from '@berichtsheft/core';
import type { Executor } from '../db/database.js';
import {
  type ApprenticeshipRecord,
  findApprenticeship,
  findFirstApprenticeshipOfApprentice,
} from '../db/queries/apprenticeships.js';
import { findRelation } from '../db/queries/assignments.js';
import { findWeek, type WeekRecord } from '../db/queries/weeks.js';
import type { CallerScope } from './caller-scope.js';
import { notFound } from './refusals.js';

/**
 * The week and the caller's relation to it. A week of another company, or of an apprenticeship the caller has nothing
 * to do with, does not exist for them (S10).
 */
export async function loadVisibleWeek(
  scope: CallerScope,
  weekId: string,
  db: Executor = scope.db,
): Promise<{ week: WeekRecord; relation: ApprenticeshipRelation }> {
  const week = await findWeek(db, scope.company.companyId, weekId);
  if (!week) notFound('week_not_found');
  const relation = await findRelation(
    db,
    scope.company.companyId,
    { id: week.apprenticeshipId, apprenticeId: week.apprenticeId },
    scope.person.id,
  );
  if (relation === 'none') notFound('week_not_found');
  return { week, relation };
}

export async function loadVisibleApprenticeship(
  scope: CallerScope,
  apprenticeshipId: string,
): Promise<{ apprenticeship: ApprenticeshipRecord; relation: ApprenticeshipRelation }> {
  const apprenticeship = await findApprenticeship(
    scope.db,
    scope.company.companyId,
    apprenticeshipId,
  );
  if (!apprenticeship) notFound('apprenticeship_not_found');
  const relation = await findRelation(
    scope.db,
    scope.company.companyId,
    apprenticeship,
    scope.person.id,
  );
  if (relation === 'none') notFound('apprenticeship_not_found');
  return { apprenticeship, relation };
}

/**
 * The apprenticeship a read names, or, when it names none, the caller's own first apprenticeship in the company: a
 * page can then ask for its data before it knows any id. Having none of their own is not found, like an invisible one.
 */
export async function loadTargetApprenticeship(
  scope: CallerScope,
  apprenticeshipId: string | undefined,
): Promise<{ apprenticeship: ApprenticeshipRecord; relation: ApprenticeshipRelation }> {
  if (apprenticeshipId !== undefined) return loadVisibleApprenticeship(scope, apprenticeshipId);
  const own = await findFirstApprenticeshipOfApprentice(
    scope.db,
    scope.company.companyId,
    scope.person.id,
  );
  if (!own) notFound('apprenticeship_not_found');
  return { apprenticeship: own, relation: 'owner' };
}
