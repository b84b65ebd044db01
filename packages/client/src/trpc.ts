// `@berichtsheft/client/trpc`: the tRPC client typed by the server's router, for hosts that also install
// @berichtsheft/server (its types are needed to compile against this entry).
export { apiFromClient } from './api-from-client.js';
export type { FileTransport } from './file-transport.js';
export {
  authenticatedFetch,
  type BerichtsheftClient,
  createBerichtsheftClient,
} from './trpc-client.js';
