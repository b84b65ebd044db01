import { type PortableRecord, portableRecordSchema, RECORD_FORMAT } from '@berichtsheft/core';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { z } from 'zod';
import { asMember, type RouteOutcome } from '../../access/as-member.js';
import type { Identity } from '../../context.js';
import type { Database } from '../../db/database.js';
import { loadRecordFileContent } from '../../db/queries/record.js';
import { insertRecordEvent } from '../../db/queries/record-events.js';
import { recordFileName } from './file-names.js';
import { readPortableRecord } from './read-record.js';

/** Beside the record in every ZIP, so the file explains itself to whoever opens it years later. */
export const RECORD_SCHEMA_PATH = 'record.schema.json';

export interface ExportedRecord {
  fileName: string;
  body: ReadableStream<Uint8Array>;
}

/** Every file the record names, once each: the same bytes attached twice are stored once, under their hash. */
export function filesOfRecord(record: PortableRecord): string[] {
  const hashes = new Set<string>();
  for (const week of record.weeks) for (const file of week.attachments) hashes.add(file.sha256);
  for (const thread of record.dialogue) {
    for (const message of thread.messages)
      for (const file of message.files) hashes.add(file.sha256);
  }
  return [...hashes];
}

function schemaDocument(): Uint8Array {
  const schema = {
    ...z.toJSONSchema(portableRecordSchema),
    title: `${RECORD_FORMAT.name} version ${RECORD_FORMAT.version}`,
  };
  return new TextEncoder().encode(JSON.stringify(schema, null, 2));
}

/**
 * The ZIP, built while the client reads it: `record.json` and its schema first, then one file per pull, each read in
 * a request transaction of its own under the caller's policies, so a record with many attachments never sits whole
 * in memory and no connection is held while the client is slow.
 */
function zipStream(
  record: PortableRecord,
  readFile: (sha256: string) => Promise<Uint8Array>,
): ReadableStream<Uint8Array> {
  const pending = filesOfRecord(record);
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) controller.error(error);
        else {
          controller.enqueue(chunk);
          if (final) controller.close();
        }
      });
      const add = (path: string, bytes: Uint8Array) => {
        const entry = new ZipDeflate(path, { level: 6 });
        zip.add(entry);
        entry.push(bytes, true);
      };
      add(RECORD_FORMAT.documentPath, new TextEncoder().encode(JSON.stringify(record, null, 2)));
      add(RECORD_SCHEMA_PATH, schemaDocument());
    },
    async pull() {
      const next = pending.shift();
      if (next === undefined) {
        zip.end();
        return;
      }
      // PDF, PNG and JPEG are compressed already: stored as they are.
      const entry = new ZipPassThrough(RECORD_FORMAT.filePath(next));
      zip.add(entry);
      entry.push(await readFile(next), true);
    },
    cancel() {
      zip.terminate();
    },
  });
}

/** The apprentice's whole record as a ZIP (GDPR Art. 15 and 20), noted in the audit as exported. */
export async function exportRecord(
  database: Database,
  identity: Identity,
  companyId: string,
  apprenticeshipId: string,
  onCaller?: (personId: string) => void,
): Promise<RouteOutcome<ExportedRecord>> {
  const read = await asMember(
    database,
    identity,
    companyId,
    async (scope) => {
      const record = await readPortableRecord(scope, apprenticeshipId);
      await insertRecordEvent(scope.db, {
        kind: 'record_export',
        companyId,
        apprenticeshipId,
        actorId: scope.person.id,
        detail: `${record.weeks.length} weeks, ${filesOfRecord(record).length} files`,
      });
      return { ok: true, value: record };
    },
    onCaller,
  );
  if (!read.ok) return read;
  const record = read.value;
  const readFile = async (sha256: string) => {
    const found = await asMember(database, identity, companyId, async (scope) => {
      const content = await loadRecordFileContent(scope.db, { apprenticeshipId, sha256 });
      return content
        ? { ok: true, value: content }
        : { ok: false, status: 404, reason: 'file_not_found' };
    });
    // Removed since the record was read: the ZIP breaks off rather than promise a file it lacks.
    if (!found.ok) throw new Error(`A file of the record is gone: ${sha256}`);
    return found.value;
  };
  return {
    ok: true,
    value: { fileName: recordFileName(record, 'zip'), body: zipStream(record, readFile) },
  };
}
