import {
  type DialogueDeleteInput,
  type DialogueEditInput,
  type DialoguePostInput,
  type DialogueReadInput,
  decideMessageChange,
  type MessageView,
  type ReadMarkerView,
} from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import { conflict, notFound, refuse } from '../../access/refusals.js';
import { findApprenticeship } from '../../db/queries/apprenticeships.js';
import { findRelation } from '../../db/queries/assignments.js';
import {
  changeMessage,
  findMessage,
  findMessageByClientKey,
  findThread,
  insertMessage,
  type MessageRecord,
  moveReadMarker,
  takeNextSeq,
  threadKey,
} from '../../db/queries/dialogue.js';
import { attachFiles, removeFilesOfMessage } from '../../db/queries/message-files.js';
import { loadThreadSubject } from './thread-access.js';
import { toMessageView, toReadMarkerView } from './views.js';

/**
 * Attaches the files the author uploaded for the message, all or none: a file that is not theirs, is attached to
 * another message already or does not exist refuses the whole message (its transaction is undone).
 */
async function withAttachments(
  scope: CallerScope,
  message: MessageRecord,
  fileIds: readonly string[] | undefined,
): Promise<MessageRecord> {
  if (!fileIds || fileIds.length === 0) return message;
  const attached = await attachFiles(scope.db, {
    messageId: message.id,
    uploaderId: scope.person.id,
    fileIds,
  });
  if (attached !== fileIds.length) notFound('file_not_found');
  return (await findMessage(scope.db, message.id)) ?? message;
}

/**
 * Sends a message to a thread, starting the thread with its first message. A retry with the same `clientKey` returns
 * the message sent the first time instead of sending it again (S18); the same key for another thread is refused.
 */
export async function postMessage(
  scope: CallerScope,
  input: DialoguePostInput,
): Promise<MessageView> {
  const { subject } = await loadThreadSubject(scope, input);
  const thread = await takeNextSeq(scope.db, { ...subject, companyId: scope.company.companyId });
  const sent = await insertMessage(scope.db, {
    ...subject,
    thread,
    authorId: scope.person.id,
    clientKey: input.clientKey,
    body: input.body,
  });
  if (sent)
    return toMessageView(await withAttachments(scope, sent, input.attachmentIds), scope.person.id);
  const earlier = await findMessageByClientKey(scope.db, scope.person.id, input.clientKey);
  if (!earlier || threadKey(earlier) !== threadKey(subject) || earlier.body !== input.body) {
    conflict('idempotency_key_reused');
  }
  return toMessageView(earlier, scope.person.id);
}

/** Edits or deletes the caller's own message, within the window core allows. */
async function changeOwnMessage(
  scope: CallerScope,
  messageId: string,
  change: { body: string; deleted: boolean },
): Promise<MessageView> {
  const message = await findMessage(scope.db, messageId);
  if (!message) notFound('message_not_found');
  // Found at all only by a participant (the policies show no one else its thread); core still decides on the relation.
  const { companyId } = scope.company;
  const apprenticeship = await findApprenticeship(scope.db, companyId, message.apprenticeshipId);
  const relation = apprenticeship
    ? await findRelation(scope.db, companyId, apprenticeship, scope.person.id)
    : 'none';
  const decision = decideMessageChange(
    relation,
    {
      authorId: message.authorId,
      createdAt: message.createdAt,
      deleted: message.deletedAt !== null,
    },
    scope.person.id,
    new Date(),
  );
  if (!decision.ok) refuse(decision);
  if (change.deleted) await removeFilesOfMessage(scope.db, messageId);
  const changed = await changeMessage(scope.db, {
    apprenticeshipId: message.apprenticeshipId,
    weekId: message.weekId,
    messageId,
    threadId: message.threadId,
    ...change,
  });
  if (!changed) notFound('message_not_found');
  return toMessageView(changed, scope.person.id);
}

export function editMessage(scope: CallerScope, input: DialogueEditInput): Promise<MessageView> {
  return changeOwnMessage(scope, input.messageId, { body: input.body, deleted: false });
}

/** A deleted message keeps its place in the thread, shown as deleted, without its text. */
export function deleteMessage(
  scope: CallerScope,
  input: DialogueDeleteInput,
): Promise<MessageView> {
  return changeOwnMessage(scope, input.messageId, { body: '', deleted: true });
}

/**
 * Marks the thread read up to the message `seq`; the others see the marker move. Returns the moved marker, or null when
 * it did not move: it stood there already (a marker never moves back), or the thread has no message yet.
 */
export async function markThreadRead(
  scope: CallerScope,
  input: DialogueReadInput,
): Promise<ReadMarkerView | null> {
  const { subject } = await loadThreadSubject(scope, input);
  const thread = await findThread(scope.db, subject);
  if (!thread) return null;
  const moved = await moveReadMarker(scope.db, {
    ...subject,
    threadId: thread.id,
    personId: scope.person.id,
    seq: input.seq,
  });
  return moved ? toReadMarkerView(moved) : null;
}
