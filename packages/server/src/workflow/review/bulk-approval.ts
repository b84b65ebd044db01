import {
  type BulkApprovalResultView,
  type BulkApprovalView,
  isReasonCode,
  type ReasonCode,
  type ReviewApproveManyInput,
  weekSummaryOf,
} from '@berichtsheft/core';
import { TRPCError } from '@trpc/server';
import type { CallerScope } from '../../access/caller-scope.js';
import { performTransition } from '../weeks/transition.js';

/**
 * The idempotency key of one week of a bulk approval: a name-based UUID (version 5 layout, SHA-1 over the request's
 * key as namespace and the week id as name). The same request key and week always give the same key, different weeks
 * different keys, so a retried bulk call finds each week's earlier transition instead of acting again (S18).
 */
export async function weekIdempotencyKey(requestKey: string, weekId: string): Promise<string> {
  const namespace = hexBytes(requestKey.replaceAll('-', ''));
  const name = new TextEncoder().encode(weekId.toLowerCase());
  const message = new Uint8Array(namespace.length + name.length);
  message.set(namespace);
  message.set(name, namespace.length);
  // WebCrypto rather than node:crypto, so that the router also runs in a browser (the Storybook playground).
  const bytes = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', message)).subarray(
    0,
    16,
  );
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

const SERVER_SIDE = new Set<TRPCError['code']>(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

function refused(weekId: string, reason: ReasonCode): BulkApprovalResultView {
  return { weekId, outcome: 'refused', reason, week: null };
}

/**
 * Approves each week exactly as `review.approve` would, each in a savepoint of the call's transaction, so a refused
 * week leaves the others approved. Refusals become results carrying the rule's reason code; a week the caller may not
 * see gets the same `week_not_found` as a week that does not exist. A fault or a busy database still fails the call
 * and, the call being one transaction, undoes its approvals; a retry with the same key then approves them afresh,
 * and one that follows a committed call finds each week's earlier transition instead of acting again (S18).
 *
 * Weeks are approved in the order of their ids and reported in the order asked: each approval keeps its week locked
 * until the call commits, and two calls that lock overlapping weeks in the same order wait for each other instead of
 * deadlocking.
 */
export async function approveMany(
  scope: CallerScope,
  input: ReviewApproveManyInput,
): Promise<BulkApprovalView> {
  const results: BulkApprovalResultView[] = new Array(input.weeks.length);
  const lockOrder = input.weeks
    .map((week, position) => ({ ...week, position }))
    .sort((a, b) => compareIds(a.weekId, b.weekId));
  for (const { weekId, version, position } of lockOrder) {
    const idempotencyKey =
      input.idempotencyKey === undefined
        ? undefined
        : await weekIdempotencyKey(input.idempotencyKey, weekId);
    results[position] = await approveOne(scope, weekId, version, idempotencyKey);
  }
  return { results };
}

async function approveOne(
  scope: CallerScope,
  weekId: string,
  version: number,
  idempotencyKey: string | undefined,
): Promise<BulkApprovalResultView> {
  try {
    const week = await performTransition(scope, 'approve', { weekId, version, idempotencyKey });
    if (week.status === 'approved' || week.status === 'reviewed') {
      return { weekId, outcome: week.status, reason: null, week: weekSummaryOf(week) };
    }
    // A replay of an approval this caller made earlier, on a week that has since moved on (e.g. was returned).
    return refused(weekId, 'transition_not_allowed');
  } catch (error) {
    // A fault or a busy database is not a verdict on this week: the call fails, and a retry with the same key resumes.
    if (!(error instanceof TRPCError) || SERVER_SIDE.has(error.code)) throw error;
    // Every refusal carries a reason code; anything else would be text the client must never show.
    return refused(weekId, isReasonCode(error.message) ? error.message : 'internal_error');
  }
}

/** One order for every server and locale: by code unit, case aside (a uuid may be written in either case). */
function compareIds(a: string, b: string): number {
  const [left, right] = [a.toLowerCase(), b.toLowerCase()];
  return left < right ? -1 : left > right ? 1 : 0;
}
