import canonicalize from 'canonicalize';

/**
 * SHA-256 (hex) over the RFC 8785 canonical JSON of a value. The same content gives the same hash in the browser
 * and on the server, whatever the key order, so an approved record can be verified later.
 */
export async function contentHash(value: unknown): Promise<string> {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new TypeError('Value cannot be represented as JSON');
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(canonical),
  );
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
