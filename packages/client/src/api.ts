import type {
  ApprenticeshipView,
  BulkApprovalView,
  MeView,
  QueueItemView,
  ReviewApproveManyInput,
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

/**
 * How one call is made. An aborted `signal` cancels the request (or leaves it out of the batch it would have joined)
 * and rejects the call with an `ApiError` of code `ABORTED`, which is no failure to show.
 */
export interface CallOptions {
  signal?: AbortSignal | undefined;
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
}
