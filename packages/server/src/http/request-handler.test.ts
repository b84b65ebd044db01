import { initTRPC, TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BAD_TOKENS } from '../auth/testing/bad-tokens.js';
import { type LocalIssuer, reservePort, startLocalIssuer } from '../auth/testing/local-issuer.js';
import { createTokenVerifier } from '../auth/verifier.js';
import type { Identity } from '../context.js';
import { DatabaseBusyError } from '../db/gate.js';
import { capturedLogger } from '../testing/log-capture.js';
import { createRequestHandler, type RequestHandlerOptions } from './request-handler.js';
import { type Served, serve } from './testing/serve.js';

/** A small router standing in for the application's, so this layer is tested on its own. */
const t = initTRPC.context<{ identity: Identity | null }>().create({
  transformer: superjson,
  isDev: false,
});
const testRouter = t.router({
  whoami: t.procedure.query(({ ctx }) => ctx.identity),
  secret: t.procedure.query(({ ctx }) => {
    if (ctx.identity === null)
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'authentication_required' });
    return 'hidden';
  }),
  echo: t.procedure.input(z.object({ text: z.string() })).mutation(({ input }) => input.text),
});

const PORTAL = 'https://portal.example.com';
const quiet = () => {};

let issuer: LocalIssuer;
let served: Served;
let database = { healthy: true };
let draining = false;

function handlerOptions(overrides: Partial<RequestHandlerOptions> = {}): RequestHandlerOptions {
  return {
    verifier: createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      onIssuerError: quiet,
    }),
    ping: async () => {
      if (!database.healthy) throw new Error('connection refused');
    },
    allowedOrigins: [PORTAL],
    maxBatch: 3,
    maxBodyBytes: 4096,
    isDraining: () => draining,
    onError: quiet,
    logger: capturedLogger(),
    serveTrpc: (request, identity, endpoint) =>
      fetchRequestHandler({
        endpoint,
        req: request,
        router: testRouter,
        createContext: () => ({ identity }),
      }),
    ...overrides,
  };
}

const get = (path: string, headers: HeadersInit = {}) => fetch(`${served.url}${path}`, { headers });
const post = (path: string, body: string, headers: HeadersInit = {}) =>
  fetch(`${served.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
const echoBody = JSON.stringify({ json: { text: 'hallo' } });

beforeAll(async () => {
  issuer = await startLocalIssuer();
  served = await serve(createRequestHandler(handlerOptions()));
});

afterAll(async () => {
  await served.close();
  await issuer.close();
});

describe('health and readiness', () => {
  it('answers /healthz', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('answers /readyz after pinging the database, and 503 when it does not answer', async () => {
    const ready = await get('/readyz');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    database = { healthy: false };
    try {
      const down = await get('/readyz');
      expect([down.status, await down.json()]).toEqual([503, { status: 'unavailable' }]);
    } finally {
      database = { healthy: true };
    }
  });

  it('is not ready while draining', async () => {
    draining = true;
    try {
      const response = await get('/readyz');
      expect([response.status, await response.json()]).toEqual([503, { status: 'draining' }]);
    } finally {
      draining = false;
    }
  });

  it('answers 404 JSON for unknown routes', async () => {
    const response = await get('/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', reason: 'route_not_found' },
    });
  });
});

describe('authentication in front of tRPC', () => {
  it('passes a null identity without a token', async () => {
    const response = await get('/trpc/whoami');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: { json: null } } });
  });

  it('passes the verified identity with a valid token', async () => {
    const token = await issuer.sign({ claims: { email: 'anna@example.com' } });
    const response = await get('/trpc/whoami', { authorization: `Bearer ${token}` });
    expect(await response.json()).toEqual({
      result: {
        data: { json: { issuer: issuer.issuer, subject: 'azubi.anna', email: 'anna@example.com' } },
      },
    });
  });

  it.each(BAD_TOKENS)('answers 401 with the reason for $name', async ({ make, reason }) => {
    const token = await make(issuer);
    const response = await post('/trpc/echo', echoBody, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", error_description="${reason}"`,
    );
    expect(await response.text()).toBe(JSON.stringify({ error: { code: 'UNAUTHORIZED', reason } }));
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const response = await get('/trpc/whoami', { authorization: 'Basic YW5uYTpkZW1v' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'UNAUTHORIZED', reason: 'token_malformed' },
    });
  });

  it('adds a Bearer challenge when a procedure answers UNAUTHORIZED', async () => {
    const response = await get('/trpc/secret');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 503 with Retry-After when the issuer cannot be reached', async () => {
    const port = await reservePort();
    const offline = await serve(
      createRequestHandler(
        handlerOptions({
          verifier: createTokenVerifier({
            issuer: `http://127.0.0.1:${port}`,
            audience: issuer.audience,
            algorithms: ['RS256'],
            fetchTimeoutMs: 500,
            onIssuerError: quiet,
          }),
        }),
      ),
    );
    try {
      const response = await fetch(`${offline.url}/trpc/whoami`, {
        headers: { authorization: `Bearer ${await issuer.sign()}` },
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toEqual({
        error: { code: 'SERVICE_UNAVAILABLE', reason: 'issuer_unreachable' },
      });
    } finally {
      await offline.close();
    }
  });
});

