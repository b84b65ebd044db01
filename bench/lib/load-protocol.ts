/** Messages between the benchmark and its load-generating child process. */

/** One HTTP request of a sequence. */
export interface LoadStep {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadRequest {
  type: 'run';
  /**
   * What one connection sends, one after another, before it counts one completed unit: a single request, or the
   * round trips of a page load, each started only after the previous answer was read.
   */
  steps: LoadStep[];
  connections: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  type: 'result';
  /** Sequences completed inside the measured window (after the warm-up). */
  requests: number;
  /** Sequences with an answer other than 200, or a failed request, inside the measured window. */
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** Sent by the child when the measured window opens and closes, so the parent can read CPU counters then. */
export interface WindowMark {
  type: 'window';
  edge: 'open' | 'close';
}
