import type { FetchLike } from './auth-fetch.js';
import type { GetToken } from './token-cache.js';

export interface BerichtsheftClientOptions {
  /**
   * Where the Berichtsheft server answers, e.g. `https://berichtsheft.example.org` or a path a host mounted it under
   * (`https://portal.example/berichtsheft`). Its procedures live under `/trpc` there.
   */
  url: string;
  /** The host's login hands out access tokens; they are kept in memory only. */
  getToken: GetToken;
  /** For tests and non-browser hosts; defaults to the global `fetch`. */
  fetch?: FetchLike | undefined;
  /** Called once the host's login could not provide an accepted token; the host decides how to sign in again. */
  onAuthRequired?: (() => void) | undefined;
  /** Upper bound of calls merged into one HTTP request; the server caps batches as well. */
  maxBatchSize?: number | undefined;
}
