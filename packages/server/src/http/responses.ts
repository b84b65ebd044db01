import type { ReasonCode } from '@berichtsheft/core';

/** Error codes use tRPC's vocabulary so a client reads every refusal the same way. */
export type HttpErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_SUPPORTED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';

export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const merged = new Headers(headers);
  merged.set('content-type', 'application/json; charset=utf-8');
  merged.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: merged });
}

/** `{ error: { code, reason } }` with a stable snake_case reason and nothing else: no message, no stack. */
export function errorResponse(
  status: number,
  code: HttpErrorCode,
  reason: ReasonCode,
  headers: HeadersInit = {},
): Response {
  return jsonResponse(status, { error: { code, reason } }, headers);
}

/** Seconds a client should wait before retrying when every database connection was busy (S26). */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 1;

export const databaseBusyHeaders = (): Record<string, string> => ({
  'retry-after': String(DATABASE_BUSY_RETRY_AFTER_SECONDS),
});
