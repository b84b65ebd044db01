import superjson from 'superjson';
import { type LocalIssuer, startLocalIssuer } from '../auth/testing/local-issuer.js';
import { createTokenVerifier } from '../auth/verifier.js';
import type { Database } from '../db/database.js';
import { createFetchHandler } from '../http/fetch-handler.js';
import { type Served, serve } from '../http/testing/serve.js';
import type { RateLimits } from '../limits/rate-limits.js';
import { capturedLogger, noteSent } from './log-capture.js';

/** The whole application served over real HTTP on a database, with a local issuer whose tokens it accepts. */
export interface ServedApp {
  /** Where the API is served, e.g. `http://127.0.0.1:40123`. */
  url: string;
  issuer: LocalIssuer;
  /** A token for the person with this subject at the local issuer. */
  tokenFor(subject: string): Promise<string>;
  query(path: string, token: string, input?: unknown, init?: RequestInit): Promise<Response>;
  mutation(path: string, token: string, input: unknown, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function serveApp(
  database: Database,
  options: {
    onError?: (error: unknown) => void;
    rateLimits?: RateLimits | null;
    /** Another app's issuer, for a second instance of the same deployment; it stays open when this app closes. */
    issuer?: LocalIssuer;
    maxFileBytes?: number;
  } = {},
): Promise<ServedApp> {
  const ownIssuer = options.issuer === undefined;
  const issuer = options.issuer ?? noteSignedTokens(await startLocalIssuer());
  let served: Served;
  try {
    served = await serve(
      createFetchHandler({
        database,
        verifier: createTokenVerifier({
          issuer: issuer.issuer,
          audience: issuer.audience,
          algorithms: ['RS256'],
        }),
        allowedOrigins: [],
        maxBatch: 4,
        onError: options.onError ?? (() => {}),
        logger: capturedLogger(),
        ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
        ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
      }),
    );
  } catch (error) {
    if (ownIssuer) await issuer.close();
    throw error;
  }
  const trpcUrl = (path: string) => `${served.url}/trpc/${path}`;
  return {
    url: served.url,
    issuer,
    tokenFor: (subject) => issuer.sign({ claims: { sub: subject } }),
    query: (path, token, input, init = {}) => {
      noteSent(input);
      const search =
        input === undefined
          ? ''
          : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
      return fetch(`${trpcUrl(path)}${search}`, {
        ...init,
        headers: { authorization: `Bearer ${token}` },
      });
    },
    mutation: (path, token, input, init = {}) => {
      noteSent(input);
      return fetch(trpcUrl(path), {
        ...init,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(superjson.serialize(input)),
      });
    },
    close: async () => {
      await served.close();
      if (ownIssuer) await issuer.close();
    },
  };
}

/** The issuer, with every token it signs and the claims in it noted as sent. */
function noteSignedTokens(issuer: LocalIssuer): LocalIssuer {
  const sign = issuer.sign.bind(issuer);
  issuer.sign = async (options) => {
    const token = await sign(options);
    noteSent(token, options?.claims);
    return token;
  };
  return issuer;
}

/** The error part of a (non-batched) tRPC answer. */
export interface TrpcErrorBody {
  error: { json: { message: string; code: number; data: { code: string; httpStatus: number } } };
}
