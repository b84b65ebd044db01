import { eventInit } from './event-init.js';

/** Which weeks one bulk approval acted on: ids only. `reviewed` holds a delegate's pre-approvals in two-stage review. */
export interface ReportsApprovedDetail {
  approvedWeekIds: string[];
  reviewedWeekIds: string[];
}

/** A bulk approval acted on at least one week. */
export class BhReportsApprovedEvent extends Event {
  static readonly eventName = 'bh-reports-approved';
  readonly detail: ReportsApprovedDetail;
  constructor(detail: ReportsApprovedDetail) {
    super(BhReportsApprovedEvent.eventName, eventInit);
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bh-reports-approved': BhReportsApprovedEvent;
  }
}
