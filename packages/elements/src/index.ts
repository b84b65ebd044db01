export type { ApiError, BerichtsheftApi } from '@berichtsheft/client';
export { type BerichtsheftContext, berichtsheftContext } from './context.js';
export { defineElement, ELEMENTS_VERSION } from './define/define.js';
export { BhDialogueThread } from './dialogue-thread/dialogue-thread.js';
export {
  BhAuthRequiredEvent,
  BhReportApprovedEvent,
  BhReportReturnedEvent,
  BhReportSavedEvent,
  BhReportSubmittedEvent,
  BhReportsApprovedEvent,
  BhReportWithdrawnEvent,
  BhUnreadChangedEvent,
  type ReportsApprovedDetail,
  type UnreadChangedDetail,
  type WeekEventDetail,
} from './events.js';
export { applyLocale, type BhLocale, getLocale, resolveLocale } from './localization.js';
export { BhProvider } from './provider/provider.js';
export { BhRecordExport } from './record-export/record-export.js';
export { BhReportEditor } from './report-editor/report-editor.js';
export { BhConnectedElement } from './shared/bh-connected-element.js';
export { BhElement } from './shared/bh-element.js';
export { BhSignoffQueue } from './signoff-queue/signoff-queue.js';
