import { type MessageView, messageChangeableUntil, type ReadMarkerView } from '@berichtsheft/core';
import type { MessageRecord, ReadMarkerRecord } from '../../db/queries/dialogue.js';

/** A stored message as `viewerId` sees it: what they may still change is decided by core's rule. */
export function toMessageView(message: MessageRecord, viewerId: string): MessageView {
  const deleted = message.deletedAt !== null;
  return {
    id: message.id,
    seq: message.seq,
    changeSeq: message.changeSeq,
    authorId: message.authorId,
    authorName: message.authorName,
    body: message.body,
    attachments: deleted ? [] : message.attachments,
    sentAt: message.createdAt,
    editedAt: message.editedAt,
    deletedAt: message.deletedAt,
    changeableUntil: messageChangeableUntil(
      { authorId: message.authorId, createdAt: message.createdAt, deleted },
      viewerId,
    ),
  };
}

export function toReadMarkerView(marker: ReadMarkerRecord): ReadMarkerView {
  return {
    personId: marker.personId,
    displayName: marker.displayName,
    readSeq: marker.readSeq,
    changeSeq: marker.changeSeq,
  };
}
