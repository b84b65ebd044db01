import type { DialogueEventView } from '@berichtsheft/core';
import { liveClient } from '../../packages/server/src/testing/live-client.js';
import { type SubscribeJob, type SubscriberReport, wallClock } from './dialogue-protocol.js';

/**
 * The subscribers of bench:dialogue, in a process of their own as browsers would be: they open the subscriptions
 * they are sent, say when all are open and when each has heard a message, and report each message's arrival with the
 * wall-clock time it arrived.
 */
const report = (message: SubscriberReport) => process.send?.(message);

process.once('message', (job: SubscribeJob) => {
  let open = 0;
  let live = 0;
  let pending: { body: string; at: number }[] = [];
  for (const { token, input } of job.subscriptions) {
    let heard = false;
    liveClient(job.url, token).dialogue.events.subscribe(input, {
      onStarted: () => {
        open += 1;
        if (open === job.subscriptions.length) report({ kind: 'open', count: open });
      },
      onData: ({ data }: { data: DialogueEventView }) => {
        if (data.kind !== 'message') return;
        pending.push({ body: data.message.body, at: wallClock() });
        if (!heard) {
          heard = true;
          live += 1;
          if (live === job.subscriptions.length) report({ kind: 'live' });
        }
      },
      onError: (error) => report({ kind: 'failure', message: String(error) }),
    });
  }
  // Arrivals leave in batches, so that reporting them does not delay the next ones.
  setInterval(() => {
    if (pending.length === 0) return;
    report({ kind: 'arrivals', arrivals: pending });
    pending = [];
  }, 100);
});
