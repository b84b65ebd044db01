import type { ReasonCode } from '@berichtsheft/core';

/** Why a request's JSON is refused before tRPC parses it. */
export type InputRefusal = Extract<ReasonCode, 'invalid_utf8' | 'forbidden_key' | 'invalid_input'>;

/**
 * Keys that reach an object's prototype when an input is copied. JSON.parse keeps `__proto__` as an own key, but
 * every later `{ ...input }` or assignment turns it into the prototype and the key is gone, so the strict schemas
 * would never see it (S29).
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any input of the API nests (a save is five levels); a deeper one only probes the parsers' stacks. */
export const MAX_JSON_DEPTH = 32;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text, or null when it is not UTF-8: refused, never stored with replacement characters. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A GET request's `input` parameter as text: null when absent, or `invalid_utf8` when its percent-encoding is not
 * UTF-8 (URLSearchParams would put U+FFFD in its place without a word).
 */
export function rawInputParameter(url: URL): string | null | 'invalid_utf8' {
  for (const pair of url.search.slice(1).split('&')) {
    const [name, value = ''] = pair.split('=', 2);
    if (name !== 'input') continue;
    try {
      return decodeURIComponent(value.replaceAll('+', ' '));
    } catch {
      return 'invalid_utf8';
    }
  }
  return null;
}

/** How deeply the arrays and objects of a JSON text nest, counted without parsing it. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}

/**
 * Checks a request's JSON before anything copies it: too deep, or a forbidden key anywhere. Text that is not JSON at
 * all passes, for tRPC to answer as a parse error.
 */
export function inspectJson(text: string): InputRefusal | null {
  if (nestingDepth(text) > MAX_JSON_DEPTH) return 'invalid_input';
  let forbidden = false;
  try {
    JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden = true;
      return value;
    });
  } catch {
    return null;
  }
  return forbidden ? 'forbidden_key' : null;
}
