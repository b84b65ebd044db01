import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { LoadRequest, LoadResult } from './load-protocol.js';

export interface LoadOptions {
  connections: number;
  warmupMs: number;
  durationMs: number;
}

export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  firstError: string | null;
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

  async measure(
    url: string,
    headers: Record<string, string>,
    options: LoadOptions,
  ): Promise<Measurement> {
    const job: LoadRequest = { type: 'run', url, headers, ...options };
    const answer = once(this.#child, 'message') as Promise<[LoadResult]>;
    this.#child.send(job);
    const [result] = await answer;
    return {
      requestsPerSecond: (result.requests * 1000) / result.elapsedMs,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      errors: result.errors,
      firstError: result.firstError,
    };
  }

  async stop(): Promise<void> {
    const exited = once(this.#child, 'exit');
    this.#child.kill();
    await exited;
  }
}
