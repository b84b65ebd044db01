import { WeekEvent, type WeekEventDetail } from './week-event.js';

/** The apprentice took a submitted week back into draft. */
export class BhReportWithdrawnEvent extends WeekEvent {
  static readonly eventName = 'bh-report-withdrawn';
  constructor(detail: WeekEventDetail) {
    super(BhReportWithdrawnEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bh-report-withdrawn': BhReportWithdrawnEvent;
  }
}
