import type { ReviewMode, WeekStatus } from '@berichtsheft/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import { builtOnce } from '../built-once.js';
import type { Executor } from '../database.js';
import { apprenticeships, companies, people, reportWeeks } from '../schema/index.js';

/** A week with what the workflow needs to know about its apprenticeship and company. */
export interface WeekRecord {
  id: string;
  apprenticeshipId: string;
  apprenticeId: string;
  apprenticeName: string;
  occupation: string;
  reviewMode: ReviewMode;
  isoYear: number;
  isoWeek: number;
  trainingYear: number;
  department: string;
  status: WeekStatus;
  version: number;
  returnReason: string | null;
}

const weekColumns = {
  id: reportWeeks.id,
  apprenticeshipId: reportWeeks.apprenticeshipId,
  apprenticeId: apprenticeships.apprenticeId,
  apprenticeName: people.displayName,
  occupation: apprenticeships.occupation,
  reviewMode: companies.reviewMode,
  isoYear: reportWeeks.isoYear,
  isoWeek: reportWeeks.isoWeek,
  trainingYear: reportWeeks.trainingYear,
  department: reportWeeks.department,
  status: reportWeeks.status,
  version: reportWeeks.version,
  returnReason: reportWeeks.returnReason,
};

function selectWeeks(db: Executor) {
  return db
    .select(weekColumns)
    .from(reportWeeks)
    .innerJoin(apprenticeships, eq(apprenticeships.id, reportWeeks.apprenticeshipId))
    .innerJoin(people, eq(people.id, apprenticeships.apprenticeId))
    .innerJoin(companies, eq(companies.id, reportWeeks.companyId));
}

const findWeekQuery = builtOnce('find_week', (db) =>
  selectWeeks(db).where(
    and(
      eq(reportWeeks.companyId, sql.placeholder('companyId')),
      eq(reportWeeks.id, sql.placeholder('weekId')),
    ),
  ),
);

export async function findWeek(
  db: Executor,
  companyId: string,
  weekId: string,
): Promise<WeekRecord | undefined> {
  const [week] = await findWeekQuery(db, { companyId, weekId });
  return week;
}

const findWeekByIsoWeekQuery = builtOnce('find_week_by_iso_week', (db) =>
  selectWeeks(db).where(
    and(
      eq(reportWeeks.companyId, sql.placeholder('companyId')),
      eq(reportWeeks.apprenticeshipId, sql.placeholder('apprenticeshipId')),
      eq(reportWeeks.isoYear, sql.placeholder('isoYear')),
      eq(reportWeeks.isoWeek, sql.placeholder('isoWeek')),
    ),
  ),
);

export async function findWeekByIsoWeek(
  db: Executor,
  companyId: string,
  apprenticeshipId: string,
  week: { isoYear: number; isoWeek: number },
): Promise<WeekRecord | undefined> {
  const [found] = await findWeekByIsoWeekQuery(db, {
    companyId,
    apprenticeshipId,
    isoYear: week.isoYear,
    isoWeek: week.isoWeek,
  });
  return found;
}

/** Creates the draft of a week unless it exists already (two tabs opening the same week get the same row). */
export async function insertDraftWeek(
  db: Executor,
  week: {
    companyId: string;
    apprenticeshipId: string;
    isoYear: number;
    isoWeek: number;
    trainingYear: number;
  },
): Promise<void> {
  await db
    .insert(reportWeeks)
    .values(week)
    .onConflictDoNothing({
      target: [reportWeeks.apprenticeshipId, reportWeeks.isoYear, reportWeeks.isoWeek],
    });
}

export interface WeekSummaryRecord {
  id: string;
  apprenticeshipId: string;
  isoYear: number;
  isoWeek: number;
  trainingYear: number;
  status: WeekStatus;
  version: number;
}

const listWeeksQuery = builtOnce('list_weeks_of_apprenticeship', (db) =>
  db
    .select({
      id: reportWeeks.id,
      apprenticeshipId: reportWeeks.apprenticeshipId,
      isoYear: reportWeeks.isoYear,
      isoWeek: reportWeeks.isoWeek,
      trainingYear: reportWeeks.trainingYear,
      status: reportWeeks.status,
      version: reportWeeks.version,
    })
    .from(reportWeeks)
    .where(
      and(
        eq(reportWeeks.companyId, sql.placeholder('companyId')),
        eq(reportWeeks.apprenticeshipId, sql.placeholder('apprenticeshipId')),
      ),
    )
    .orderBy(desc(reportWeeks.isoYear), desc(reportWeeks.isoWeek)),
);

/** Weeks of one apprenticeship, newest first. */
export function listWeeksOfApprenticeship(
  db: Executor,
  companyId: string,
  apprenticeshipId: string,
): Promise<WeekSummaryRecord[]> {
  return listWeeksQuery(db, { companyId, apprenticeshipId });
}

export interface WeekChange {
  department?: string;
  status?: WeekStatus;
  returnReason?: string | null;
  submittedAt?: Date | null;
  approvedAt?: Date | null;
}

/**
 * Writes the change only if the week still has the version the caller based it on, and counts the version up.
 * Returns false when someone else wrote first (S17): the caller then reports a conflict and nothing is lost.
 */
export async function updateWeekIfVersion(
  db: Executor,
  companyId: string,
  weekId: string,
  version: number,
  change: WeekChange,
): Promise<boolean> {
  const updated = await db
    .update(reportWeeks)
    .set({ ...change, version: sql`${reportWeeks.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(reportWeeks.companyId, companyId),
        eq(reportWeeks.id, weekId),
        eq(reportWeeks.version, version),
      ),
    )
    .returning({ id: reportWeeks.id });
  return updated.length === 1;
}
