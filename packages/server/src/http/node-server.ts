import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { CLIENT_ADDRESS_HEADER, type FetchHandler } from './request-handler.js';
import { errorResponse } from './responses.js';

export interface NodeListenerOptions {
  onError?: (error: unknown) => void;
}

const BODY_HIGH_WATER_MARK = 64 * 1024;

/** The request body as a web stream that reads from the socket only as fast as the handler consumes it. */
function bodyStream(request: IncomingMessage): {
  stream: ReadableStream<Uint8Array>;
  fullyRead: () => boolean;
} {
  let ended = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        request.on('data', (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) request.pause();
        });
        request.on('end', () => {
          ended = true;
          controller.close();
        });
        request.on('error', (error) => controller.error(error));
      },
      pull() {
        request.resume();
      },
      cancel() {
        // Stop reading but keep the socket: the handler is about to answer (e.g. 413) on it.
        request.pause();
        request.removeAllListeners('data');
      },
    },
    { highWaterMark: BODY_HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );
  return { stream, fullyRead: () => ended };
}

function toRequest(request: IncomingMessage, signal: AbortSignal) {
  // Concatenated, not resolved: a path such as `//host/x` must stay a path.
  const url = new URL(`http://localhost${request.url?.startsWith('/') ? request.url : '/'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // The client's address as this server saw it, never as a client claims it (S30).
  headers.set(CLIENT_ADDRESS_HEADER, request.socket.remoteAddress ?? 'unknown');
  const method = request.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? null : bodyStream(request);
  const init: RequestInit & { duplex: 'half' } = {
    method,
    headers,
    signal,
    duplex: 'half',
    ...(body ? { body: body.stream } : {}),
  };
  return {
    request: new Request(url, init),
    bodyFullyRead: () => body === null || body.fullyRead(),
  };
}

async function writeResponse(
  response: Response,
  target: ServerResponse,
  closeConnection: boolean,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  // An unread request body would otherwise be drained from the socket to keep it alive.
  if (closeConnection) headers.connection = 'close';
  target.writeHead(response.status, headers);
  if (response.body === null) {
    target.end();
    return;
  }
  // A streamed answer (JSON lines, events) may take a while to produce its first chunk; the head goes out now.
  target.flushHeaders();
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), target);
}

/** Adapts a fetch-style handler to `node:http`, streaming both bodies and aborting the request if the client leaves. */
export function toNodeListener(
  handler: FetchHandler,
  options: NodeListenerOptions = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  const reportError = options.onError ?? ((error: unknown) => console.error(error));
  return (incoming, outgoing) => {
    const abort = new AbortController();
    outgoing.on('close', () => {
      if (!outgoing.writableFinished) abort.abort();
    });
    const { request, bodyFullyRead } = toRequest(incoming, abort.signal);
    handler(request)
      .catch((error: unknown) => {
        reportError(error);
        return errorResponse(500, 'INTERNAL_SERVER_ERROR', 'internal_error');
      })
      .then((response) => writeResponse(response, outgoing, !bodyFullyRead()))
      .catch((error: unknown) => {
        // The client went away mid-response; nothing is left to tell it.
        if (!abort.signal.aborted) reportError(error);
        outgoing.destroy();
      });
  };
}

export function createNodeServer(handler: FetchHandler, options: NodeListenerOptions = {}): Server {
  return createServer(toNodeListener(handler, options));
}
