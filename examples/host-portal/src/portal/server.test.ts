import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts.js';
import { openPortalSite, type PortalSite } from './listen.js';
import { createPortal } from './server.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch, so a HEAD answer that carries a body anyway would show up. */
function send(method: string, url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Headers that differ between any two answers (time, connection, cookies with fresh random values). */
const VARYING = new Set(['date', 'connection', 'keep-alive', 'set-cookie', 'location']);
const stableHeaders = (answer: Answer) =>
  Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !VARYING.has(name)));

describe('portal pages answer HEAD like GET', () => {
  let site: PortalSite;

  beforeAll(async () => {
    site = await openPortalSite(0);
    site.install(
      createPortal({
        origin: site.origin,
        apiUrl: 'http://localhost:9',
        accounts: DEMO_ACCOUNTS,
        demoPassword: DEMO_PASSWORD,
        onError: () => {},
      }),
    );
  });
  afterAll(() => site?.close());

  it.each([
    '/',
    '/?lang=en',
    '/login',
    '/berichtsheft',
    '/session/token',
    '/assets/portal.css',
    '/no-such-page',
  ])('%s', async (path) => {
    const get = await send('GET', `${site.origin}${path}`);
    const head = await send('HEAD', `${site.origin}${path}`);
    expect(head.status).toBe(get.status);
    expect(stableHeaders(head)).toEqual(stableHeaders(get));
    expect(head.body).toBe('');
  });

  it('answers the start page with 200 and no body', async () => {
    const head = await send('HEAD', `${site.origin}/`);
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
