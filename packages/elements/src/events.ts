// Every event of the elements, one class per file under events/; each file types its entry on
// GlobalEventHandlersEventMap, so `addEventListener('bh-…')` knows the event wherever that file is loaded.
export { BhAuthRequiredEvent } from './events/auth-required.js';
export { BhReportApprovedEvent } from './events/report-approved.js';
export { BhReportReturnedEvent } from './events/report-returned.js';
export { BhReportSavedEvent } from './events/report-saved.js';
export { BhReportSubmittedEvent } from './events/report-submitted.js';
export { BhReportWithdrawnEvent } from './events/report-withdrawn.js';
export { BhReportsApprovedEvent, type ReportsApprovedDetail } from './events/reports-approved.js';
export { BhUnreadChangedEvent, type UnreadChangedDetail } from './events/unread-changed.js';
export { type WeekEventDetail, weekEventDetail } from './events/week-event.js';
