import { WeekEvent, type WeekEventDetail } from './week-event.js';

/** A trainer approved a week. */
export class BhReportApprovedEvent extends WeekEvent {
  static readonly eventName = 'bh-report-approved';
  constructor(detail: WeekEventDetail) {
    super(BhReportApprovedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bh-report-approved': BhReportApprovedEvent;
  }
}
