import { AUTH_REASON_CODES, type AuthReasonCode } from '@berichtsheft/core';

/**
 * Stable reason codes for a refused token, kept with every other reason code in core. All but `issuer_unreachable`
 * mean "this token is not good" (401); that one means "we cannot check right now" (503).
 */
export const AUTH_FAILURE_REASONS = AUTH_REASON_CODES;

export type AuthFailureReason = AuthReasonCode;

export function statusForReason(reason: AuthFailureReason): 401 | 503 {
  return reason === 'issuer_unreachable' ? 503 : 401;
}

/** Thrown inside verification when the issuer's discovery document or key set cannot be loaded. */
export class IssuerUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IssuerUnreachableError';
  }
}
