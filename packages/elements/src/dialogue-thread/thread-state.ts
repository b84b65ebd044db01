import type {
  DialogueEventView,
  MessageView,
  ReadMarkerView,
  ThreadPageView,
} from '@berichtsheft/core';

/** What the element knows of a thread: the messages loaded so far, oldest first, and how far everyone has read. */
export interface ThreadState {
  messages: MessageView[];
  hasOlder: boolean;
  /** How far the viewer has read, as the server last said. */
  readSeq: number;
  /** Where the viewer had read to when the thread was opened: the "new" line stays there while they read on. */
  newSince: number;
  /** The other participants' markers by person. */
  reads: ReadonlyMap<string, ReadMarkerView>;
}

export function stateOfPage(page: ThreadPageView): ThreadState {
  return {
    messages: page.messages,
    hasOlder: page.hasOlder,
    readSeq: page.readSeq,
    newSince: page.readSeq,
    reads: new Map(page.reads.map((read) => [read.personId, read])),
  };
}

/** Puts a message in its place by `seq`, replacing an older state of it; a state older than the one held is ignored. */
function withMessage(messages: readonly MessageView[], message: MessageView): MessageView[] {
  const index = messages.findIndex((held) => held.id === message.id);
  if (index >= 0) {
    const held = messages[index];
    if (held && held.changeSeq >= message.changeSeq) return [...messages];
    return messages.map((each, i) => (i === index ? message : each));
  }
  return [...messages, message].sort((a, b) => a.seq - b.seq);
}

/** The state after a live event; events repeat nothing, but applying one twice would change nothing either. */
export function applyEvent(
  state: ThreadState,
  event: DialogueEventView,
  viewerId: string,
): ThreadState {
  if (event.kind === 'message') {
    return { ...state, messages: withMessage(state.messages, event.message) };
  }
  if (event.read.personId === viewerId) {
    return { ...state, readSeq: Math.max(state.readSeq, event.read.readSeq) };
  }
  const reads = new Map(state.reads);
  reads.set(event.read.personId, event.read);
  return { ...state, reads };
}

/** Older messages loaded above the ones shown. */
export function withOlder(state: ThreadState, page: ThreadPageView): ThreadState {
  const known = new Set(state.messages.map((message) => message.id));
  return {
    ...state,
    messages: [...page.messages.filter((message) => !known.has(message.id)), ...state.messages],
    hasOlder: page.hasOlder,
  };
}

/** Messages of others the viewer has not read, as far as the loaded messages tell. */
export function unreadOf(state: ThreadState, viewerId: string): number {
  return state.messages.filter(
    (message) =>
      message.authorId !== viewerId && message.deletedAt === null && message.seq > state.readSeq,
  ).length;
}

/** Who of the others has read the message. */
export function readersOf(state: ThreadState, message: MessageView): string[] {
  return [...state.reads.values()]
    .filter((read) => read.readSeq >= message.seq)
    .map((read) => read.displayName);
}

/** The newest message, whose `seq` marks the thread read up to it. */
export function newestSeq(state: ThreadState): number {
  return state.messages.at(-1)?.seq ?? 0;
}
