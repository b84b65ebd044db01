import {
  type ApprenticeshipView,
  addDays,
  decideCreate,
  type IsoWeek,
  mondayOf,
  trainingYearOf,
  viewerPermissions,
  type WeekAction,
  type WeekStatus,
  weekOverlaps,
} from '@berichtsheft/core';

/**
 * A week nobody has written yet. Looking at it writes nothing; the server creates the draft once the apprentice
 * starts typing. Until then the editor shows it from the apprenticeship, with core's rules for what may be done.
 */
export interface BlankWeek extends IsoWeek {
  apprenticeship: ApprenticeshipView;
}

/** What the editor's header shows of a week, whether it exists or not yet. */
export interface WeekHeading extends IsoWeek {
  apprenticeName: string;
  occupation: string;
  trainingYear: number;
  weekStart: string;
  weekEnd: string;
  /** `not_started` for a week that does not exist yet. */
  status: WeekStatus | 'not_started';
  returnReason: string | null;
}

export function headingOfBlank(blank: BlankWeek): WeekHeading {
  const weekStart = mondayOf(blank);
  return {
    isoYear: blank.isoYear,
    isoWeek: blank.isoWeek,
    apprenticeName: blank.apprenticeship.apprenticeName,
    occupation: blank.apprenticeship.occupation,
    trainingYear: trainingYearOf(blank.apprenticeship.startDate, weekStart),
    weekStart,
    weekEnd: addDays(weekStart, 6),
    status: 'not_started',
    returnReason: null,
  };
}

/** Whether the week lies within the apprenticeship, the only weeks the server lets the apprentice create. */
export function blankIsInApprenticeship(blank: BlankWeek): boolean {
  return weekOverlaps(blank, blank.apprenticeship.startDate, blank.apprenticeship.endDate);
}

/**
 * What the apprentice may do with a week that does not exist yet: what they may do with a new draft, if they may
 * create it. The editor lists only the apprentice's own apprenticeships, so they are its owner.
 */
export function blankPermissions(blank: BlankWeek): { canEdit: boolean; actions: WeekAction[] } {
  if (!decideCreate('owner').ok || !blankIsInApprenticeship(blank)) {
    return { canEdit: false, actions: [] };
  }
  return viewerPermissions('owner', 'draft', blank.apprenticeship.reviewMode);
}
