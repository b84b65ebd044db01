import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import superjson from 'superjson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBerichtsheftApi } from './berichtsheft-api.js';
import { isAborted } from './errors.js';

const companyId = '5f1f9d64-3c1b-4a0e-8f43-8a1d7b3f9c20';

interface Seen {
  paths: string[];
  /** Whether the client went away before the answer was sent. */
  abandoned: boolean;
}

/**
 * Answers tRPC batch requests the way tRPC v11 does, each call with `[]` (or `null` for `weeks.find`), once `release`
 * is called. Keeps to the wire format so the client's batching and cancellation run for real.
 */
async function startHeldTrpcServer() {
  const seen: Seen[] = [];
  const waiting: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const paths = url.pathname.replace(/^\/trpc\//, '').split(',');
    const entry: Seen = { paths, abandoned: false };
    seen.push(entry);
    res.on('close', () => {
      if (!res.writableEnded) entry.abandoned = true;
    });
    req.resume();
    waiting.push(() => {
      if (res.destroyed) return;
      res.setHeader('content-type', 'application/json');
      const answers = paths.map((path) => ({
        result: { data: superjson.serialize(path === 'weeks.find' ? null : []) },
      }));
      res.end(JSON.stringify(answers));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const release = () => {
    for (const answer of waiting.splice(0)) answer();
  };
  return { server, seen, release, url: `http://127.0.0.1:${port}` };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

describe('createBerichtsheftApi batching and cancellation', () => {
  let ctx: Awaited<ReturnType<typeof startHeldTrpcServer>>;
  beforeEach(async () => {
    ctx = await startHeldTrpcServer();
  });
  afterEach(async () => {
    ctx.release();
    ctx.server.close();
    await once(ctx.server, 'close');
  });

  it('sends the reads of a page load, issued together, in one request', async () => {
    const api = createBerichtsheftApi({ url: ctx.url, getToken: () => 'token' });
    const week = { companyId, isoYear: 2026, isoWeek: 48 };
    const answers = Promise.all([
      api.listMyApprenticeships(companyId),
      api.findWeek(week),
      api.listWeeks({ companyId }),
    ]);
    await until(() => ctx.seen.length === 1);
    ctx.release();
    expect(await answers).toEqual([[], null, []]);
    expect(ctx.seen.map((s) => s.paths)).toEqual([
      ['apprenticeships.listMine', 'weeks.find', 'weeks.list'],
    ]);
  });

  it('cancels a call through its signal, as ABORTED, and the request goes away', async () => {
    const api = createBerichtsheftApi({ url: ctx.url, getToken: () => 'token' });
    const controller = new AbortController();
    const pending = api.reviewQueue(companyId, { signal: controller.signal });
    await until(() => ctx.seen.length === 1);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ABORTED', reason: 'aborted' });
    expect(isAborted(error)).toBe(true);
    await until(() => ctx.seen[0]?.abandoned === true);
  });

  it('leaves the other calls of a batch alone when one of them is cancelled', async () => {
    const api = createBerichtsheftApi({ url: ctx.url, getToken: () => 'token' });
    const controller = new AbortController();
    const cancelled = api.listWeeks({ companyId }, { signal: controller.signal });
    const kept = api.listMyApprenticeships(companyId);
    await until(() => ctx.seen.length === 1);
    controller.abort();
    // Rejected at once, before the batch it went out with has its answer.
    expect(isAborted(await cancelled.catch((e: unknown) => e))).toBe(true);
    ctx.release();
    expect(await kept).toEqual([]);
    expect(ctx.seen[0]?.abandoned).toBe(false);
  });

  it('does not count a failure as cancelled when the signal was not aborted', async () => {
    const api = createBerichtsheftApi({ url: ctx.url, getToken: () => 'token' });
    const controller = new AbortController();
    const pending = api.me({ signal: controller.signal });
    await until(() => ctx.seen.length === 1);
    ctx.server.closeAllConnections();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    expect(isAborted(error)).toBe(false);
  });
});
