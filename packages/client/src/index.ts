// Every declaration reachable from here stands on its own: none refers to @berichtsheft/server, which a host that
// embeds the elements does not install. The tRPC client typed by the server's router is under ./trpc.
export type {
  BerichtsheftApi,
  CallOptions,
  Following,
  FollowStatus,
  ThreadListener,
} from './api.js';
export { createAuthFetch, type FetchLike } from './auth-fetch.js';
export { createBerichtsheftApi } from './berichtsheft-api.js';
export type { BerichtsheftClientOptions } from './client-options.js';
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
export {
  type DownloadedFile,
  type FileTransport,
  fileNameOfDisposition,
  httpFileTransport,
  type RecordDownload,
  readBlob,
} from './file-transport.js';
export { EXPIRY_MARGIN_MS, expiryOf, type GetToken, TokenCache } from './token-cache.js';
