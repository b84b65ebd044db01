import type { ReasonCode } from '@berichtsheft/core';

/** Raised when no database connection became free within the acquisition timeout; the API answers 503 (S26). */
export class DatabaseBusyError extends Error {
  readonly reason: ReasonCode = 'database_busy';

  constructor(waitedMs: number) {
    super(`no database connection became free within ${waitedMs} ms`);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * Whether an error is, or was caused by, a DatabaseBusyError. Drizzle wraps driver errors in its own (with the busy
 * error as `cause`), so the whole cause chain is searched.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    if (current instanceof DatabaseBusyError) return true;
    seen.add(current);
    current = current.cause;
  }
  return false;
}

/** Lets at most `slots` pieces of database work run at once; the rest wait in order, each for a bounded time. */
export interface ConnectionGate {
  readonly slots: number;
  readonly acquireTimeoutMs: number;
  /** Runs `work` once a slot is free, or rejects with DatabaseBusyError if none frees up in time. */
  run<T>(work: () => Promise<T>): Promise<T>;
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
  };
}
