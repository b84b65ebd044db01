import type {
  ApprenticeshipRefInput,
  ApprenticeshipView,
  BulkApprovalView,
  DialogueDeleteInput,
  DialogueEditInput,
  DialogueEventsInput,
  DialogueEventView,
  DialogueMessagesInput,
  DialoguePostInput,
  DialogueReadInput,
  MessageFileView,
  MessageView,
  MeView,
  QueueItemView,
  ReadMarkerView,
  RecordDeletionView,
  RecordImportView,
  ReviewApproveManyInput,
  ThreadPageView,
  UnreadView,
  WeekFindInput,
  WeekListInput,
  WeekOpenInput,
  WeekRefInput,
  WeekReturnInput,
  WeekSaveInput,
  WeekSummaryView,
  WeekTransitionInput,
  WeekView,
} from '@berichtsheft/core';
import type { ApiError } from './errors.js';
import type { DownloadedFile, RecordDownload } from './file-transport.js';

/**
 * How one call is made. An aborted `signal` cancels the request (or leaves it out of the batch it would have joined)
 * and rejects the call with an `ApiError` of code `ABORTED`, which is no failure to show.
 */
export interface CallOptions {
  signal?: AbortSignal | undefined;
}

/** Where a live subscription stands: opening, receiving, or lost and trying again (e.g. offline, server restarting). */
export type FollowStatus = 'connecting' | 'live' | 'reconnecting';

export interface ThreadListener {
  /** A change of the thread, sent whole as it is now: apply it by id, in the order received. */
  onEvent(event: DialogueEventView): void;
  onStatus?(status: FollowStatus): void;
  /**
   * The subscription ended for good: access was lost (`NOT_FOUND`), the login failed, or the input was refused.
   * Everything else (network, restarts, a busy server) is retried without end, resuming after the last event.
   */
  onError?(error: ApiError): void;
}

/** A running subscription; `stop` ends it and any retry it has scheduled. */
export interface Following {
  stop(): void;
  /**
   * Opens the stream again at once, from the last event received: for when the page knows the connection it had is
   * gone (the browser is back online), instead of waiting for the next retry.
   */
  resume(): void;
}

/**
 * What the elements need from the backend, and nothing more. The elements depend on this interface rather than on the
 * tRPC client, so tests and stories can hand them an in-memory implementation that follows the same core rules.
 * Every method rejects with an `ApiError`.
 */
export interface BerichtsheftApi {
  me(options?: CallOptions): Promise<MeView>;
  listMyApprenticeships(companyId: string, options?: CallOptions): Promise<ApprenticeshipView[]>;
  /** Without `apprenticeshipId`: the weeks of the caller's own (first) apprenticeship in the company. */
  listWeeks(input: WeekListInput, options?: CallOptions): Promise<WeekSummaryView[]>;
  /** The week if it exists, else `null`; never creates it. Without `apprenticeshipId` as in `listWeeks`. */
  findWeek(input: WeekFindInput, options?: CallOptions): Promise<WeekView | null>;
  /** The week, created as an empty draft if it does not exist yet: call it when the apprentice starts writing. */
  openWeek(input: WeekOpenInput, options?: CallOptions): Promise<WeekView>;
  getWeek(input: WeekRefInput, options?: CallOptions): Promise<WeekView>;
  saveWeek(input: WeekSaveInput, options?: CallOptions): Promise<WeekView>;
  submitWeek(input: WeekTransitionInput, options?: CallOptions): Promise<WeekView>;
  withdrawWeek(input: WeekTransitionInput, options?: CallOptions): Promise<WeekView>;
  reviewQueue(companyId: string, options?: CallOptions): Promise<QueueItemView[]>;
  approveWeek(input: WeekTransitionInput, options?: CallOptions): Promise<WeekView>;
  /** Approves many weeks, each on its own; refusals come back per week, not as a rejection. */
  approveWeeks(input: ReviewApproveManyInput, options?: CallOptions): Promise<BulkApprovalView>;
  returnWeek(input: WeekReturnInput, options?: CallOptions): Promise<WeekView>;
  /** A page of a dialogue thread; the newest messages unless `before` names a message's `seq`. */
  threadPage(input: DialogueMessagesInput, options?: CallOptions): Promise<ThreadPageView>;
  /** The caller's unread messages in the company, per thread and in total. */
  unreadMessages(companyId: string, options?: CallOptions): Promise<UnreadView>;
  /** Sends a message; a retry with the same `clientKey` sends it once. */
  postMessage(input: DialoguePostInput, options?: CallOptions): Promise<MessageView>;
  editMessage(input: DialogueEditInput, options?: CallOptions): Promise<MessageView>;
  deleteMessage(input: DialogueDeleteInput, options?: CallOptions): Promise<MessageView>;
  /** Moves the caller's read marker forward; null when it stood there already. */
  markThreadRead(input: DialogueReadInput, options?: CallOptions): Promise<ReadMarkerView | null>;
  /**
   * Follows a thread live (server-sent events, the token in a header). Pass the page's `lastSeq` as `lastEventId`;
   * a reconnect resumes after the last event received, so nothing is missed or repeated.
   */
  followThread(input: DialogueEventsInput, listener: ThreadListener): Following;
  /**
   * Uploads a file for a message the caller is about to send (PDF, PNG or JPEG, decided by its bytes); pass its id
   * in `attachmentIds` when posting. Until then nobody else sees it.
   */
  uploadMessageFile(
    companyId: string,
    file: Blob,
    fileName: string,
    options?: CallOptions,
  ): Promise<MessageFileView>;
  /** A message's file, for a participant of its thread. */
  downloadMessageFile(companyId: string, fileId: string, options?: CallOptions): Promise<Blob>;
  /**
   * The record as a PDF for the exam (apprentice and trainers) or everything as a ZIP (the apprentice alone); `onProgress`
   * follows the download.
   */
  downloadRecord(request: RecordDownload, options?: CallOptions): Promise<DownloadedFile>;
  /** Imports a ZIP from an export into one of the caller's own apprenticeships; all of it or nothing. */
  importRecord(
    companyId: string,
    apprenticeshipId: string,
    file: Blob,
    options?: CallOptions,
  ): Promise<RecordImportView>;
  /** Deletes the caller's record after the apprenticeship ended and after an export (S24). */
  deleteRecord(input: ApprenticeshipRefInput, options?: CallOptions): Promise<RecordDeletionView>;
}
