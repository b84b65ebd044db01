import {
  DIALOGUE_LIMITS,
  type DialogueMessagesInput,
  type ThreadPageView,
  type UnreadView,
} from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import {
  countUnread,
  findThread,
  listMessages,
  listUnread,
  readMarkersChangedSince,
} from '../../db/queries/dialogue.js';
import { loadThreadSubject } from './thread-access.js';
import { toMessageView, toReadMarkerView } from './views.js';

/**
 * A page of a thread for one of its participants: the newest messages (or those before `before`), how far everyone
 * has read, and the sequence to follow it live from. Reading writes nothing; marking as read is a call of its own.
 */
export async function readThreadPage(
  scope: CallerScope,
  input: DialogueMessagesInput,
): Promise<ThreadPageView> {
  const { subject } = await loadThreadSubject(scope, input);
  const thread = await findThread(scope.db, subject);
  if (!thread) {
    return {
      threadId: null,
      messages: [],
      hasOlder: false,
      lastSeq: 0,
      readSeq: 0,
      unread: 0,
      reads: [],
    };
  }
  const limit = input.limit ?? DIALOGUE_LIMITS.pageDefault;
  // One more than the page shows tells whether older messages remain.
  const newestFirst = await listMessages(scope.db, thread.id, {
    before: input.before ?? null,
    limit: limit + 1,
  });
  const markers = await readMarkersChangedSince(scope.db, thread.id, 0);
  const own = markers.find((marker) => marker.personId === scope.person.id);
  const readSeq = own?.readSeq ?? 0;
  return {
    threadId: thread.id,
    messages: newestFirst
      .slice(0, limit)
      .reverse()
      .map((message) => toMessageView(message, scope.person.id)),
    hasOlder: newestFirst.length > limit,
    lastSeq: thread.lastSeq,
    readSeq,
    unread: await countUnread(scope.db, thread.id, scope.person.id, readSeq),
    reads: markers.filter((marker) => marker.personId !== scope.person.id).map(toReadMarkerView),
  };
}

/** What the caller has not read yet in the company, per thread and in total. */
export async function readUnread(scope: CallerScope): Promise<UnreadView> {
  const threads = await listUnread(scope.db, scope.person.id);
  return { total: threads.reduce((sum, thread) => sum + thread.unread, 0), threads };
}
