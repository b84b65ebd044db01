import {
  cleanFileName,
  type MessageFileView,
  mediaTypeOf,
  type ReasonCode,
  sha256Hex,
} from '@berichtsheft/core';
import type { CallerScope } from '../../access/caller-scope.js';
import {
  findMessageFile,
  insertMessageFile,
  type StoredFile,
} from '../../db/queries/message-files.js';

/** What became of an upload: the stored file, or why it was refused and with which HTTP status. */
export type UploadOutcome =
  | { ok: true; file: MessageFileView }
  | { ok: false; status: 400 | 415; reason: ReasonCode };

/**
 * Stores a file a member uploads for a message they are about to send (S21: its type decided by its bytes). It stays
 * the uploader's alone until a message of theirs attaches it. The size was bounded while the body was read (S20).
 */
export async function storeMessageFile(
  scope: CallerScope,
  upload: { fileName: string; bytes: Uint8Array },
): Promise<UploadOutcome> {
  const fileName = cleanFileName(upload.fileName);
  if (fileName === null) return { ok: false, status: 400, reason: 'file_name_invalid' };
  const mediaType = mediaTypeOf(upload.bytes);
  if (mediaType === null) return { ok: false, status: 415, reason: 'file_type_not_allowed' };
  const file = await insertMessageFile(scope.db, {
    companyId: scope.company.companyId,
    uploadedBy: scope.person.id,
    fileName,
    mediaType,
    sha256: await sha256Hex(upload.bytes),
    content: upload.bytes,
  });
  return { ok: true, file };
}

/** A file with its bytes for whoever may see it: its uploader before it is sent, the thread's participants after. */
export function readMessageFile(
  scope: CallerScope,
  fileId: string,
): Promise<StoredFile | undefined> {
  return findMessageFile(scope.db, fileId);
}
