import { isReasonCode, type ReasonCode } from '@berichtsheft/core';
import type { TRPCError } from '@trpc/server';
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

/** The reason for an error whose message is none of ours, by what kind of error tRPC says it is. */
function fallbackReason(code: TRPCError['code']): ReasonCode {
  switch (code) {
    case 'PARSE_ERROR':
    case 'BAD_REQUEST':
    case 'UNPROCESSABLE_CONTENT':
      return 'invalid_input';
    case 'NOT_FOUND':
      return 'route_not_found';
    case 'METHOD_NOT_SUPPORTED':
      return 'method_not_allowed';
    case 'PAYLOAD_TOO_LARGE':
      return 'body_too_large';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'json_required';
    case 'UNAUTHORIZED':
      return 'authentication_required';
    default:
      return 'internal_error';
  }
}

/**
 * The reason code a client is told for an error, and the access log notes: only our own stable codes leave the
 * server; anything else (a driver error carrying SQL, a parser's or a library's message, a stack overflow, a bug)
 * becomes the code that fits its kind.
 */
export function publicReason(error: TRPCError): ReasonCode {
  if (error.code === 'INTERNAL_SERVER_ERROR') return 'internal_error';
  if (error.code === 'BAD_REQUEST' && inputIssuesOf(error.cause) !== null) return 'invalid_input';
  return isReasonCode(error.message) ? error.message : fallbackReason(error.code);
}

/** How often a live stream without changes still sends something. */
export const SSE_PING_MS = 15_000;
/** How long one live stream lasts before the client re-opens it with a fresh token, resuming where it was. */
export const SSE_MAX_DURATION_MS = 10 * 60_000;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // The same router also runs in a browser, on the embedded database: the Storybook playground and element tests.
  allowOutsideOfServer: true,
  // Stack traces never leave the server, whatever NODE_ENV says.
  isDev: false,
  sse: {
    // A ping keeps proxies from cutting a quiet stream, and lets the client notice a dead one and reconnect.
    ping: { enabled: true, intervalMs: SSE_PING_MS },
    client: { reconnectAfterInactivityMs: SSE_PING_MS * 3 },
    // A stream is re-opened now and then, so its token is verified again (S2) and streams spread over the instances.
    maxDurationMs: SSE_MAX_DURATION_MS,
  },
  errorFormatter({ shape, error }) {
    const issues = error.code === 'BAD_REQUEST' ? inputIssuesOf(error.cause) : null;
    const message = publicReason(error);
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
