import type { AssignmentRole, ReviewMode, WeekStatus } from '@berichtsheft/core';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { builtOnce } from '../built-once.js';
import type { Executor } from '../database.js';
import {
  apprenticeships,
  assignments,
  companies,
  days,
  entries,
  people,
  reportWeeks,
} from '../schema/index.js';

export interface QueueCandidate {
  weekId: string;
  apprenticeshipId: string;
  apprenticeName: string;
  occupation: string;
  isoYear: number;
  isoWeek: number;
  trainingYear: number;
  status: WeekStatus;
  version: number;
  submittedAt: Date | null;
  totalMinutes: number;
  reviewMode: ReviewMode;
  assignmentRole: AssignmentRole;
}

/**
 * Weeks under review on apprenticeships the person is actively assigned to (never their own), oldest submission first.
 * Whether a week waits for this reviewer is the workflow's decision, which the caller applies.
 */
export function listReviewCandidates(
  db: Executor,
  companyId: string,
  personId: string,
  statuses: readonly WeekStatus[],
): Promise<QueueCandidate[]> {
  // The statuses are part of the statement's text, so each list of them is a query of its own.
  const key = statuses.join(',');
  let query = candidateQueries.get(key);
  if (query === undefined) {
    query = builtOnce<QueueCandidate>(
      candidateQueries.size === 0
        ? 'list_review_candidates'
        : `list_review_candidates_${candidateQueries.size}`,
      (on) => candidatesQuery(on, statuses),
    );
    candidateQueries.set(key, query);
  }
  return query(db, { companyId, personId });
}

const candidateQueries = new Map<
  string,
  (db: Executor, values: Record<string, unknown>) => Promise<QueueCandidate[]>
>();

function candidatesQuery(db: Executor, statuses: readonly WeekStatus[]) {
  const companyId = sql.placeholder('companyId');
  const personId = sql.placeholder('personId');
  return db
    .select({
      weekId: reportWeeks.id,
      apprenticeshipId: reportWeeks.apprenticeshipId,
      apprenticeName: people.displayName,
      occupation: apprenticeships.occupation,
      isoYear: reportWeeks.isoYear,
      isoWeek: reportWeeks.isoWeek,
      trainingYear: reportWeeks.trainingYear,
      status: reportWeeks.status,
      version: reportWeeks.version,
      submittedAt: reportWeeks.submittedAt,
      // Summed per week in a subquery of its own: an aggregate over all days joined afterwards would cost as much
      // as every day and entry in the database, whatever the queue holds.
      totalMinutes: sql<number>`(select coalesce(sum(${entries.minutes}), 0)::int from ${days}
        inner join ${entries} on ${entries.dayId} = ${days.id} where ${days.weekId} = ${reportWeeks.id})`,
      reviewMode: companies.reviewMode,
      assignmentRole: assignments.role,
    })
    .from(reportWeeks)
    .innerJoin(apprenticeships, eq(apprenticeships.id, reportWeeks.apprenticeshipId))
    .innerJoin(companies, eq(companies.id, reportWeeks.companyId))
    .innerJoin(people, eq(people.id, apprenticeships.apprenticeId))
    .innerJoin(
      assignments,
      and(
        eq(assignments.apprenticeshipId, apprenticeships.id),
        eq(assignments.personId, personId),
        isNull(assignments.revokedAt),
      ),
    )
    .where(
      and(
        eq(reportWeeks.companyId, companyId),
        ne(apprenticeships.apprenticeId, personId),
        inArray(reportWeeks.status, [...statuses]),
      ),
    )
    .orderBy(asc(reportWeeks.submittedAt), asc(reportWeeks.id));
}
