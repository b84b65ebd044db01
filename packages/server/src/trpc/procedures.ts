import { companyScopedInput, type ReasonCode } from '@berichtsheft/core';
import { TRPCError } from '@trpc/server';
import type { Identity } from '../context.js';
import { baseProcedure } from './init.js';
import { temporaryDatabaseFailureIsUnavailable } from './middlewares/temporary-database-failure.js';
import {
  inRequestTransaction,
  keepOutcomeOfRollback,
  rollBackUnlessOk,
} from './request-transaction.js';

/** Every procedure of the API starts here, so a busy or lost database is always a 503 and never a fault. */
export const publicProcedure = baseProcedure.use(temporaryDatabaseFailureIsUnavailable);

/** A verified identity, or UNAUTHORIZED before anything touches the database. */
function requireIdentity(identity: Identity | null): Identity {
  if (identity === null) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'authentication_required' satisfies ReasonCode,
    });
  }
  return identity;
}

/**
 * Requires a verified identity and runs the call in one transaction as the runtime role with the caller's context
 * set (S13): the person is resolved (created on first sight) and the procedure's `ctx.db` is that transaction.
 */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const identity = requireIdentity(ctx.identity);
  return keepOutcomeOfRollback(
    inRequestTransaction(ctx.database, identity, null, async (tx, caller) => {
      if (ctx.callerNote) ctx.callerNote.personId = caller.person.id;
      return rollBackUnlessOk(
        await next({ ctx: { ...ctx, db: tx, identity, person: caller.person } }),
      );
    }),
  );
});

/**
 * Reads only the company id and leaves the rest to the procedure's own strict schema. Built once: zod compiles a
 * schema on its first use, which cost more than the parse itself when this was built anew on every call.
 */
const companyIdOfInput = companyScopedInput.loose();

/**
 * Requires membership in the company named by the input's `companyId`, read from the database on every call (S9) in
 * the statement that opens the call's transaction, so a removed member is refused on the next request whatever their
 * token says. A company the caller does not belong to is reported as not found, never as forbidden (S10). The
 * company becomes the context of the row-level policies only for its members.
 */
export const companyProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  const identity = requireIdentity(ctx.identity);
  // Runs before the procedure's own strict input schema.
  const scoped = companyIdOfInput.safeParse(await getRawInput());
  if (!scoped.success) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'invalid_input' satisfies ReasonCode,
      cause: scoped.error,
    });
  }
  return keepOutcomeOfRollback(
    inRequestTransaction(ctx.database, identity, scoped.data.companyId, async (tx, caller) => {
      const { person, company } = caller;
      if (ctx.callerNote) ctx.callerNote.personId = person.id;
      if (!company) {
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: 'company_not_found' satisfies ReasonCode,
        });
      }
      return rollBackUnlessOk(await next({ ctx: { ...ctx, db: tx, identity, person, company } }));
    }),
  );
});
