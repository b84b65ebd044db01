import { asMember, type RouteOutcome } from '../../access/as-member.js';
import type { Identity } from '../../context.js';
import type { Database } from '../../db/database.js';
import { insertRecordEvent } from '../../db/queries/record-events.js';
import type { PdfFonts } from '../../export/pdf/render-record-pdf.js';
import { recordFileName } from './file-names.js';
import { type RecordRequest, readPrintableRecord } from './read-record.js';

/** The fonts from the installed package; a browser (the playground) passes its own way of loading them instead. */
const defaultFonts = async (): Promise<PdfFonts> =>
  (await import('../../export/pdf/node-fonts.js')).nodeFonts();

export interface PrintedRecord {
  fileName: string;
  weeks: number;
  body: ReadableStream<Uint8Array>;
}

/**
 * The record as a PDF for the exam. The record is read and the export noted in one request transaction; the PDF is
 * printed after it ended, a week at a time as the client reads, so no connection waits for a slow download. The
 * printing code (and its fonts) is loaded on the first export only, away from every other request.
 */
export async function printRecord(
  database: Database,
  identity: Identity,
  companyId: string,
  request: RecordRequest & {
    verificationUrl: (code: string) => string;
    fonts?: () => Promise<PdfFonts>;
  },
  onCaller?: (personId: string) => void,
): Promise<RouteOutcome<PrintedRecord>> {
  const read = await asMember(
    database,
    identity,
    companyId,
    async (scope) => {
      const record = await readPrintableRecord(scope, request);
      await insertRecordEvent(scope.db, {
        kind: 'pdf_export',
        companyId,
        apprenticeshipId: request.apprenticeshipId,
        actorId: scope.person.id,
        detail: `${record.weeks.length} weeks`,
      });
      return { ok: true, value: record };
    },
    onCaller,
  );
  if (!read.ok) return read;
  const [{ renderRecordPdf }, fonts] = await Promise.all([
    import('../../export/pdf/render-record-pdf.js'),
    (request.fonts ?? defaultFonts)(),
  ]);
  const record = read.value;
  return {
    ok: true,
    value: {
      fileName: recordFileName(record, 'pdf'),
      weeks: record.weeks.length,
      body: renderRecordPdf(record, { verificationUrl: request.verificationUrl, fonts }),
    },
  };
}
