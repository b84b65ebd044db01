/**
 * Where notifications of committed changes come from: PostgreSQL's LISTEN on one connection of its own, or PGlite's
 * in-process `listen`. `onGap` is called when notifications may have been missed (the connection was lost and is
 * back), so that everyone looks again.
 */
export interface NotificationSource {
  start(onPayload: (payload: string) => void, onGap: () => void): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Wakes the subscribers of a thread, in this instance, whenever a change of that thread commits in any instance. The
 * signal carries no data: a woken subscriber reads what changed itself, with its own access checked again.
 */
export interface ChangeSignals {
  /** Calls `wake` on every change of the thread with this key, until the returned function is called. */
  watch(key: string, wake: () => void): () => void;
  /**
   * Aborted once the instance shuts down, when every watcher is woken a last time: subscriptions end, and their
   * clients reconnect to another instance.
   */
  readonly closed: AbortSignal;
  close(): Promise<void>;
}

/** Listens only while someone watches, so an instance without subscribers holds no extra connection. */
export function createChangeSignals(source: NotificationSource): ChangeSignals {
  const watchers = new Map<string, Set<() => void>>();
  const shutdown = new AbortController();
  let listening: Promise<void> | null = null;

  const wakeAll = () => {
    for (const wakes of watchers.values()) for (const wake of wakes) wake();
  };
  const onPayload = (key: string) => {
    for (const wake of watchers.get(key) ?? []) wake();
  };

  return {
    closed: shutdown.signal,
    watch(key, wake) {
      if (shutdown.signal.aborted) return () => {};
      if (listening === null) {
        listening = source.start(onPayload, wakeAll).catch(() => {
          // The source retries by itself; until then nobody is told of changes, so everyone looks again when it is back.
          listening = null;
        });
      }
      let wakes = watchers.get(key);
      if (!wakes) {
        wakes = new Set();
        watchers.set(key, wakes);
      }
      wakes.add(wake);
      // Safe to call twice: a second call must not drop the set of watchers that came after.
      return () => {
        wakes.delete(wake);
        if (wakes.size === 0 && watchers.get(key) === wakes) watchers.delete(key);
      };
    },
    async close() {
      if (shutdown.signal.aborted) return;
      shutdown.abort();
      // Woken once more, each subscriber sees `closed` aborted and ends: one signal, not a listener per subscriber.
      wakeAll();
      watchers.clear();
      await source.stop();
    },
  };
}
