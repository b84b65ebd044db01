/**
 * Stable reason codes for a refused token. Clients and operators rely on these strings; never rename one.
 * All but `issuer_unreachable` mean "this token is not good" (401); that one means "we cannot check right now" (503).
 */
export const AUTH_FAILURE_REASONS = [
  'token_missing',
  'token_malformed',
  'alg_not_allowed',
  'signature_invalid',
  'unknown_kid',
  'token_expired',
  'token_not_yet_valid',
  'issuer_mismatch',
  'audience_mismatch',
  'subject_missing',
  'not_an_access_token',
  'issuer_unreachable',
] as const;

export type AuthFailureReason = (typeof AUTH_FAILURE_REASONS)[number];

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
