import { z } from 'zod';
import { IssuerUnreachableError } from './reasons.js';

export interface DiscoveryDocument {
  issuer: string;
  jwksUri: URL;
}

export interface DiscoveryOptions {
  issuer: string;
  timeoutMs?: number;
}

const documentSchema = z.looseObject({
  issuer: z.string(),
  jwks_uri: z.string(),
});

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** OpenID Connect Discovery 1.0 §4: the well-known path is appended to the issuer minus a trailing slash. */
export function discoveryUrl(issuer: string): URL {
  return new URL(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
}

function isAcceptableKeyUrl(value: string, issuer: URL): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return url;
  // Plain http only where the issuer itself is a local development issuer.
  const local = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
  return local && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? url : null;
}

async function fetchDocument(issuer: string, timeoutMs: number): Promise<DiscoveryDocument> {
  const url = discoveryUrl(issuer);
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 200) {
      throw new IssuerUnreachableError(`discovery at ${url.href} answered ${response.status}`);
    }
    body = await response.json();
  } catch (error) {
    if (error instanceof IssuerUnreachableError) throw error;
    throw new IssuerUnreachableError(`discovery at ${url.href} failed`, { cause: error });
  }
  const parsed = documentSchema.safeParse(body);
  if (!parsed.success) {
    throw new IssuerUnreachableError(`discovery at ${url.href} lacks issuer or jwks_uri`);
  }
  // Mix-up defence (OpenID Discovery §4.3): the document must name exactly the issuer we trust.
  if (parsed.data.issuer !== issuer) {
    throw new IssuerUnreachableError(
      `discovery at ${url.href} names issuer "${parsed.data.issuer}", expected "${issuer}"`,
    );
  }
  const jwksUri = isAcceptableKeyUrl(parsed.data.jwks_uri, new URL(issuer));
  if (jwksUri === null) {
    throw new IssuerUnreachableError(`discovery at ${url.href} has an unusable jwks_uri`);
  }
  return { issuer, jwksUri };
}

/**
 * Loads the discovery document on first use and keeps it. A failure is not cached, so the next request tries again:
 * the issuer may well start after this server. Concurrent callers share one request.
 */
export function createDiscovery(options: DiscoveryOptions): () => Promise<DiscoveryDocument> {
  const timeoutMs = options.timeoutMs ?? 5000;
  let loaded: DiscoveryDocument | undefined;
  let pending: Promise<DiscoveryDocument> | undefined;
  return async () => {
    if (loaded) return loaded;
    pending ??= fetchDocument(options.issuer, timeoutMs).finally(() => {
      pending = undefined;
    });
    loaded = await pending;
    return loaded;
  };
}
