import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type Identity } from '../context.js';
import type { Database } from '../db/database.js';
import { appRouter } from '../routers/index.js';
import { testDatabases } from '../testing/databases.js';
import { createCallerFactory, router } from './init.js';
import { protectedProcedure } from './procedures.js';

const identity: Identity = { issuer: 'https://login.example.test', subject: 'formatter' };

/** Answers one tRPC request the way the HTTP layer does, and returns the error it sends, if any. */
async function errorOf(
  database: Database,
  path: string,
  input: unknown,
  type: 'query' | 'mutation' = 'query',
) {
  const url = new URL(`http://api.test/trpc/${path}`);
  const body = JSON.stringify({ json: input });
  if (type === 'query') url.searchParams.set('input', body);
  const response = await fetchRequestHandler({
    endpoint: '/trpc',
    req: new Request(url, {
      method: type === 'query' ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      ...(type === 'mutation' ? { body } : {}),
    }),
    router: appRouter,
    createContext: () => createContext({ database, identity }),
  });
  const payload = (await response.json()) as { error?: { json: Record<string, unknown> } };
  return { status: response.status, error: payload.error?.json, raw: JSON.stringify(payload) };
}

describe.each(testDatabases())('errors on the wire on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => target.close());

  it('reports bad input as BAD_REQUEST with its issues and no stack', async () => {
    const { status, error, raw } = await errorOf(
      database,
      'weeks.submit',
      { companyId: 'nope', weekId: crypto.randomUUID(), version: 1, status: 'approved' },
      'mutation',
    );
    expect(status).toBe(400);
    expect(error).toMatchObject({ message: 'invalid_input', data: { code: 'BAD_REQUEST' } });
    expect(raw).not.toContain('stack');
    expect(raw).not.toContain('.ts:');
  });

  it('names the missing company with a stable reason code', async () => {
    const { status, error } = await errorOf(database, 'review.queue', {
      companyId: crypto.randomUUID(),
    });
    expect(status).toBe(404);
    expect(error).toMatchObject({ message: 'company_not_found', data: { code: 'NOT_FOUND' } });
  });

  it('hides what went wrong inside (SQL, driver messages) behind internal_error', async () => {
    const failing = router({
      boom: protectedProcedure.query(() => {
        throw new Error('relation "secret_table" does not exist: select * from secret_table');
      }),
    });
    const caller = createCallerFactory(failing)(createContext({ database, identity }));
    await expect(caller.boom()).rejects.toThrow();
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request('http://api.test/trpc/boom'),
      router: failing,
      createContext: () => createContext({ database, identity }),
      onError: () => {},
    });
    const raw = await response.text();
    expect(response.status).toBe(500);
    expect(raw).toContain('internal_error');
    expect(raw).not.toContain('secret_table');
    expect(raw).not.toContain('stack');
  });
});
