import { readBearer } from '../auth/bearer.js';
import type { TokenVerifier } from '../auth/verifier.js';
import type { Identity } from '../context.js';
import { temporaryDatabaseReason } from '../db/temporary-failure.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createRequestLog, type RequestLog, requestIdFrom } from '../logging/request-log.js';
import { readCappedBody } from './body.js';
import { createCors } from './cors.js';
import { decodeUtf8, inspectJson, rawInputParameter } from './input-guard.js';
import { errorResponse, jsonResponse, reasonOfResponse, retryAfterHeaders } from './responses.js';
import { procedureNames, RECORD_ROUTE, recordCallOf, routeOf } from './route-of.js';

export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * Serves one tRPC request whose caller has been authenticated (or is anonymous: `identity` null), noting in `log`
 * who called, why a call was refused, and any fault.
 */
export type TrpcResponder = (
  request: Request,
  identity: Identity | null,
  endpoint: string,
  log: RequestLog,
) => Promise<Response>;

/** Serves a request of a route beside tRPC for an authenticated caller; `path` is what follows the route's prefix. */
export type RouteResponder = (
  request: Request,
  identity: Identity,
  path: string,
  log: RequestLog,
) => Promise<Response>;

/** The file routes (`/dialogue/files`, `/dialogue/files/<id>`); `path` is what follows `/dialogue/files`. */
export type FileResponder = RouteResponder;

/** The record routes (`/records/<apprenticeshipId>/pdf`, `/export`, `/import`); `path` is what follows `/records`. */
export type RecordResponder = RouteResponder;

export interface RequestHandlerOptions {
  verifier: TokenVerifier;
  /** Resolves when the database answers; used by /readyz. */
  ping: () => Promise<void>;
  allowedOrigins: readonly string[];
  /** Most procedures one batched request may call (S30). */
  maxBatch: number;
  /** Largest request body accepted, in bytes; default 1 MiB. */
  maxBodyBytes?: number;
  /** Where the handler is mounted, e.g. `/berichtsheft`; requests outside it get 404. */
  basePath?: string;
  /** True once shutdown has begun: /readyz then answers 503 so load balancers stop sending traffic. */
  isDraining?: () => boolean;
  /**
   * The structured log: a line per request (docs/logging.md) and the faults, described without their data. JSON lines
   * on standard output by default.
   */
  logger?: Logger;
  /** Counts each authenticated request's calls against the caller's limits (S30); none when absent. */
  rateLimiter?: RateLimiter;
  /** Told about unexpected failures too, e.g. by tests. Never receives tokens or request bodies. */
  onError?: (error: unknown) => void;
  serveTrpc: TrpcResponder;
  /** Uploads and downloads of files; the routes answer 404 without it. */
  serveFiles?: FileResponder;
  /** Exports and import of whole records (`/records/…`); the routes answer 404 without it. */
  serveRecords?: RecordResponder;
  /** The public check of a Prüfcode (`/verify`), without a login; 404 without it. */
  serveVerification?: (request: Request) => Promise<Response>;
}

/**
 * The header through which the Node server tells the handler the client's address, for the limits of what needs no
 * login (S30). Whatever a client sends under this name is replaced; a host mounting the handler sets it itself.
 */
export const CLIENT_ADDRESS_HEADER = 'x-berichtsheft-client-address';

