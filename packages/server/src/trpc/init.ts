import type { ReasonCode } from '@berichtsheft/core';
import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import type { Context } from '../context.js';

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
export const middleware = t.middleware;
/** The bare procedure, without any middleware; every procedure of the API starts from `publicProcedure` instead. */
export const baseProcedure = t.procedure;
