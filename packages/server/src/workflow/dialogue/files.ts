import {
  cleanFileName,
  FILE_LIMITS,
  type MessageFileView,
  mediaTypeOf,
  sha256Hex,
} from '@berichtsheft/core';
import { asMember, type RouteOutcome } from '../../access/as-member.js';
import type { Identity } from '../../context.js';
import type { Database } from '../../db/database.js';
import {
  findMessageFile,
  insertMessageFile,
  type StoredFile,
} from '../../db/queries/message-files.js';

/** What a file use case answers: its value, or why it refused and with which HTTP status. */
export type FileOutcome<T> = RouteOutcome<T>;

/**
 * Stores a file a member uploads for a message they are about to send: its type decided by its bytes (S21), its size
 * bounded (S20; over HTTP already while the body was read). It stays the uploader's alone until a message of theirs
 * attaches it.
 */
export function uploadMessageFile(
  database: Database,
  identity: Identity,
  companyId: string,
  upload: { fileName: string; bytes: Uint8Array; maxBytes?: number },
  onCaller?: (personId: string) => void,
): Promise<FileOutcome<MessageFileView>> {
  return asMember(
    database,
    identity,
    companyId,
    async (scope) => {
      if (upload.bytes.byteLength > (upload.maxBytes ?? FILE_LIMITS.maxBytes)) {
        return { ok: false, status: 413, reason: 'file_too_large' };
      }
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
      return { ok: true, value: file };
    },
    onCaller,
  );
}

/** A file with its bytes for whoever may see it: its uploader before it is sent, the thread's participants after. */
export function downloadMessageFile(
  database: Database,
  identity: Identity,
  companyId: string,
  fileId: string,
  onCaller?: (personId: string) => void,
): Promise<FileOutcome<StoredFile>> {
  return asMember(
    database,
    identity,
    companyId,
    async (scope) => {
      const file = await findMessageFile(scope.db, fileId);
      return file
        ? { ok: true, value: file }
        : { ok: false, status: 404, reason: 'file_not_found' };
    },
    onCaller,
  );
}
