import { type IsoWeek, idSchema, parseIsoWeekName } from '@berichtsheft/core';
import type { Database } from '../db/database.js';
import { importRecord } from '../workflow/export/import-record.js';
import { exportRecord } from '../workflow/export/portable-record.js';
import { printRecord } from '../workflow/export/printed-record.js';
import { verifyCode } from '../workflow/export/verify-code.js';
import { readCappedBody } from './body.js';
import { downloadResponse } from './downloads.js';
import type { RecordResponder } from './request-handler.js';
import { errorResponse, jsonResponse, refusalResponse } from './responses.js';
import { RECORD_ROUTE } from './route-of.js';
import { verificationPage } from './verification-page.js';

export interface RecordRoutesOptions {
  database: Database;
  /** The largest import file accepted, and the most it may unpack to, in bytes. */
  maxImportBytes: number;
  /**
   * Where the API is reached from outside, for the verification links printed in the PDF; the request's own origin
   * and base path when unset (behind a proxy that rewrites them, set it).
   */
  publicUrl?: string;
}

/** A period's bound in the query, `2025-W41`; undefined when absent, null when it names no week. */
function weekParameter(value: string | null): IsoWeek | undefined | null {
  return value === null ? undefined : parseIsoWeekName(value);
}

/** Where this request reached the API, with its base path: the Host it was sent to, as the client named it. */
function publicUrlOf(request: Request, url: URL): string {
  // Printed into a document and a QR code: a host name and port, or nothing of what the client sent.
  const named = request.headers.get('host') ?? '';
  const host = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(named) ? named : url.host;
  const protocol =
    request.headers.get('x-forwarded-proto') === 'https' ? 'https' : url.protocol.slice(0, -1);
  return `${protocol}://${host}${url.pathname.slice(0, url.pathname.lastIndexOf('/records/'))}`;
}

/**
 * `GET /records/<apprenticeshipId>/pdf?companyId=…&from=2025-W31&to=2026-W30` (the printed record, or a period of
 * it), `GET /records/<id>/export?companyId=…` (the portable record as ZIP) and `POST /records/<id>/import?companyId=…`
 * (a ZIP from an export, as the raw body). Each is decided in a request transaction like every call (S10).
 */
export function createRecordResponder(options: RecordRoutesOptions): RecordResponder {
  return async (request, identity, path, log) => {
    const notePerson = (personId: string) => {
      log.personId = personId;
    };
    const url = new URL(request.url);
    const companyId = idSchema.safeParse(url.searchParams.get('companyId'));
    const [, rawId, action] = RECORD_ROUTE.exec(path) ?? [];
    const apprenticeshipId = idSchema.safeParse(rawId);
    if (!apprenticeshipId.success)
      return errorResponse(404, 'NOT_FOUND', 'apprenticeship_not_found');
    if (!companyId.success) return errorResponse(400, 'BAD_REQUEST', 'invalid_input');

    if (action === 'pdf') {
      const from = weekParameter(url.searchParams.get('from'));
      const to = weekParameter(url.searchParams.get('to'));
      if (from === null || to === null) return errorResponse(400, 'BAD_REQUEST', 'invalid_input');
      const base = options.publicUrl ?? publicUrlOf(request, url);
      const printed = await printRecord(
        options.database,
        identity,
        companyId.data,
        {
          apprenticeshipId: apprenticeshipId.data,
          range: { from, to },
          verificationUrl: (code) => `${base.replace(/\/+$/, '')}/verify?code=${code}`,
        },
        notePerson,
      );
      if (!printed.ok) return refusalResponse(printed);
      return downloadResponse(printed.value.body, 'application/pdf', printed.value.fileName);
    }

    if (action === 'export') {
      const exported = await exportRecord(
        options.database,
        identity,
        companyId.data,
        apprenticeshipId.data,
        notePerson,
      );
      if (!exported.ok) return refusalResponse(exported);
      return downloadResponse(exported.value.body, 'application/zip', exported.value.fileName);
    }

    const body = await readCappedBody(request, options.maxImportBytes);
    if (!body.ok) return errorResponse(413, 'PAYLOAD_TOO_LARGE', 'file_too_large');
    const imported = await importRecord(
      options.database,
      identity,
      companyId.data,
      apprenticeshipId.data,
      body.bytes,
      { maxUnpackedBytes: options.maxImportBytes },
      notePerson,
    );
    if (imported.ok) return jsonResponse(201, { imported: imported.value });
    return refusalResponse(imported, 'details' in imported ? imported.details : {});
  };
}

/**
 * `GET /verify?code=…`: the public check of a Prüfcode, as a page for a person and as JSON for a program that asks
 * for it (`Accept: application/json`). Nothing but the week, the approver, the time and whether the content holds.
 */
export async function serveVerification(database: Database, request: Request): Promise<Response> {
  const input = new URL(request.url).searchParams.get('code');
  const result = input === null ? null : await verifyCode(database, input);
  if ((request.headers.get('accept') ?? '').includes('application/json')) {
    if (result === null) return errorResponse(400, 'BAD_REQUEST', 'invalid_input');
    return jsonResponse(200, result, { 'cache-control': 'no-store' });
  }
  return new Response(verificationPage(input, result), {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // No script at all, nothing from elsewhere, not inside anyone's frame.
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
    },
  });
}
