import {
  mondayOf,
  type WeekFindInput,
  type WeekListInput,
  type WeekRefInput,
  type WeekSummaryView,
  type WeekView,
} from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import { loadTargetApprenticeship, loadVisibleWeek } from '../../access/visibility.js';
import { findWeekByIsoWeek, listWeeksOfApprenticeship } from '../../db/queries/weeks.js';
import { buildWeekView } from './view.js';

/** The weeks of the named apprenticeship, or of the caller's own, newest first. */
export async function listWeeks(
  scope: CallerScope,
  input: WeekListInput,
): Promise<WeekSummaryView[]> {
  const { apprenticeship } = await loadTargetApprenticeship(scope, input.apprenticeshipId);
  const weeks = await listWeeksOfApprenticeship(
    scope.db,
    scope.company.companyId,
    apprenticeship.id,
  );
  return weeks.map((week) => ({ ...week, weekStart: mondayOf(week) }));
}

/** The week of an ISO week as it is, or `null` while nobody has written it: looking writes nothing. */
export async function findWeekOfIsoWeek(
  scope: CallerScope,
  input: WeekFindInput,
): Promise<WeekView | null> {
  const { apprenticeship, relation } = await loadTargetApprenticeship(
    scope,
    input.apprenticeshipId,
  );
  const companyId = scope.company.companyId;
  const week = await findWeekByIsoWeek(scope.db, companyId, apprenticeship.id, input);
  return week ? buildWeekView(scope.db, companyId, week, relation) : null;
}

/** A week the caller may see, as they see it. */
export async function getWeek(scope: CallerScope, input: WeekRefInput): Promise<WeekView> {
  const { week, relation } = await loadVisibleWeek(scope, input.weekId);
  return buildWeekView(scope.db, scope.company.companyId, week, relation);
}
