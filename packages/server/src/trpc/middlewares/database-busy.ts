import type { ReasonCode } from '@berichtsheft/core';
import { TRPCError } from '@trpc/server';
import { isDatabaseBusy } from '../../db/gate.js';
import { middleware } from '../init.js';

/**
 * A database that stays busy past the acquisition timeout is a temporary refusal, not a fault: SERVICE_UNAVAILABLE
 * (503, with Retry-After from the HTTP layer) and the stable reason `database_busy` (S26). Outermost, so that it
 * covers the other middlewares' queries too.
 */
export const databaseBusyIsUnavailable = middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDatabaseBusy(result.error)) {
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'database_busy' satisfies ReasonCode,
      cause: result.error,
    });
  }
  return result;
});
