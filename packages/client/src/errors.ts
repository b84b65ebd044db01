/**
 * Error codes the API can answer with, as tRPC names them, plus `NETWORK_ERROR` when no answer arrived at all and
 * `ABORTED` when the caller cancelled the call itself.
 */
export const API_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'NETWORK_ERROR',
  'ABORTED',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Reasons the client gives a failure itself, when no answer with a usable reason code arrived; every other reason
 * is one of the server's (`REASON_CODES` in @berichtsheft/core).
 */
export const CLIENT_REASON_CODES = [
  // The host's login could not provide a token the server accepts, after the one allowed refresh.
  'auth_required',
  // No answer at all: offline, DNS, CORS, a proxy in between.
  'network_error',
  // An answer whose message is not a reason code (free text never reaches the UI as if it were one).
  'unexpected',
] as const;
export type ClientReasonCode = (typeof CLIENT_REASON_CODES)[number];

/**
 * A failed API call: `code` says what kind of failure, `reason` is the server's stable snake_case reason code
 * (`stale_version`, `week_not_editable`, `company_not_found`, …) that the elements turn into localized text.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly reason: string;

  constructor(code: ApiErrorCode, reason: string, options?: { cause?: unknown }) {
    super(`${code}: ${reason}`, options);
    this.code = code;
    this.reason = reason;
  }
}

/**
 * Recognises an `ApiError` also when it comes from another copy of this package (a page may load the script-tag
 * bundle next to an npm build), where `instanceof` would say no.
 */
export function isApiError(value: unknown): value is ApiError {
  if (value instanceof ApiError) return true;
  if (!(value instanceof Error) || value.name !== 'ApiError') return false;
  const candidate = value as Error & { code?: unknown; reason?: unknown };
  return (
    typeof candidate.reason === 'string' &&
    (API_ERROR_CODES as readonly unknown[]).includes(candidate.code)
  );
}

/** Thrown when the host's login could not provide a token the server accepts, after the one allowed refresh. */
export class AuthRequiredError extends ApiError {
  constructor(reason: string = 'auth_required' satisfies ClientReasonCode) {
    super('UNAUTHORIZED', reason);
  }
}

/** The caller cancelled the call (its `signal` was aborted): nothing went wrong, and nothing is to be shown. */
export function isAborted(value: unknown): boolean {
  return isApiError(value) && value.code === 'ABORTED';
}