describe('CORS (S5)', () => {
  it('echoes only a configured origin and always varies by Origin', async () => {
    const allowed = await get('/healthz', { origin: PORTAL });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('vary')).toBe('Origin');
    for (const origin of ['https://evil.example', 'null', `${PORTAL}.evil.example`]) {
      const refused = await get('/healthz', { origin });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.headers.get('vary')).toBe('Origin');
    }
  });

  it('exposes CORS headers on a 401 so the client can read it', async () => {
    const response = await get('/trpc/whoami', { origin: PORTAL, authorization: 'Bearer a.b.c' });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/WWW-Authenticate/);
  });

  it('answers a preflight from a configured origin with the allowed methods and headers', async () => {
    const response = await fetch(`${served.url}/trpc/echo`, {
      method: 'OPTIONS',
      headers: {
        origin: PORTAL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, trpc-accept, x-trpc-source, last-event-id, x-file-name',
    );
    expect(response.headers.get('vary')).toMatch(/^Origin\b/);
  });

  it('refuses a preflight from any other origin without allowing it', async () => {
    for (const origin of ['https://evil.example', 'null']) {
      const response = await fetch(`${served.url}/trpc/echo`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-methods')).toBeNull();
    }
  });

  it('accepts mutations only as application/json', async () => {
    expect((await post('/trpc/echo', echoBody)).status).toBe(200);
    expect(
      (await post('/trpc/echo', echoBody, { 'content-type': 'Application/JSON; charset=utf-8' }))
        .status,
    ).toBe(200);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const response = await post('/trpc/echo', echoBody, { 'content-type': type });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'json_required' },
      });
    }
  });
});

describe('limits', () => {
  it('serves batches up to the cap and refuses larger ones with 413', async () => {
    const input = encodeURIComponent(JSON.stringify({}));
    const three = await get(`/trpc/whoami,whoami,whoami?batch=1&input=${input}`);
    expect(three.status).toBe(200);
    expect(await three.json()).toHaveLength(3);
    const four = await get(`/trpc/whoami,whoami,whoami,whoami?batch=1&input=${input}`);
    expect(four.status).toBe(413);
    expect(await four.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', reason: 'batch_too_large' },
    });
  });

  it('refuses a body over the cap, declared or streamed, with 413', async () => {
    const big = JSON.stringify({ json: { text: 'x'.repeat(8000) } });
    const declared = await post('/trpc/echo', big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', reason: 'body_too_large' },
    });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 8; index += 1)
          controller.enqueue(new Uint8Array(1024).fill(32));
        controller.close();
      },
    });
    const streamed = await fetch(`${served.url}/trpc/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(streamed.status).toBe(413);
  });

  it('refuses other methods on /trpc', async () => {
    const response = await fetch(`${served.url}/trpc/echo`, { method: 'PUT', body: echoBody });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
  });
});

describe('mounting under a base path', () => {
  it('serves below the base path only', async () => {
    const mounted = await serve(
      createRequestHandler(handlerOptions({ basePath: '/berichtsheft/' })),
    );
    try {
      expect((await fetch(`${mounted.url}/berichtsheft/healthz`)).status).toBe(200);
      expect((await fetch(`${mounted.url}/healthz`)).status).toBe(404);
      expect((await fetch(`${mounted.url}/berichtsheftx/healthz`)).status).toBe(404);
      const response = await fetch(`${mounted.url}/berichtsheft/trpc/whoami`);
      expect(await response.json()).toEqual({ result: { data: { json: null } } });
    } finally {
      await mounted.close();
    }
  });
});

describe('a busy database', () => {
  it('answers a busy database that escapes the procedures with 503 and Retry-After, not 500', async () => {
    const reported: unknown[] = [];
    const busy = await serve(
      createRequestHandler(
        handlerOptions({
          onError: (error) => reported.push(error),
          serveTrpc: () =>
            Promise.reject(new Error('query failed', { cause: new DatabaseBusyError(10) })),
        }),
      ),
    );
    try {
      const response = await fetch(`${busy.url}/trpc/whoami`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.json()).toEqual({
        error: { code: 'SERVICE_UNAVAILABLE', reason: 'database_busy' },
      });
      expect(reported).toEqual([]);
    } finally {
      await busy.close();
    }
  });
});
