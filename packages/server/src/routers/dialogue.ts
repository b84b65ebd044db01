import {
  companyScopedInput,
  type DialogueEventView,
  dialogueDeleteInput,
  dialogueEditInput,
  dialogueEventsInput,
  dialogueMessagesInput,
  dialoguePostInput,
  dialogueReadInput,
  type MessageView,
  type ReadMarkerView,
  type ThreadPageView,
  type UnreadView,
} from '@berichtsheft/core';
import type { TrackedEnvelope } from '@trpc/server';
import { router } from '../trpc/init.js';
import { companyProcedure } from '../trpc/procedures.js';
import { followThread } from '../workflow/dialogue/following.js';
import { readThreadPage, readUnread } from '../workflow/dialogue/reading.js';
import {
  deleteMessage,
  editMessage,
  markThreadRead,
  postMessage,
} from '../workflow/dialogue/writing.js';

/** The conversation between an apprentice and the people assigned to them, per apprenticeship or per week. */
export const dialogueRouter = router({
  /** A page of a thread, newest messages by default; reading marks nothing as read. */
  messages: companyProcedure
    .input(dialogueMessagesInput)
    .query(({ ctx, input }): Promise<ThreadPageView> => readThreadPage(ctx, input)),

  /** The caller's unread messages in the company, per thread and in total. */
  unread: companyProcedure
    .input(companyScopedInput)
    .query(({ ctx }): Promise<UnreadView> => readUnread(ctx)),

  post: companyProcedure
    .input(dialoguePostInput)
    .mutation(({ ctx, input }): Promise<MessageView> => postMessage(ctx, input)),

  edit: companyProcedure
    .input(dialogueEditInput)
    .mutation(({ ctx, input }): Promise<MessageView> => editMessage(ctx, input)),

  delete: companyProcedure
    .input(dialogueDeleteInput)
    .mutation(({ ctx, input }): Promise<MessageView> => deleteMessage(ctx, input)),

  markRead: companyProcedure
    .input(dialogueReadInput)
    .mutation(({ ctx, input }): Promise<ReadMarkerView | null> => markThreadRead(ctx, input)),

  /** The thread's changes as they commit, resumable by the id of the last one seen (server-sent events). */
  events: companyProcedure
    .input(dialogueEventsInput)
    .subscription(
      ({ ctx, input, signal }): Promise<AsyncGenerator<TrackedEnvelope<DialogueEventView>>> =>
        followThread(ctx, input, signal),
    ),
});
