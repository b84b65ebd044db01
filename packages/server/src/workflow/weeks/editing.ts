import {
  daysOutsideWeek,
  decideCreate,
  decideEdit,
  mondayOf,
  trainingYearOf,
  type WeekOpenInput,
  type WeekSaveInput,
  type WeekView,
  weekOverlaps,
} from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import { badRequest, conflict, refuse } from '../../access/refusals.js';
import { loadVisibleApprenticeship, loadVisibleWeek } from '../../access/visibility.js';
import { replaceWeekDays } from '../../db/queries/week-content.js';
import { findWeekByIsoWeek, insertDraftWeek, updateWeekIfVersion } from '../../db/queries/weeks.js';
import { reloadWeek } from './reload.js';
import { buildWeekView } from './view.js';

/** The apprentice's week of the given ISO week, created as an empty draft the first time it is opened. */
export async function openWeek(scope: CallerScope, input: WeekOpenInput): Promise<WeekView> {
  const companyId = scope.company.companyId;
  const { apprenticeship, relation } = await loadVisibleApprenticeship(
    scope,
    input.apprenticeshipId,
  );
  const existing = await findWeekByIsoWeek(scope.db, companyId, apprenticeship.id, input);
  if (existing) return buildWeekView(scope.db, companyId, existing, relation);

  const decision = decideCreate(relation);
  if (!decision.ok) refuse(decision);
  if (!weekOverlaps(input, apprenticeship.startDate, apprenticeship.endDate)) {
    badRequest('week_outside_apprenticeship');
  }
  await insertDraftWeek(scope.db, {
    companyId,
    apprenticeshipId: apprenticeship.id,
    isoYear: input.isoYear,
    isoWeek: input.isoWeek,
    trainingYear: trainingYearOf(apprenticeship.startDate, mondayOf(input)),
  });
  const created = await findWeekByIsoWeek(scope.db, companyId, apprenticeship.id, input);
  if (!created) throw new Error('Opened week vanished');
  return buildWeekView(scope.db, companyId, created, relation);
}

/** Replaces the week's department, days and entries, if the caller saw its latest version (S17). */
export async function saveWeek(scope: CallerScope, input: WeekSaveInput): Promise<WeekView> {
  const companyId = scope.company.companyId;
  return scope.db.transaction(async (tx) => {
    const { week, relation } = await loadVisibleWeek(scope, input.weekId, tx);
    const decision = decideEdit(relation, week.status);
    if (!decision.ok) refuse(decision);
    if (daysOutsideWeek(week, input.days).length > 0) badRequest('day_outside_week');
    const written = await updateWeekIfVersion(tx, companyId, week.id, input.version, {
      department: input.department,
    });
    if (!written) conflict('stale_version');
    await replaceWeekDays(tx, companyId, week.id, input.days);
    return buildWeekView(tx, companyId, await reloadWeek(tx, companyId, week.id), relation);
  });
}
