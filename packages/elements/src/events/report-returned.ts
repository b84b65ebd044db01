import { WeekEvent, type WeekEventDetail } from './week-event.js';

/** A trainer returned a week to the apprentice with a reason. */
export class BhReportReturnedEvent extends WeekEvent {
  static readonly eventName = 'bh-report-returned';
  constructor(detail: WeekEventDetail) {
    super(BhReportReturnedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bh-report-returned': BhReportReturnedEvent;
  }
}
