import { readBearer } from '../auth/bearer.js';
import type { TokenVerifier } from '../auth/verifier.js';
import type { Identity } from '../context.js';
import { temporaryDatabaseReason } from '../db/temporary-failure.js';
import { readCappedBody } from './body.js';
import { createCors } from './cors.js';
import { decodeUtf8, inspectJson, rawInputParameter } from './input-guard.js';
import { errorResponse, jsonResponse, retryAfterHeaders } from './responses.js';

export type FetchHandler = (request: Request) => Promise<Response>;

/** Serves one tRPC request whose caller has been authenticated (or is anonymous: `identity` null). */
export type TrpcResponder = (
  request: Request,
  identity: Identity | null,
  endpoint: string,
) => Promise<Response>;

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
  /** Told about unexpected failures. Never receives tokens or request bodies. */
  onError?: (error: unknown) => void;
  serveTrpc: TrpcResponder;
}

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

function batchSize(url: URL, trpcPath: string): number {
  return url.searchParams.get('batch') === '1' ? trpcPath.split(',').length : 1;
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
  const reportError = options.onError ?? ((error: unknown) => console.error(error));

  async function readiness(): Promise<Response> {
    if (options.isDraining?.()) return jsonResponse(503, { status: 'draining' });
    try {
      await withTimeout(options.ping(), READY_TIMEOUT_MS);
      return jsonResponse(200, { status: 'ready' });
    } catch (error) {
      reportError(error);
      return jsonResponse(503, { status: 'unavailable' });
    }
  }

  async function trpc(request: Request, url: URL, path: string): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return errorResponse(405, 'METHOD_NOT_SUPPORTED', 'method_not_allowed', {
        allow: 'GET, POST, OPTIONS',
      });
    }
    // A form or text/plain body needs no preflight, so only JSON may write (S5).
    if (request.method === 'POST' && !isJson(request)) {
      return errorResponse(415, 'UNSUPPORTED_MEDIA_TYPE', 'json_required');
    }
    if (batchSize(url, path) > options.maxBatch) {
      return errorResponse(413, 'PAYLOAD_TOO_LARGE', 'batch_too_large');
    }
    const credentials = readBearer(request.headers.get('authorization'));
    let identity: Identity | null = null;
    if (credentials.kind !== 'absent') {
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
      identity = result.identity;
    }
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
    const response = await options.serveTrpc(forwarded, identity, trpcEndpoint);
    if (response.status === 401 && !response.headers.has('www-authenticate')) {
      // RFC 6750 §3: a 401 names the scheme the client should use.
      const headers = new Headers(response.headers);
      headers.set('www-authenticate', 'Bearer');
      return new Response(response.body, { status: response.status, headers });
    }
    return response;
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const inside =
      basePath === '' || url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
    const path = inside ? url.pathname.slice(basePath.length) || '/' : null;
    if (path === null) return errorResponse(404, 'NOT_FOUND', 'route_not_found');
    if (path === '/trpc' || path.startsWith('/trpc/')) {
      return trpc(request, url, path.slice('/trpc/'.length));
    }
    if (path === '/healthz' || path === '/readyz') {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return errorResponse(405, 'METHOD_NOT_SUPPORTED', 'method_not_allowed', {
          allow: 'GET, HEAD',
        });
      }
      return path === '/healthz' ? jsonResponse(200, { status: 'ok' }) : readiness();
    }
    return errorResponse(404, 'NOT_FOUND', 'route_not_found');
  }

  return async (request) => {
    if (cors.isPreflight(request)) return cors.preflight(request);
    let response: Response;
    try {
      response = await route(request);
    } catch (error) {
      const temporary = temporaryDatabaseReason(error);
      if (temporary === null) {
        reportError(error);
        response = errorResponse(500, 'INTERNAL_SERVER_ERROR', 'internal_error');
      } else {
        // Busy or out of reach is temporary: answered with when to try again (S26). A lost database is worth telling
        // the operator about; a busy one is expected under load.
        if (temporary === 'database_unavailable') reportError(error);
        response = errorResponse(
          503,
          'SERVICE_UNAVAILABLE',
          temporary,
          retryAfterHeaders(temporary),
        );
      }
    }
    // Copy so the headers are ours to change whoever built the response.
    const headers = new Headers(response.headers);
    cors.apply(request, headers);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(request.method === 'HEAD' ? null : response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}
