import { apprenticeshipRefInput } from '@berichtsheft/core';
import { router } from '../trpc/init.js';
import { companyProcedure } from '../trpc/procedures.js';
import { deleteRecord } from '../workflow/export/delete-record.js';

/** The record as a whole. Its exports and import are HTTP routes beside tRPC (`/records/…`), as files are. */
export const recordsRouter = router({
  /** Deletes the caller's own record after the apprenticeship ended and after an export (S24). */
  delete: companyProcedure
    .input(apprenticeshipRefInput)
    .mutation(({ ctx, input }) => deleteRecord(ctx, input.apprenticeshipId)),
});
