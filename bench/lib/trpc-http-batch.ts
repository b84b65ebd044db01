import superjson from 'superjson';
import type { LoadStep } from './load-protocol.js';
import type { TrpcCall } from './page-loads.js';

/**
 * The HTTP request tRPC's `httpBatchLink` makes of a batch of calls: `GET /trpc/a,b?batch=1&input={"0":…,"1":…}` for
 * queries, `POST /trpc/a,b?batch=1` with the same object as the body for mutations; superjson-encoded inputs.
 */
export function batchRequest(base: string, calls: readonly TrpcCall[], token: string): LoadStep {
  const [first] = calls;
  if (first === undefined) throw new Error('an empty batch');
  if (calls.some((call) => call.type !== first.type)) {
    throw new Error('queries and mutations never share a batch');
  }
  const paths = calls.map((call) => call.path).join(',');
  const inputs = JSON.stringify(
    Object.fromEntries(calls.map((call, index) => [index, superjson.serialize(call.input)])),
  );
  const headers = { authorization: `Bearer ${token}` };
  if (first.type === 'query') {
    const url = `${base}/trpc/${paths}?batch=1&input=${encodeURIComponent(inputs)}`;
    return { method: 'GET', url, headers };
  }
  return {
    method: 'POST',
    url: `${base}/trpc/${paths}?batch=1`,
    headers: { ...headers, 'content-type': 'application/json' },
    body: inputs,
  };
}

type BatchAnswer = { result?: { data: ReturnType<typeof superjson.serialize> }; error?: unknown }[];

/** Sends the batch once and returns each call's data, decoded as the client would; throws on any error. */
export async function sendBatch(step: LoadStep): Promise<unknown[]> {
  const init: RequestInit = { method: step.method, headers: step.headers };
  if (step.body !== undefined) init.body = step.body;
  const response = await fetch(step.url, init);
  const answer = (await response.json()) as BatchAnswer;
  return answer.map((item) => {
    if (!response.ok || item.result === undefined) {
      throw new Error(`${step.url} answered ${response.status}: ${JSON.stringify(item.error)}`);
    }
    return superjson.deserialize(item.result.data);
  });
}
