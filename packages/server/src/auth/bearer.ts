export type BearerCredentials =
  | { kind: 'absent' }
  | { kind: 'malformed' }
  | { kind: 'token'; token: string };

/** Reads `Authorization: Bearer <token>` (RFC 6750 §2.1; the scheme name is case-insensitive). */
export function readBearer(header: string | null | undefined): BearerCredentials {
  if (header === null || header === undefined || header.trim() === '') return { kind: 'absent' };
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  const token = match?.[1];
  return token === undefined ? { kind: 'malformed' } : { kind: 'token', token };
}
