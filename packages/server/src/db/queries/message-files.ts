import type { FileMediaType, MessageFileView } from '@berichtsheft/core';
import { sql } from 'drizzle-orm';
import type { Executor } from '../database.js';
import { rowsOf } from '../raw-rows.js';

/** Stores an uploaded file, not yet attached to any message. */
export async function insertMessageFile(
  db: Executor,
  file: {
    companyId: string;
    uploadedBy: string;
    fileName: string;
    mediaType: FileMediaType;
    sha256: string;
    content: Uint8Array;
  },
): Promise<MessageFileView> {
  const [stored] = await rowsOf<MessageFileView>(
    db,
    sql`insert into message_files (company_id, uploaded_by, file_name, media_type, size_bytes, sha256, content)
        values (${file.companyId}, ${file.uploadedBy}, ${file.fileName}, ${file.mediaType},
          ${file.content.byteLength}, ${file.sha256}, ${file.content})
        returning id, file_name as "fileName", media_type as "mediaType", size_bytes as "sizeBytes"`,
  );
  if (!stored) throw new Error('the file was not stored');
  return stored;
}

/** Attaches the uploader's unattached files to their message; answers how many it attached. */
export async function attachFiles(
  db: Executor,
  attachment: { messageId: string; uploaderId: string; fileIds: readonly string[] },
): Promise<number> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`update message_files set message_id = ${attachment.messageId}
        where id = any(${`{${attachment.fileIds.join(',')}}`}::uuid[])
          and uploaded_by = ${attachment.uploaderId} and message_id is null
        returning id`,
  );
  return rows.length;
}

/** Removes a message's files, when the message is deleted: nothing of it is kept. */
export async function removeFilesOfMessage(db: Executor, messageId: string): Promise<void> {
  await db.execute(sql`delete from message_files where message_id = ${messageId}`);
}

export interface StoredFile {
  fileName: string;
  mediaType: FileMediaType;
  content: Uint8Array;
}

/** A file with its bytes, if the caller may see it (the policies decide: its uploader, or its message's readers). */
export async function findMessageFile(
  db: Executor,
  fileId: string,
): Promise<StoredFile | undefined> {
  const [file] = await rowsOf<{ fileName: string; mediaType: FileMediaType; content: Uint8Array }>(
    db,
    sql`select file_name as "fileName", media_type as "mediaType", content from message_files where id = ${fileId}`,
  );
  return file ? { ...file, content: new Uint8Array(file.content) } : undefined;
}
