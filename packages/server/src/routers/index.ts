import { router } from '../trpc/init.js';
import { apprenticeshipsRouter } from './apprenticeships.js';
import { dialogueRouter } from './dialogue.js';
import { meProcedure } from './me.js';
import { recordsRouter } from './records.js';
import { reviewRouter } from './review.js';
import { weeksRouter } from './weeks.js';

/** The whole API; clients import only its type. */
export const appRouter = router({
  me: meProcedure,
  apprenticeships: apprenticeshipsRouter,
  weeks: weeksRouter,
  review: reviewRouter,
  dialogue: dialogueRouter,
  records: recordsRouter,
});

export type AppRouter = typeof appRouter;
