import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeServer } from '../node-server.js';
import type { FetchHandler } from '../request-handler.js';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves a fetch handler over real HTTP on an ephemeral loopback port. */
export async function serve(handler: FetchHandler): Promise<Served> {
  const server: Server = createNodeServer(handler, { onError: () => {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
