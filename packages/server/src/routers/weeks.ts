import {
  apprenticeshipRefInput,
  mondayOf,
  type WeekSummaryView,
  weekOpenInput,
  weekRefInput,
  weekSaveInput,
  weekTransitionInput,
} from '@berichtsheft/core';
import { listWeeksOfApprenticeship } from '../db/queries/weeks.js';
import { companyProcedure, router } from '../trpc.js';
import { loadVisibleApprenticeship, loadVisibleWeek } from './week-access.js';
import { openWeek, saveWeek } from './week-editing.js';
import { performTransition } from './week-transition.js';
import { verifyWeek } from './week-verification.js';
import { buildWeekView } from './week-view.js';

export const weeksRouter = router({
  /** The weeks of an apprenticeship, newest first; for the apprentice and their assigned reviewers. */
  list: companyProcedure
    .input(apprenticeshipRefInput)
    .query(async ({ ctx, input }): Promise<WeekSummaryView[]> => {
      const { apprenticeship } = await loadVisibleApprenticeship(ctx, input.apprenticeshipId);
      const weeks = await listWeeksOfApprenticeship(
        ctx.db,
        ctx.company.companyId,
        apprenticeship.id,
      );
      return weeks.map((week) => ({ ...week, weekStart: mondayOf(week) }));
    }),

  open: companyProcedure.input(weekOpenInput).mutation(({ ctx, input }) => openWeek(ctx, input)),

  get: companyProcedure.input(weekRefInput).query(async ({ ctx, input }) => {
    const { week, relation } = await loadVisibleWeek(ctx, input.weekId);
    return buildWeekView(ctx.db, ctx.company.companyId, week, relation);
  }),

  /** Whether the week's content is still exactly what its approval signed. */
  verify: companyProcedure.input(weekRefInput).query(async ({ ctx, input }) => {
    const { week } = await loadVisibleWeek(ctx, input.weekId);
    return verifyWeek(ctx.db, ctx.company.companyId, week);
  }),

  save: companyProcedure.input(weekSaveInput).mutation(({ ctx, input }) => saveWeek(ctx, input)),

  submit: companyProcedure
    .input(weekTransitionInput)
    .mutation(({ ctx, input }) => performTransition(ctx, 'submit', input)),

  withdraw: companyProcedure
    .input(weekTransitionInput)
    .mutation(({ ctx, input }) => performTransition(ctx, 'withdraw', input)),
});
