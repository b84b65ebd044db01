import type { PGlite } from '@electric-sql/pglite';
import type { NotificationSource } from './change-signals.js';

/** PGlite's own LISTEN: the embedded database lives in this process, so its notifications do too. */
export function pgliteNotifications(client: PGlite, channel: string): NotificationSource {
  let unlisten: (() => Promise<void>) | null = null;
  return {
    async start(onPayload, onGap) {
      unlisten = await client.listen(channel, onPayload);
      onGap();
    },
    async stop() {
      const stop = unlisten;
      unlisten = null;
      if (!client.closed) await stop?.().catch(() => {});
    },
  };
}
