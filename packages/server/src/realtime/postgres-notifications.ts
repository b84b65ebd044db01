import pg from 'pg';
import type { NotificationSource } from './change-signals.js';

/** How the listening connection shows up in `pg_stat_activity`, e.g. for an operator (or a test) looking for it. */
export const LISTENER_APPLICATION_NAME = 'berichtsheft-listener';

const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5000;

/**
 * LISTEN on one connection of its own, outside the request pool, so open subscriptions never take a connection from
 * the API. A lost connection (a restart of PostgreSQL, a terminated backend, a network cut) is replaced with growing
 * pauses; each time it is listening again everyone is woken, because notifications sent meanwhile are gone.
 */
export function postgresNotifications(url: string, channel: string): NotificationSource {
  let current: pg.Client | null = null;
  let stopped = false;
  let retryMs = RETRY_FIRST_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function connect(onPayload: (payload: string) => void, onGap: () => void): void {
    const client = new pg.Client({
      connectionString: url,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
    });
    current = client;
    const lost = () => {
      if (current !== client) return;
      current = null;
      client.end().catch(() => {});
      if (stopped) return;
      retryTimer = setTimeout(() => connect(onPayload, onGap), retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    };
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    // An error ends the connection; `end` follows, or `lost` has run already.
    client.on('error', lost);
    client.on('end', lost);
    client
      .connect()
      .then(() => client.query(`LISTEN "${channel}"`))
      .then(() => {
        if (current !== client) return;
        retryMs = RETRY_FIRST_MS;
        onGap();
      })
      .catch(lost);
  }

  return {
    async start(onPayload, onGap) {
      stopped = false;
      connect(onPayload, onGap);
    },
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}
