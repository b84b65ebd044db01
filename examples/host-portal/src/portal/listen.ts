import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Portal } from './server.js';

export interface PortalSite {
  origin: string;
  server: Server;
  /** Starts answering with the portal; until then requests get 503. */
  install(portal: Portal): void;
  close(): Promise<void>;
}

/**
 * Opens the portal's port before the portal exists: its login service's issuer URL contains the port, and the API
 * must know that issuer before the portal can know the API's URL.
 */
export async function openPortalSite(port: number): Promise<PortalSite> {
  let handle: Portal['handle'] | undefined;
  const server = createServer((req, res) => {
    if (handle) {
      handle(req, res);
    } else {
      res.writeHead(503, { 'retry-after': '1' }).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    server,
    install(portal) {
      handle = portal.handle;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
