import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MeView } from '@berichtsheft/core';
import superjson from 'superjson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBerichtsheftApi } from './berichtsheft-api.js';
import { ApiError } from './errors.js';

const ME: MeView = {
  person: { id: '7b0c1a52-8d47-4c55-9a3e-0f4f0c7a1b11', displayName: 'Anna Schmidt', email: null },
  memberships: [],
};

interface Call {
  path: string;
  authorization: string | undefined;
}

/**
 * Answers the way a tRPC v11 batch endpoint does (superjson-encoded results and errors), refusing any token but
 * `fresh`. Kept to the wire format so the client's links, error parsing and retry run for real.
 */
async function startTrpcLikeServer() {
  const calls: Call[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/trpc\//, '');
    calls.push({ path, authorization: req.headers.authorization });
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== 'Bearer fresh') {
        res.statusCode = 401;
        const error = { message: 'invalid_token', code: -32001, data: { code: 'UNAUTHORIZED' } };
        res.end(JSON.stringify([{ error: superjson.serialize(error) }]));
        return;
      }
      if (path === 'me') {
        res.end(JSON.stringify([{ result: { data: superjson.serialize(ME) } }]));
        return;
      }
      res.statusCode = 409;
      const error = { message: 'stale_version', code: -32009, data: { code: 'CONFLICT', path } };
      res.end(JSON.stringify([{ error: superjson.serialize(error) }]));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, calls, url: `http://127.0.0.1:${port}` };
}

describe('createBerichtsheftApi over HTTP', () => {
  let ctx: Awaited<ReturnType<typeof startTrpcLikeServer>>;

  beforeEach(async () => {
    ctx = await startTrpcLikeServer();
  });

  afterEach(async () => {
    ctx.server.close();
    await once(ctx.server, 'close');
  });

  it('retries a refused call once with a fresh token from the host', async () => {
    const asked: boolean[] = [];
    const api = createBerichtsheftApi({
      url: ctx.url,
      getToken: ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return forceRefresh ? 'fresh' : 'stale';
      },
    });
    expect(await api.me()).toEqual(ME);
    expect(asked).toEqual([false, true]);
    expect(ctx.calls.map((c) => c.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('maps server errors to ApiError with the reason code', async () => {
    const api = createBerichtsheftApi({ url: ctx.url, getToken: () => 'fresh' });
    const error = await api
      .saveWeek({
        companyId: '5f1f9d64-3c1b-4a0e-8f43-8a1d7b3f9c20',
        weekId: '0d9c2a8e-7f55-4b2a-9e61-3c4d5e6f7a80',
        version: 1,
        department: 'Entwicklung',
        days: [],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'stale_version' });
  });

  it('gives up after one refresh and reports that a login is needed', async () => {
    let authRequired = 0;
    const api = createBerichtsheftApi({
      url: ctx.url,
      getToken: () => 'stale',
      onAuthRequired: () => {
        authRequired += 1;
      },
    });
    const error = await api.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'auth_required' });
    expect(ctx.calls).toHaveLength(2);
    expect(authRequired).toBe(1);
  });

  it('reports an unreachable server as a network error', async () => {
    ctx.server.close();
    await once(ctx.server, 'close');
    ctx.server = createServer().listen(0);
    await once(ctx.server, 'listening');
    const api = createBerichtsheftApi({ url: ctx.url, getToken: () => 'fresh' });
    await expect(api.me()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });
});
