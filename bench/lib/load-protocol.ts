/** Messages between the benchmark and its load-generating child process. */

export interface LoadRequest {
  type: 'run';
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  type: 'result';
  /** Requests completed inside the measured window (after the warm-up). */
  requests: number;
  /** Answers other than 200, or failed requests, inside the measured window. */
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  p50Ms: number;
  p99Ms: number;
}
