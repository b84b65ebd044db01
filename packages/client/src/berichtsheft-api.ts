import type { BerichtsheftApi } from './api.js';
import { apiFromClient } from './api-from-client.js';
import type { BerichtsheftClientOptions } from './client-options.js';
import { httpFileTransport } from './file-transport.js';
import { authenticatedFetch, createBerichtsheftClient } from './trpc-client.js';

/**
 * The Berichtsheft API over HTTP: batched tRPC calls, live streams and files with the host's bearer token, one
 * refresh on 401. The returned
 * type is the client's own interface, so a consumer's compiler needs no server package to check calls against it.
 */
export function createBerichtsheftApi(options: BerichtsheftClientOptions): BerichtsheftApi {
  // One token cache for calls, live streams and files.
  const fetch = authenticatedFetch(options);
  return apiFromClient(
    createBerichtsheftClient(options, fetch),
    httpFileTransport(options.url, fetch),
  );
}
