import type {
  ApprenticeshipView,
  BulkApprovalView,
  MeView,
  QueueItemView,
  ReviewApproveManyInput,
  WeekOpenInput,
  WeekRefInput,
  WeekReturnInput,
  WeekSaveInput,
  WeekSummaryView,
  WeekTransitionInput,
  WeekView,
} from '@berichtsheft/core';

/**
 * What the elements need from the backend, and nothing more. The elements depend on this interface rather than on the
 * tRPC client, so tests and stories can hand them an in-memory implementation that follows the same core rules.
 * Every method rejects with an `ApiError`.
 */
export interface BerichtsheftApi {
  me(): Promise<MeView>;
  listMyApprenticeships(companyId: string): Promise<ApprenticeshipView[]>;
  listWeeks(input: { companyId: string; apprenticeshipId: string }): Promise<WeekSummaryView[]>;
  openWeek(input: WeekOpenInput): Promise<WeekView>;
  getWeek(input: WeekRefInput): Promise<WeekView>;
  saveWeek(input: WeekSaveInput): Promise<WeekView>;
  submitWeek(input: WeekTransitionInput): Promise<WeekView>;
  withdrawWeek(input: WeekTransitionInput): Promise<WeekView>;
  reviewQueue(companyId: string): Promise<QueueItemView[]>;
  approveWeek(input: WeekTransitionInput): Promise<WeekView>;
  /** Approves many weeks, each on its own; refusals come back per week, not as a rejection. */
  approveWeeks(input: ReviewApproveManyInput): Promise<BulkApprovalView>;
  returnWeek(input: WeekReturnInput): Promise<WeekView>;
}
