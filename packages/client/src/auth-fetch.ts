import { AuthRequiredError } from './errors.js';
import type { TokenCache } from './token-cache.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface AuthFetchOptions {
  tokens: TokenCache;
  fetch: FetchLike;
  onAuthRequired?: (() => void) | undefined;
}

/**
 * A `fetch` that adds the bearer token and, when the server answers 401, asks the host for a fresh token once and
 * retries once. A second 401 (or no token at all) calls `onAuthRequired` and fails with `AuthRequiredError`, so a
 * broken login never turns into a loop of requests.
 */
export function createAuthFetch({ tokens, fetch, onAuthRequired }: AuthFetchOptions): FetchLike {
  const authRequired = (): never => {
    onAuthRequired?.();
    throw new AuthRequiredError();
  };

  const send = (input: string | URL | Request, init: RequestInit | undefined, token: string) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };

  return async (input, init) => {
    const token = await tokens.get();
    if (token === null) return authRequired();
    const first = await send(input, init, token);
    if (first.status !== 401) return first;
    // Free the connection; the body of a refused request is of no use.
    await first.body?.cancel();
    const fresh = await tokens.refresh(token);
    if (fresh === null) return authRequired();
    const second = await send(input, init, fresh);
    if (second.status !== 401) return second;
    await second.body?.cancel();
    tokens.clear();
    return authRequired();
  };
}
