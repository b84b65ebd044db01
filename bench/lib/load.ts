import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { LoadRequest, LoadResult, LoadStep, WindowMark } from './load-protocol.js';

export interface LoadOptions {
  connections: number;
  warmupMs: number;
  durationMs: number;
}

export interface Measurement {
  /** Completed units per second: requests, or page loads when a unit is a sequence of requests. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  firstError: string | null;
  /** Units completed inside the measured window. */
  completed: number;
}

/** Told when the measured window opens and closes, e.g. to read CPU counters at exactly those moments. */
export interface WindowObserver {
  open(): void;
  close(): void;
}

/**
 * A load generator in a child process. Forked with the parent's exec arguments, so the `tsx` loader that runs the
 * benchmark also runs the child.
 */
export class LoadGenerator {
  readonly #child: ChildProcess;

  private constructor(child: ChildProcess) {
    this.#child = child;
  }

  static async start(): Promise<LoadGenerator> {
    const child = fork(new URL('./load-client.ts', import.meta.url), { stdio: 'inherit' });
    await once(child, 'spawn');
    return new LoadGenerator(child);
  }

  /** GET requests to one URL. */
  measure(
    url: string,
    headers: Record<string, string>,
    options: LoadOptions,
  ): Promise<Measurement> {
    return this.measureSequence([{ method: 'GET', url, headers }], options);
  }

  /** Each connection sends the steps one after another; one completed sequence is one unit. */
  measureSequence(
    steps: LoadStep[],
    options: LoadOptions,
    observer?: WindowObserver,
  ): Promise<Measurement> {
    const job: LoadRequest = { type: 'run', steps, ...options };
    return new Promise((resolve) => {
      const onMessage = (message: LoadResult | WindowMark) => {
        if (message.type === 'window') {
          if (message.edge === 'open') observer?.open();
          else observer?.close();
          return;
        }
        this.#child.off('message', onMessage);
        resolve({
          requestsPerSecond: (message.requests * 1000) / message.elapsedMs,
          p50Ms: message.p50Ms,
          p99Ms: message.p99Ms,
          errors: message.errors,
          firstError: message.firstError,
          completed: message.requests,
        });
      };
      this.#child.on('message', onMessage);
      this.#child.send(job);
    });
  }

  async stop(): Promise<void> {
    const exited = once(this.#child, 'exit');
    this.#child.kill();
    await exited;
  }
}
