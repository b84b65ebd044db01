import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuthFetch } from './auth-fetch.js';
import { ApiError, AuthRequiredError } from './errors.js';
import { TokenCache } from './token-cache.js';

interface Seen {
  authorization: string | undefined;
  body: string;
}

/** A real HTTP server that accepts only the tokens listed in `accepted`. */
async function startServer(accepted: Set<string>) {
  const seen: Seen[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ authorization: req.headers.authorization, body });
      const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
      const ok = accepted.has(token);
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { ok: true } : { error: 'invalid_token' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, seen, url: `http://127.0.0.1:${port}/api` };
}

describe('createAuthFetch against a real server', () => {
  let accepted: Set<string>;
  let ctx: Awaited<ReturnType<typeof startServer>>;

  beforeEach(async () => {
    accepted = new Set();
    ctx = await startServer(accepted);
  });

  afterEach(async () => {
    ctx.server.close();
    await once(ctx.server, 'close');
  });

  it('sends the bearer token and reuses it', async () => {
    accepted.add('token-1');
    const host: boolean[] = [];
    const tokens = new TokenCache(({ forceRefresh }) => {
      host.push(forceRefresh);
      return 'token-1';
    });
    const fetch = createAuthFetch({ tokens, fetch: globalThis.fetch });
    const response = await fetch(ctx.url, { method: 'POST', body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(ctx.seen).toEqual([{ authorization: 'Bearer token-1', body: '{"a":1}' }]);
  });

  it('on 401 asks the host for a fresh token once and retries once with the same body', async () => {
    accepted.add('token-2');
    const host: boolean[] = [];
    const tokens = new TokenCache(({ forceRefresh }) => {
      host.push(forceRefresh);
      return `token-${host.length}`;
    });
    let authRequired = 0;
    const fetch = createAuthFetch({
      tokens,
      fetch: globalThis.fetch,
      onAuthRequired: () => {
        authRequired += 1;
      },
    });
    const response = await fetch(ctx.url, { method: 'POST', body: '{"week":48}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(host).toEqual([false, true]);
    expect(ctx.seen.map((s) => s.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(ctx.seen.map((s) => s.body)).toEqual(['{"week":48}', '{"week":48}']);
    expect(authRequired).toBe(0);
  });

  it('after a second 401 calls onAuthRequired and fails with a typed error instead of retrying', async () => {
    let issued = 0;
    const tokens = new TokenCache(() => `token-${++issued}`);
    let authRequired = 0;
    const fetch = createAuthFetch({
      tokens,
      fetch: globalThis.fetch,
      onAuthRequired: () => {
        authRequired += 1;
      },
    });
    const failure = await fetch(ctx.url, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AuthRequiredError);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('UNAUTHORIZED');
    expect(ctx.seen).toHaveLength(2);
    expect(issued).toBe(2);
    expect(authRequired).toBe(1);
  });

  it('merges the refresh of concurrent requests that were all refused', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const jwt = (n: number) =>
      `h.${Buffer.from(JSON.stringify({ exp, n })).toString('base64url')}.s`;
    accepted.add(jwt(2));
    const host: boolean[] = [];
    const tokens = new TokenCache(async ({ forceRefresh }) => {
      host.push(forceRefresh);
      return jwt(host.length);
    });
    const fetch = createAuthFetch({ tokens, fetch: globalThis.fetch });
    const responses = await Promise.all([1, 2, 3].map(() => fetch(ctx.url, { method: 'GET' })));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(host).toEqual([false, true]);
    expect(ctx.seen).toHaveLength(6);
  });

  it('fails without a request when the host has no token', async () => {
    let authRequired = 0;
    const fetch = createAuthFetch({
      tokens: new TokenCache(() => null),
      fetch: globalThis.fetch,
      onAuthRequired: () => {
        authRequired += 1;
      },
    });
    await expect(fetch(ctx.url)).rejects.toBeInstanceOf(AuthRequiredError);
    expect(ctx.seen).toHaveLength(0);
    expect(authRequired).toBe(1);
  });
});
