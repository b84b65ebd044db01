import type { BerichtsheftApi } from './api.js';
import { toApiError } from './error-mapping.js';
import type { BerichtsheftClient } from './trpc-client.js';

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toApiError(error);
  }
}

/** Implements the elements' `BerichtsheftApi` with a tRPC client; every failure becomes an `ApiError`. */
export function apiFromClient(client: BerichtsheftClient): BerichtsheftApi {
  return {
    me: () => call(() => client.me.query()),
    listMyApprenticeships: (companyId) =>
      call(() => client.apprenticeships.listMine.query({ companyId })),
    listWeeks: (input) => call(() => client.weeks.list.query(input)),
    openWeek: (input) => call(() => client.weeks.open.mutate(input)),
    getWeek: (input) => call(() => client.weeks.get.query(input)),
    saveWeek: (input) => call(() => client.weeks.save.mutate(input)),
    submitWeek: (input) => call(() => client.weeks.submit.mutate(input)),
    withdrawWeek: (input) => call(() => client.weeks.withdraw.mutate(input)),
    reviewQueue: (companyId) => call(() => client.review.queue.query({ companyId })),
    approveWeek: (input) => call(() => client.review.approve.mutate(input)),
    approveWeeks: (input) => call(() => client.review.approveMany.mutate(input)),
    returnWeek: (input) => call(() => client.review.return.mutate(input)),
  };
}
