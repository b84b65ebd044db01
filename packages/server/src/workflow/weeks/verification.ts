import { type VerificationView, type WeekRefInput, weekContentHash } from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import { loadVisibleWeek } from '../../access/visibility.js';
import type { Executor } from '../../db/database.js';
import { findLatestApproval } from '../../db/queries/approvals.js';
import { loadWeekDays } from '../../db/queries/week-content.js';
import type { WeekRecord } from '../../db/queries/weeks.js';

/**
 * Recomputes the hash of the week's content as stored now and compares it with the hash its approval signed (S15), so a
 * printed or exported record can be checked against the database, and the database against itself.
 */
async function compareWithApproval(
  db: Executor,
  companyId: string,
  week: WeekRecord,
): Promise<VerificationView> {
  const days = await loadWeekDays(db, companyId, week.id);
  const currentHash = await weekContentHash({ department: week.department, days });
  const approval = await findLatestApproval(db, companyId, week.id);
  return {
    weekId: week.id,
    status: week.status,
    approvedVersion: approval?.version ?? null,
    approvedHash: approval?.contentHash ?? null,
    currentHash,
    matches: approval ? approval.contentHash === currentHash : null,
  };
}

/** Whether a week the caller may see still holds exactly the content its approval signed. */
export async function verifyWeek(
  scope: CallerScope,
  input: WeekRefInput,
): Promise<VerificationView> {
  const { week } = await loadVisibleWeek(scope, input.weekId);
  return compareWithApproval(scope.db, scope.company.companyId, week);
}
