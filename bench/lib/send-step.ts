import { type Agent, request } from 'node:http';
import type { LoadStep } from './load-protocol.js';

/** Sends one request over the load generator's keep-alive agent and reads its whole answer. */
export function sendStep(agent: Agent, step: LoadStep): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { method, headers } = step;
    const outgoing = request(step.url, { agent, method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(step.body);
  });
}
