import {
  companyScopedInput,
  type QueueItemView,
  reviewApproveManyInput,
  weekReturnInput,
  weekTransitionInput,
} from '@berichtsheft/core';
import { router } from '../trpc/init.js';
import { companyProcedure } from '../trpc/procedures.js';
import { approveMany } from '../workflow/review/bulk-approval.js';
import { reviewQueue } from '../workflow/review/queue.js';
import { performTransition } from '../workflow/weeks/transition.js';

export const reviewRouter = router({
  /** Weeks that wait for the caller as assigned trainer or delegate, oldest submission first. */
  queue: companyProcedure
    .input(companyScopedInput)
    .query(({ ctx }): Promise<QueueItemView[]> => reviewQueue(ctx)),

  approve: companyProcedure
    .input(weekTransitionInput)
    .mutation(({ ctx, input }) => performTransition(ctx, 'approve', input)),

  /** Approves many weeks at once, each as `approve` would; one refusal does not undo the others. */
  approveMany: companyProcedure
    .input(reviewApproveManyInput)
    .mutation(({ ctx, input }) => approveMany(ctx, input)),

  return: companyProcedure
    .input(weekReturnInput)
    .mutation(({ ctx, input }) => performTransition(ctx, 'return', input)),
});
