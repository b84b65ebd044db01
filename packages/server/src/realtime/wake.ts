/**
 * A flag that a subscriber waits on: set any number of times while the subscriber is busy, it wakes the next wait
 * once, so a burst of changes costs one look, not one per change.
 */
export class Wake {
  #pending = false;
  #resolve: (() => void) | null = null;

  readonly set = (): void => {
    this.#pending = true;
    this.#resolve?.();
  };

  /** Resolves once set (at once if set meanwhile), after `ms` when given, or when any of the signals aborts. */
  async wait(signals: readonly AbortSignal[], ms?: number): Promise<void> {
    if (this.#pending || signals.some((signal) => signal.aborted)) {
      this.#pending = false;
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: () => void = () => {};
    const woken = new Promise<void>((resolve) => {
      this.#resolve = resolve;
      onAbort = resolve;
      for (const signal of signals) signal.addEventListener('abort', onAbort, { once: true });
      if (ms !== undefined) timer = setTimeout(resolve, ms);
    });
    try {
      await woken;
    } finally {
      clearTimeout(timer);
      // A signal may outlive many waits; listeners left on it would pile up.
      for (const signal of signals) signal.removeEventListener('abort', onAbort);
      this.#resolve = null;
      this.#pending = false;
    }
  }
}
