import { type ApprenticeshipView, companyScopedInput } from '@berichtsheft/core';
import { listApprenticeshipsOfApprentice } from '../db/queries/apprenticeships.js';
import { router } from '../trpc/init.js';
import { companyProcedure } from '../trpc/procedures.js';

export const apprenticeshipsRouter = router({
  /** The caller's own apprenticeships in the company. */
  listMine: companyProcedure
    .input(companyScopedInput)
    .query(
      async ({ ctx }): Promise<ApprenticeshipView[]> =>
        listApprenticeshipsOfApprentice(ctx.db, ctx.company.companyId, ctx.person.id),
    ),
});