const READY_TIMEOUT_MS = 2000;
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function normalizeBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function isJson(request: Request): boolean {
  const type = request.headers.get('content-type');
  return type !== null && type.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

/** Too many calls in the last minute (S30), with when to try again. */
function tooManyRequests(retryAfterSeconds: number): Response {
  return errorResponse(429, 'TOO_MANY_REQUESTS', 'rate_limited', {
    'retry-after': String(retryAfterSeconds),
  });
}

async function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Routing, CORS, content-type and batch limits, and authentication in front of tRPC. Knows nothing about the
 * procedures themselves; `serveTrpc` does.
 */
export function createRequestHandler(options: RequestHandlerOptions): FetchHandler {
  const basePath = normalizeBasePath(options.basePath);
  const trpcEndpoint = `${basePath}/trpc`;
  const cors = createCors(options.allowedOrigins);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const logger = options.logger ?? createLogger();

  async function readiness(log: RequestLog): Promise<Response> {
    if (options.isDraining?.()) return jsonResponse(503, { status: 'draining' });
    try {
      await withTimeout(options.ping(), READY_TIMEOUT_MS);
      return jsonResponse(200, { status: 'ready' });
    } catch (error) {
      log.fault(error, 'readiness check failed');
      options.onError?.(error);
      return jsonResponse(503, { status: 'unavailable' });
    }
  }

  /**
   * The caller of a request: nobody without a token, a verified identity with one, or the refusal to send for a bad
   * token (401, or 503 while the issuer cannot be asked) or for too many calls (429, S30).
   */
  async function authenticate(
    request: Request,
    calls: readonly string[],
  ): Promise<{ identity: Identity | null } | Response> {
    const credentials = readBearer(request.headers.get('authorization'));
    if (credentials.kind === 'absent') return { identity: null };
    const result =
      credentials.kind === 'malformed'
        ? ({ ok: false, reason: 'token_malformed', status: 401 } as const)
        : await options.verifier.verify(credentials.token);
    if (!result.ok) {
      const headers: Record<string, string> =
        result.status === 503
          ? { 'retry-after': '5' }
          : {
              'www-authenticate': `Bearer error="invalid_token", error_description="${result.reason}"`,
            };
      const code = result.status === 503 ? 'SERVICE_UNAVAILABLE' : 'UNAUTHORIZED';
      return errorResponse(result.status, code, result.reason, headers);
    }
    if (options.rateLimiter) {
      const decision = await options.rateLimiter.consume(result.identity, calls);
      if (!decision.ok) return tooManyRequests(decision.retryAfterSeconds);
    }
    return { identity: result.identity };
  }

  /** The caller of a route that needs a login: their identity, or the refusal to send. */
  async function authenticated(
    request: Request,
    calls: readonly string[],
  ): Promise<Identity | Response> {
    const caller = await authenticate(request, calls);
    if (caller instanceof Response) return caller;
    if (caller.identity !== null) return caller.identity;
    return errorResponse(401, 'UNAUTHORIZED', 'authentication_required', {
      'www-authenticate': 'Bearer',
    });
  }

  /** The file routes: authenticated always, with the uploads' own body limit applied by the responder. */
  async function files(request: Request, path: string, log: RequestLog): Promise<Response> {
    const serve = options.serveFiles;
    if (!serve) return errorResponse(404, 'NOT_FOUND', 'route_not_found');
    const upload = path === '';
    const allowed = upload ? 'POST' : 'GET';
    if (request.method !== allowed) {
      return errorResponse(405, 'METHOD_NOT_SUPPORTED', 'method_not_allowed', { allow: allowed });
    }
    const identity = await authenticated(request, [
      upload ? 'dialogue.upload' : 'dialogue.download',
    ]);
    return identity instanceof Response ? identity : serve(request, identity, path, log);
  }

  /** Exports and import: authenticated always, counted against the stricter export limit. */
  async function records(request: Request, path: string, log: RequestLog): Promise<Response> {
    const serve = options.serveRecords;
    if (!serve) return errorResponse(404, 'NOT_FOUND', 'route_not_found');
    const call = recordCallOf(request.method, path);
    if (call === null) {
      if (!RECORD_ROUTE.test(path)) return errorResponse(404, 'NOT_FOUND', 'route_not_found');
      return errorResponse(405, 'METHOD_NOT_SUPPORTED', 'method_not_allowed', {
        allow: path.endsWith('/import') ? 'POST' : 'GET',
      });
    }
    const identity = await authenticated(request, [call]);
    return identity instanceof Response ? identity : serve(request, identity, path, log);
  }

  /** The public check of a code: no login, so counted per client address instead of per person. */
  async function verification(request: Request): Promise<Response> {
    const serve = options.serveVerification;
    if (!serve) return errorResponse(404, 'NOT_FOUND', 'route_not_found');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return errorResponse(405, 'METHOD_NOT_SUPPORTED', 'method_not_allowed', {
        allow: 'GET, HEAD',
      });
    }
    if (options.rateLimiter) {
      const address = request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
      const decision = await options.rateLimiter.consume(
        { issuer: 'client-address', subject: address },
        ['records.verify'],
      );
      if (!decision.ok) return tooManyRequests(decision.retryAfterSeconds);
    }
    return serve(request);
  }

  async function trpc(
    request: Request,
    url: URL,
    path: string,
    log: RequestLog,
  ): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return errorResponse(405, 'METHOD_NOT_SUPPORTED', 'method_not_allowed', {
        allow: 'GET, POST, OPTIONS',
      });
    }
    // A form or text/plain body needs no preflight, so only JSON may write (S5).
    if (request.method === 'POST' && !isJson(request)) {
      return errorResponse(415, 'UNSUPPORTED_MEDIA_TYPE', 'json_required');
    }
    if (procedureNames(url, path).length > options.maxBatch) {
      return errorResponse(413, 'PAYLOAD_TOO_LARGE', 'batch_too_large');
    }
    const caller = await authenticate(request, procedureNames(url, path));
    if (caller instanceof Response) return caller;
    const identity = caller.identity;
    let forwarded = request;
    if (request.method === 'GET') {
      const input = rawInputParameter(url);
      const refusal = input === 'invalid_utf8' ? input : input === null ? null : inspectJson(input);
      if (refusal !== null) return errorResponse(400, 'BAD_REQUEST', refusal);
    }
    if (request.method === 'POST') {
      const body = await readCappedBody(request, maxBodyBytes);
      if (!body.ok) return errorResponse(413, 'PAYLOAD_TOO_LARGE', 'body_too_large');
      const text = decodeUtf8(body.bytes);
      const refusal = text === null ? 'invalid_utf8' : inspectJson(text);
      if (refusal !== null) return errorResponse(400, 'BAD_REQUEST', refusal);
      forwarded = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: body.bytes,
        signal: request.signal,
      });
    }
    const response = await options.serveTrpc(forwarded, identity, trpcEndpoint, log);
    if (response.status === 401 && !response.headers.has('www-authenticate')) {
      // RFC 6750 §3: a 401 names the scheme the client should use.
      const headers = new Headers(response.headers);
      headers.set('www-authenticate', 'Bearer');
      return new Response(response.body, { status: response.status, headers });
    }
    return response;
  }

  async function route(request: Request, url: URL, log: RequestLog): Promise<Response> {
    const inside =
      basePath === '' || url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
    const path = inside ? url.pathname.slice(basePath.length) || '/' : null;
    if (path === null) return errorResponse(404, 'NOT_FOUND', 'route_not_found');
    if (path === '/trpc' || path.startsWith('/trpc/')) {
      return trpc(request, url, path.slice('/trpc/'.length), log);
    }
    if (path === '/dialogue/files' || path.startsWith('/dialogue/files/')) {
      return files(request, path.slice('/dialogue/files'.length), log);
    }
    if (path.startsWith('/records/')) return records(request, path.slice('/records'.length), log);
    if (path === '/verify') return verification(request);
    if (path === '/healthz' || path === '/readyz') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return errorResponse(405, 'METHOD_NOT_SUPPORTED', 'method_not_allowed', {
          allow: 'GET, HEAD',
        });
      }
      return path === '/healthz' ? jsonResponse(200, { status: 'ok' }) : readiness(log);
    }
    return errorResponse(404, 'NOT_FOUND', 'route_not_found');
  }

  return async (request) => {
    const started = performance.now();
    const url = new URL(request.url);
    const log = createRequestLog(logger, requestIdFrom(request.headers.get('x-request-id')));
    const report = (error: unknown, message: string) => {
      log.fault(error, message);
      options.onError?.(error);
    };
    const logRequest = (status: number) =>
      logger.info(
        {
          requestId: log.requestId,
          method: request.method,
          ...routeOf(url, basePath, options.maxBatch),
          status,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          personId: log.personId,
          reason: log.reason,
        },
        'request',
      );
    if (cors.isPreflight(request)) {
      const preflight = cors.preflight(request);
      logRequest(preflight.status);
      return preflight;
    }
    let response: Response;
    try {
      response = await route(request, url, log);
    } catch (error) {
      const temporary = temporaryDatabaseReason(error);
      if (temporary === null) {
        report(error, 'request failed');
        response = errorResponse(500, 'INTERNAL_SERVER_ERROR', 'internal_error');
      } else {
        // Busy or out of reach is temporary: answered with when to try again (S26). A lost database is worth telling
        // the operator about; a busy one is expected under load.
        if (temporary === 'database_unavailable') report(error, 'database unavailable');
        response = errorResponse(
          503,
          'SERVICE_UNAVAILABLE',
          temporary,
          retryAfterHeaders(temporary),
        );
      }
    }
    log.reason ??= reasonOfResponse(response);
    // Copy so the headers are ours to change whoever built the response.
    const headers = new Headers(response.headers);
    cors.apply(request, headers);
    headers.set('x-content-type-options', 'nosniff');
    headers.set('x-request-id', log.requestId);
    logRequest(response.status);
    return new Response(request.method === 'HEAD' ? null : response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}
