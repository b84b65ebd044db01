import { isReasonCode, type ReasonCode } from '@berichtsheft/core';
import { TRPCError } from '@trpc/server';
import type { Identity } from '../context.js';
import type { Database } from '../db/database.js';
import { inRequestTransaction } from '../trpc/request-transaction.js';
import type { CallerScope } from './caller-scope.js';

/** What a use case behind an HTTP route (files, exports) answers: its value, or why it refused and with which status. */
export type RouteOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; status: 400 | 403 | 404 | 409 | 413 | 415; reason: ReasonCode };

const STATUS_OF: Partial<Record<TRPCError['code'], 400 | 403 | 404 | 409>> = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/**
 * Runs `work` as the caller in the company, in a request transaction like every call; not a member: not found. The
 * refusals the shared access checks throw for tRPC become the same refusals as an outcome, and roll the work back.
 */
export async function asMember<T>(
  database: Database,
  identity: Identity,
  companyId: string,
  work: (scope: CallerScope) => Promise<RouteOutcome<T>>,
  onCaller?: (personId: string) => void,
): Promise<RouteOutcome<T>> {
  try {
    return await inRequestTransaction(database, identity, companyId, async (tx, caller) => {
      onCaller?.(caller.person.id);
      if (!caller.company) return { ok: false, status: 404, reason: 'company_not_found' };
      return work({ db: tx, person: caller.person, company: caller.company });
    });
  } catch (error) {
    const status = error instanceof TRPCError ? STATUS_OF[error.code] : undefined;
    if (status === undefined || !(error instanceof TRPCError) || !isReasonCode(error.message)) {
      throw error;
    }
    return { ok: false, status, reason: error.message };
  }
}
