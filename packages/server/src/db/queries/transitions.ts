import type { TransitionView, WeekAction, WeekStatus } from '@berichtsheft/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { people, reportWeeks, statusTransitions } from '../schema/index.js';

export async function insertTransition(
  db: Executor,
  transition: {
    weekId: string;
    action: WeekAction;
    fromStatus: WeekStatus;
    toStatus: WeekStatus;
    actorId: string;
    reason: string | null;
    idempotencyKey: string | null;
  },
): Promise<void> {
  await db.insert(statusTransitions).values(transition);
}

/** The transition an earlier request with the same idempotency key made on this week, if any. */
export async function findTransitionByKey(
  db: Executor,
  companyId: string,
  weekId: string,
  idempotencyKey: string,
): Promise<{ action: WeekAction; actorId: string } | undefined> {
  const [found] = await db
    .select({ action: statusTransitions.action, actorId: statusTransitions.actorId })
    .from(statusTransitions)
    .innerJoin(reportWeeks, eq(reportWeeks.id, statusTransitions.weekId))
    .where(
      and(
        eq(reportWeeks.companyId, companyId),
        eq(statusTransitions.weekId, weekId),
        eq(statusTransitions.idempotencyKey, idempotencyKey),
      ),
    )
    .prepare('find_transition_by_key')
    .execute();
  return found;
}

/** The week's history, oldest first. */
export async function listTransitions(
  db: Executor,
  companyId: string,
  weekId: string,
): Promise<TransitionView[]> {
  return db
    .select({
      action: statusTransitions.action,
      from: statusTransitions.fromStatus,
      to: statusTransitions.toStatus,
      actorName: people.displayName,
      reason: statusTransitions.reason,
      at: statusTransitions.at,
    })
    .from(statusTransitions)
    .innerJoin(reportWeeks, eq(reportWeeks.id, statusTransitions.weekId))
    .innerJoin(people, eq(people.id, statusTransitions.actorId))
    .where(and(eq(reportWeeks.companyId, companyId), eq(statusTransitions.weekId, weekId)))
    .orderBy(asc(statusTransitions.at), asc(statusTransitions.id))
    .prepare('list_transitions')
    .execute();
}

/** How many transitions a week has; for audits and tests of idempotency. */
export async function countTransitions(
  db: Executor,
  companyId: string,
  weekId: string,
): Promise<number> {
  return (await listTransitions(db, companyId, weekId)).length;
}
