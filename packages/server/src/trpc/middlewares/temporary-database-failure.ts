import { TRPCError } from '@trpc/server';
import { temporaryDatabaseReason } from '../../db/temporary-failure.js';
import { middleware } from '../init.js';

/**
 * A database that stays busy past the acquisition timeout, or that is out of reach (a failover, a restart, every
 * connection terminated), is a temporary refusal, not a fault: SERVICE_UNAVAILABLE (503, with Retry-After from the
 * HTTP layer) and the stable reason `database_busy` or `database_unavailable` (S26). The call's transaction did not
 * commit, so nothing of it was written. Outermost, so that it covers the other middlewares' queries too.
 */
export const temporaryDatabaseFailureIsUnavailable = middleware(async ({ next }) => {
  const result = await next();
  const reason = result.ok ? null : temporaryDatabaseReason(result.error);
  if (!result.ok && reason !== null) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: reason, cause: result.error });
  }
  return result;
});
