import type { ReasonCode } from '@berichtsheft/core';

/** Raised when no database connection became free within the acquisition timeout; the API answers 503 (S26). */
export class DatabaseBusyError extends Error {
  readonly reason: ReasonCode = 'database_busy';

  constructor(waitedMs: number) {
    super(`no database connection became free within ${waitedMs} ms`);
    this.name = 'DatabaseBusyError';
  }
}

/** Lets at most `slots` pieces of database work run at once; the rest wait in order, each for a bounded time. */
export interface ConnectionGate {
  readonly slots: number;
  readonly acquireTimeoutMs: number;
  /** Runs `work` once a slot is free, or rejects with DatabaseBusyError if none frees up in time. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Takes a slot for work whose end is not one promise (a pooled connection, held until it is released); resolves
   * with the function that gives the slot back, which does so once however often it is called.
   */
  acquire(): Promise<() => void>;
}

export function createConnectionGate(slots: number, acquireTimeoutMs: number): ConnectionGate {
  if (!Number.isSafeInteger(slots) || slots < 1) {
    throw new RangeError(`slots must be a positive integer, got ${slots}`);
  }
  let free = slots;
  /** Waiters in arrival order; a released slot is handed straight to the first, so no late arrival can overtake. */
  const waiting: (() => void)[] = [];

  const acquire = (): Promise<void> => {
    if (free > 0) {
      free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = waiting.indexOf(grant);
        if (index >= 0) waiting.splice(index, 1);
        reject(new DatabaseBusyError(acquireTimeoutMs));
      }, acquireTimeoutMs);
      waiting.push(grant);
    });
  };

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  };

  return {
    slots,
    acquireTimeoutMs,
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    async acquire() {
      await acquire();
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        release();
      };
    },
  };
}
