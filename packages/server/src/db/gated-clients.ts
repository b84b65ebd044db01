import type { PGlite } from '@electric-sql/pglite';
import type postgres from 'postgres';
import type { ConnectionGate } from './gate.js';

/**
 * The driver clients as drizzle sees them, with every piece of work that needs a connection passed through the gate.
 *
 * Why here: postgres.js queues a query for a free connection without any time limit, and PGlite waits for a running
 * transaction just as long, so a burst of requests (or a transaction that never ends) would make every later request
 * hang. The gate has as many slots as the pool has connections: whoever holds a slot finds a connection, whoever
 * waits longer than the acquisition timeout gets a DatabaseBusyError, which the API answers with 503 (S26).
 *
 * Drizzle reaches a connection in exactly two ways: a single statement (`unsafe` on postgres.js, `query`/`exec` on
 * PGlite) and a transaction (`begin` / `transaction`), each holding the connection until it settles. Statements
 * inside a transaction run on the transaction's own client, which is not wrapped, so they never wait for a slot.
 */

type PostgresClient = ReturnType<typeof postgres>;

/** What drizzle does with the result of `unsafe`: awaits it, or calls `.values()` on it at once and awaits that. */
type PendingStatement = PromiseLike<unknown> & { values(): PromiseLike<unknown> };

/**
 * Stands in for postgres.js's lazy query. The statement starts a microtask later, once it holds a slot, so that a
 * `.values()` called right away still picks the row format it runs with.
 */
function gatedStatement(gate: ConnectionGate, start: () => PendingStatement): PendingStatement {
  let asValues = false;
  const result = Promise.resolve().then(() =>
    gate.run(async () => {
      const statement = start();
      return asValues ? statement.values() : statement;
    }),
  );
  return Object.assign(result, {
    values: () => {
      asValues = true;
      return result;
    },
  });
}

export function gatePostgresClient(client: PostgresClient, gate: ConnectionGate): PostgresClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'begin') {
        return (...args: unknown[]) =>
          gate.run(() => Reflect.apply(target.begin, target, args) as Promise<unknown>);
      }
      if (property === 'unsafe') {
        return (...args: unknown[]) =>
          gatedStatement(
            gate,
            () => Reflect.apply(target.unsafe, target, args) as PendingStatement,
          );
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

const PGLITE_GATED_METHODS = new Set<PropertyKey>(['query', 'exec', 'transaction']);

export function gatePgliteClient(client: PGlite, gate: ConnectionGate): PGlite {
  return new Proxy(client, {
    get(target, property) {
      // PGlite keeps its state in private fields, so its methods must run with the instance itself as `this`.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (PGLITE_GATED_METHODS.has(property)) {
        return (...args: unknown[]) =>
          gate.run(() => Reflect.apply(value, target, args) as Promise<unknown>);
      }
      return value.bind(target);
    },
  });
}
