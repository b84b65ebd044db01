import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { LoadRequest, LoadResult } from './load-protocol.js';
import { percentile } from './stats.js';

/**
 * Runs in a child process forked by `load.ts`, so the load generator does not share an event loop with the server
 * it measures (the two still share the machine's cores). Each connection sends its next request as soon as the
 * previous answer has been read completely: a closed loop over keep-alive sockets.
 */

function get(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function run(job: LoadRequest): Promise<LoadResult> {
  const url = new URL(job.url);
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const end = measureFrom + job.durationMs;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;

  const connection = async () => {
    for (;;) {
      const sent = performance.now();
      if (sent >= end) return;
      let failed: string | null = null;
      try {
        const answer = await get(agent, url, job.headers);
        if (answer.status !== 200) failed = `${answer.status} ${answer.body.slice(0, 200)}`;
      } catch (error) {
        failed = error instanceof Error ? error.message : String(error);
      }
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
