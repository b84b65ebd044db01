import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createFetchHandler,
  createLogger,
  createNodeServer,
  createTokenVerifier,
  type Database,
  type RateLimits,
} from '@berichtsheft/server';
import type { BenchIssuer } from './issuer.js';
import type { LoadOptions } from './load.js';

/** How hard and how long each row is measured; the same for every bench, set from the environment. */
export const LOAD_FROM_ENVIRONMENT: LoadOptions = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 32),
  warmupMs: 500,
  durationMs: Number(process.env.BENCH_SECONDS ?? 3) * 1000,
};

/** Listens on a free loopback port and answers with the base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes the server and the load generator's kept-alive connections with it. */
export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}

/** The ceiling: bare node:http answering a constant JSON. */
export function createBareServer(): Server {
  const body = JSON.stringify({ status: 'ok' });
  return createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
}

/** The real server as a host runs it: the fetch handler behind node:http, verifying tokens of the bench's issuer. */
export function createApplicationServer(
  database: Database,
  issuer: BenchIssuer,
  onError: (error: unknown) => void,
  /** The production defaults unless a bench sends more per person than any person would (null: no limits). */
  rateLimits?: RateLimits | null,
): Server {
  const handler = createFetchHandler({
    database,
    verifier: createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      algorithms: [issuer.alg],
    }),
    allowedOrigins: [],
    maxBatch: 10,
    onError,
    ...(rateLimits === undefined ? {} : { rateLimits }),
    // Logged as in production, a line per request, but into nothing: the figures count its cost, not a terminal's.
    logger: createLogger({ destination: { write: () => {} } }),
  });
  return createNodeServer(handler, { onError });
}
