import {
  type ApprenticeshipRelation,
  addDays,
  mondayOf,
  viewerPermissions,
  type WeekView,
} from '@berichtsheft/core';
import type { Executor } from '../../db/database.js';
import { findLatestApproval } from '../../db/queries/approvals.js';
import { listTransitions } from '../../db/queries/transitions.js';
import { loadWeekDays } from '../../db/queries/week-content.js';
import type { WeekRecord } from '../../db/queries/weeks.js';

export async function buildWeekView(
  db: Executor,
  companyId: string,
  week: WeekRecord,
  relation: ApprenticeshipRelation,
): Promise<WeekView> {
  const days = await loadWeekDays(db, companyId, week.id);
  const approval = await findLatestApproval(db, companyId, week.id);
  const history = await listTransitions(db, companyId, week.id);
  const weekStart = mondayOf(week);
  return {
    id: week.id,
    apprenticeshipId: week.apprenticeshipId,
    isoYear: week.isoYear,
    isoWeek: week.isoWeek,
    weekStart,
    weekEnd: addDays(weekStart, 6),
    trainingYear: week.trainingYear,
    status: week.status,
    version: week.version,
    apprenticeName: week.apprenticeName,
    occupation: week.occupation,
    department: week.department,
    reviewMode: week.reviewMode,
    returnReason: week.status === 'returned' ? week.returnReason : null,
    days,
    approval,
    history,
    viewer: viewerPermissions(relation, week.status, week.reviewMode),
  };
}
