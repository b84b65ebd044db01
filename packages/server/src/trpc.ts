import { companyScopedInput, type ReasonCode } from '@berichtsheft/core';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { Context, Identity } from './context.js';
import { isDatabaseBusy } from './db/gate.js';
import {
  inRequestTransaction,
  keepOutcomeOfRollback,
  rollBackUnlessOk,
} from './trpc/request-transaction.js';

export interface InputIssue {
  code: string;
  path: (string | number)[];
  message: string;
}

/** Issues of a failed input validation (zod, or any Standard Schema), or null for every other error. */
function inputIssuesOf(cause: unknown): InputIssue[] | null {
  if (typeof cause !== 'object' || cause === null || !('issues' in cause)) return null;
  const { issues } = cause;
  if (!Array.isArray(issues)) return null;
  return issues.map((issue: { code?: unknown; path?: unknown; message?: unknown }) => ({
    code: typeof issue.code === 'string' ? issue.code : 'invalid',
    path: Array.isArray(issue.path)
      ? issue.path.map((key: unknown) => (typeof key === 'number' ? key : String(key)))
      : [],
    message: typeof issue.message === 'string' ? issue.message : 'Invalid value.',
  }));
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // The same router also runs in a browser, on the embedded database: the Storybook playground and element tests.
  allowOutsideOfServer: true,
  // Stack traces never leave the server, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const issues = error.code === 'BAD_REQUEST' ? inputIssuesOf(error.cause) : null;
    // Anything unexpected (a driver error carrying SQL, a bug) reaches the client only as a stable code.
    const message =
      error.code === 'INTERNAL_SERVER_ERROR'
        ? ('internal_error' satisfies ReasonCode)
        : issues !== null
          ? ('invalid_input' satisfies ReasonCode)
          : error.message;
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        issues,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * A database that stays busy past the acquisition timeout is a temporary refusal, not a fault: SERVICE_UNAVAILABLE
 * (503, with Retry-After from the HTTP layer) and the stable reason `database_busy` (S26). Outermost, so that it
 * covers the other middlewares' queries too.
 */
const databaseBusyIsUnavailable = t.middleware(async ({ next }) => {
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

export const publicProcedure = t.procedure.use(databaseBusyIsUnavailable);

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
    inRequestTransaction(ctx.database, identity, null, async (tx, caller) =>
      rollBackUnlessOk(await next({ ctx: { ...ctx, db: tx, identity, person: caller.person } })),
    ),
  );
});

/**
 * Requires membership in the company named by the input's `companyId`, read from the database on every call (S9) in
 * the statement that opens the call's transaction, so a removed member is refused on the next request whatever their
 * token says. A company the caller does not belong to is reported as not found, never as forbidden (S10). The
 * company becomes the context of the row-level policies only for its members.
 */
export const companyProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  const identity = requireIdentity(ctx.identity);
  // Runs before the procedure's own strict input schema; reads only the company id and leaves the rest to it.
  const scoped = companyScopedInput.loose().safeParse(await getRawInput());
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
