import { createLocalJWKSet, createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { IssuerUnreachableError } from './reasons.js';

export interface KeySetOptions {
  /** After an unknown `kid`, the key set is fetched again at most once per this many milliseconds. */
  cooldownMs: number;
  /** How long a fetched key set counts as fresh. */
  cacheMaxAgeMs: number;
  timeoutMs: number;
}

/** Errors that are about the token, not about reaching the issuer. */
function concernsToken(error: unknown): boolean {
  return (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSENotSupported
  );
}

/**
 * The issuer's keys, from its `jwks_uri` only (S4). jose refetches when the set is stale or an unknown `kid` shows up
 * (at most once per cooldown). When a refetch fails but keys were loaded before, those keys keep serving and the
 * next attempt waits a cooldown, so an issuer outage neither stops the API nor slows every request down. With
 * nothing loaded yet, the failure surfaces as IssuerUnreachableError (503).
 */
export function createIssuerKeySet(jwksUri: URL, options: KeySetOptions): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(jwksUri, {
    cooldownDuration: options.cooldownMs,
    cacheMaxAge: options.cacheMaxAgeMs,
    timeoutDuration: options.timeoutMs,
  });
  let fallback: { serialized: string; getKey: JWTVerifyGetKey } | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;

  /** The keys jose loaded last, as a local set; rebuilt only when they differ from the previous fallback. */
  const lastKnown = (): JWTVerifyGetKey | undefined => {
    const source = remote.jwks();
    if (source === undefined) return undefined;
    const serialized = JSON.stringify(source);
    if (fallback?.serialized !== serialized) {
      fallback = { serialized, getKey: createLocalJWKSet(source) };
    }
    return fallback.getKey;
  };

  return async (header, token) => {
    if (fallback !== undefined && Date.now() - failedAt < options.cooldownMs) {
      return fallback.getKey(header, token);
    }
    try {
      return await remote(header, token);
    } catch (error) {
      if (concernsToken(error)) throw error;
      failedAt = Date.now();
      const known = lastKnown();
      if (known !== undefined) return known(header, token);
      throw new IssuerUnreachableError(`the key set at ${jwksUri.href} could not be loaded`, {
        cause: error,
      });
    }
  };
}
