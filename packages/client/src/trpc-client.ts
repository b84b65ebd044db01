import type { AppRouter } from '@berichtsheft/server';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import superjson from 'superjson';
import { createAuthFetch, type FetchLike } from './auth-fetch.js';
import { type GetToken, TokenCache } from './token-cache.js';

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

export type BerichtsheftClient = TRPCClient<AppRouter>;

/** The tRPC endpoint below a server's base URL; a relative base stays relative to the page. */
export function trpcEndpoint(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/trpc`;
}

/** The typed tRPC client: batched HTTP, superjson, bearer token from the host with one refresh on 401. */
export function createBerichtsheftClient(options: BerichtsheftClientOptions): BerichtsheftClient {
  const tokens = new TokenCache(options.getToken);
  // Calling the global fetch detached from `globalThis` throws "Illegal invocation" in browsers.
  const baseFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const fetch = createAuthFetch({
    tokens,
    fetch: baseFetch,
    onAuthRequired: options.onAuthRequired,
  });
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: trpcEndpoint(options.url),
        transformer: superjson,
        fetch,
        maxItems: options.maxBatchSize ?? 10,
      }),
    ],
  });
}
