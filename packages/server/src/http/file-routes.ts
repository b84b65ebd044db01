import { FILE_LIMITS, idSchema } from '@berichtsheft/core';
import type { Database } from '../db/database.js';
import { downloadMessageFile, uploadMessageFile } from '../workflow/dialogue/files.js';
import { readCappedBody } from './body.js';
import { downloadResponse } from './downloads.js';
import type { FileResponder } from './request-handler.js';
import { errorResponse, jsonResponse, refusalResponse } from './responses.js';

export interface FileRoutesOptions {
  database: Database;
  /** The largest file accepted, in bytes (S20); `FILE_LIMITS.maxBytes` when unset. */
  maxFileBytes?: number;
}

/** The name a client sends in `X-File-Name`, percent-encoded UTF-8 so that any name fits a header; null if broken. */
function fileNameOf(request: Request): string | null {
  const raw = request.headers.get('x-file-name');
  if (raw === null) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Uploads (`POST /dialogue/files?companyId=…`, the file as the raw body, its name in `X-File-Name`) and downloads
 * (`GET /dialogue/files/<id>?companyId=…`) of message files, outside tRPC's JSON. Each runs in a request transaction
 * like every call, so membership and the row-level policies decide who may store and who may read what (S10).
 */
export function createFileResponder(options: FileRoutesOptions): FileResponder {
  const maxBytes = options.maxFileBytes ?? FILE_LIMITS.maxBytes;

  return async (request, identity, path, log) => {
    const notePerson = (personId: string) => {
      log.personId = personId;
    };
    const companyId = idSchema.safeParse(new URL(request.url).searchParams.get('companyId'));
    if (!companyId.success) return errorResponse(400, 'BAD_REQUEST', 'invalid_input');

    if (path === '') {
      const fileName = fileNameOf(request);
      if (fileName === null) return errorResponse(400, 'BAD_REQUEST', 'file_name_invalid');
      // Read up to the limit and no further: a larger file is refused before anything is stored (S20).
      const body = await readCappedBody(request, maxBytes);
      if (!body.ok) return errorResponse(413, 'PAYLOAD_TOO_LARGE', 'file_too_large');
      const uploaded = await uploadMessageFile(
        options.database,
        identity,
        companyId.data,
        { fileName, bytes: body.bytes, maxBytes },
        notePerson,
      );
      return uploaded.ok ? jsonResponse(201, { file: uploaded.value }) : refusalResponse(uploaded);
    }

    const fileId = idSchema.safeParse(path.slice(1));
    if (!fileId.success) return errorResponse(404, 'NOT_FOUND', 'file_not_found');
    const found = await downloadMessageFile(
      options.database,
      identity,
      companyId.data,
      fileId.data,
      notePerson,
    );
    if (!found.ok) return refusalResponse(found);
    const file = found.value;
    return downloadResponse(file.content as Uint8Array<ArrayBuffer>, file.mediaType, file.fileName);
  };
}
