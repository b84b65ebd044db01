import type { WeekStatus } from '@berichtsheft/core';

/** Summary of a week carried by the report events: ids and status, never the content. */
export interface WeekEventDetail {
  weekId: string;
  apprenticeshipId: string;
  isoYear: number;
  isoWeek: number;
  version: number;
  status: WeekStatus;
}

const init = { bubbles: true, composed: true } as const;

/** The host's login could not provide a token the API accepts; the host should sign the user in again. */
export class BhAuthRequiredEvent extends Event {
  static readonly eventName = 'bh-auth-required';
  constructor() {
    super(BhAuthRequiredEvent.eventName, init);
  }
}

abstract class WeekEvent extends Event {
  readonly detail: WeekEventDetail;
  constructor(type: string, detail: WeekEventDetail) {
    super(type, init);
    this.detail = detail;
  }
}

export class BhReportSavedEvent extends WeekEvent {
  static readonly eventName = 'bh-report-saved';
  constructor(detail: WeekEventDetail) {
    super(BhReportSavedEvent.eventName, detail);
  }
}

export class BhReportSubmittedEvent extends WeekEvent {
  static readonly eventName = 'bh-report-submitted';
  constructor(detail: WeekEventDetail) {
    super(BhReportSubmittedEvent.eventName, detail);
  }
}

export class BhReportWithdrawnEvent extends WeekEvent {
  static readonly eventName = 'bh-report-withdrawn';
  constructor(detail: WeekEventDetail) {
    super(BhReportWithdrawnEvent.eventName, detail);
  }
}

export class BhReportApprovedEvent extends WeekEvent {
  static readonly eventName = 'bh-report-approved';
  constructor(detail: WeekEventDetail) {
    super(BhReportApprovedEvent.eventName, detail);
  }
}

export class BhReportReturnedEvent extends WeekEvent {
  static readonly eventName = 'bh-report-returned';
  constructor(detail: WeekEventDetail) {
    super(BhReportReturnedEvent.eventName, detail);
  }
}

/** Which weeks one bulk approval acted on: ids only. `reviewed` holds a delegate's pre-approvals in two-stage review. */
export interface ReportsApprovedDetail {
  approvedWeekIds: string[];
  reviewedWeekIds: string[];
}

export class BhReportsApprovedEvent extends Event {
  static readonly eventName = 'bh-reports-approved';
  readonly detail: ReportsApprovedDetail;
  constructor(detail: ReportsApprovedDetail) {
    super(BhReportsApprovedEvent.eventName, init);
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

declare global {
  interface HTMLElementEventMap {
    'bh-auth-required': BhAuthRequiredEvent;
    'bh-report-saved': BhReportSavedEvent;
    'bh-report-submitted': BhReportSubmittedEvent;
    'bh-report-withdrawn': BhReportWithdrawnEvent;
    'bh-report-approved': BhReportApprovedEvent;
    'bh-report-returned': BhReportReturnedEvent;
    'bh-reports-approved': BhReportsApprovedEvent;
  }
}
