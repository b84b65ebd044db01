/**
 * Every reason code the server sends with a refusal or an error: the `message` of a tRPC error, the `reason` of an
 * HTTP-layer error body (`{ error: { code, reason } }`), the `reason` of a refused week in a bulk approval. Clients
 * and operators rely on these strings and the elements show a message for each, so a code is never renamed or
 * reused for something else; a new one is added here first, and the type system then asks for its messages.
 */

/** The bearer token was refused (S2). All but `issuer_unreachable` mean "this token is not good" (401). */
export const AUTH_REASON_CODES = [
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
  'subject_invalid',
  'not_an_access_token',
  // "We cannot check right now" (503), not "this token is not good".
  'issuer_unreachable',
] as const;

export type AuthReasonCode = (typeof AUTH_REASON_CODES)[number];

export const REASON_CODES = [
  ...AUTH_REASON_CODES,
  // A procedure that needs a person was called without a token.
  'authentication_required',
  // Not there, or not visible to the caller: the two are never told apart (S10).
  'company_not_found',
  'apprenticeship_not_found',
  'week_not_found',
  'message_not_found',
  'file_not_found',
  // Visible, but not the caller's to do.
  'only_apprentice_edits',
  'only_apprentice_submits',
  'only_assigned_reviewer',
  'only_author_changes_message',
  // The portable record is the apprentice's: only they export, import or delete it (S24).
  'only_apprentice_exports_record',
  // The week's state does not allow it, or changed since the caller read it (S17).
  'week_not_editable',
  'transition_not_allowed',
  'stale_version',
  'idempotency_key_reused',
  // A message can be changed only for a short while after sending, and not once it is deleted.
  'change_window_closed',
  'message_deleted',
  // A record can be deleted only once its apprenticeship has ended and its owner has exported it (S24).
  'record_not_ended',
  'record_not_exported',
  // An import must be a record file this server reads, whose approvals match their content, for weeks not yet here.
  'record_invalid',
  'record_tampered',
  'record_weeks_exist',
  // The input is wrong.
  'invalid_input',
  // The request itself is malformed: text that is not UTF-8, or a key that would reach an object's prototype.
  'invalid_utf8',
  'forbidden_key',
  'week_outside_apprenticeship',
  // A file is refused for what it is (S20, S21): too large, not one of the accepted types, or without a usable name.
  'file_too_large',
  'file_type_not_allowed',
  'file_name_invalid',
  'day_outside_week',
  // Refused by the HTTP layer before any procedure ran.
  'origin_not_allowed',
  'method_not_allowed',
  'json_required',
  'batch_too_large',
  'body_too_large',
  // Too many calls by this person in the last minute (S30); the answer says when to try again.
  'rate_limited',
  'route_not_found',
  // The server cannot answer now (S26), or failed; details stay in the server's log.
  'database_busy',
  'database_unavailable',
  // This instance is shutting down: live streams end with it, and their clients reconnect to another one.
  'server_stopping',
  'internal_error',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(REASON_CODES);

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && KNOWN.has(value);
}
