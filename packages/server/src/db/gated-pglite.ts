import type { PGlite } from '@electric-sql/pglite';
import type { ConnectionGate } from './gate.js';

/**
 * The PGlite client as drizzle sees it, with every piece of work passed through the gate.
 *
 * Why: PGlite runs one statement or transaction at a time and lets the others wait for as long as it takes, so a
 * burst of requests (or a transaction that never ends) would make every later request hang. Through a gate of one
 * slot, whoever waits longer than the acquisition timeout gets a DatabaseBusyError, which the API answers with 503
 * (S26). Drizzle reaches PGlite through `query` and `exec` for a statement and `transaction` for a transaction;
 * statements inside a transaction run on the transaction's own object, which is not wrapped, so they never wait.
 */
const GATED_METHODS = new Set<PropertyKey>(['query', 'exec', 'transaction']);

export function gatePgliteClient(client: PGlite, gate: ConnectionGate): PGlite {
  return new Proxy(client, {
    get(target, property) {
      // PGlite keeps its state in private fields, so its methods must run with the instance itself as `this`.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (GATED_METHODS.has(property)) {
        return (...args: unknown[]) =>
          gate.run(() => Reflect.apply(value, target, args) as Promise<unknown>);
      }
      return value.bind(target);
    },
  });
}
