/** What the host's login hands over. `forceRefresh` is set after the server refused the previous token. */
export type GetToken = (options: {
  forceRefresh: boolean;
}) => Promise<string | null> | string | null;

/** Tokens are dropped this long before their `exp`, so a request never leaves with a token about to expire. */
export const EXPIRY_MARGIN_MS = 30_000;

/** Reads `exp` (seconds) from a JWT's payload without verifying it: only the server decides whether a token is valid. */
export function expiryOf(token: string): number | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
    const claims: unknown = JSON.parse(atob(padded));
    if (typeof claims !== 'object' || claims === null) return null;
    const exp = (claims as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Holds the current access token in memory only (never in storage, cookies or URLs). A token is reused until shortly
 * before its `exp`; a token without a readable `exp` is not reused, so the host's own cache decides. Concurrent
 * requests for a token share one call to the host.
 */
export class TokenCache {
  #token: string | null = null;
  #validUntil = 0;
  #pending: Promise<string | null> | null = null;
  readonly #getToken: GetToken;
  readonly #now: () => number;

  constructor(getToken: GetToken, now: () => number = Date.now) {
    this.#getToken = getToken;
    this.#now = now;
  }

  /** A token for the next request: the cached one while it is fresh, else a new one from the host. */
  get(): Promise<string | null> {
    if (this.#token !== null && this.#now() < this.#validUntil) return Promise.resolve(this.#token);
    return this.#fetch(false);
  }

  /**
   * A fresh token after the server refused `rejected`. When another request already replaced that token, the newer
   * one is used instead of asking the host again.
   */
  refresh(rejected: string | null): Promise<string | null> {
    if (this.#pending) return this.#pending;
    if (this.#token !== null && this.#token !== rejected && this.#now() < this.#validUntil) {
      return Promise.resolve(this.#token);
    }
    this.clear();
    return this.#fetch(true);
  }

  /** Forgets the token, e.g. when the user signs out. */
  clear(): void {
    this.#token = null;
    this.#validUntil = 0;
  }

  #fetch(forceRefresh: boolean): Promise<string | null> {
    if (this.#pending) return this.#pending;
    // Starting from a resolved promise turns a host callback that throws synchronously into a rejection as well.
    const pending = Promise.resolve()
      .then(() => this.#getToken({ forceRefresh }))
      .then((token) => {
        const expiry = token === null ? null : expiryOf(token);
        this.#token = token;
        this.#validUntil = expiry === null ? 0 : expiry - EXPIRY_MARGIN_MS;
        return token;
      });
    this.#pending = pending;
    const settle = () => {
      if (this.#pending === pending) this.#pending = null;
    };
    pending.then(settle, settle);
    return pending;
  }
}
