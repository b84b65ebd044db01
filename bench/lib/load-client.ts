import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { LoadRequest, LoadResult, LoadStep, WindowMark } from './load-protocol.js';
import { sendStep } from './send-step.js';
import { percentile } from './stats.js';

/**
 * Runs in a child process forked by `load.ts`, so the load generator does not share an event loop with the server
 * it measures (the two still share the machine's cores). Each connection sends its next request as soon as the
 * previous answer has been read completely: a closed loop over keep-alive sockets.
 */

/** The first failure of a sequence, or null when every step answered 200; later steps are not sent after one. */
async function sendAll(agent: Agent, steps: readonly LoadStep[]): Promise<string | null> {
  for (const step of steps) {
    try {
      const answer = await sendStep(agent, step);
      if (answer.status !== 200) return `${answer.status} ${answer.body.slice(0, 200)}`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  return null;
}

/** Tells the parent when the measured window opens and closes; each edge once, in order, before the result. */
function windowMarks(openAt: number, closeAt: number): { finish(): void } {
  const sent = new Set<WindowMark['edge']>();
  const mark = (edge: WindowMark['edge']) => {
    if (sent.has(edge)) return;
    sent.add(edge);
    process.send?.({ type: 'window', edge } satisfies WindowMark);
  };
  const opening = setTimeout(() => mark('open'), openAt - performance.now());
  const closing = setTimeout(() => {
    mark('open');
    mark('close');
  }, closeAt - performance.now());
  return {
    finish() {
      clearTimeout(opening);
      clearTimeout(closing);
      mark('open');
      mark('close');
    },
  };
}

async function run(job: LoadRequest): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const end = measureFrom + job.durationMs;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const marks = windowMarks(measureFrom, end);

  const connection = async () => {
    for (;;) {
      const sent = performance.now();
      if (sent >= end) return;
      const failed = await sendAll(agent, job.steps);
      const done = performance.now();
      if (sent < measureFrom || done > end) continue;
      latencies.push(done - sent);
      if (failed !== null) {
        errors += 1;
        firstError ??= failed;
      }
    }
  };
  await Promise.all(Array.from({ length: job.connections }, connection));
  marks.finish();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    type: 'result',
    requests: latencies.length,
    errors,
    firstError,
    elapsedMs: job.durationMs,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

process.on('message', (message: LoadRequest) => {
  void run(message).then((result) => process.send?.(result));
});
