import {
  ASSIGNMENT_ROLES,
  awaitsReviewer,
  mondayOf,
  type QueueItemView,
  REVIEW_MODES,
  WEEK_STATUSES,
} from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import { strongestRole } from '../../db/queries/assignments.js';
import { listReviewCandidates, type QueueCandidate } from '../../db/queries/review-queue.js';

/** Statuses in which some reviewer, in some review mode, may act: the only ones worth reading for a queue. */
const REVIEWABLE_STATUSES = WEEK_STATUSES.filter((status) =>
  ASSIGNMENT_ROLES.some((role) => REVIEW_MODES.some((mode) => awaitsReviewer(status, role, mode))),
);

/** One item per week, judged by the caller's strongest assignment to its apprenticeship. */
function waitingForCaller(candidates: readonly QueueCandidate[]): QueueItemView[] {
  const byWeek = new Map<string, QueueCandidate[]>();
  for (const candidate of candidates) {
    byWeek.set(candidate.weekId, [...(byWeek.get(candidate.weekId) ?? []), candidate]);
  }
  const items: QueueItemView[] = [];
  for (const rows of byWeek.values()) {
    const [first] = rows;
    const role = strongestRole(rows.map((row) => row.assignmentRole));
    if (!first || role === 'none' || !awaitsReviewer(first.status, role, first.reviewMode))
      continue;
    items.push({
      weekId: first.weekId,
      apprenticeshipId: first.apprenticeshipId,
      apprenticeName: first.apprenticeName,
      occupation: first.occupation,
      isoYear: first.isoYear,
      isoWeek: first.isoWeek,
      weekStart: mondayOf(first),
      trainingYear: first.trainingYear,
      status: first.status,
      version: first.version,
      submittedAt: first.submittedAt,
      totalMinutes: first.totalMinutes,
    });
  }
  return items;
}

/** Weeks that wait for the caller as assigned trainer or delegate, oldest submission first. */
export async function reviewQueue(scope: CallerScope): Promise<QueueItemView[]> {
  const candidates = await listReviewCandidates(
    scope.db,
    scope.company.companyId,
    scope.person.id,
    REVIEWABLE_STATUSES,
  );
  return waitingForCaller(candidates);
}
