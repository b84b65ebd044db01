import {
  mondayOf,
  type WeekSummaryView,
  type WeekView,
  weekFindInput,
  weekListInput,
  weekOpenInput,
  weekRefInput,
  weekSaveInput,
  weekTransitionInput,
} from '@berichtsheft/core';
import { findWeekByIsoWeek, listWeeksOfApprenticeship } from '../db/queries/weeks.js';
import { router } from '../trpc/init.js';
import { companyProcedure } from '../trpc/procedures.js';
import { loadTargetApprenticeship, loadVisibleWeek } from './week-access.js';
import { openWeek, saveWeek } from './week-editing.js';
import { performTransition } from './week-transition.js';
import { verifyWeek } from './week-verification.js';
import { buildWeekView } from './week-view.js';

export const weeksRouter = router({
  /**
   * The weeks of an apprenticeship, newest first; for the apprentice and their assigned reviewers. Without an id, of
   * the caller's own apprenticeship.
   */
  list: companyProcedure
    .input(weekListInput)
    .query(async ({ ctx, input }): Promise<WeekSummaryView[]> => {
      const { apprenticeship } = await loadTargetApprenticeship(ctx, input.apprenticeshipId);
      const weeks = await listWeeksOfApprenticeship(
        ctx.db,
        ctx.company.companyId,
        apprenticeship.id,
      );
      return weeks.map((week) => ({ ...week, weekStart: mondayOf(week) }));
    }),

  /**
   * The week of an ISO week as it is, or `null` while nobody has written it: looking at a week writes nothing. Without
   * an id, of the caller's own apprenticeship; the same people see it as with `get`.
   */
  find: companyProcedure
    .input(weekFindInput)
    .query(async ({ ctx, input }): Promise<WeekView | null> => {
      const { apprenticeship, relation } = await loadTargetApprenticeship(
        ctx,
        input.apprenticeshipId,
      );
      const companyId = ctx.company.companyId;
      const week = await findWeekByIsoWeek(ctx.db, companyId, apprenticeship.id, input);
      return week ? buildWeekView(ctx.db, companyId, week, relation) : null;
    }),

  /** The apprentice's week, created as an empty draft when they first write in it. */
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
