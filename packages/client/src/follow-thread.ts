import type { DialogueEventsInput } from '@berichtsheft/core';
import type { Following, ThreadListener } from './api.js';
import { toApiError } from './error-mapping.js';
import type { ApiError } from './errors.js';
import type { BerichtsheftClient } from './trpc-client.js';

const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 15_000;

/**
 * Whether a failed subscription is worth opening again: not when the server said no to this caller or this input,
 * which another attempt would only repeat.
 */
function isFinal(error: ApiError): boolean {
  return ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST'].includes(error.code);
}

/**
 * Follows a thread through the tRPC subscription, and keeps following it: when the stream ends (the server's
 * periodic re-open, a shutdown, a network loss the event source gives up on) it is opened again after a growing
 * pause, from the last event received, until `stop` or a final refusal.
 */
export function followThread(
  client: BerichtsheftClient,
  input: DialogueEventsInput,
  listener: ThreadListener,
): Following {
  let lastEventId = input.lastEventId ?? null;
  let stopped = false;
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let subscription: { unsubscribe(): void } | undefined;

  const again = () => {
    if (stopped) return;
    subscription?.unsubscribe();
    listener.onStatus?.('reconnecting');
    const pause = Math.min(RETRY_FIRST_MS * 2 ** retries, RETRY_MAX_MS);
    retries += 1;
    // Spread out, so that clients of an instance that went away do not all return at the same moment.
    retryTimer = setTimeout(open, pause / 2 + Math.random() * (pause / 2));
  };

  function open(): void {
    if (stopped) return;
    subscription = client.dialogue.events.subscribe(
      { ...input, lastEventId },
      {
        onStarted: () => {
          retries = 0;
          listener.onStatus?.('live');
        },
        onConnectionStateChange: (state) => {
          if (state.state === 'connecting' && state.error) listener.onStatus?.('reconnecting');
          if (state.state === 'pending') listener.onStatus?.('live');
        },
        onData: (envelope) => {
          lastEventId = envelope.id;
          listener.onEvent(envelope.data);
        },
        onError: (error) => {
          const failure = toApiError(error);
          if (isFinal(failure)) {
            stopped = true;
            listener.onError?.(failure);
          } else {
            again();
          }
        },
        onComplete: again,
      },
    );
  }

  listener.onStatus?.('connecting');
  open();
  return {
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      subscription?.unsubscribe();
    },
    resume() {
      if (stopped) return;
      clearTimeout(retryTimer);
      subscription?.unsubscribe();
      retries = 0;
      listener.onStatus?.('reconnecting');
      open();
    },
  };
}
