import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { readCappedBody } from './body.js';
import { type Served, serve } from './testing/serve.js';

let served: Served | undefined;

afterEach(async () => {
  await served?.close();
  served = undefined;
});

/** Sends a large body with node:http so the answer can be read even if the server stops reading early. */
function postLarge(url: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    // Once the server has answered and closed, further writes may fail; the answer is what counts.
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 32);
    let sent = 0;
    const writeMore = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', writeMore);
          return;
        }
      }
      req.end();
    };
    writeMore();
  });
}

describe('toNodeListener', () => {
  it('streams the request body through and the response body back', async () => {
    served = await serve(async (request) => {
      const body = new Uint8Array(await request.arrayBuffer());
      const url = new URL(request.url);
      return new Response(body, {
        status: 201,
        headers: { 'x-method': request.method, 'x-path': url.pathname, 'x-search': url.search },
      });
    });
    const payload = new Uint8Array(300 * 1024).map((_, index) => index % 251);
    const response = await fetch(`${served.url}/some/path?q=1`, { method: 'PUT', body: payload });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-method')).toBe('PUT');
    expect(response.headers.get('x-path')).toBe('/some/path');
    expect(response.headers.get('x-search')).toBe('?q=1');
    const echoed = Buffer.from(await response.arrayBuffer());
    expect(echoed.byteLength).toBe(payload.byteLength);
    expect(echoed.equals(payload)).toBe(true);
  });

  it('keeps a path that looks like an authority a path', async () => {
    served = await serve(async (request) => new Response(new URL(request.url).pathname));
    const response = await fetch(`${served.url}//evil.example/x`);
    expect(await response.text()).toBe('//evil.example/x');
  });

  it('answers 413 for a body over the cap without reading all of it', async () => {
    let received = 0;
    served = await serve(async (request) => {
      const body = await readCappedBody(request, 1024 * 1024);
      if (!body.ok) return new Response('too large', { status: 413 });
      received = body.bytes.byteLength;
      return new Response('ok');
    });
    const refused = await postLarge(`${served.url}/upload`, 4 * 1024 * 1024);
    expect(refused).toEqual({ status: 413, body: 'too large' });
    const accepted = await postLarge(`${served.url}/upload`, 512 * 1024);
    expect(accepted.status).toBe(200);
    expect(received).toBe(512 * 1024);
  });

  it('answers 500 JSON without details when the handler throws', async () => {
    served = await serve(async () => {
      throw new Error('secret detail');
    });
    const response = await fetch(`${served.url}/`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe(
      JSON.stringify({ error: { code: 'INTERNAL_SERVER_ERROR', reason: 'internal_error' } }),
    );
  });

  it('aborts the request signal when the client goes away', async () => {
    const aborted = new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('signal not aborted')), 5000);
      served = undefined;
      void serve(async (request) => {
        request.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve(true);
        });
        return new Response(new ReadableStream({ start() {} }));
      }).then((started) => {
        served = started;
        const client = new AbortController();
        void fetch(`${started.url}/stream`, { signal: client.signal })
          .then(() => client.abort())
          .catch(() => {});
      });
    });
    expect(await aborted).toBe(true);
  });
});
