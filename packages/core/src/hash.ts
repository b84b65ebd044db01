import canonicalize from 'canonicalize';
import { canonicalWeekContent, type WeekContent } from './content.js';

/**
 * SHA-256 (hex) over the RFC 8785 canonical JSON of a value. The same content gives the same hash in the browser
 * and on the server, whatever the key order, so an approved record can be verified later.
 */
export async function contentHash(value: unknown): Promise<string> {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new TypeError('Value cannot be represented as JSON');
  return sha256Hex(new TextEncoder().encode(canonical));
}

/** SHA-256 (hex) of bytes, e.g. of an uploaded file; the same in the browser and on the server. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The hash an approval signs and a verification recomputes: over the week's content in its canonical form only, so
 * ids, timestamps and key order do not change it.
 */
export function weekContentHash(content: WeekContent): Promise<string> {
  return contentHash(canonicalWeekContent(content));
}
