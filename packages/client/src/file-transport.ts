import type { MessageFileView, RecordImportView } from '@berichtsheft/core';
import type { FetchLike } from './auth-fetch.js';
import { toApiError } from './error-mapping.js';
import { API_ERROR_CODES, ApiError, type ApiErrorCode, isApiError } from './errors.js';

/** A record to take out of the system: printed (`pdf`, optionally a period of ISO weeks) or portable (`zip`). */
export interface RecordDownload {
  kind: 'pdf' | 'zip';
  companyId: string;
  apprenticeshipId: string;
  /** First and last week of a printed period, as `2025-W31`; the whole record without them. */
  from?: string | undefined;
  to?: string | undefined;
  /** Told how many bytes have arrived, as they arrive: a long record takes a while. */
  onProgress?: ((receivedBytes: number) => void) | undefined;
}

export interface DownloadedFile {
  blob: Blob;
  /** The name the server gave it, to save it under. */
  fileName: string;
}

/** How files travel: beside tRPC over HTTP, or in the playground straight to the server's own use cases. */
export interface FileTransport {
  upload(
    companyId: string,
    file: Blob,
    fileName: string,
    signal?: AbortSignal,
  ): Promise<MessageFileView>;
  download(companyId: string, fileId: string, signal?: AbortSignal): Promise<Blob>;
  downloadRecord(request: RecordDownload, signal?: AbortSignal): Promise<DownloadedFile>;
  importRecord(
    companyId: string,
    apprenticeshipId: string,
    file: Blob,
    signal?: AbortSignal,
  ): Promise<RecordImportView>;
}

/** The name in `Content-Disposition`: the UTF-8 form (RFC 8187) where given, else the plain one. */
export function fileNameOfDisposition(header: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A broken encoding falls back to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
}

/**
 * A body read to its end while counting, so the caller can show how far a long download is. Cancelled through
 * `signal` as fetch is (a stream that does not know fetch's signal is let go too), rejecting as `ABORTED`.
 */
export async function readBlob(
  body: ReadableStream<Uint8Array> | null,
  type: string,
  onProgress?: (receivedBytes: number) => void,
  signal?: AbortSignal,
): Promise<Blob> {
  if (!body) return new Blob([], { type });
  const reader = body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    if (signal?.aborted) {
      await reader.cancel();
      throw new ApiError('ABORTED', 'aborted');
    }
    chunks.push(read.value as Uint8Array<ArrayBuffer>);
    received += read.value.byteLength;
    onProgress?.(received);
  }
  return new Blob(chunks, { type });
}

const REASON = /^[a-z][a-z0-9_]*$/;

/** The `ApiError` for a refusal of the file routes, from their `{ error: { code, reason } }` body. */
async function refusalOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: unknown; reason?: unknown };
  } | null;
  const code = (API_ERROR_CODES as readonly unknown[]).includes(body?.error?.code)
    ? (body?.error?.code as ApiErrorCode)
    : response.status >= 500
      ? 'INTERNAL_SERVER_ERROR'
      : 'BAD_REQUEST';
  const reason = typeof body?.error?.reason === 'string' && REASON.test(body.error.reason);
  return new ApiError(code, reason ? (body?.error?.reason as string) : 'unexpected');
}

async function send(request: () => Promise<Response>, signal?: AbortSignal): Promise<Response> {
  try {
    const response = await request();
    if (!response.ok) throw await refusalOf(response);
    return response;
  } catch (error) {
    if (signal?.aborted) throw new ApiError('ABORTED', 'aborted', { cause: error });
    throw isApiError(error) ? error : toApiError(error);
  }
}

/** The file routes of a server at `baseUrl`, with the client's token handling (`fetch` adds the bearer token). */
export function httpFileTransport(baseUrl: string, fetch: FetchLike): FileTransport {
  const base = baseUrl.replace(/\/+$/, '');
  const routes = `${base}/dialogue/files`;
  const recordUrl = (companyId: string, apprenticeshipId: string, action: string) =>
    `${base}/records/${encodeURIComponent(apprenticeshipId)}/${action}?companyId=${encodeURIComponent(companyId)}`;
  return {
    async upload(companyId, file, fileName, signal) {
      const response = await send(
        () =>
          fetch(`${routes}?companyId=${encodeURIComponent(companyId)}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/octet-stream',
              'x-file-name': encodeURIComponent(fileName),
            },
            body: file,
            ...(signal ? { signal } : {}),
          }),
        signal,
      );
      return ((await response.json()) as { file: MessageFileView }).file;
    },
    async download(companyId, fileId, signal) {
      const url = `${routes}/${encodeURIComponent(fileId)}?companyId=${encodeURIComponent(companyId)}`;
      const response = await send(() => fetch(url, signal ? { signal } : {}), signal);
      return response.blob();
    },
    async downloadRecord(request, signal) {
      const action = request.kind === 'pdf' ? 'pdf' : 'export';
      const period = [
        request.from ? `&from=${encodeURIComponent(request.from)}` : '',
        request.to ? `&to=${encodeURIComponent(request.to)}` : '',
      ].join('');
      const url = `${recordUrl(request.companyId, request.apprenticeshipId, action)}${period}`;
      const response = await send(() => fetch(url, signal ? { signal } : {}), signal);
      try {
        return {
          blob: await readBlob(
            response.body,
            response.headers.get('content-type') ?? 'application/octet-stream',
            request.onProgress,
            signal,
          ),
          fileName: fileNameOfDisposition(
            response.headers.get('content-disposition'),
            `Ausbildungsnachweis.${request.kind}`,
          ),
        };
      } catch (error) {
        if (signal?.aborted) throw new ApiError('ABORTED', 'aborted', { cause: error });
        throw toApiError(error);
      }
    },
    async importRecord(companyId, apprenticeshipId, file, signal) {
      const response = await send(
        () =>
          fetch(recordUrl(companyId, apprenticeshipId, 'import'), {
            method: 'POST',
            headers: { 'content-type': 'application/zip' },
            body: file,
            ...(signal ? { signal } : {}),
          }),
        signal,
      );
      return ((await response.json()) as { imported: RecordImportView }).imported;
    },
  };
}
