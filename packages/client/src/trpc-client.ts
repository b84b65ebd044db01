import type { AppRouter } from '@berichtsheft/server';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import { createAuthFetch, type FetchLike } from './auth-fetch.js';
import type { BerichtsheftClientOptions } from './client-options.js';
import { TokenCache } from './token-cache.js';

/**
 * The tRPC client typed by the server's router. Its declaration refers to `@berichtsheft/server`, so it is published
 * only under `@berichtsheft/client/trpc`, for hosts that have the server package's types at hand; everyone else uses
 * `BerichtsheftApi`, whose types stand on their own.
 */
export type BerichtsheftClient = TRPCClient<AppRouter>;

/** The tRPC endpoint below a server's base URL; a relative base stays relative to the page. */
export function trpcEndpoint(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/trpc`;
}

/** The host's fetch (or the global one) with the bearer token from the host's callback and one refresh on 401. */
export function authenticatedFetch(options: BerichtsheftClientOptions): FetchLike {
  // Calling the global fetch detached from `globalThis` throws "Illegal invocation" in browsers.
  const baseFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return createAuthFetch({
    tokens: new TokenCache(options.getToken),
    fetch: baseFetch,
    onAuthRequired: options.onAuthRequired,
  });
}

/**
 * The typed tRPC client: batched HTTP, superjson, bearer token from the host with one refresh on 401. Subscriptions
 * are server-sent events through an event source that fetches with the same token handling: the browser's own
 * `EventSource` can send no header, and a token in the URL would end up in logs (S1).
 */
export function createBerichtsheftClient(
  options: BerichtsheftClientOptions,
  fetch: FetchLike = authenticatedFetch(options),
): BerichtsheftClient {
  const url = trpcEndpoint(options.url);
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          transformer: superjson,
          EventSource,
          eventSourceOptions: () => ({ fetch }),
        }),
        false: httpBatchLink({
          url,
          transformer: superjson,
          fetch,
          maxItems: options.maxBatchSize ?? 10,
        }),
      }),
    ],
  });
}
