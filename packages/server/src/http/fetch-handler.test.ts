import type { MeView } from '@berichtsheft/core';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalIssuer, startLocalIssuer } from '../auth/testing/local-issuer.js';
import { createTokenVerifier } from '../auth/verifier.js';
import type { Database } from '../db/database.js';
import { testDatabases } from '../testing/databases.js';
import { capturedLogger } from '../testing/log-capture.js';
import { createFetchHandler } from './fetch-handler.js';
import { type Served, serve } from './testing/serve.js';

const PORTAL = 'http://localhost:5173';

describe.each(testDatabases())('the application over HTTP on $name', (target) => {
  let issuer: LocalIssuer;
  let database: Database;
  let served: Served;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
    database = await target.open();
    served = await serve(
      createFetchHandler({
        database,
        verifier: createTokenVerifier({
          issuer: issuer.issuer,
          audience: issuer.audience,
          algorithms: ['RS256', 'ES256'],
        }),
        allowedOrigins: [PORTAL],
        maxBatch: 4,
        basePath: '/api',
        logger: capturedLogger(),
      }),
    );
  });

  afterAll(async () => {
    await served?.close();
    await target.close();
    await issuer?.close();
  });

  const call = async (path: string, token?: string) =>
    fetch(`${served.url}/api/trpc/${path}`, {
      headers: { origin: PORTAL, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  it('answers /trpc/me with the person for a valid token, the same person on every call', async () => {
    const token = await issuer.sign({
      claims: { sub: 'azubi.ben', email: 'ben@example.com', name: 'Ben Azubi' },
    });
    const first = await call('me', token);
    expect(first.status).toBe(200);
    expect(first.headers.get('access-control-allow-origin')).toBe(PORTAL);
    const body = (await first.json()) as {
      result: { data: Parameters<typeof superjson.deserialize>[0] };
    };
    const me = superjson.deserialize<MeView>(body.result.data);
    expect(me).toEqual({
      person: { id: expect.any(String), displayName: 'Ben Azubi', email: 'ben@example.com' },
      memberships: [],
    });
    const again = (await (await call('me', token)).json()) as typeof body;
    expect(superjson.deserialize<MeView>(again.result.data).person.id).toBe(me.person.id);
  });

  it('answers UNAUTHORIZED with a Bearer challenge without a token', async () => {
    const response = await call('me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await response.json()) as { error: { json: { message: string; data: object } } };
    expect(body.error.json.message).toBe('authentication_required');
    expect(JSON.stringify(body)).not.toMatch(/stack/);
  });

  it('answers 401 with the reason for an expired token, before any procedure runs', async () => {
    const expired = await issuer.sign({ claims: { exp: Math.floor(Date.now() / 1000) - 600 } });
    const response = await call('me', expired);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'UNAUTHORIZED', reason: 'token_expired' },
    });
  });

  it('answers a batch and refuses bad input as BAD_REQUEST, never 500', async () => {
    const token = await issuer.sign({ claims: { sub: 'azubi.anna' } });
    const input = encodeURIComponent(
      JSON.stringify({ 0: { json: null }, 1: { json: { companyId: 'not-a-uuid' } } }),
    );
    const response = await call(`me,apprenticeships.listMine?batch=1&input=${input}`, token);
    const results = (await response.json()) as {
      result?: object;
      error?: { json: { data: { httpStatus: number } } };
    }[];
    expect(results).toHaveLength(2);
    expect(results[0]?.result).toBeDefined();
    expect(results[1]?.error?.json.data.httpStatus).toBe(400);
  });

  it('reports ready once the database answers', async () => {
    const response = await fetch(`${served.url}/api/readyz`);
    expect([response.status, await response.json()]).toEqual([200, { status: 'ready' }]);
  });
});
