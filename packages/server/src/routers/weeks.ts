import {
  type WeekSummaryView,
  type WeekView,
  weekFindInput,
  weekListInput,
  weekOpenInput,
  weekRefInput,
  weekSaveInput,
  weekTransitionInput,
} from '@berichtsheft/core';
import { router } from '../trpc/init.js';
import { companyProcedure } from '../trpc/procedures.js';
import { openWeek, saveWeek } from '../workflow/weeks/editing.js';
import { findWeekOfIsoWeek, getWeek, listWeeks } from '../workflow/weeks/reading.js';
import { performTransition } from '../workflow/weeks/transition.js';
import { verifyWeek } from '../workflow/weeks/verification.js';

export const weeksRouter = router({
  /**
   * The weeks of an apprenticeship, newest first; for the apprentice and their assigned reviewers. Without an id, of
   * the caller's own apprenticeship.
   */
  list: companyProcedure
    .input(weekListInput)
    .query(({ ctx, input }): Promise<WeekSummaryView[]> => listWeeks(ctx, input)),

  /**
   * The week of an ISO week as it is, or `null` while nobody has written it: looking at a week writes nothing. Without
   * an id, of the caller's own apprenticeship; the same people see it as with `get`.
   */
  find: companyProcedure
    .input(weekFindInput)
    .query(({ ctx, input }): Promise<WeekView | null> => findWeekOfIsoWeek(ctx, input)),

  /** The apprentice's week, created as an empty draft when they first write in it. */
  open: companyProcedure.input(weekOpenInput).mutation(({ ctx, input }) => openWeek(ctx, input)),

  get: companyProcedure.input(weekRefInput).query(({ ctx, input }) => getWeek(ctx, input)),

  /** Whether the week's content is still exactly what its approval signed. */
  verify: companyProcedure.input(weekRefInput).query(({ ctx, input }) => verifyWeek(ctx, input)),

  save: companyProcedure.input(weekSaveInput).mutation(({ ctx, input }) => saveWeek(ctx, input)),

  submit: companyProcedure
    .input(weekTransitionInput)
    .mutation(({ ctx, input }) => performTransition(ctx, 'submit', input)),

  withdraw: companyProcedure
    .input(weekTransitionInput)
    .mutation(({ ctx, input }) => performTransition(ctx, 'withdraw', input)),
});
