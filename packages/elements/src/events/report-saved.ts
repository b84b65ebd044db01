import { WeekEvent, type WeekEventDetail } from './week-event.js';

/** The apprentice saved a week; `detail` carries its ids, version and status. */
export class BhReportSavedEvent extends WeekEvent {
  static readonly eventName = 'bh-report-saved';
  constructor(detail: WeekEventDetail) {
    super(BhReportSavedEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bh-report-saved': BhReportSavedEvent;
  }
}
