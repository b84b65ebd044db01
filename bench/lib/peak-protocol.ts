/** Messages between bench/friday-peak.ts and its load-generating child, bench/lib/peak-client.ts. */

export const PEAK_OPERATIONS = [
  'editor page load',
  'save',
  'submit',
  'approve',
  'queue read',
] as const;
export type PeakOperationKind = (typeof PEAK_OPERATIONS)[number];

/** One arrival of the schedule: what is sent, by whom, and when (ms after the run starts). */
export interface PeakOperation {
  at: number;
  kind: PeakOperationKind;
  /** The apprentice who acts, or whose submitted week the trainer approves. */
  apprentice: number;
  /** For a queue read, the trainer who reads. */
  trainer: number;
}

export interface PeakJob {
  type: 'run';
  baseUrl: string;
  warmupMs: number;
  durationMs: number;
  operations: PeakOperation[];
  /** Access tokens by subject, signed ahead so that signing is not part of any latency. */
  tokens: Record<string, string>;
}

export interface PeakFigures {
  sent: number;
  errors: number;
  /** Arrivals not sent because an earlier request on the same week was still under way, or the week moved on. */
  skipped: number;
  p50Ms: number;
  p99Ms: number;
  firstError: string | null;
}

export interface PeakResult {
  type: 'result';
  figures: Record<PeakOperationKind, PeakFigures>;
}

/** Sent when the measured window opens and closes, so the parent can read CPU counters then. */
export interface PeakWindowMark {
  type: 'window';
  edge: 'open' | 'close';
}
