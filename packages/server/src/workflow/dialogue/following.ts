import type { DialogueEventsInput, DialogueEventView } from '@berichtsheft/core';
import { TRPCError, type TrackedEnvelope, tracked } from '@trpc/server';
import type { CallerScope } from '../../access/caller-scope.js';
import { notFound } from '../../access/refusals.js';
import type { Identity } from '../../context.js';
import type { Database } from '../../db/database.js';
import {
  findThread,
  type ThreadChanges,
  type ThreadRecord,
  threadChangesSince,
  threadKey,
} from '../../db/queries/dialogue.js';
import { temporaryDatabaseReason } from '../../db/temporary-failure.js';
import { Wake } from '../../realtime/wake.js';
import { inRequestTransaction } from '../../trpc/request-transaction.js';
import { loadThreadSubject } from './thread-access.js';
import { toMessageView, toReadMarkerView } from './views.js';

/** How long a subscriber waits before it looks again when the database could not answer. */
const RETRY_AFTER_BUSY_MS = 1000;

interface Change {
  seq: number;
  event: DialogueEventView;
}

/** The changes as the viewer sees them, in the order they were made. */
function changesFor(changes: ThreadChanges, viewerId: string): Change[] {
  return [
    ...changes.messages.map((message) => ({
      seq: message.changeSeq,
      event: { kind: 'message' as const, message: toMessageView(message, viewerId) },
    })),
    ...changes.markers.map((marker) => ({
      seq: marker.changeSeq,
      event: { kind: 'read' as const, read: toReadMarkerView(marker) },
    })),
  ].sort((a, b) => a.seq - b.seq);
}

export interface FollowContext extends CallerScope {
  database: Database;
  identity: Identity;
}

/**
 * Follows a thread live for one of its participants (S10). It first sends every change after `lastEventId` (or none:
 * a client without one has just read the thread), then each change as it commits in any instance. Each change is
 * sent whole, as it is now, with its sequence as the event id, so a client that reconnects with the last id it saw
 * misses nothing and gets nothing twice. Every look runs in a transaction of its own with membership and
 * participation checked again (S9): whoever loses access stops receiving at the next change. When the instance shuts
 * down the stream ends with `server_stopping` (503), and the client reconnects, to this instance or another.
 */
export async function followThread(
  context: FollowContext,
  input: DialogueEventsInput,
  signal: AbortSignal | undefined,
): Promise<AsyncGenerator<TrackedEnvelope<DialogueEventView>>> {
  const { subject } = await loadThreadSubject(context, input);
  const { database, identity } = context;
  const companyId = context.company.companyId;
  // Watching begins before the thread is read, so that no change falls between the two.
  const wake = new Wake();
  const stopWatching = database.signals.watch(threadKey(subject), wake.set);
  // A stream that is given up before it starts never reaches its `finally`.
  signal?.addEventListener('abort', stopWatching, { once: true });
  let thread: ThreadRecord | undefined;
  try {
    thread = await findThread(context.db, subject);
  } catch (error) {
    stopWatching();
    throw error;
  }
  const lastSeq = thread?.lastSeq ?? 0;
  let threadSeen = thread !== undefined;
  // An id from the future (another installation, a made-up one) would hide every change until the thread caught up.
  let cursor = Math.min(input.lastEventId == null ? lastSeq : Number(input.lastEventId), lastSeq);
  // A client that has seen everything (the usual reconnect) costs nothing until the next change: after a restart,
  // thousands of them come back at once.
  if (cursor < lastSeq) wake.set();
  // The instance's shutdown wakes every watcher itself; only the client's leaving needs a listener of its own.
  const stops = signal ? [signal] : [];
  const stopped = () => {
    // A shutdown is no end of the thread: the client is told to come back, to this instance or another.
    if (database.signals.closed.aborted) {
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'server_stopping' });
    }
    return stops.some((stop) => stop.aborted);
  };

  // Membership comes fresh from entering the transaction; participation from the policies, which show the thread to
  // its participants only. A thread seen before and hidden now means access was lost. (One not started yet shows
  // nothing to anybody; a stream of someone who lost access before it started ends with its lifetime.)
  const lookAgain = () =>
    inRequestTransaction(database, identity, companyId, async (tx, caller) => {
      if (!caller.company) notFound('company_not_found');
      const changes = await threadChangesSince(tx, subject, cursor);
      if (!changes.found && threadSeen) {
        notFound(subject.weekId === null ? 'apprenticeship_not_found' : 'week_not_found');
      }
      threadSeen ||= changes.found;
      return changesFor(changes, caller.person.id);
    });

  return (async function* follow() {
    try {
      while (true) {
        await wake.wait(stops);
        if (stopped()) return;
        let changes: Change[];
        try {
          changes = await lookAgain();
        } catch (error) {
          if (temporaryDatabaseReason(error) === null) throw error;
          // Busy or briefly gone: the changes stay in the database, so look again shortly.
          await wake.wait(stops, RETRY_AFTER_BUSY_MS);
          wake.set();
          continue;
        }
        for (const change of changes) {
          cursor = change.seq;
          yield tracked(String(change.seq), change.event);
        }
      }
    } finally {
      stopWatching();
    }
  })();
}
