import { decideRecordDeletion } from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import { refuse } from '../../access/refusals.js';
import { loadVisibleApprenticeship } from '../../access/visibility.js';
import { eraseRecord } from '../../db/queries/erase-record.js';
import { exportedSinceLastChange, insertRecordEvent } from '../../db/queries/record-events.js';
import { enterMaintenance } from '../../db/queries/restore-record.js';

/** Today in Germany, where the apprenticeship's end date is meant: a date, not an instant. */
export function todayInGermany(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

/**
 * The apprentice deletes their record once the apprenticeship has ended and they have exported it since its last
 * change (S24). Decided under their own policies, then erased as maintenance in the same transaction; the audit keeps
 * that it happened and how much went, never what.
 */
export async function deleteRecord(
  scope: CallerScope,
  apprenticeshipId: string,
): Promise<{ weeks: number; files: number }> {
  const { apprenticeship, relation } = await loadVisibleApprenticeship(scope, apprenticeshipId);
  const decision = decideRecordDeletion(relation, {
    endDate: apprenticeship.endDate,
    today: todayInGermany(),
    exportedSinceLastChange: await exportedSinceLastChange(scope.db, {
      apprenticeshipId,
      personId: scope.person.id,
    }),
  });
  if (!decision.ok) refuse(decision);
  await enterMaintenance(scope.db);
  const erased = await eraseRecord(scope.db, apprenticeshipId);
  await insertRecordEvent(scope.db, {
    kind: 'record_deletion',
    companyId: scope.company.companyId,
    apprenticeshipId,
    actorId: scope.person.id,
    detail: `${erased.weeks} weeks, ${erased.files} files`,
  });
  return erased;
}
