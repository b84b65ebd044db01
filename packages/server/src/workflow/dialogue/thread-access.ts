import { type ApprenticeshipRelation, takesPartInDialogue } from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import { notFound } from '../../access/refusals.js';
import { loadVisibleApprenticeship } from '../../access/visibility.js';
import type { ThreadSubject } from '../../db/queries/dialogue.js';
import { findWeek } from '../../db/queries/weeks.js';

/**
 * The thread a call names, for a participant of its apprenticeship's dialogue; anyone else is told the apprenticeship
 * (or the week) does not exist (S10), exactly as for its weeks.
 */
export async function loadThreadSubject(
  scope: CallerScope,
  input: { apprenticeshipId: string; weekId?: string | undefined },
): Promise<{ subject: ThreadSubject; relation: ApprenticeshipRelation }> {
  const { relation } = await loadVisibleApprenticeship(scope, input.apprenticeshipId);
  if (!takesPartInDialogue(relation)) notFound('apprenticeship_not_found');
  if (input.weekId !== undefined) {
    const week = await findWeek(scope.db, scope.company.companyId, input.weekId);
    if (!week || week.apprenticeshipId !== input.apprenticeshipId) notFound('week_not_found');
  }
  return {
    subject: { apprenticeshipId: input.apprenticeshipId, weekId: input.weekId ?? null },
    relation,
  };
}
