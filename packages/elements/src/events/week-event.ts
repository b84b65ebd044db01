import type { WeekStatus } from '@berichtsheft/core';
import { eventInit } from './event-init.js';

/** Summary of a week carried by the report events: ids and status, never the content. */
export interface WeekEventDetail {
  weekId: string;
  apprenticeshipId: string;
  isoYear: number;
  isoWeek: number;
  version: number;
  status: WeekStatus;
}

/** An event about one week, with that week's summary as `detail`. */
export abstract class WeekEvent extends Event {
  readonly detail: WeekEventDetail;
  constructor(type: string, detail: WeekEventDetail) {
    super(type, eventInit);
    this.detail = detail;
  }
}

/** The detail of a report event for a week as the API returns it. */
export function weekEventDetail(
  week: Omit<WeekEventDetail, 'weekId'> & { id: string },
): WeekEventDetail {
  return {
    weekId: week.id,
    apprenticeshipId: week.apprenticeshipId,
    isoYear: week.isoYear,
    isoWeek: week.isoWeek,
    version: week.version,
    status: week.status,
  };
}
