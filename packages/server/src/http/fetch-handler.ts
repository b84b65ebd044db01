import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '../context.js';
import type { Database } from '../db/database.js';
import { temporaryDatabaseReason } from '../db/temporary-failure.js';
import { createRateLimiter } from '../limits/rate-limiter.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../limits/rate-limits.js';
import { appRouter } from '../routers/index.js';
import { publicReason } from '../trpc/init.js';
import { createFileResponder } from './file-routes.js';
import { createRecordResponder, serveVerification } from './record-routes.js';
import {
  createRequestHandler,
  type FetchHandler,
  type RequestHandlerOptions,
} from './request-handler.js';
import { retryAfterHeaders } from './responses.js';

/** The request handler's options, with the database in place of the ping and the tRPC responder built from it. */
export type FetchHandlerOptions = Omit<
  RequestHandlerOptions,
  'ping' | 'serveTrpc' | 'rateLimiter'
> & {
  database: Database;
  /** Calls per minute and person (S30), counted in the database; the defaults when unset, none with null. */
  rateLimits?: RateLimits | null;
  /** The largest file a message may carry, in bytes (S20); 10 MiB when unset. */
  maxFileBytes?: number;
  /** The largest record file an import takes, in bytes; 256 MiB when unset. */
  maxImportBytes?: number;
  /** Where clients reach the API, for the links printed in records; as each request names it when unset. */
  publicUrl?: string | undefined;
};

const DEFAULT_MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/**
 * The whole API as one `(Request) => Promise<Response>` function: tRPC at `/trpc`, the file and record routes, the
 * public `/verify`, `/healthz` and `/readyz`.
 * Hosts with their own server mount it under a path; `node-server.ts` serves it on its own.
 */
export function createFetchHandler(options: FetchHandlerOptions): FetchHandler {
  const { database } = options;
  const rateLimits = options.rateLimits === undefined ? DEFAULT_RATE_LIMITS : options.rateLimits;
  return createRequestHandler({
    ...options,
    ...(rateLimits === null ? {} : { rateLimiter: createRateLimiter(database, rateLimits) }),
    ping: () => database.ping(),
    serveFiles: createFileResponder({
      database,
      ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
    }),
    serveRecords: createRecordResponder({
      database,
      maxImportBytes: options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES,
      ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    }),
    serveVerification: (request) => serveVerification(database, request),
    serveTrpc: (request, identity, endpoint, log) =>
      fetchRequestHandler({
        endpoint,
        req: request,
        router: appRouter,
        maxBatchSize: options.maxBatch,
        createContext: () => createContext({ database, identity, callerNote: log }),
        // The 503 itself comes from the procedure's SERVICE_UNAVAILABLE; the client also learns when to try again.
        responseMeta: ({ errors }) => {
          const reasons = errors.map((error) => temporaryDatabaseReason(error));
          const reason =
            reasons.find((found) => found === 'database_unavailable') ?? reasons.find(Boolean);
          return reason ? { headers: retryAfterHeaders(reason) } : {};
        },
        onError: ({ error, path }) => {
          log.reason ??= publicReason(error);
          // Refusals are answers, not faults; the unexpected and a lost database are reported (without input or
          // token), a busy one is expected under load.
          if (
            error.code === 'INTERNAL_SERVER_ERROR' ||
            temporaryDatabaseReason(error) === 'database_unavailable'
          ) {
            const fault = new Error(`procedure ${path ?? '(unknown)'} failed`, {
              cause: error.cause ?? error,
            });
            log.fault(fault, 'procedure failed');
            options.onError?.(fault);
          }
        },
      }),
  });
}
