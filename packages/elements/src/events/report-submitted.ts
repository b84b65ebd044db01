import { WeekEvent, type WeekEventDetail } from './week-event.js';

/** The apprentice submitted a week for review. */
export class BhReportSubmittedEvent extends WeekEvent {
  static readonly eventName = 'bh-report-submitted';
  constructor(detail: WeekEventDetail) {
    super(BhReportSubmittedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bh-report-submitted': BhReportSubmittedEvent;
  }
}
