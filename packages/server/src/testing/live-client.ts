import type { DialogueEventView } from '@berichtsheft/core';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import type { AppRouter } from '../routers/index.js';

/**
 * A tRPC client of one instance with a fixed bearer token, subscriptions over server-sent events with the token in a
 * header, as the published client sends them.
 */
export function liveClient(url: string, token: string) {
  const fetchWithToken = (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          transformer: superjson,
          EventSource,
          eventSourceOptions: () => ({ fetch: fetchWithToken }),
        }),
        false: httpBatchLink({ url: `${url}/trpc`, transformer: superjson, fetch: fetchWithToken }),
      }),
    ],
  });
}

/** What a subscriber received, in order, with the event ids; and a way to wait for more. */
export interface Received {
  events: { id: string; event: DialogueEventView }[];
  errors: unknown[];
  /** The reasons the stream gave when it was lost and the client started to reconnect. */
  interruptions: string[];
  /** Resolves once the server has opened the stream. */
  started(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  stop(): void;
}

export function subscribeThread(
  client: ReturnType<typeof liveClient>,
  input: Parameters<ReturnType<typeof liveClient>['dialogue']['events']['subscribe']>[0],
): Received {
  const events: Received['events'] = [];
  const errors: unknown[] = [];
  const interruptions: string[] = [];
  let markStarted: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const subscription = client.dialogue.events.subscribe(input, {
    onStarted: () => markStarted(),
    onConnectionStateChange: (state) => {
      if (state.state === 'connecting' && state.error) interruptions.push(state.error.message);
    },
    onData: (envelope) => events.push({ id: envelope.id, event: envelope.data }),
    onError: (error) => errors.push(error),
  });
  return {
    events,
    errors,
    interruptions,
    started: () => opened,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (errors.length > 0) throw new Error(`the subscription failed: ${String(errors[0])}`);
        if (Date.now() > deadline) {
          throw new Error(`${events.length} of ${count} events within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: () => subscription.unsubscribe(),
  };
}
