import type { WeekSummaryView } from './views.js';

/** The summary of a week (e.g. of a full `WeekView`), as lists and bulk results carry it: named fields only. */
export function weekSummaryOf(week: WeekSummaryView): WeekSummaryView {
  return {
    id: week.id,
    apprenticeshipId: week.apprenticeshipId,
    isoYear: week.isoYear,
    isoWeek: week.isoWeek,
    weekStart: week.weekStart,
    trainingYear: week.trainingYear,
    status: week.status,
    version: week.version,
  };
}
