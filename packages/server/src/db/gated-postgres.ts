import type { Pool, PoolClient } from 'pg';
import type { ConnectionGate } from './gate.js';
import { DatabaseConnectionLostError, temporaryDatabaseReason } from './temporary-failure.js';

/**
 * node-postgres's pool as drizzle sees it: every connection taken through the gate, and every connection that
 * breaks while it is checked out turned into a DatabaseConnectionLostError for whoever uses it.
 *
 * Why the gate: the pool queues a request for a connection for as long as it takes, so a burst of requests (or a
 * transaction that never ends) would make every later request hang. The gate has as many slots as the pool has
 * connections: whoever holds a slot finds a connection, whoever waits longer than the acquisition timeout gets a
 * DatabaseBusyError, which the API answers with 503 (S26).
 *
 * Why the watch on each connection: when PostgreSQL ends a session (a failover, a restart, pg_terminate_backend),
 * node-postgres emits `error` on the client, and an `error` event without a listener ends the process. The pool
 * listens only while a client is idle in it; a checked-out one (a transaction between two statements) is ours to
 * watch. Its later statements, a rollback among them, then fail as "connection lost" instead of with text the API
 * could not tell from a fault, and it goes back to the pool as broken, so that the pool drops it.
 *
 * Drizzle reaches a connection in exactly two ways: `query` for a single statement and `connect` for a transaction
 * (then `query` and `release` on the client). Both are answered here from a watched checkout.
 */
export function gatePostgresPool(pool: Pool, gate: ConnectionGate): Pool {
  const checkout = async (): Promise<PoolClient> => {
    const giveBack = await gate.acquire();
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      giveBack();
      throw new DatabaseConnectionLostError(error);
    }
    return watched(client, giveBack);
  };
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'connect') return checkout;
      if (property === 'query') {
        return async (...args: unknown[]) => {
          const client = await checkout();
          try {
            return await Reflect.apply(client.query, client, args);
          } finally {
            client.release();
          }
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

function watched(client: PoolClient, giveBack: () => void): PoolClient {
  let lost: unknown = null;
  const onError = (error: unknown) => {
    lost = error;
  };
  client.on('error', onError);
  let released = false;
  const query = async (...args: unknown[]) => {
    if (lost !== null) throw new DatabaseConnectionLostError(lost);
    try {
      return await Reflect.apply(client.query, client, args);
    } catch (error) {
      // The session may have ended with this very statement: PostgreSQL's own goodbye (57P01 and the like) or the
      // client's error event, which comes with the rejection.
      if (lost === null && temporaryDatabaseReason(error) !== 'database_unavailable') throw error;
      lost ??= error;
      // Given back at once: drizzle does not release a transaction's client whose `begin` failed, and a slot
      // held forever would leave the pool one connection short for good.
      release();
      throw new DatabaseConnectionLostError(error);
    }
  };
  function release(): void {
    if (released) return;
    released = true;
    client.off('error', onError);
    // A client handed back with an error is closed by the pool instead of being reused.
    client.release(lost === null ? undefined : asError(lost));
    giveBack();
  }
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'query') return query;
      if (property === 'release') return release;
      return Reflect.get(target, property, receiver);
    },
  });
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
