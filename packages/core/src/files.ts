/**
 * Files people attach (to a message, later to a week): what is accepted is decided by the bytes, never by the name
 * or the type a browser claims (S21). Free of zod and of Node, so the browser checks a file the same way before it
 * uploads it.
 */
export const FILE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type FileMediaType = (typeof FILE_MEDIA_TYPES)[number];

export const FILE_LIMITS = {
  /** The default largest file (S20); operators set their own with `BH_MAX_FILE_BYTES`. */
  maxBytes: 10 * 1024 * 1024,
  nameMax: 200,
  perMessage: 5,
} as const;

const SIGNATURES: readonly { type: FileMediaType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/**
 * The file's type by its first bytes, or null for anything else: HTML, SVG (text that may carry script), archives,
 * programs, and any of the accepted types merely renamed. Three fixed signatures need no library; `file-type` would
 * add a dependency for formats that are refused anyway.
 */
export function mediaTypeOf(bytes: Uint8Array): FileMediaType | null {
  for (const { type, bytes: signature } of SIGNATURES) {
    if (signature.every((byte, index) => bytes[index] === byte)) return type;
  }
  return null;
}

/**
 * The name to keep for a file: the last part of a path a browser may send, without control characters or lone
 * surrogates, trimmed, at most `FILE_LIMITS.nameMax` characters; null when nothing usable is left.
 */
export function cleanFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  let cleaned = '';
  for (const char of base) {
    const code = char.codePointAt(0) ?? 0;
    const control = code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0);
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    if (!control && !surrogate) cleaned += char;
  }
  cleaned = cleaned.trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return null;
  return [...cleaned].slice(0, FILE_LIMITS.nameMax).join('');
}
