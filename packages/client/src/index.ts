export type { BerichtsheftApi, CallOptions } from './api.js';
export { createAuthFetch, type FetchLike } from './auth-fetch.js';
export { apiFromClient, createBerichtsheftApi } from './berichtsheft-api.js';
export { toApiError } from './error-mapping.js';
export {
  API_ERROR_CODES,
  ApiError,
  type ApiErrorCode,
  AuthRequiredError,
  CLIENT_REASON_CODES,
  type ClientReasonCode,
  isAborted,
  isApiError,
} from './errors.js';
export { EXPIRY_MARGIN_MS, expiryOf, type GetToken, TokenCache } from './token-cache.js';
export {
  type BerichtsheftClient,
  type BerichtsheftClientOptions,
  createBerichtsheftClient,
} from './trpc-client.js';
