import type { ReasonCode } from '@berichtsheft/core';
import { TRPCClientError } from '@trpc/client';
import {
  API_ERROR_CODES,
  ApiError,
  type ApiErrorCode,
  type ClientReasonCode,
  isApiError,
} from './errors.js';

const REASON_PATTERN = /^[a-z][a-z0-9_]*$/;

function codeOf(value: unknown): ApiErrorCode {
  return (API_ERROR_CODES as readonly unknown[]).includes(value)
    ? (value as ApiErrorCode)
    : 'INTERNAL_SERVER_ERROR';
}

/**
 * Turns whatever a call threw into an `ApiError`. The server's messages are stable reason codes; anything else
 * (a zod message, a proxy's error page) gets a generic reason so no free text reaches the UI as if it were one.
 */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  if (error instanceof TRPCClientError) {
    if (isApiError(error.cause)) return error.cause;
    const data: unknown = error.data;
    const code =
      typeof data === 'object' && data !== null ? (data as { code?: unknown }).code : null;
    if (code === undefined || code === null) {
      return new ApiError('NETWORK_ERROR', 'network_error' satisfies ClientReasonCode, {
        cause: error,
      });
    }
    const mapped = codeOf(code);
    const reason = REASON_PATTERN.test(error.message)
      ? error.message
      : mapped === 'BAD_REQUEST'
        ? ('invalid_input' satisfies ReasonCode)
        : ('unexpected' satisfies ClientReasonCode);
    return new ApiError(mapped, reason, { cause: error });
  }
  return new ApiError('NETWORK_ERROR', 'network_error' satisfies ClientReasonCode, {
    cause: error,
  });
}
