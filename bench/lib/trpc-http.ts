import superjson from 'superjson';

/** Just enough of tRPC's HTTP protocol (superjson transformer, no batching) to seed data and build request URLs. */

type Serialized = ReturnType<typeof superjson.serialize>;

export function queryUrl(base: string, path: string, input?: unknown): string {
  const url = `${base}/trpc/${path}`;
  if (input === undefined) return url;
  return `${url}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

async function unwrap<T>(path: string, response: Response): Promise<T> {
  const body = (await response.json()) as { result?: { data: Serialized }; error?: unknown };
  if (!response.ok || body.result === undefined) {
    throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body.error ?? body)}`);
  }
  return superjson.deserialize<T>(body.result.data);
}

export async function query<T>(
  base: string,
  token: string,
  path: string,
  input?: unknown,
): Promise<T> {
  const response = await fetch(queryUrl(base, path, input), {
    headers: { authorization: `Bearer ${token}` },
  });
  return unwrap<T>(path, response);
}

export async function mutate<T>(
  base: string,
  token: string,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(superjson.serialize(input)),
  });
  return unwrap<T>(path, response);
}
