import type { ReasonCode } from '@berichtsheft/core';
import type { TemporaryDatabaseReason } from '../db/temporary-failure.js';

/** Error codes use tRPC's vocabulary so a client reads every refusal the same way. */
export type HttpErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'METHOD_NOT_SUPPORTED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';

export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const merged = new Headers(headers);
  merged.set('content-type', 'application/json; charset=utf-8');
  merged.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: merged });
}

/** The reason each refusal of the HTTP layer was built with, for its line in the access log. */
const REASONS = new WeakMap<Response, ReasonCode>();

/** `{ error: { code, reason } }` with a stable snake_case reason and nothing else: no message, no stack. */
export function errorResponse(
  status: number,
  code: HttpErrorCode,
  reason: ReasonCode,
  headers: HeadersInit = {},
): Response {
  const response = jsonResponse(status, { error: { code, reason } }, headers);
  REASONS.set(response, reason);
  return response;
}

/** The reason an error response of the HTTP layer gives; null for any other response. */
export function reasonOfResponse(response: Response): ReasonCode | null {
  return REASONS.get(response) ?? null;
}

/**
 * Seconds a client should wait before retrying (S26): a busy pool frees up within a request's time, a lost
 * database (a failover, a restart) takes a few seconds to come back.
 */
export const RETRY_AFTER_SECONDS: Readonly<Record<TemporaryDatabaseReason, number>> = {
  database_busy: 1,
  database_unavailable: 5,
};

export const retryAfterHeaders = (reason: TemporaryDatabaseReason): Record<string, string> => ({
  'retry-after': String(RETRY_AFTER_SECONDS[reason]),
});

const CODE_OF_STATUS = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
} as const satisfies Record<number, HttpErrorCode>;

/** The answer to a refused use case behind an HTTP route (files, exports), with its reason and any details. */
export function refusalResponse(
  refusal: { status: keyof typeof CODE_OF_STATUS; reason: ReasonCode },
  details: Record<string, unknown> = {},
): Response {
  const response = jsonResponse(refusal.status, {
    error: { code: CODE_OF_STATUS[refusal.status], reason: refusal.reason, ...details },
  });
  REASONS.set(response, refusal.reason);
  return response;
}
