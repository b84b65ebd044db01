import type { MessageFileView } from '@berichtsheft/core';
import type { FetchLike } from './auth-fetch.js';
import { toApiError } from './error-mapping.js';
import { API_ERROR_CODES, ApiError, type ApiErrorCode, isApiError } from './errors.js';

/** How files travel: beside tRPC over HTTP, or in the playground straight to the server's own file use cases. */
export interface FileTransport {
  upload(
    companyId: string,
    file: Blob,
    fileName: string,
    signal?: AbortSignal,
  ): Promise<MessageFileView>;
  download(companyId: string, fileId: string, signal?: AbortSignal): Promise<Blob>;
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
  const routes = `${baseUrl.replace(/\/+$/, '')}/dialogue/files`;
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
  };
}
