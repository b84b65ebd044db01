/** `attachment; filename*=UTF-8''…` (RFC 6266, RFC 8187), with a plain ASCII fallback for old clients. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A file sent as a download: never shown in the API's origin, never guessed at by a browser, never cached (S22). */
export function downloadResponse(
  body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>,
  type: string,
  fileName: string,
): Response {
  const headers: Record<string, string> = {
    'content-type': type,
    'content-disposition': contentDisposition(fileName),
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    'cache-control': 'no-store',
  };
  // A file in memory says how long it is; a streamed one cannot know before it ends.
  if (body instanceof Uint8Array) headers['content-length'] = String(body.byteLength);
  return new Response(body, { status: 200, headers });
}
