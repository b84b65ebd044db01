import {
  assignmentRoleOf,
  decideTransition,
  type WeekAction,
  type WeekView,
  weekContentHash,
} from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import { conflict, refuse } from '../../access/refusals.js';
import { loadVisibleWeek } from '../../access/visibility.js';
import { insertApproval } from '../../db/queries/approvals.js';
import { findTransitionByKey, insertTransition } from '../../db/queries/transitions.js';
import { loadWeekDays } from '../../db/queries/week-content.js';
import { updateWeekIfVersion, type WeekChange } from '../../db/queries/weeks.js';
import { reloadWeek } from './reload.js';
import { buildWeekView } from './view.js';

export interface TransitionRequest {
  weekId: string;
  version: number;
  idempotencyKey?: string | undefined;
  reason?: string | undefined;
}

/**
 * Moves a week one step through the workflow, in one transaction with its audit row (and, on final approval, the
 * approval with the hash of exactly the approved content). The version guards against acting on a stale view (S17);
 * a retried request with the same idempotency key returns the week as it is now instead of acting twice (S18).
 */
export async function performTransition(
  scope: CallerScope,
  action: WeekAction,
  request: TransitionRequest,
): Promise<WeekView> {
  const companyId = scope.company.companyId;
  return scope.db.transaction(async (tx) => {
    const { week, relation } = await loadVisibleWeek(scope, request.weekId, tx);
    const replay = async (): Promise<WeekView | null> => {
      if (request.idempotencyKey === undefined) return null;
      const earlier = await findTransitionByKey(tx, companyId, week.id, request.idempotencyKey);
      if (!earlier) return null;
      if (earlier.action !== action || earlier.actorId !== scope.person.id) {
        conflict('idempotency_key_reused');
      }
      return buildWeekView(tx, companyId, await reloadWeek(tx, companyId, week.id), relation);
    };

    const replayed = await replay();
    if (replayed) return replayed;
    const decision = decideTransition(relation, week.status, action, week.reviewMode);
    if (!decision.ok) refuse(decision);
    if (week.version !== request.version) conflict('stale_version');

    const now = new Date();
    const change: WeekChange = { status: decision.to };
    if (action === 'submit') Object.assign(change, { submittedAt: now, returnReason: null });
    if (action === 'withdraw') change.submittedAt = null;
    if (action === 'return') change.returnReason = request.reason ?? null;
    if (decision.to === 'approved') change.approvedAt = now;

    const written = await updateWeekIfVersion(tx, companyId, week.id, request.version, change);
    if (!written) {
      // A parallel retry of this very request may have won the race; it committed before our update gave up.
      const raced = await replay();
      if (raced) return raced;
      conflict('stale_version');
    }
    await insertTransition(tx, {
      weekId: week.id,
      action,
      fromStatus: week.status,
      toStatus: decision.to,
      actorId: scope.person.id,
      reason: request.reason ?? null,
      idempotencyKey: request.idempotencyKey ?? null,
    });
    if (decision.to === 'approved') {
      // Read after the version-guarded update: the row lock keeps every save out, so this is the approved content.
      const days = await loadWeekDays(tx, companyId, week.id);
      const hash = await weekContentHash({ department: week.department, days });
      await insertApproval(tx, {
        weekId: week.id,
        version: request.version + 1,
        contentHash: hash,
        approverId: scope.person.id,
        approverRole: assignmentRoleOf(relation),
      });
    }
    return buildWeekView(tx, companyId, await reloadWeek(tx, companyId, week.id), relation);
  });
}
